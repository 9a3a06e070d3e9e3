import { type Column, formatTable } from '../text-table.js'
import {
  type BenchReport,
  type BenchRow,
  type CeilingRow,
  EXPIRY_TARGET_LOTS,
  type ExpiryRow,
  type OrdersCheck,
} from './bench.js'
import { benefitTargetSection } from './benefits.report.js'
import { BARE_ROUTE_SCENARIO } from './ceiling.scenario.js'
import { formatCpuProfileSummary } from './cpu-profile.js'
import { EXPIRY_LOTS_PER_MEMBER } from './expiry.scenario.js'
import { incentiveSections, incentiveTargetSection } from './incentives.report.js'
import { ORDERS_SCENARIO } from './orders.scenario.js'
import { rewardsSection } from './rewards.report.js'
import { tierEvaluationSection, tierTargetSection } from './tiers.report.js'
import { transferSection } from './transfer.report.js'
import { webhooksSections } from './webhooks.report.js'

/** The speed issue's targets. */
export const TARGETS = {
  /** Loyalbase's orders/s on PostgreSQL over pgbench's bare-write tps, measured in the same run. */
  ceilingRatio: 0.3,
  /** The stretch goal for the same ratio. */
  ceilingRatioStretch: 0.5,
  /** p99 of `POST /v1/orders` on PostgreSQL … */
  postgresP99Ms: 50,
  /** … at this many concurrent connections. */
  p99Connections: 32,
  /** Orders/s on PGlite on disk (the default `npm start` database). */
  embeddedOrdersPerSecond: 1_000,
  /** points-expiry over `EXPIRY_TARGET_LOTS` lots, in seconds, per engine. */
  expirySeconds: { postgres: 60, pglite: 120 },
}

const count = (n: number) => n.toLocaleString('en')
const fixed = (n: number, digits = 1) => n.toFixed(digits)

export const LOAD_COLUMNS: Column<BenchRow>[] = [
  { header: 'engine', value: (row) => row.engine },
  { header: 'scenario', value: (row) => row.scenario },
  { header: 'requests/s', value: (row) => fixed(row.requestsPerSecond), align: 'right' },
  { header: 'p50 ms', value: (row) => fixed(row.p50Ms), align: 'right' },
  { header: 'p99 ms', value: (row) => fixed(row.p99Ms), align: 'right' },
  { header: 'non-2xx', value: (row) => String(row.non2xx), align: 'right' },
  { header: 'requests', value: (row) => String(row.requests), align: 'right' },
  { header: 'server RSS MB', value: (row) => fixed(row.serverRssMb, 0), align: 'right' },
]

const ORDERS_CHECK_COLUMNS: Column<OrdersCheck>[] = [
  { header: 'engine', value: (row) => row.engine },
  { header: 'load', value: (row) => row.scenario },
  { header: 'orders in db', value: (row) => String(row.inDatabase), align: 'right' },
  { header: '2xx', value: (row) => String(row.answered2xx), align: 'right' },
  { header: 'cut off at stop', value: (row) => String(row.cutOff), align: 'right' },
  { header: 'missing', value: (row) => String(row.missing), align: 'right' },
  { header: 'unexpected', value: (row) => String(row.unexpected), align: 'right' },
  { header: 'check', value: (row) => (row.ok ? 'OK' : 'FAIL') },
]

interface CeilingLine extends CeilingRow {
  ordersPerSecond: number | undefined
  /** The bare route's requests/s in the same run (ceiling.scenario.ts). */
  barePerSecond: number | undefined
}

/** `a / b` to two places, or `-` when either was not measured. */
const quotient = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || b === 0 ? '-' : fixed(a / b, 2)

const CEILING_COLUMNS: Column<CeilingLine>[] = [
  { header: 'engine', value: (row) => row.engine },
  { header: 'ceiling tps', value: (row) => fixed(row.tps), align: 'right' },
  { header: 'latency avg ms', value: (row) => fixed(row.latencyAvgMs, 2), align: 'right' },
  { header: 'transactions', value: (row) => String(row.transactions), align: 'right' },
  {
    header: 'Loyalbase orders/s',
    value: (row) => (row.ordersPerSecond === undefined ? '-' : fixed(row.ordersPerSecond)),
    align: 'right',
  },
  {
    header: 'ratio',
    value: (row) =>
      row.ordersPerSecond === undefined ? '-' : fixed(row.ordersPerSecond / row.tps, 2),
    align: 'right',
  },
  {
    header: 'bare route req/s',
    value: (row) => (row.barePerSecond === undefined ? '-' : fixed(row.barePerSecond)),
    align: 'right',
  },
  {
    header: 'orders / bare route',
    value: (row) => quotient(row.ordersPerSecond, row.barePerSecond),
    align: 'right',
  },
  {
    header: 'bare route / pgbench',
    value: (row) => quotient(row.barePerSecond, row.tps),
    align: 'right',
  },
]

const EXPIRY_COLUMNS: Column<ExpiryRow>[] = [
  { header: 'engine', value: (row) => row.engine },
  { header: 'members', value: (row) => String(row.members), align: 'right' },
  { header: 'lots', value: (row) => String(row.lots), align: 'right' },
  { header: 'seconds', value: (row) => fixed(row.seconds), align: 'right' },
  { header: 'lots/s', value: (row) => fixed(row.lotsPerSecond, 0), align: 'right' },
  {
    header: `${count(EXPIRY_TARGET_LOTS)} lots at this rate`,
    value: (row) =>
      row.lots === EXPIRY_TARGET_LOTS
        ? 'measured'
        : `${fixed(EXPIRY_TARGET_LOTS / row.lotsPerSecond)} s`,
    align: 'right',
  },
  { header: 'points expired', value: (row) => String(row.processed), align: 'right' },
  { header: 'lots left', value: (row) => String(row.lotsLeft), align: 'right' },
  { header: 'balances left', value: (row) => String(row.balancesLeft), align: 'right' },
  { header: 'check', value: (row) => (row.ok ? 'OK' : 'FAIL') },
]

export interface TargetLine {
  target: string
  figure: string
  result: 'PASS' | 'MISS' | '-'
}

const TARGET_COLUMNS: Column<TargetLine>[] = [
  { header: 'target', value: (row) => row.target },
  { header: 'figure', value: (row) => row.figure, align: 'right' },
  { header: 'result', value: (row) => row.result },
]

const isPostgres = (engine: string) => engine.startsWith('postgres')

function ordersRow(report: BenchReport, postgres: boolean): BenchRow | undefined {
  return report.loads.find(
    (row) => row.scenario === ORDERS_SCENARIO && isPostgres(row.engine) === postgres,
  )
}

/** The load of one scenario on one engine, by the engine's label. */
function loadOf(report: BenchReport, engine: string, scenario: string): BenchRow | undefined {
  return report.loads.find((load) => load.engine === engine && load.scenario === scenario)
}

function line(target: string, measured?: { figure: string; pass: boolean }): TargetLine {
  return measured
    ? { target, figure: measured.figure, result: measured.pass ? 'PASS' : 'MISS' }
    : { target, figure: 'not measured', result: '-' }
}

/**
 * The expiry target on one engine: measured when the run loaded at least the target's lots
 * (PASS when that many or more took no longer than the limit); otherwise the time the
 * measured rate projects for them, marked as such, without a verdict.
 */
function expiryLine(report: BenchReport, postgres: boolean): TargetLine {
  const limit = TARGETS.expirySeconds[postgres ? 'postgres' : 'pglite']
  const target =
    `points-expiry over ${count(EXPIRY_TARGET_LOTS)} lots on ` +
    `${postgres ? 'PostgreSQL' : 'PGlite'} <= ${limit} s`
  const row = report.expiries.find((expiry) => isPostgres(expiry.engine) === postgres)
  if (!row) return line(target)
  if (row.lots >= EXPIRY_TARGET_LOTS) {
    const more = row.lots > EXPIRY_TARGET_LOTS ? ` for ${count(row.lots)} lots` : ''
    return line(target, {
      figure: `${fixed(row.seconds)} s${more}, check ${row.ok ? 'OK' : 'FAIL'}`,
      pass: row.ok && row.seconds <= limit,
    })
  }
  const projected = EXPIRY_TARGET_LOTS / row.lotsPerSecond
  return {
    target,
    figure:
      `projected ${fixed(projected)} s ` +
      `(${count(row.lots)} lots measured, ${fixed(row.lotsPerSecond, 0)} lots/s)`,
    result: '-',
  }
}

/** PASS / MISS against the speed issue's targets, for what was measured. */
export function targetLines(report: BenchReport, connections: number): TargetLine[] {
  const postgres = ordersRow(report, true)
  const embedded = ordersRow(report, false)
  const ceiling = report.ceilings[0]
  const ratio =
    postgres && ceiling && ceiling.tps > 0
      ? {
          value: postgres.requestsPerSecond / ceiling.tps,
          of: `${fixed(postgres.requestsPerSecond)} / ${fixed(ceiling.tps)}`,
        }
      : undefined
  const ratioLine = (target: string, goal: number) =>
    line(
      target,
      ratio && { figure: `${fixed(ratio.value, 2)} (${ratio.of})`, pass: ratio.value >= goal },
    )
  // Information, not a target: how close orders come to one HTTP round trip and one statement.
  const bare = report.loads.find(
    (row) => row.scenario === BARE_ROUTE_SCENARIO && isPostgres(row.engine),
  )
  const bareLines: TargetLine[] = bare
    ? [
        {
          target: `info: PostgreSQL orders/s as a share of the ${BARE_ROUTE_SCENARIO}`,
          figure:
            postgres && bare.requestsPerSecond > 0
              ? `${fixed(postgres.requestsPerSecond / bare.requestsPerSecond, 2)} ` +
                `(${fixed(postgres.requestsPerSecond)} / ${fixed(bare.requestsPerSecond)})`
              : 'not measured',
          result: '-',
        },
      ]
    : []
  const p99Target = `PostgreSQL orders p99 <= ${TARGETS.postgresP99Ms} ms at ${TARGETS.p99Connections} connections`
  const p99Line: TargetLine =
    postgres && connections !== TARGETS.p99Connections
      ? {
          target: p99Target,
          figure: `${fixed(postgres.p99Ms)} ms at ${connections} connections`,
          result: '-',
        }
      : line(
          p99Target,
          postgres && {
            figure: `${fixed(postgres.p99Ms)} ms`,
            pass: postgres.p99Ms <= TARGETS.postgresP99Ms,
          },
        )
  return [
    ratioLine(
      `PostgreSQL orders/s >= ${TARGETS.ceilingRatio} x pgbench ceiling (same run)`,
      TARGETS.ceilingRatio,
    ),
    ratioLine(
      `stretch: PostgreSQL orders/s >= ${TARGETS.ceilingRatioStretch} x pgbench ceiling`,
      TARGETS.ceilingRatioStretch,
    ),
    ...bareLines,
    p99Line,
    line(
      `PGlite (on disk) orders/s >= ${count(TARGETS.embeddedOrdersPerSecond)}`,
      embedded && {
        figure: fixed(embedded.requestsPerSecond),
        pass: embedded.requestsPerSecond >= TARGETS.embeddedOrdersPerSecond,
      },
    ),
    expiryLine(report, true),
    expiryLine(report, false),
  ]
}

/** The section of each CPU profile taken (`--profile`). */
function profileSections(report: BenchReport): string[] {
  return report.profiles.map(
    (row) =>
      `CPU profile of the server's process, ${row.engine}, ${row.scenario} load: ${row.file}\n` +
      formatCpuProfileSummary(row.summary),
  )
}

/** The bench's stdout after its header line: one section per kind of figure measured. */
export function formatReport(report: BenchReport, connections: number): string {
  const sections: string[] = []
  if (report.loads.length > 0) {
    sections.push(
      `HTTP load: ${connections} concurrent connections from the load generator's own process; ` +
        `server RSS: the server's process, peak during the load\n${formatTable(LOAD_COLUMNS, report.loads)}`,
    )
  }
  if (report.orderChecks.length > 0) {
    sections.push(
      'Orders check: orders in the database = 2xx answers (+ requests cut off when the load stopped)\n' +
        formatTable(ORDERS_CHECK_COLUMNS, report.orderChecks),
    )
  }
  if (report.ceilings.length > 0) {
    const first = report.ceilings[0] as CeilingRow
    const lines = report.ceilings.map((row) => ({
      ...row,
      ordersPerSecond: loadOf(report, row.engine, ORDERS_SCENARIO)?.requestsPerSecond,
      barePerSecond: loadOf(report, row.engine, BARE_ROUTE_SCENARIO)?.requestsPerSecond,
    }))
    sections.push(
      `PostgreSQL ceiling: pgbench -M prepared, ${first.clients} clients, ${first.seconds} s; one ` +
        'statement inserts an order row (unique key) and a ledger row and updates a balance row; ' +
        `bare route: the same statement behind a bare Fastify route, ${connections} connections ` +
        'like orders/s\n' +
        formatTable(CEILING_COLUMNS, lines),
    )
  }
  if (report.expiries.length > 0) {
    sections.push(
      `points-expiry job over bulk-loaded lots (${EXPIRY_LOTS_PER_MEMBER} per member, all due)\n` +
        formatTable(EXPIRY_COLUMNS, report.expiries),
    )
  }
  const tiers = tierEvaluationSection(report)
  if (tiers) sections.push(tiers)
  sections.push(...incentiveSections(report))
  const rewards = rewardsSection(report)
  if (rewards) sections.push(rewards)
  sections.push(...webhooksSections(report))
  const transfer = transferSection(report)
  if (transfer) sections.push(transfer)
  sections.push(...profileSections(report))
  if (
    report.loads.some((row) => row.scenario === ORDERS_SCENARIO) ||
    report.ceilings.length > 0 ||
    report.expiries.length > 0
  ) {
    sections.push(
      `Targets (speed)\n${formatTable(TARGET_COLUMNS, targetLines(report, connections))}`,
    )
  }
  const issue5 = tierTargetSection(report)
  if (issue5) sections.push(issue5)
  const incentives = incentiveTargetSection(report, connections)
  if (incentives) sections.push(incentives)
  const benefits = benefitTargetSection(report, connections)
  if (benefits) sections.push(benefits)
  if (report.notes.length > 0) {
    sections.push(`Notes\n${report.notes.map((note) => `- ${note}\n`).join('')}`)
  }
  return sections.join('\n')
}
