import { useMemo } from 'react'
import { EChart, type EChartOption } from './EChart'

export interface TierCount {
  /** Display name of the tier (already resolved from its key). */
  name: string
  count: number
}

export interface TierDistributionChartProps {
  tiers: TierCount[]
  /** Legend and tooltip label for the counts, already translated. */
  seriesName: string
  height?: number
}

/** Members per tier, lowest tier first. Plain data in, no fetching. */
export function TierDistributionChart({ tiers, seriesName, height }: TierDistributionChartProps) {
  const option = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 24, top: 24, bottom: 32 },
      xAxis: { type: 'category', data: tiers.map((tier) => tier.name) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: seriesName,
          type: 'bar',
          data: tiers.map((tier) => tier.count),
          barMaxWidth: 48,
          itemStyle: { color: '#4f46e5', borderRadius: [6, 6, 0, 0] },
        },
      ],
    }),
    [tiers, seriesName],
  )
  return <EChart option={option} height={height} data-testid="tier-distribution-chart" />
}
