import { Card, Table, type TableColumnsType, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { listMemberRedemptions, type RewardRedemption } from '../../../../api/rewards'
import { useQuery } from '../../../../api/use-query'
import { CursorPager } from '../../../../components/CursorPager'
import { type CursorStack, currentCursor } from '../../../../components/cursor-stack'
import { ErrorAlert } from '../../../../components/ErrorAlert'
import { useFormat } from '../../../../i18n/use-format'
import { useAdminSession } from '../../../../session/AdminSession'

const PAGE_SIZE = 10
const STATUS_COLOURS = { pending: 'gold', fulfilled: 'green', cancelled: 'default' } as const

/** The member's reward redemptions, newest first, with their status. */
export function MemberRedemptions({ member }: { member: string }) {
  const { t } = useTranslation()
  const { api, program } = useAdminSession()
  const format = useFormat(program?.timezone)
  const [stack, setStack] = useState<CursorStack>([])
  const cursor = currentCursor(stack)
  const list = useQuery(JSON.stringify(['member-redemptions', member, cursor ?? null]), (signal) =>
    listMemberRedemptions(api, member, { limit: PAGE_SIZE, cursor }, signal),
  )
  const page = list.error ? undefined : list.data
  const columns: TableColumnsType<RewardRedemption> = [
    {
      title: t('rewards.queue.createdAt'),
      key: 'created_at',
      render: (_, row) => format.dateTime(row.created_at),
    },
    { title: t('rewards.queue.reward'), key: 'reward', render: (_, row) => row.reward_name },
    {
      title: t('rewards.queue.quantity'),
      key: 'quantity',
      align: 'right',
      render: (_, row) => format.number(row.quantity),
    },
    {
      title: t('rewards.queue.points'),
      key: 'points',
      align: 'right',
      render: (_, row) => format.number(row.points_spent),
    },
    {
      title: t('rewards.member.status'),
      key: 'status',
      render: (_, row) => (
        <Tag color={STATUS_COLOURS[row.status]}>{t(`rewards.member.statuses.${row.status}`)}</Tag>
      ),
    },
  ]
  return (
    <Card title={t('rewards.member.title')} data-testid="member-redemptions">
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <div style={{ overflowX: 'auto' }}>
        <Table<RewardRedemption>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={page?.data ?? []}
          loading={list.loading}
          pagination={false}
          locale={{ emptyText: t('rewards.member.empty') }}
        />
      </div>
      <CursorPager
        stack={stack}
        nextCursor={page?.next_cursor ?? null}
        loading={list.loading}
        onChange={setStack}
      />
    </Card>
  )
}
