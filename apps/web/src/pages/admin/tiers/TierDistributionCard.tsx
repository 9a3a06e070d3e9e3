import { Card, Col, Empty, Row, Skeleton, Table, type TableColumnsType, Typography } from 'antd'
import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import type { Tier, TierDistribution } from '../../../api/tiers'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { TierTag } from '../../../components/tiers/TierTag'
import { resolveTier, tierLabel } from '../../../components/tiers/tier-helpers'
import { useFormat } from '../../../i18n/use-format'

// ECharts is large: it loads when the chart is first drawn.
const TierDistributionChart = lazy(() =>
  import('../../../components/charts/TierDistributionChart').then((module) => ({
    default: module.TierDistributionChart,
  })),
)

export interface TierDistributionCardProps {
  distribution: TierDistribution | undefined
  ladder: readonly Tier[] | undefined
  error: unknown
  onRetry: () => void
}

interface DistributionRow {
  key: string
  tier: ReturnType<typeof resolveTier>
  count: number
}

/** Members per tier: a bar chart in the tiers' colours, and the figures beside it. */
export function TierDistributionCard({
  distribution,
  ladder,
  error,
  onRetry,
}: TierDistributionCardProps) {
  const { t } = useTranslation()
  const format = useFormat()
  const rows: DistributionRow[] = (distribution?.tiers ?? []).map((entry) => ({
    key: entry.key,
    tier: resolveTier(ladder, entry.key, entry.name),
    count: entry.count,
  }))
  const total = rows.reduce((sum, row) => sum + row.count, 0)
  const share = (count: number) =>
    total > 0 ? `${format.number(Math.round((count / total) * 1000) / 10)}%` : '—'

  const columns: TableColumnsType<DistributionRow> = [
    {
      title: t('tiers.distribution.tier'),
      key: 'tier',
      render: (_, row) => <TierTag tier={row.tier} />,
    },
    {
      title: t('tiers.distribution.members'),
      key: 'count',
      align: 'right',
      render: (_, row) => <span data-testid="distribution-count">{format.number(row.count)}</span>,
    },
    {
      title: t('tiers.distribution.share'),
      key: 'share',
      align: 'right',
      render: (_, row) => share(row.count),
    },
  ]

  return (
    <Card title={t('tiers.distribution.title')} data-testid="tier-distribution">
      {error ? <ErrorAlert error={error} onRetry={onRetry} /> : null}
      {!distribution && !error ? <Skeleton active /> : null}
      {distribution && total === 0 ? <Empty description={t('tiers.distribution.empty')} /> : null}
      {distribution && total > 0 ? (
        <Row gutter={[24, 16]} align="middle">
          <Col xs={24} lg={14}>
            <Suspense fallback={<Skeleton active />}>
              <TierDistributionChart
                height={280}
                seriesName={t('tiers.distribution.members')}
                tiers={rows.map((row) => ({
                  name: tierLabel(row.tier, format.locale),
                  count: row.count,
                  color: row.tier.color,
                }))}
              />
            </Suspense>
          </Col>
          <Col xs={24} lg={10}>
            <Table<DistributionRow>
              size="small"
              rowKey="key"
              columns={columns}
              dataSource={rows}
              pagination={false}
              data-testid="distribution-table"
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>
                    <Typography.Text strong>{t('tiers.distribution.total')}</Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    <Typography.Text strong data-testid="distribution-total">
                      {format.number(total)}
                    </Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} />
                </Table.Summary.Row>
              )}
            />
          </Col>
        </Row>
      ) : null}
    </Card>
  )
}
