import { type Column, formatTable } from '../text-table.js'
import { type BenchReport, TIER_TARGET_MEMBERS, type TierEvaluationRow } from './bench.js'
import { TIERS_OFF_SCENARIO, TIERS_ON_SCENARIO } from './orders-tiers.scenario.js'
import { TIER_ORDERS_PER_MEMBER, TIERS_BENCH_LADDER } from './tier-data.loader.js'

/** Issue 5's target: orders/s with tiers on at least this share of orders/s without them. */
export const TIERS_ON_RATIO = 0.9

const count = (n: number) => n.toLocaleString('en')
const fixed = (n: number, digits = 1) => n.toFixed(digits)

const TIER_COLUMNS: Column<TierEvaluationRow>[] = [
  { header: 'engine', value: (row) => row.engine },
  { header: 'members', value: (row) => String(row.members), align: 'right' },
  { header: 'orders', value: (row) => String(row.orders), align: 'right' },
  { header: 'seconds', value: (row) => fixed(row.seconds), align: 'right' },
  { header: 'members/s', value: (row) => fixed(row.membersPerSecond, 0), align: 'right' },
  { header: 'changed', value: (row) => String(row.changed), align: 'right' },
  { header: 'up', value: (row) => String(row.upgrades), align: 'right' },
  { header: 'down', value: (row) => String(row.downgrades), align: 'right' },
  {
    header: TIERS_BENCH_LADDER.tiers.map((tier) => tier.key).join('/'),
    value: (row) => row.distribution.join('/'),
    align: 'right',
  },
  { header: 'rerun s', value: (row) => fixed(row.rerunSeconds), align: 'right' },
  { header: 'rerun changed', value: (row) => String(row.rerunChanged), align: 'right' },
  { header: 'mismatches', value: (row) => String(row.mismatches), align: 'right' },
  { header: 'check', value: (row) => (row.ok ? 'OK' : 'FAIL') },
]

export interface TierTargetLine {
  target: string
  figure: string
  result: 'PASS' | 'MISS' | '-'
}

const TARGET_COLUMNS: Column<TierTargetLine>[] = [
  { header: 'target', value: (row) => row.target },
  { header: 'figure', value: (row) => row.figure, align: 'right' },
  { header: 'result', value: (row) => row.result },
]

const isPostgres = (engine: string) => engine.startsWith('postgres')

/** Engines in the order they were measured, each once. */
function enginesOf(report: BenchReport): string[] {
  return [...new Set(report.loads.map((row) => row.engine))]
}

/** PASS / MISS against issue 5's targets, for what was measured. */
export function tierTargetLines(report: BenchReport): TierTargetLine[] {
  const lines: TierTargetLine[] = []
  for (const engine of enginesOf(report)) {
    const rate = (scenario: string) =>
      report.loads.find((row) => row.engine === engine && row.scenario === scenario)
        ?.requestsPerSecond
    const off = rate(TIERS_OFF_SCENARIO)
    const on = rate(TIERS_ON_SCENARIO)
    if (off === undefined || on === undefined) continue
    const ratio = on / off
    lines.push({
      target: `${engine}: orders/s with tiers on >= ${TIERS_ON_RATIO} x tiers off`,
      figure: `${fixed(ratio, 2)} (${fixed(on)} / ${fixed(off)})`,
      result: ratio >= TIERS_ON_RATIO ? 'PASS' : 'MISS',
    })
  }
  const evaluation = report.tierEvaluations.find((row) => isPostgres(row.engine))
  const target =
    `PostgreSQL tier-evaluation over ${count(TIER_TARGET_MEMBERS)} members, ` +
    `${count(TIER_TARGET_MEMBERS * TIER_ORDERS_PER_MEMBER)} orders, correct`
  if (!evaluation) lines.push({ target, figure: 'not measured', result: '-' })
  else if (evaluation.members < TIER_TARGET_MEMBERS) {
    lines.push({ target, figure: `${count(evaluation.members)} members only`, result: '-' })
  } else {
    lines.push({
      target,
      figure: `${fixed(evaluation.seconds)} s, check ${evaluation.ok ? 'OK' : 'FAIL'}`,
      result: evaluation.ok ? 'PASS' : 'MISS',
    })
  }
  return lines
}

/** The tiers scenario's table, when it ran. */
export function tierEvaluationSection(report: BenchReport): string | undefined {
  if (report.tierEvaluations.length === 0) return undefined
  return (
    `tier-evaluation job over bulk-loaded members and orders (${TIERS_BENCH_LADDER.tiers.length} ` +
    'tiers, spend over a rolling 12 months, a monthly review due)\n' +
    formatTable(TIER_COLUMNS, report.tierEvaluations)
  )
}

/** Issue 5's targets, when orders with tiers off and on or the tiers scenario were measured. */
export function tierTargetSection(report: BenchReport): string | undefined {
  const measured = report.loads.some(
    (row) => row.scenario === TIERS_OFF_SCENARIO || row.scenario === TIERS_ON_SCENARIO,
  )
  if (!measured && report.tierEvaluations.length === 0) return undefined
  return `Targets (issue 5)\n${formatTable(TARGET_COLUMNS, tierTargetLines(report))}`
}
