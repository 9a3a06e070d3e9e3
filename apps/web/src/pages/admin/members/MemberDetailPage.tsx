import { ArrowLeftOutlined, ExportOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Flex, Skeleton, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'
import { createPortalSession, getMember } from '../../../api/members'
import { getTierLadder } from '../../../api/tiers'
import { useQuery } from '../../../api/use-query'
import { useErrorToast } from '../../../components/ApiProblem'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useAdminSession } from '../../../session/AdminSession'
import { MemberBenefits } from './benefits/MemberBenefits'
import { MemberCoupons } from './coupons/MemberCoupons'
import { MemberProfile } from './MemberProfile'
import { MemberPoints } from './points/MemberPoints'
import { MemberRedemptions } from './rewards/MemberRedemptions'
import { MemberTierCard } from './tier/MemberTierCard'

export function MemberDetailPage() {
  const { t } = useTranslation()
  const toastError = useErrorToast()
  const { api, program } = useAdminSession()
  const { id = '' } = useParams()
  const memberKey = `member:${id}`
  const member = useQuery(memberKey, (signal) => getMember(api, id, signal))
  const ladder = useQuery('tiers', (signal) => getTierLadder(api, signal))
  const [opening, setOpening] = useState(false)
  const [blockedUrl, setBlockedUrl] = useState<string | null>(null)

  const openPortal = async () => {
    setOpening(true)
    setBlockedUrl(null)
    try {
      const link = await createPortalSession(api, id)
      const opened = window.open(link.url, '_blank')
      // A popup blocker returns null: offer the link to click instead.
      if (opened) opened.opener = null
      else setBlockedUrl(link.url)
    } catch (error) {
      toastError(error)
    } finally {
      setOpening(false)
    }
  }

  // Never show the previous member's card while the next one loads.
  const data = member.dataKey === memberKey ? member.data : undefined
  return (
    <Flex vertical gap={16}>
      <Link to="/admin/members">
        <ArrowLeftOutlined /> {t('memberDetail.back')}
      </Link>
      {member.error ? <ErrorAlert error={member.error} onRetry={member.reload} /> : null}
      {!data && member.loading ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : null}
      {data ? (
        <Card
          data-testid="member-detail"
          title={
            <Flex vertical style={{ paddingBlock: 12 }}>
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                {t('memberDetail.title')}
              </Typography.Text>
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="member-detail-name">
                {data.name ?? data.external_id}
              </Typography.Title>
            </Flex>
          }
          extra={
            <Button
              type="primary"
              icon={<ExportOutlined />}
              loading={opening}
              onClick={openPortal}
              data-testid="open-portal-button"
            >
              {t('memberDetail.openPortal')}
            </Button>
          }
        >
          {blockedUrl ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={
                <a href={blockedUrl} target="_blank" rel="noopener noreferrer">
                  {t('memberDetail.popupBlocked')}
                </a>
              }
            />
          ) : null}
          <MemberProfile member={data} program={program} ladder={ladder.data?.tiers} />
        </Card>
      ) : null}
      {data ? (
        <MemberTierCard
          key={`tier:${id}`}
          member={id}
          ladder={ladder.data?.tiers}
          onChanged={member.reload}
        />
      ) : null}
      {data ? <MemberPoints key={id} member={id} onChanged={member.reload} /> : null}
      {data ? <MemberCoupons key={`coupons:${id}`} member={id} /> : null}
      {data ? <MemberBenefits key={`benefits:${id}`} member={id} /> : null}
      {data ? <MemberRedemptions key={`redemptions:${id}`} member={id} /> : null}
    </Flex>
  )
}
