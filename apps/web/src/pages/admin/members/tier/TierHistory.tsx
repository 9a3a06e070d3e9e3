import { ArrowRightOutlined } from '@ant-design/icons'
import { Flex, Table, type TableColumnsType, Tag } from 'antd'
import type { HTMLAttributes } from 'react'
import { useTranslation } from 'react-i18next'
import type { TierHistoryEntry } from '../../../../api/tiers'
import { TierTag } from '../../../../components/tiers/TierTag'
import type { useTierText } from '../../../../components/tiers/use-tier-text'

const REASON_COLORS: Record<string, string> = {
  upgrade: 'green',
  downgrade: 'orange',
  override: 'purple',
  override_expired: 'default',
  ladder_change: 'blue',
}

export interface TierHistoryProps {
  history: TierHistoryEntry[]
  text: ReturnType<typeof useTierText>
}

/** Every tier change, newest first: from → to, when, why in words, and the note. */
export function TierHistory({ history, text }: TierHistoryProps) {
  const { t } = useTranslation()
  const columns: TableColumnsType<TierHistoryEntry> = [
    {
      title: t('memberTier.history.change'),
      key: 'change',
      render: (_, row) => (
        <Flex align="center" gap={6} wrap>
          <TierTag tier={text.tier(row.from)} style={{ marginInlineEnd: 0 }} />
          <ArrowRightOutlined style={{ color: 'rgba(0,0,0,0.45)' }} />
          <TierTag tier={text.tier(row.to)} style={{ marginInlineEnd: 0 }} />
        </Flex>
      ),
    },
    {
      title: t('memberTier.history.reason'),
      key: 'reason',
      render: (_, row) => (
        <Tag color={REASON_COLORS[row.reason] ?? 'default'}>{text.reason(row.reason)}</Tag>
      ),
    },
    {
      title: t('memberTier.history.at'),
      key: 'at',
      render: (_, row) => text.dateTime(row.at),
    },
    {
      title: t('memberTier.history.note'),
      key: 'note',
      render: (_, row) => row.note ?? t('common.empty'),
    },
  ]
  return (
    <div style={{ overflowX: 'auto' }} data-testid="member-tier-history">
      <Table<TierHistoryEntry>
        size="small"
        rowKey={(row) => `${row.at}-${row.from}-${row.to}`}
        columns={columns}
        dataSource={history}
        pagination={history.length > 5 ? { pageSize: 5, size: 'small' } : false}
        locale={{ emptyText: t('memberTier.history.empty') }}
        style={{ minWidth: 560 }}
        onRow={() => ({ 'data-testid': 'member-tier-history-row' }) as HTMLAttributes<HTMLElement>}
      />
    </div>
  )
}
