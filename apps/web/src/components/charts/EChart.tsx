import {
  BarChart,
  type BarSeriesOption,
  LineChart,
  type LineSeriesOption,
  PieChart,
  type PieSeriesOption,
} from 'echarts/charts'
import {
  DatasetComponent,
  type DatasetComponentOption,
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TitleComponent,
  type TitleComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { type CSSProperties, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { matchLocale } from '../../i18n'

// Register only what the console draws, so the bundle carries a fraction of ECharts.
// Add a chart or component type here when a page needs it.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
])

export type EChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | DatasetComponentOption
  | GridComponentOption
  | LegendComponentOption
  | TitleComponentOption
  | TooltipComponentOption
>

export interface EChartProps {
  /** Plain ECharts option data; the chart knows nothing about fetching. */
  option: EChartOption
  height?: number
  loading?: boolean
  style?: CSSProperties
  'data-testid'?: string
}

/**
 * A thin wrapper over ECharts: creates the chart on mount, follows the container's size,
 * and disposes it on unmount. (We skip echarts-for-react: its ESM build imports `tslib`
 * without declaring it as a dependency.)
 */
export function EChart({ option, height = 320, loading = false, style, ...rest }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null)
  const chartRef = useRef<echarts.ECharts | null>(null)
  const optionRef = useRef(option)
  const { i18n } = useTranslation()
  // ECharts' own texts (loading, toolbox) follow the UI language; both ship with echarts/core.
  const chartLocale = matchLocale(i18n.resolvedLanguage ?? i18n.language) === 'en' ? 'EN' : 'ZH'

  useEffect(() => {
    const container = containerRef.current
    if (!container) return
    const chart = echarts.init(container, undefined, { locale: chartLocale })
    chart.setOption(optionRef.current)
    chartRef.current = chart
    const observer = new ResizeObserver(() => chart.resize())
    observer.observe(container)
    return () => {
      observer.disconnect()
      chart.dispose()
      chartRef.current = null
    }
  }, [chartLocale])

  useEffect(() => {
    optionRef.current = option
    chartRef.current?.setOption(option, { notMerge: true })
  }, [option])

  useEffect(() => {
    if (loading) chartRef.current?.showLoading()
    else chartRef.current?.hideLoading()
  }, [loading])

  return (
    <div
      ref={containerRef}
      style={{ height, width: '100%', ...style }}
      data-testid={rest['data-testid']}
    />
  )
}
