import { useMemo } from 'react'
import { EChart, type EChartOption } from './EChart'

const DEFAULT_COLOR = '#4f46e5'

export interface TierCount {
  /** Display name of the tier (already resolved from its key). */
  name: string
  count: number
  /** The tier's colour (`#RRGGBB`); the console's indigo without one. */
  color?: string
}

export interface TierDistributionChartProps {
  tiers: TierCount[]
  /** Legend and tooltip label for the counts, already translated. */
  seriesName: string
  height?: number
}

/** Members per tier, lowest tier first, each bar in its tier's colour. Plain data in. */
export function TierDistributionChart({ tiers, seriesName, height }: TierDistributionChartProps) {
  const option = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 24, top: 32, bottom: 32 },
      xAxis: { type: 'category', data: tiers.map((tier) => tier.name) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: seriesName,
          type: 'bar',
          data: tiers.map((tier) => ({
            value: tier.count,
            itemStyle: { color: tier.color ?? DEFAULT_COLOR },
          })),
          barMaxWidth: 56,
          label: { show: true, position: 'top' },
          itemStyle: { borderRadius: [6, 6, 0, 0] },
        },
      ],
    }),
    [tiers, seriesName],
  )
  return <EChart option={option} height={height} data-testid="tier-distribution-chart" />
}
