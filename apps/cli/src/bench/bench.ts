import { MAX_BULK_CODES } from '@loyalbase/core'
import type { RunningServer } from '@loyalbase/server'
import type { BenchApi } from './bench-api.client.js'
import type { CpuProfile, CpuProfileSummary } from './cpu-profile.js'
import type { LoadPlan } from './load.plan.js'
import type { LoadResult } from './load.runner.js'
import type { TransferRow } from './transfer.figures.js'
import type { WebhooksRow } from './webhooks.figures.js'

export const BENCH_ENGINES = ['pglite', 'postgres'] as const
export type BenchEngine = (typeof BENCH_ENGINES)[number]

/**
 * What `--scenarios` selects: `members` (creations and reads), `orders` (through HTTP, with
 * the count check), `quotes` (checkout quotes through HTTP, beside `orders`), `orders-tiers`
 * (orders with tiers off and on), `ceiling` (pgbench's bare write, then the same write behind a
 * bare Fastify route; PostgreSQL only), `expiry` (the points-expiry job over bulk-loaded lots),
 * `tiers` (the tier-evaluation job over bulk-loaded members and orders), `segments` (counting a
 * segment of bulk-loaded members), `coupon-codes` (bulk coupon codes through the API and their
 * job run), `orders-redeem` (orders paying with a coupon and points through HTTP, beside
 * `orders`), `orders-benefits` (orders given a tier discount and free shipping by their
 * members' benefits, beside `orders`), `rewards` (reward redemptions of one hot reward with
 * stock through HTTP, beside `orders`), `webhooks` (orders through HTTP with a webhook on
 * `points.earned` posting to a local receiver in its own process: deliveries/s and the delay
 * from the event to its delivery, beside `orders`), `campaigns` (the campaigns job for a birthday
 * campaign over bulk-loaded members).
 */
export const BENCH_SCENARIO_NAMES = [
  'members',
  'orders',
  'quotes',
  'orders-redeem',
  'orders-benefits',
  'rewards',
  'webhooks',
  'transfer',
  'orders-tiers',
  'ceiling',
  'expiry',
  'tiers',
  'segments',
  'coupon-codes',
  'campaigns',
] as const
export type BenchScenarioName = (typeof BENCH_SCENARIO_NAMES)[number]

/**
 * Lots the expiry scenario loads when `--expiry-lots` is not given: what fits the default
 * run's budget of a few minutes on two cores. The table and the targets project 1,000,000
 * lots from the measured rate; `--expiry-lots 1000000` measures it (docs/benchmarks.md).
 */
export const DEFAULT_EXPIRY_LOTS: Record<BenchEngine, number> = {
  pglite: 50_000,
  postgres: 200_000,
}

/** The size the expiry targets are set for. */
export const EXPIRY_TARGET_LOTS = 1_000_000

/**
 * Members the tiers scenario loads when `--tier-members` is not given (each with ten orders on
 * average): issue 5's size on PostgreSQL, a tenth of it on PGlite, whose one thread the load
 * and the job share with everything else.
 */
export const DEFAULT_TIER_MEMBERS: Record<BenchEngine, number> = {
  pglite: 10_000,
  postgres: 100_000,
}

/** Issue 5's size for the tier-evaluation figure. */
export const TIER_TARGET_MEMBERS = 100_000

/**
 * Members the segments scenario loads when `--segment-members` is not given: the incentives
 * target's size on PostgreSQL; a tenth of it on PGlite, where loading a million members and
 * their orders takes a minute and a half more (`--segment-members 1000000` loads them there too).
 */
export const DEFAULT_SEGMENT_MEMBERS: Record<BenchEngine, number> = {
  pglite: 100_000,
  postgres: 1_000_000,
}

/** The size the segment-count target is set for. */
export const SEGMENT_TARGET_MEMBERS = 1_000_000

/**
 * Codes the coupon-codes scenario requests when `--bulk-codes` is not given: the most one
 * request may ask for (docs/coupons.md), and the most `--bulk-codes` takes.
 */
export const DEFAULT_BULK_CODES = MAX_BULK_CODES

/**
 * Codes the orders-redeem scenario prepares per second of load when `--redeem-codes` is not
 * given (one per order, each usable once): above the plain orders/s measured on this machine
 * (2,400 at best), so a load of orders that each redeem a coupon does not run out.
 */
export const REDEEM_CODES_PER_SECOND = 3_000

/**
 * Members the campaigns scenario loads when `--campaign-members` is not given: the size asked
 * for on PostgreSQL; a tenth of it on PGlite, as for segments (`--campaign-members 1000000`
 * loads a million there too).
 */
export const DEFAULT_CAMPAIGN_MEMBERS: Record<BenchEngine, number> = {
  pglite: 100_000,
  postgres: 1_000_000,
}

/** The size the campaigns figure is asked for. */
export const CAMPAIGN_TARGET_MEMBERS = 1_000_000

/** One timed HTTP load on one engine: a line of the bench's load table. */
export interface BenchRow {
  engine: string
  scenario: string
  /** Mean over the run's seconds. */
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  non2xx: number
  /** Responses received, whatever their status. */
  requests: number
  /**
   * Peak resident set size of the server's process (the bench's own) during the load, in MB:
   * the server and its database engine (PGlite's lives in it), not the load generator.
   */
  serverRssMb: number
}

/** After the orders load: does the database hold exactly the orders the load was told of? */
export interface OrdersCheck {
  engine: string
  /** The load checked, as named in the load table. */
  scenario: string
  /** Orders of the bench program in the database once the server has settled. */
  inDatabase: number
  /** Responses with a 2xx status. */
  answered2xx: number
  /**
   * Orders in the database whose response never reached the load generator: requests in
   * flight when the timed load stopped (at most one per connection), which the server
   * still completed.
   */
  cutOff: number
  /** 2xx answers whose order is not in the database: must be 0. */
  missing: number
  /** Orders in the database that were answered non-2xx or never sent: must be 0. */
  unexpected: number
  ok: boolean
}

/** pgbench's figure for the bare write on the same PostgreSQL database. */
export interface CeilingRow {
  engine: string
  clients: number
  seconds: number
  /** Transactions per second, without the initial connection time. */
  tps: number
  latencyAvgMs: number
  transactions: number
}

/** One run of the points-expiry job over bulk-loaded lots. */
export interface ExpiryRow {
  engine: string
  members: number
  lots: number
  seconds: number
  lotsPerSecond: number
  /** The job's own count: points expired. */
  processed: number
  /** Lots that still have points after the run: must be 0. */
  lotsLeft: number
  /** Members whose available balance is not 0 after the run: must be 0. */
  balancesLeft: number
  /** `expire` ledger entries written: one per lot. */
  expireEntries: number
  ok: boolean
}

/** One run of the tier-evaluation job over bulk-loaded members and orders. */
export interface TierEvaluationRow {
  engine: string
  members: number
  orders: number
  seconds: number
  membersPerSecond: number
  /** The job's own count: members whose tier changed. */
  changed: number
  /** Changes recorded in the tier history, by reason. */
  upgrades: number
  downgrades: number
  /** Members per tier after the run, in ladder order. */
  distribution: number[]
  /** What a second run as of the same time changed: must be 0. */
  rerunChanged: number
  rerunSeconds: number
  /** Members whose tier differs from the one recomputed with SQL: must be 0. */
  mismatches: number
  ok: boolean
}

/** After the quotes load: the quotes' own figures beyond the load row, and their check. */
export interface QuotesCheck {
  engine: string
  /** Members the quotes went to, round-robin. */
  members: number
  /** Active coupons each member holds: every quote prices each of them. */
  couponsPerMember: number
  /** Sample quotes, one of each kind the load sends, whose figures add up (sent before the load). */
  consistent: number
  sampled: number
  /** What the quotes changed in the program's data (orders, ledger, coupons, …): must be empty. */
  changed: string[]
  ok: boolean
}

/** One segment counted over bulk-loaded members through `GET /v1/segments/{id}/members`. */
export interface SegmentCountRow {
  engine: string
  members: number
  orders: number
  /** The segment's `count`, as the API answered it. */
  count: number
  /** The same condition counted by the bench with its own SQL. */
  expected: number
  /** Seconds of each request, in order (the first one right after the load and ANALYZE). */
  seconds: number[]
  ok: boolean
}

/** One bulk-code request and its job run. */
export interface BulkCodesRow {
  engine: string
  /** Codes requested. */
  codes: number
  /** From the request to the poll that saw the run finished. */
  seconds: number
  /** The run's own time, from its `started_at` to its `finished_at`. */
  jobSeconds: number
  /** The run's own count: codes made. */
  processed: number
  /** Coupons of the request in the database, how many of them are unassigned, and distinct codes. */
  stored: number
  unassigned: number
  distinct: number
  ok: boolean
}

/**
 * After the load of orders paying with a coupon and points: did every order redeem exactly its
 * coupon and its points, and nothing else?
 */
export interface BenefitOrdersCheck {
  engine: string
  orders: number
  /** Benefit uses recorded with the load's orders: two for each (tier discount, free shipping). */
  uses: number
  /** The free-shipping quota counters' total: one for each order. */
  counted: number
  ok: boolean
}

export interface RedeemCheck {
  engine: string
  /** Members the orders went to, round-robin. */
  members: number
  /** Unassigned bulk codes prepared, one per order. */
  codes: number
  /** `points_to_redeem` of every order, and what they are worth (minor units). */
  points: number
  pointsValue: number
  /** Orders the load sent (numbered from 0): at most `codes`. */
  sent: number
  /** The load's orders in the database once the server has settled. */
  orders: number
  /** Coupons of the program redeemed, by any order: must equal `orders`. */
  couponsRedeemed: number
  /** Orders that redeemed exactly one coupon, the code they named, now their member's. */
  rightCoupon: number
  /** `redeem` ledger entries of the program whose source is an order: must equal `orders`. */
  redeemEntries: number
  /** Orders with exactly one such entry, of `points`, and `points_redeemed`/`points_value` as asked. */
  rightPoints: number
  /** `ledger check` over the program: members checked, and differences found (must be 0). */
  ledgerMembers: number
  ledgerDifferences: number
  ok: boolean
}

/**
 * After the load of reward redemptions: does the database hold exactly the redemptions answered
 * (and those cut off at the stop), each with its stock and its points?
 */
export interface RewardsCheck {
  engine: string
  /** Members redeeming, round-robin. */
  members: number
  /** 2xx answers of both loads: the hot reward's, then the spread one's. */
  answered2xx: number
  /** Redemptions of the program in the database once the server has settled. */
  redemptions: number
  /** Redemptions stored beyond the 2xx answers: cut off when a load stopped (<= connections each). */
  cutOff: number
  /** The rewards' `redeemed`, and what their stock lost: both must equal `redemptions`. */
  redeemed: number
  stockTaken: number
  /** `redeem` ledger entries whose source is a redemption, and their points. */
  redeemEntries: number
  pointsRedeemed: number
  ledgerMembers: number
  ledgerDifferences: number
  ok: boolean
}

/** One run of the campaigns job for a birthday campaign over bulk-loaded members. */
export interface CampaignRunRow {
  engine: string
  members: number
  /** The birthday rewarded, `MM-DD`: the local day of `as_of` in the program's time zone. */
  day: string
  /** The campaign's `holdout_percent`. */
  holdoutPercent: number
  /** From the request to its answer (`POST /v1/jobs/campaigns/run`). */
  seconds: number
  /** The run's own count: members held out plus rewards given. */
  processed: number
  /**
   * Where the run's time went, from its rows' own times: from the assignment (`assigned_at`,
   * taken just before the audience's INSERT) to the first reward, and from the first reward to
   * the last (each in a transaction of its own).
   */
  audienceSeconds: number
  rewardSeconds: number
  /** Rows of the campaign by status after the run. */
  rewarded: number
  heldOut: number
  /** Rows neither rewarded nor held out (pending, over budget, refused): must be 0. */
  otherRows: number
  /** The bench's own SQL count of active members born on `day`, split by the holdout's bucket. */
  expectedRewarded: number
  expectedHeldOut: number
  /** Campaign rows whose member is not born on `day`: must be 0. */
  wrongMembers: number
  /** `earn` ledger entries with the campaign as their source, and their points. */
  earnEntries: number
  pointsCredited: number
  /** Points the program's members hold after the runs: must equal `pointsCredited`. */
  balances: number
  /** What a second run with the same `as_of` did: must be 0. */
  rerunProcessed: number
  rerunSeconds: number
  ok: boolean
}

/** A CPU profile of the server's process during one load, written to `file`. */
export interface ProfileRow {
  engine: string
  scenario: string
  file: string
  summary: CpuProfileSummary
}

export interface BenchReport {
  loads: BenchRow[]
  orderChecks: OrdersCheck[]
  ceilings: CeilingRow[]
  expiries: ExpiryRow[]
  tierEvaluations: TierEvaluationRow[]
  quotesChecks: QuotesCheck[]
  segmentCounts: SegmentCountRow[]
  bulkCodes: BulkCodesRow[]
  redeemChecks: RedeemCheck[]
  /** Did each order of the benefits load use exactly the tier's two benefits? */
  benefitChecks: BenefitOrdersCheck[]
  rewardsChecks: RewardsCheck[]
  /** The webhooks load's deliveries: rates, delays and their check, one row per engine. */
  webhooks: WebhooksRow[]
  /** The transfer scenario: import and export rates, export memory. */
  transfers: TransferRow[]
  campaignRuns: CampaignRunRow[]
  /** `--profile`: the server's CPU profile during each engine's orders load. */
  profiles: ProfileRow[]
  /** Remarks printed under the tables, e.g. what could not be set up. */
  notes: string[]
}

/** A kind of HTTP load: it seeds what it needs, then names the requests the connections cycle through. */
export interface BenchScenario {
  /** As printed, e.g. `member creations/s`. */
  name: string
  prepare(api: BenchApi, progress: BenchProgress): Promise<LoadPlan>
}

/** Something long that counts up to a total, e.g. rows loaded. */
export interface TaskTracker {
  update(done: number): void
  done(): void
}

/** How the bench tells the user where it is. */
export interface BenchProgress {
  phase(message: string): void
  /** A timed load begins; `tick` comes once a second, `done` once at the end. */
  load(label: string, seconds: number): { tick(): void; done(): void }
  /** A long setup or job step counted in `unit`s up to `total`. */
  task(label: string, total: number, unit: string): TaskTracker
  /** Whether `TaskTracker.update` is shown (a terminal); when not, nothing need be counted. */
  readonly live: boolean
}

export interface BenchOptions {
  engines: readonly BenchEngine[]
  scenarios: readonly BenchScenarioName[]
  seconds: number
  connections: number
  /** Lots for the expiry scenario on every engine; each engine's default when absent. */
  expiryLots?: number
  /** Members for the tiers scenario on every engine; each engine's default when absent. */
  tierMembers?: number
  /** Members for the segments scenario on every engine; each engine's default when absent. */
  segmentMembers?: number
  /** Codes the coupon-codes scenario requests; `DEFAULT_BULK_CODES` when absent. */
  bulkCodes?: number
  /** Codes (one per order) the orders-redeem scenario prepares; by the seconds when absent. */
  redeemCodes?: number
  /** Members for the campaigns scenario on every engine; each engine's default when absent. */
  campaignMembers?: number
  /** Orders the transfer scenario imports on every engine; each engine's default when absent. */
  importOrders?: number
  /** `--profile`: where the CPU profile of each engine's orders load is written. */
  profileDir?: string
  /** The PostgreSQL server on which a scratch database is created and dropped. */
  postgresUrl: string
  progress: BenchProgress
  signal?: AbortSignal
}

function parseList<T extends string>(text: string, known: readonly T[]): T[] | undefined {
  const names = text
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean)
  if (names.length === 0) return undefined
  const set = new Set<string>(known)
  if (!names.every((name) => set.has(name))) return undefined
  return known.filter((item) => names.includes(item))
}

/** Reads `--engines pglite,postgres`; undefined when a name is unknown or none is given. */
export function parseEngines(text: string): BenchEngine[] | undefined {
  return parseList(text, BENCH_ENGINES)
}

/** Reads `--scenarios orders,expiry` into the fixed run order; undefined when a name is unknown. */
export function parseScenarios(text: string): BenchScenarioName[] | undefined {
  return parseList(text, BENCH_SCENARIO_NAMES)
}

/** One engine under test, as the scenarios see it: a started server and the bench program. */
export interface EngineRun {
  engine: BenchEngine
  /** How the engine is named in the tables, e.g. `postgres 15.20`. */
  label: string
  databaseUrl: string
  server: RunningServer
  /** The platform admin key the server was started with. */
  adminKey: string
  /** The bench program, shared by the HTTP loads. */
  api: BenchApi
  options: BenchOptions
  report: BenchReport
  /**
   * Drives the server from the load generator's process for `seconds` (`options.seconds` if
   * absent), sampling the server's RSS meanwhile (and profiling it with `profile`); records
   * nothing.
   */
  load(label: string, api: LoadTarget, plan: LoadPlan, settings?: LoadSettings): Promise<LoadRun>
  /** Drives the server for `options.seconds` and adds a row named `scenario` to the report. */
  measureLoad(
    scenario: string,
    api: LoadTarget,
    plan: LoadPlan,
    settings?: Omit<LoadSettings, 'seconds'>,
  ): Promise<LoadRun>
}

/**
 * Where a timed load goes: an origin, and the key its requests carry as a bearer token (a
 * `BenchApi`); without a key, no `authorization` header (the bare route).
 */
export interface LoadTarget {
  baseUrl: string
  key?: string
}

export interface LoadSettings {
  seconds?: number
  /** Take a CPU profile of the server's process from the load's first request to its end. */
  profile?: boolean
}

/** What the load generator measured, and what the server's process did meanwhile. */
export interface LoadRun extends LoadResult {
  /** Peak RSS of the server's process during the load, in MB. */
  serverRssMb: number
  /** With `profile`: the server's CPU profile covering the load. */
  cpuProfile?: CpuProfile
}
