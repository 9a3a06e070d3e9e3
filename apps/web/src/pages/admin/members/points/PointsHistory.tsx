import { Flex, Table, type TableColumnsType, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { ApiClient } from '../../../../api/client'
import { listMemberPointTransactions, type PointTransaction } from '../../../../api/points'
import { useQuery } from '../../../../api/use-query'
import { useRuleNames } from '../../../../api/use-rule-names'
import { CursorPager } from '../../../../components/CursorPager'
import { type CursorStack, currentCursor } from '../../../../components/cursor-stack'
import { ErrorAlert } from '../../../../components/ErrorAlert'
import { PointsTypeTag } from '../../../../components/points/PointsTypeTag'
import { SignedPoints } from '../../../../components/points/SignedPoints'
import { useSourceLabel } from '../../../../components/points/use-source-label'
import { useFormat } from '../../../../i18n/use-format'

const PAGE_SIZE = 20

export interface PointsHistoryProps {
  api: ApiClient
  /** Scope of the rule-name cache (the program id). */
  scope: string
  member: string
  /** Bumped after an adjustment: go back to the first page and fetch it again. */
  version: number
  timeZone?: string
}

/** The member's ledger, newest first, a page at a time, each entry traced to its source. */
export function PointsHistory({ api, scope, member, version, timeZone }: PointsHistoryProps) {
  const { t } = useTranslation()
  const format = useFormat(timeZone)
  const sourceLabel = useSourceLabel()
  // Pages belong to one member and one version of the ledger.
  const pagingKey = JSON.stringify([member, version])
  const [paging, setPaging] = useState<{ key: string; stack: CursorStack }>({
    key: pagingKey,
    stack: [],
  })
  const stack = paging.key === pagingKey ? paging.stack : []
  const cursor = currentCursor(stack)
  const list = useQuery(JSON.stringify([pagingKey, cursor ?? null]), (signal) =>
    listMemberPointTransactions(api, member, { limit: PAGE_SIZE, cursor }, signal),
  )
  const samePaging = list.dataKey !== null && JSON.parse(list.dataKey)[0] === pagingKey
  const page = samePaging && !list.error ? list.data : undefined
  const nextCursor = page?.next_cursor ?? null
  const rows = page?.data ?? []
  const ruleNames = useRuleNames(
    api,
    scope,
    rows.flatMap((row) => (row.rule_id ? [row.rule_id] : [])),
  )

  const columns: TableColumnsType<PointTransaction> = [
    {
      title: t('points.history.type'),
      key: 'type',
      render: (_, row) => <PointsTypeTag type={row.type} />,
    },
    {
      title: t('points.history.points'),
      key: 'points',
      align: 'right',
      render: (_, row) => <SignedPoints points={row.points} strong />,
    },
    {
      title: t('points.history.balanceAfter'),
      key: 'balance_after',
      align: 'right',
      render: (_, row) => format.number(row.balance_after),
    },
    {
      title: t('points.history.source'),
      key: 'source',
      render: (_, row) => <SourceCell row={row} label={sourceLabel(row.source.kind)} />,
    },
    {
      title: t('points.history.rule'),
      key: 'rule',
      render: (_, row) =>
        row.rule_id ? (
          <Link to={`/admin/rules/${row.rule_id}`}>{ruleNames[row.rule_id] ?? row.rule_id}</Link>
        ) : (
          t('common.empty')
        ),
    },
    {
      title: t('points.history.note'),
      key: 'note',
      render: (_, row) => row.note ?? t('common.empty'),
    },
    {
      title: t('points.history.time'),
      key: 'created_at',
      render: (_, row) => (
        <Flex vertical>
          <span>{format.dateTime(row.created_at)}</span>
          {row.expires_at && row.points > 0 ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('points.history.expiresAt', { date: format.expiryDate(row.expires_at) })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
  ]

  return (
    <Flex vertical gap={12}>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <div style={{ overflowX: 'auto' }} data-testid="points-history">
        <Table<PointTransaction>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={list.loading}
          pagination={false}
          style={{ minWidth: 860 }}
          locale={{ emptyText: t('points.history.empty') }}
          onRow={(row) => ({
            className: 'lb-txn-row',
            'data-testid': `points-history-row-${row.type}`,
          })}
        />
      </div>
      <CursorPager
        stack={stack}
        nextCursor={nextCursor}
        loading={list.loading}
        onChange={(next) => setPaging({ key: pagingKey, stack: next })}
        testIdPrefix="points-history"
        style={{}}
      />
    </Flex>
  )
}

/** Orders link to their page; events show their id; other sources their kind and id. */
function SourceCell({ row, label }: { row: PointTransaction; label: string }) {
  const { source } = row
  if (source.kind === 'order') {
    return (
      <span>
        {label}{' '}
        <Link to={`/admin/orders/${encodeURIComponent(source.id)}`} data-testid="source-order-link">
          {source.id}
        </Link>
      </span>
    )
  }
  if (source.kind === 'adjustment') return <span>{label}</span>
  return (
    <span>
      {label} <Typography.Text code>{source.id}</Typography.Text>
    </span>
  )
}
