import { useMemo } from 'react'
import { EChart, type EChartOption } from './EChart'

export interface CampaignTimelinePoint {
  date: string
  /** Cumulative revenue per treated member, minor units. */
  treated: number
  /** Cumulative revenue per holdout member, minor units. */
  holdout: number
}

export interface CampaignTimelineChartProps {
  timeline: readonly CampaignTimelinePoint[]
  /** Series names, already translated. */
  labels: { treated: string; holdout: string }
  /** Formats minor units for the axis and the tooltip. */
  formatMoney: (minor: number) => string
  /** Minor units per major unit (100 for CNY): the axis counts whole yuan at least. */
  minorPerMajor?: number
  height?: number
}

const TREATED = '#4f46e5'
const HOLDOUT = '#94a3b8'

/**
 * Cumulative revenue per member of a campaign's treated and holdout groups, by day: the gap
 * between the lines is what the reward brought. Plain data in, no fetching.
 */
export function CampaignTimelineChart({
  timeline,
  labels,
  formatMoney,
  minorPerMajor = 100,
  height = 300,
}: CampaignTimelineChartProps) {
  const option = useMemo<EChartOption>(
    () => ({
      color: [TREATED, HOLDOUT],
      tooltip: { trigger: 'axis', valueFormatter: (value) => formatMoney(Number(value)) },
      legend: { bottom: 0 },
      grid: { left: 16, right: 24, top: 24, bottom: 40, containLabel: true },
      xAxis: {
        type: 'category',
        boundaryGap: false,
        data: timeline.map((point) => point.date),
      },
      yAxis: {
        type: 'value',
        minInterval: minorPerMajor,
        axisLabel: { formatter: (value: number) => formatMoney(value) },
      },
      series: [
        {
          name: labels.treated,
          type: 'line',
          data: timeline.map((point) => point.treated),
          showSymbol: timeline.length < 40,
          lineStyle: { width: 3 },
          areaStyle: { opacity: 0.08 },
        },
        {
          name: labels.holdout,
          type: 'line',
          data: timeline.map((point) => point.holdout),
          showSymbol: timeline.length < 40,
          lineStyle: { width: 2, type: 'dashed' },
        },
      ],
    }),
    [timeline, labels, formatMoney, minorPerMajor],
  )
  return <EChart option={option} height={height} data-testid="campaign-timeline-chart" />
}
