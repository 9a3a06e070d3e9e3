import { type Column, formatTable } from '../text-table.js'
import type { BenchReport } from './bench.js'
import { ORDERS_SCENARIO } from './orders.scenario.js'
import { BENEFIT_ORDERS_SCENARIO } from './orders-benefits.scenario.js'

/** The benefits' targets (issue 17). */
export const BENEFIT_TARGETS = {
  /** Orders given a tier discount and free shipping: this share of plain orders/s, same run. */
  ordersRatio: 0.8,
}

interface TargetLine {
  target: string
  figure: string
  result: 'PASS' | 'MISS' | '-'
}

const COLUMNS: Column<TargetLine>[] = [
  { header: 'target', value: (row) => row.target },
  { header: 'figure', value: (row) => row.figure, align: 'right' },
  { header: 'result', value: (row) => row.result },
]

/** PASS / MISS against the benefits' targets, for what was measured. */
export function benefitTargetLines(report: BenchReport, connections: number): TargetLine[] {
  const { ordersRatio } = BENEFIT_TARGETS
  return report.loads
    .filter((row) => row.scenario === BENEFIT_ORDERS_SCENARIO)
    .map((row) => {
      const target =
        `${row.engine}: orders/s with a tier discount and free shipping >= ${ordersRatio} x ` +
        `orders/s (same run, ${connections} connections)`
      const orders = report.loads.find(
        (load) => load.engine === row.engine && load.scenario === ORDERS_SCENARIO,
      )
      if (!orders || orders.requestsPerSecond <= 0) {
        return { target, figure: 'orders/s not measured', result: '-' as const }
      }
      const ratio = row.requestsPerSecond / orders.requestsPerSecond
      const check = report.benefitChecks.find((c) => c.engine === row.engine)
      const figure =
        `${ratio.toFixed(2)} (${row.requestsPerSecond.toFixed(1)} / ${orders.requestsPerSecond.toFixed(1)})` +
        (check
          ? `, uses ${check.uses} for ${check.orders} orders, check ${check.ok ? 'OK' : 'FAIL'}`
          : '')
      return {
        target,
        figure,
        result: ratio >= ordersRatio && check?.ok !== false ? ('PASS' as const) : ('MISS' as const),
      }
    })
}

/** The benefits' targets, when a benefits scenario was measured. */
export function benefitTargetSection(report: BenchReport, connections: number): string | undefined {
  const lines = benefitTargetLines(report, connections)
  if (lines.length === 0) return undefined
  return `Targets (benefits)\n${formatTable(COLUMNS, lines)}`
}
