import { Card, Flex, Skeleton, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { lazy, Suspense, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { ApiClient } from '../../../../api/client'
import { explainMemberPoints, type PointLot } from '../../../../api/points'
import { useQuery } from '../../../../api/use-query'
import { ErrorAlert } from '../../../../components/ErrorAlert'
import { groupRemainingPoints } from '../../../../components/points/points-helpers'
import { useSourceLabel } from '../../../../components/points/use-source-label'
import { useFormat } from '../../../../i18n/use-format'

// ECharts is big: load it only when someone opens this tab.
const RemainingPointsChart = lazy(
  () => import('../../../../components/charts/RemainingPointsChart'),
)

export interface PointsExplainProps {
  api: ApiClient
  member: string
  /** Bumped after an adjustment to fetch again. */
  version: number
  timeZone?: string
}

/** The lots behind the balance, oldest first, and a chart of what is left by rule. */
export function PointsExplain({ api, member, version, timeZone }: PointsExplainProps) {
  const { t } = useTranslation()
  const format = useFormat(timeZone)
  const sourceLabel = useSourceLabel()
  const key = JSON.stringify(['explain', member, version])
  const explain = useQuery(key, (signal) => explainMemberPoints(api, member, signal))
  const data = explain.dataKey === key ? explain.data : undefined
  const slices = useMemo(
    () => groupRemainingPoints(data?.lots ?? [], sourceLabel),
    [data, sourceLabel],
  )
  const chartLabels = useMemo(
    () => ({ available: t('points.explain.available'), pending: t('points.explain.pending') }),
    [t],
  )

  const columns: TableColumnsType<PointLot> = [
    {
      title: t('points.explain.status'),
      key: 'status',
      render: (_, lot) =>
        lot.status === 'pending' ? (
          <Tag color="gold">{t('points.explain.pending')}</Tag>
        ) : (
          <Tag color="green">{t('points.explain.available')}</Tag>
        ),
    },
    {
      title: t('points.explain.earned'),
      key: 'earned',
      align: 'right',
      render: (_, lot) => format.number(lot.earned),
    },
    {
      title: t('points.explain.remaining'),
      key: 'remaining',
      align: 'right',
      render: (_, lot) => <strong>{format.number(lot.remaining)}</strong>,
    },
    {
      title: t('points.explain.earnedAt'),
      key: 'earned_at',
      render: (_, lot) => format.dateTime(lot.earned_at),
    },
    {
      title: t('points.explain.expiresAt'),
      key: 'expires_at',
      render: (_, lot) =>
        lot.expires_at ? format.dateTime(lot.expires_at) : t('points.explain.never'),
    },
    {
      title: t('points.explain.source'),
      key: 'source',
      render: (_, lot) => (
        <span>
          {sourceLabel(lot.source.kind)}{' '}
          {lot.source.kind === 'order' ? (
            <Link to={`/admin/orders/${encodeURIComponent(lot.source.id)}`}>{lot.source.id}</Link>
          ) : lot.source.kind === 'adjustment' ? null : (
            <Typography.Text code>{lot.source.id}</Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: t('points.explain.rule'),
      key: 'rule',
      render: (_, lot) =>
        lot.rule ? (
          <Link to={`/admin/rules/${lot.rule.id}`}>{lot.rule.name}</Link>
        ) : (
          t('common.empty')
        ),
    },
  ]

  if (explain.error) return <ErrorAlert error={explain.error} onRetry={explain.reload} />
  if (!data) return <Skeleton active />
  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">{t('points.explain.intro')}</Typography.Text>
      {slices.length > 0 ? (
        <Card size="small" title={t('points.explain.chartTitle')}>
          <Suspense fallback={<Skeleton active />}>
            <RemainingPointsChart slices={slices} labels={chartLabels} />
          </Suspense>
        </Card>
      ) : null}
      <div style={{ overflowX: 'auto' }} data-testid="points-explain">
        <Table<PointLot>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data.lots}
          pagination={data.lots.length > 20 ? { pageSize: 20, hideOnSinglePage: true } : false}
          style={{ minWidth: 760 }}
          locale={{ emptyText: t('points.explain.empty') }}
        />
      </div>
    </Flex>
  )
}
