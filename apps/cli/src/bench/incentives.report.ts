import { type Column, formatTable } from '../text-table.js'
import {
  type BenchReport,
  type BenchRow,
  type BulkCodesRow,
  type CampaignRunRow,
  type QuotesCheck,
  type RedeemCheck,
  SEGMENT_TARGET_MEMBERS,
  type SegmentCountRow,
} from './bench.js'
import { BENCH_CAMPAIGN } from './campaigns.scenario.js'
import { BULK_CODES_POLL_MS } from './coupon-codes.scenario.js'
import { ORDERS_SCENARIO } from './orders.scenario.js'
import { REDEEM_SCENARIO } from './orders-redeem.scenario.js'
import { QUOTES_SCENARIO } from './quotes.scenario.js'
import { SEGMENT_DESCRIPTION, SEGMENT_REQUESTS } from './segments.scenario.js'

/** The incentives' targets. */
export const INCENTIVE_TARGETS = {
  /** Quotes/s at least the plain orders/s measured in the same run, at this many connections. */
  quoteConnections: 32,
  /**
   * Orders paying with a coupon and points: at least this share of the plain orders/s measured
   * in the same run, at `quoteConnections` connections.
   */
  redeemRatio: 0.8,
  /** Counting a three-condition segment over `SEGMENT_TARGET_MEMBERS` members on PostgreSQL, in seconds. */
  segmentSeconds: 5,
}

const count = (n: number) => n.toLocaleString('en')
const fixed = (n: number, digits = 1) => n.toFixed(digits)
const isPostgres = (engine: string) => engine.startsWith('postgres')

/** The load of one scenario on one engine, by the engine's label. */
function loadOf(report: BenchReport, engine: string, scenario: string): BenchRow | undefined {
  return report.loads.find((load) => load.engine === engine && load.scenario === scenario)
}

interface QuotesLine extends QuotesCheck {
  quotes: BenchRow | undefined
  orders: BenchRow | undefined
}

const measured = (row: BenchRow | undefined, value: (row: BenchRow) => number) =>
  row === undefined ? '-' : fixed(value(row))

const QUOTES_COLUMNS: Column<QuotesLine>[] = [
  { header: 'engine', value: (row) => row.engine },
  {
    header: 'quotes/s',
    value: (row) => measured(row.quotes, (r) => r.requestsPerSecond),
    align: 'right',
  },
  { header: 'p50 ms', value: (row) => measured(row.quotes, (r) => r.p50Ms), align: 'right' },
  { header: 'p99 ms', value: (row) => measured(row.quotes, (r) => r.p99Ms), align: 'right' },
  {
    header: 'orders/s',
    value: (row) => measured(row.orders, (r) => r.requestsPerSecond),
    align: 'right',
  },
  { header: 'orders p50 ms', value: (row) => measured(row.orders, (r) => r.p50Ms), align: 'right' },
  { header: 'orders p99 ms', value: (row) => measured(row.orders, (r) => r.p99Ms), align: 'right' },
  {
    header: 'quotes / orders',
    value: (row) =>
      row.quotes && row.orders && row.orders.requestsPerSecond > 0
        ? fixed(row.quotes.requestsPerSecond / row.orders.requestsPerSecond, 2)
        : '-',
    align: 'right',
  },
  {
    header: 'samples add up',
    value: (row) => `${row.consistent}/${row.sampled}`,
    align: 'right',
  },
  {
    header: 'changed by quotes',
    value: (row) => (row.changed.length === 0 ? 'nothing' : row.changed.join(', ')),
  },
  { header: 'check', value: (row) => (row.ok ? 'OK' : 'FAIL') },
]

interface RedeemLine extends RedeemCheck {
  redeem: BenchRow | undefined
  /** The plain orders load of the same run. */
  plain: BenchRow | undefined
}

/** `a` of `b`, e.g. `29980/29980`. */
const outOf = (a: number, b: number) => `${a}/${b}`

const REDEEM_COLUMNS: Column<RedeemLine>[] = [
  { header: 'engine', value: (row) => row.engine },
  {
    header: 'orders/s',
    value: (row) => measured(row.redeem, (r) => r.requestsPerSecond),
    align: 'right',
  },
  { header: 'p50 ms', value: (row) => measured(row.redeem, (r) => r.p50Ms), align: 'right' },
  { header: 'p99 ms', value: (row) => measured(row.redeem, (r) => r.p99Ms), align: 'right' },
  {
    header: 'plain orders/s',
    value: (row) => measured(row.plain, (r) => r.requestsPerSecond),
    align: 'right',
  },
  { header: 'plain p50 ms', value: (row) => measured(row.plain, (r) => r.p50Ms), align: 'right' },
  { header: 'plain p99 ms', value: (row) => measured(row.plain, (r) => r.p99Ms), align: 'right' },
  {
    header: 'redeem / plain',
    value: (row) =>
      row.redeem && row.plain && row.plain.requestsPerSecond > 0
        ? fixed(row.redeem.requestsPerSecond / row.plain.requestsPerSecond, 2)
        : '-',
    align: 'right',
  },
  { header: 'codes', value: (row) => String(row.codes), align: 'right' },
  { header: 'orders in db', value: (row) => String(row.orders), align: 'right' },
  { header: 'coupons used', value: (row) => String(row.couponsRedeemed), align: 'right' },
  {
    header: 'right coupon',
    value: (row) => outOf(row.rightCoupon, row.orders),
    align: 'right',
  },
  { header: 'redeem entries', value: (row) => String(row.redeemEntries), align: 'right' },
  {
    header: 'right points',
    value: (row) => outOf(row.rightPoints, row.orders),
    align: 'right',
  },
  {
    header: 'ledger check',
    value: (row) =>
      row.ledgerDifferences === 0
        ? `OK (${row.ledgerMembers} members)`
        : `${row.ledgerDifferences} differences`,
  },
  { header: 'check', value: (row) => (row.ok ? 'OK' : 'FAIL') },
]

const CAMPAIGN_COLUMNS: Column<CampaignRunRow>[] = [
  { header: 'engine', value: (row) => row.engine },
  { header: 'members', value: (row) => String(row.members), align: 'right' },
  { header: 'birthday', value: (row) => row.day },
  { header: 'seconds', value: (row) => fixed(row.seconds, 2), align: 'right' },
  { header: 'members/s', value: (row) => fixed(row.members / row.seconds, 0), align: 'right' },
  { header: 'audience s', value: (row) => fixed(row.audienceSeconds, 2), align: 'right' },
  { header: 'rewards s', value: (row) => fixed(row.rewardSeconds, 2), align: 'right' },
  { header: 'processed', value: (row) => String(row.processed), align: 'right' },
  { header: 'rewarded', value: (row) => String(row.rewarded), align: 'right' },
  { header: 'held out', value: (row) => String(row.heldOut), align: 'right' },
  {
    header: 'expected',
    value: (row) => `${row.expectedRewarded} + ${row.expectedHeldOut}`,
    align: 'right',
  },
  {
    header: 'rewards/s',
    value: (row) => fixed(row.rewarded / row.seconds, 0),
    align: 'right',
  },
  { header: 'points credited', value: (row) => String(row.pointsCredited), align: 'right' },
  { header: 'rerun processed', value: (row) => String(row.rerunProcessed), align: 'right' },
  { header: 'rerun s', value: (row) => fixed(row.rerunSeconds, 2), align: 'right' },
  { header: 'check', value: (row) => (row.ok ? 'OK' : 'FAIL') },
]

const slowest = (row: SegmentCountRow) => Math.max(...row.seconds)

const SEGMENT_COLUMNS: Column<SegmentCountRow>[] = [
  { header: 'engine', value: (row) => row.engine },
  { header: 'members', value: (row) => String(row.members), align: 'right' },
  { header: 'orders', value: (row) => String(row.orders), align: 'right' },
  { header: 'count', value: (row) => String(row.count), align: 'right' },
  { header: 'expected', value: (row) => String(row.expected), align: 'right' },
  {
    header: `seconds (${SEGMENT_REQUESTS} requests)`,
    value: (row) => row.seconds.map((s) => fixed(s, 2)).join(', '),
    align: 'right',
  },
  { header: 'slowest s', value: (row) => fixed(slowest(row), 2), align: 'right' },
  { header: 'check', value: (row) => (row.ok ? 'OK' : 'FAIL') },
]

const BULK_CODES_COLUMNS: Column<BulkCodesRow>[] = [
  { header: 'engine', value: (row) => row.engine },
  { header: 'codes', value: (row) => String(row.codes), align: 'right' },
  { header: 'seconds', value: (row) => fixed(row.seconds), align: 'right' },
  { header: 'codes/s', value: (row) => fixed(row.codes / row.seconds, 0), align: 'right' },
  { header: 'job run s', value: (row) => fixed(row.jobSeconds), align: 'right' },
  { header: 'made', value: (row) => String(row.processed), align: 'right' },
  { header: 'stored', value: (row) => String(row.stored), align: 'right' },
  { header: 'unassigned', value: (row) => String(row.unassigned), align: 'right' },
  { header: 'distinct', value: (row) => String(row.distinct), align: 'right' },
  { header: 'check', value: (row) => (row.ok ? 'OK' : 'FAIL') },
]

export interface IncentiveTargetLine {
  target: string
  figure: string
  result: 'PASS' | 'MISS' | '-'
}

const TARGET_COLUMNS: Column<IncentiveTargetLine>[] = [
  { header: 'target', value: (row) => row.target },
  { header: 'figure', value: (row) => row.figure, align: 'right' },
  { header: 'result', value: (row) => row.result },
]

/** Quotes/s against orders/s on one engine on which quotes were measured. */
function quotesLine(
  report: BenchReport,
  quotes: BenchRow,
  connections: number,
): IncentiveTargetLine {
  const { quoteConnections } = INCENTIVE_TARGETS
  const target = `${quotes.engine}: quotes/s >= orders/s at ${quoteConnections} connections (same run)`
  const orders = loadOf(report, quotes.engine, ORDERS_SCENARIO)
  if (!orders || orders.requestsPerSecond <= 0) {
    return { target, figure: 'orders/s not measured', result: '-' }
  }
  const ratio = quotes.requestsPerSecond / orders.requestsPerSecond
  const figure =
    `${fixed(ratio, 2)} (${fixed(quotes.requestsPerSecond)} / ${fixed(orders.requestsPerSecond)})` +
    (connections === quoteConnections ? '' : ` at ${connections} connections`)
  if (connections !== quoteConnections) return { target, figure, result: '-' }
  return { target, figure, result: ratio >= 1 ? 'PASS' : 'MISS' }
}

/** Orders paying with a coupon and points against plain orders/s on one engine. */
function redeemLine(
  report: BenchReport,
  redeem: BenchRow,
  connections: number,
): IncentiveTargetLine {
  const { quoteConnections, redeemRatio } = INCENTIVE_TARGETS
  const target =
    `${redeem.engine}: orders/s with a coupon and points >= ${redeemRatio} x orders/s ` +
    `at ${quoteConnections} connections (same run)`
  const orders = loadOf(report, redeem.engine, ORDERS_SCENARIO)
  if (!orders || orders.requestsPerSecond <= 0) {
    return { target, figure: 'orders/s not measured', result: '-' }
  }
  const ratio = redeem.requestsPerSecond / orders.requestsPerSecond
  const check = report.redeemChecks.find((row) => row.engine === redeem.engine)
  const figure =
    `${fixed(ratio, 2)} (${fixed(redeem.requestsPerSecond)} / ${fixed(orders.requestsPerSecond)})` +
    (check?.ok === false ? ', check FAIL' : '') +
    (connections === quoteConnections ? '' : ` at ${connections} connections`)
  if (connections !== quoteConnections) return { target, figure, result: '-' }
  return {
    target,
    figure,
    result: ratio >= redeemRatio && check?.ok !== false ? 'PASS' : 'MISS',
  }
}

/**
 * The segment-count target: judged on PostgreSQL when the run loaded at least the target's
 * members, on the slowest of its requests; with fewer, the figure without a verdict.
 */
function segmentLine(report: BenchReport): IncentiveTargetLine {
  const limit = INCENTIVE_TARGETS.segmentSeconds
  const target =
    `segment count (3 conditions) over ${count(SEGMENT_TARGET_MEMBERS)} members on ` +
    `PostgreSQL <= ${limit} s`
  const row = report.segmentCounts.find((segment) => isPostgres(segment.engine))
  if (!row) return { target, figure: 'not measured', result: '-' }
  const figure = `${fixed(slowest(row), 2)} s (slowest of ${row.seconds.length}), check ${row.ok ? 'OK' : 'FAIL'}`
  if (row.members < SEGMENT_TARGET_MEMBERS) {
    return { target, figure: `${figure}, ${count(row.members)} members only`, result: '-' }
  }
  return { target, figure, result: row.ok && slowest(row) <= limit ? 'PASS' : 'MISS' }
}

/** PASS / MISS against the incentives' targets, for what was measured. */
export function incentiveTargetLines(
  report: BenchReport,
  connections: number,
): IncentiveTargetLine[] {
  const quotes = report.loads.filter((row) => row.scenario === QUOTES_SCENARIO)
  const redeems = report.loads.filter((row) => row.scenario === REDEEM_SCENARIO)
  return [
    ...quotes.map((row) => quotesLine(report, row, connections)),
    ...redeems.map((row) => redeemLine(report, row, connections)),
    segmentLine(report),
  ]
}

/**
 * The incentives' tables, each when its scenario ran: quotes, orders paying with a coupon and
 * points, the segment count, bulk codes, the campaigns job.
 */
export function incentiveSections(report: BenchReport): string[] {
  const sections: string[] = []
  if (report.quotesChecks.length > 0) {
    const lines = report.quotesChecks.map((check) => ({
      ...check,
      quotes: loadOf(report, check.engine, QUOTES_SCENARIO),
      orders: loadOf(report, check.engine, ORDERS_SCENARIO),
    }))
    const first = report.quotesChecks[0] as QuotesCheck
    sections.push(
      `Checkout quotes beside orders: POST /v1/checkout/quote, ${count(first.members)} members ` +
        `holding ${first.couponsPerMember} coupons and points each; orders/s is the orders load ` +
        `of the same run; a quote must change nothing\n${formatTable(QUOTES_COLUMNS, lines)}`,
    )
  }
  if (report.redeemChecks.length > 0) {
    const lines = report.redeemChecks.map((check) => ({
      ...check,
      redeem: loadOf(report, check.engine, REDEEM_SCENARIO),
      plain: loadOf(report, check.engine, ORDERS_SCENARIO),
    }))
    const first = report.redeemChecks[0] as RedeemCheck
    sections.push(
      `Orders paying with a coupon and points beside plain orders: POST /v1/orders, each naming ` +
        `one unassigned bulk code (its own) and ${first.points} points (worth ${first.pointsValue} ` +
        `minor units), round-robin over ${count(first.members)} members; plain orders/s is the ` +
        `orders load of the same run; every order must have redeemed its coupon and points\n` +
        formatTable(REDEEM_COLUMNS, lines),
    )
  }
  if (report.segmentCounts.length > 0) {
    sections.push(
      'Segment count over bulk-loaded members: GET /v1/segments/{id}/members?limit=1 (the count ' +
        `and a page of one), ${SEGMENT_DESCRIPTION}\n` +
        formatTable(SEGMENT_COLUMNS, report.segmentCounts),
    )
  }
  if (report.bulkCodes.length > 0) {
    sections.push(
      'Bulk coupon codes: POST /v1/coupon-templates/{id}/codes, then GET /v1/job-runs/{id} ' +
        `every ${BULK_CODES_POLL_MS} ms until the run has finished\n${formatTable(BULK_CODES_COLUMNS, report.bulkCodes)}`,
    )
  }
  if (report.campaignRuns.length > 0) {
    const first = report.campaignRuns[0] as CampaignRunRow
    sections.push(
      `Campaigns job: POST /v1/jobs/campaigns/run { as_of } for a birthday campaign ` +
        `(${BENCH_CAMPAIGN.reward.points} points, ${first.holdoutPercent} % held out) over ` +
        'bulk-loaded members, as_of when the campaign was created, its local day the birthday; ' +
        "audience s: from the assignment to the first reward, rewards s: to the last (the rows' times); " +
        "expected: the bench's SQL count of the members born that day, rewarded + held out; " +
        'then a second run with the same as_of\n' +
        formatTable(CAMPAIGN_COLUMNS, report.campaignRuns),
    )
  }
  return sections
}

/** The incentives' targets, when any incentives scenario was measured. */
export function incentiveTargetSection(
  report: BenchReport,
  connections: number,
): string | undefined {
  if (
    report.quotesChecks.length === 0 &&
    report.redeemChecks.length === 0 &&
    report.segmentCounts.length === 0 &&
    report.bulkCodes.length === 0 &&
    report.campaignRuns.length === 0
  ) {
    return undefined
  }
  return `Targets (incentives)\n${formatTable(TARGET_COLUMNS, incentiveTargetLines(report, connections))}`
}
