import { useMemo } from 'react'
import { EChart, type EChartOption } from './EChart'

export interface DeliveryPeriod {
  /** The period's name, already in the reader's language. */
  label: string
  used: number
  unused: number
}

export interface BenefitDeliveryChartProps {
  /** Oldest first. */
  periods: DeliveryPeriod[]
  /** The two series' names, already translated. */
  names: { used: string; unused: string }
  loading?: boolean
  height?: number
}

/** Per period, the entitled members who used a benefit and those who did not, stacked. */
export function BenefitDeliveryChart({
  periods,
  names,
  loading,
  height = 280,
}: BenefitDeliveryChartProps) {
  const option = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: [names.used, names.unused], top: 0 },
      grid: { left: 48, right: 24, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: periods.map((p) => p.label) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: names.used,
          type: 'bar',
          stack: 'entitled',
          data: periods.map((p) => p.used),
          itemStyle: { color: '#16a34a' },
          barMaxWidth: 48,
        },
        {
          name: names.unused,
          type: 'bar',
          stack: 'entitled',
          data: periods.map((p) => p.unused),
          itemStyle: { color: '#f59e0b', borderRadius: [6, 6, 0, 0] },
          barMaxWidth: 48,
        },
      ],
    }),
    [periods, names],
  )
  return (
    <EChart
      option={option}
      height={height}
      loading={loading}
      data-testid="benefit-delivery-chart"
    />
  )
}
