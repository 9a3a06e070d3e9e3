import { EditOutlined } from '@ant-design/icons'
import { Button, Card, Skeleton, Tabs } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { getMemberPoints } from '../../../../api/points'
import { useQuery } from '../../../../api/use-query'
import { ErrorAlert } from '../../../../components/ErrorAlert'
import { useAdminSession } from '../../../../session/AdminSession'
import { AdjustPointsModal } from './AdjustPointsModal'
import { PointsExplain } from './PointsExplain'
import { PointsHistory } from './PointsHistory'
import { PointsSummary } from './PointsSummary'

export interface MemberPointsProps {
  /** The member's `mem_…` id or external id. */
  member: string
  /** Called after an adjustment, so the page can refresh what else shows the balance. */
  onChanged?: () => void
}

/** The member's points card: balance, expiring soon, lifetime, history, explain, adjust. */
export function MemberPoints({ member, onChanged }: MemberPointsProps) {
  const { t } = useTranslation()
  const { api, program } = useAdminSession()
  const timeZone = program?.timezone
  // Bumped after an adjustment: every part of the card fetches again.
  const [version, setVersion] = useState(0)
  const [adjusting, setAdjusting] = useState(false)
  const key = JSON.stringify(['points', member, version])
  const balance = useQuery(key, (signal) => getMemberPoints(api, member, signal))
  // While the next version loads the last figures stay; another member's never show.
  const sameMember = balance.dataKey !== null && JSON.parse(balance.dataKey)[1] === member
  const data = sameMember ? balance.data : undefined

  return (
    <Card
      title={t('points.card.title')}
      data-testid="member-points"
      extra={
        <Button
          icon={<EditOutlined />}
          onClick={() => setAdjusting(true)}
          data-testid="adjust-points-button"
        >
          {t('points.card.adjust')}
        </Button>
      }
    >
      {balance.error ? <ErrorAlert error={balance.error} onRetry={balance.reload} /> : null}
      {data ? <PointsSummary balance={data} timeZone={timeZone} /> : null}
      {!data && !balance.error ? <Skeleton active paragraph={{ rows: 3 }} /> : null}
      <Tabs
        style={{ marginTop: 16 }}
        items={[
          {
            key: 'history',
            label: t('points.tabs.history'),
            children: (
              <PointsHistory
                api={api}
                scope={program?.id ?? ''}
                member={member}
                version={version}
                timeZone={timeZone}
              />
            ),
          },
          {
            key: 'explain',
            label: <span data-testid="points-explain-tab">{t('points.tabs.explain')}</span>,
            children: (
              <PointsExplain api={api} member={member} version={version} timeZone={timeZone} />
            ),
          },
        ]}
        destroyOnHidden
      />
      <AdjustPointsModal
        api={api}
        member={member}
        open={adjusting}
        onClose={() => setAdjusting(false)}
        onAdjusted={() => {
          setAdjusting(false)
          setVersion((n) => n + 1)
          onChanged?.()
        }}
      />
    </Card>
  )
}
