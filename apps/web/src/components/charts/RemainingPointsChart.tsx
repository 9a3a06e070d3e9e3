import { useMemo } from 'react'
import { EChart, type EChartOption } from './EChart'

export interface RemainingPointsSlice {
  /** Rule name or kind of source, already resolved and translated. */
  name: string
  available: number
  pending: number
}

export interface RemainingPointsChartProps {
  slices: RemainingPointsSlice[]
  /** Series labels, already translated. */
  labels: { available: string; pending: string }
  height?: number
}

const PALETTE = ['#4f46e5', '#0ea5e9', '#10b981', '#f59e0b', '#ec4899', '#8b5cf6', '#64748b']

/**
 * Where a balance comes from: one horizontal bar per rule (or source), available and
 * pending points stacked. Plain data in, no fetching.
 */
export default function RemainingPointsChart({
  slices,
  labels,
  height,
}: RemainingPointsChartProps) {
  const option = useMemo<EChartOption>(() => {
    // Largest at the top: ECharts draws the first category at the bottom.
    const rows = [...slices].reverse()
    return {
      color: [PALETTE[0] ?? '#4f46e5', '#c7d2fe'],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 24, top: 8, bottom: 40, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { hideOverlap: true } },
      yAxis: {
        type: 'category',
        data: rows.map((row) => row.name),
        axisLabel: { width: 180, overflow: 'truncate' },
      },
      series: [
        {
          name: labels.available,
          type: 'bar',
          stack: 'points',
          data: rows.map((row) => row.available),
          barMaxWidth: 28,
        },
        {
          name: labels.pending,
          type: 'bar',
          stack: 'points',
          data: rows.map((row) => row.pending),
          barMaxWidth: 28,
          itemStyle: { borderRadius: [0, 6, 6, 0] },
        },
      ],
    }
  }, [slices, labels])
  const fitted = height ?? Math.max(160, 56 + slices.length * 40)
  return <EChart option={option} height={fitted} data-testid="remaining-points-chart" />
}
