import { CrownOutlined } from '@ant-design/icons'
import { Button, Card, Divider, Skeleton, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { getMemberTier, type MemberTierStatus, type Tier } from '../../../../api/tiers'
import { useQuery } from '../../../../api/use-query'
import { ErrorAlert } from '../../../../components/ErrorAlert'
import { useTierText } from '../../../../components/tiers/use-tier-text'
import { useAdminSession } from '../../../../session/AdminSession'
import { TierHistory } from './TierHistory'
import { TierOverrideModal } from './TierOverrideModal'
import { TierSummary } from './TierSummary'

export interface MemberTierCardProps {
  /** The member's `mem_…` id or external id. */
  member: string
  /** The program's ladder (names in English, colours, the tiers to choose from). */
  ladder: readonly Tier[] | undefined
  /** Called after an override, so the page can refresh what else shows the tier. */
  onChanged?: () => void
}

/** The member's tier card: tier, progress, what keeps it, history, and a manual override. */
export function MemberTierCard({ member, ladder, onChanged }: MemberTierCardProps) {
  const { t } = useTranslation()
  const { api, program } = useAdminSession()
  const [overriding, setOverriding] = useState(false)
  // An override answers the new status; it shows at once, over the one first loaded.
  const [updated, setUpdated] = useState<MemberTierStatus | null>(null)
  const status = useQuery(`member-tier:${member}`, (signal) => getMemberTier(api, member, signal))
  const text = useTierText({
    currency: program?.currency,
    timeZone: program?.timezone,
    ladder,
  })
  const data = updated ?? status.data

  return (
    <Card
      title={
        <span>
          <CrownOutlined /> {t('memberTier.title')}
        </span>
      }
      data-testid="member-tier"
      extra={
        <Button
          onClick={() => setOverriding(true)}
          disabled={!data || !ladder}
          data-testid="tier-override-button"
        >
          {t('memberTier.adjust')}
        </Button>
      }
    >
      {status.error ? <ErrorAlert error={status.error} onRetry={status.reload} /> : null}
      {data ? <TierSummary status={data} text={text} /> : null}
      {!data && !status.error ? <Skeleton active paragraph={{ rows: 2 }} /> : null}
      {data ? (
        <>
          <Divider titlePlacement="start" plain>
            <Typography.Text type="secondary">{t('memberTier.history.title')}</Typography.Text>
          </Divider>
          <TierHistory history={data.history} text={text} />
        </>
      ) : null}
      {data && ladder ? (
        <TierOverrideModal
          api={api}
          member={member}
          open={overriding}
          ladder={ladder}
          current={data.tier}
          timeZone={program?.timezone ?? 'Asia/Shanghai'}
          onClose={() => setOverriding(false)}
          onDone={(next) => {
            setOverriding(false)
            setUpdated(next)
            onChanged?.()
          }}
        />
      ) : null}
    </Card>
  )
}
