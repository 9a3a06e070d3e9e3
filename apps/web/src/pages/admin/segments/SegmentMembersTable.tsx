import { Table, type TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { Member } from '../../../api/members'
import type { Tier } from '../../../api/tiers'
import { TierTag } from '../../../components/tiers/TierTag'
import { resolveTier } from '../../../components/tiers/tier-helpers'
import { useFormat } from '../../../i18n/use-format'

export interface SegmentMembersTableProps {
  members: readonly Member[]
  ladder: readonly Tier[] | undefined
  loading?: boolean
  emptyText: string
  /** Fewer columns, for a narrow panel (the editor's preview). */
  compact?: boolean
  'data-testid'?: string
}

/** Members of a segment (or a preview's sample): who, tier, points, spend. */
export function SegmentMembersTable({
  members,
  ladder,
  loading,
  emptyText,
  compact = false,
  'data-testid': testId,
}: SegmentMembersTableProps) {
  const { t } = useTranslation()
  const format = useFormat()
  const columns: TableColumnsType<Member> = [
    {
      title: t('members.columns.externalId'),
      key: 'external_id',
      render: (_, member) => <Link to={`/admin/members/${member.id}`}>{member.external_id}</Link>,
    },
    {
      title: t('members.columns.name'),
      key: 'name',
      render: (_, member) => member.name ?? t('common.empty'),
    },
    {
      title: t('members.columns.tier'),
      key: 'tier',
      render: (_, member) => (
        <TierTag tier={resolveTier(ladder, member.tier.key, member.tier.name)} />
      ),
    },
    {
      title: t('members.columns.points'),
      key: 'points',
      align: 'right',
      render: (_, member) => format.number(member.points.available),
    },
  ]
  if (!compact) {
    columns.push({
      title: t('members.columns.joinedAt'),
      key: 'joined_at',
      render: (_, member) => format.date(member.joined_at),
    })
  }
  return (
    <div style={{ overflowX: 'auto' }} data-testid={testId}>
      <Table<Member>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={[...members]}
        loading={loading}
        pagination={false}
        style={{ minWidth: compact ? 0 : 560 }}
        locale={{ emptyText }}
      />
    </div>
  )
}
