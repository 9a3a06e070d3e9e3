import { randomBytes } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { EngineRun, LoadRun, LoadSettings, OrdersCheck } from './bench.js'
import { type BenchApi, createBenchProgram } from './bench-api.client.js'
import { summariseCpuProfile } from './cpu-profile.js'
import type { LoadPlan, OrdersOutcome } from './load.plan.js'
import { MEMBER_POOL_SIZE, seedMembers } from './members.scenario.js'

export const ORDERS_SCENARIO = 'orders/s'

/**
 * The tier ladder orders run on (api.md, "Tiers"): four tiers over spend in a rolling 12
 * months, the costlier window (an order may have to sum its member's year of orders), with
 * thresholds low enough that many of the 1,000 members climb during a 10-second load, so
 * upgrades inside orders are part of what is measured.
 */
export const BENCH_TIER_LADDER = {
  metric: 'spend',
  window: { type: 'rolling', months: 12 },
  downgrade: { type: 'never' },
  tiers: [
    { key: 'member', name: 'Member', threshold: 0 },
    { key: 'silver', name: 'Silver', threshold: 100_000 },
    { key: 'gold', name: 'Gold', threshold: 500_000 },
    { key: 'diamond', name: 'Diamond', threshold: 2_000_000 },
  ],
} as const

/** The one earning rule orders run against: 1 point per ¥1 (100 minor units), more for tiers. */
export const BENCH_EARNING_RULE = {
  name: 'Bench: 1 point per ¥1',
  trigger: 'order.completed',
  reward: { type: 'per_amount', points: 1, per: 100 },
  tier_multipliers: { silver: 1.2, gold: 1.5, diamond: 2 },
} as const

/** Puts the orders' ladder (`BENCH_TIER_LADDER`) on the program of `api`. */
export async function setUpTierLadder(api: BenchApi): Promise<void> {
  const response = await api.send('PUT', '/v1/tiers', BENCH_TIER_LADDER)
  if (response.status < 200 || response.status > 299) {
    throw new Error(`PUT /v1/tiers answered ${response.status}: ${response.body}`)
  }
}

const SETTLE_POLL_MS = 250
const SETTLE_MAX_MS = 15_000

async function countOrders(run: EngineRun, programId: string, prefix: string): Promise<number> {
  const row = await run.server.database.db
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('program_id', '=', programId)
    .where('id', 'like', `${prefix}%`)
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

/**
 * Requests cut off when the timed load stops are still completed by the server: waits until
 * the number of orders whose id starts with `prefix` stops moving.
 */
export async function settledOrderCount(run: EngineRun, programId: string, prefix: string) {
  const deadline = Date.now() + SETTLE_MAX_MS
  let last = await countOrders(run, programId, prefix)
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS))
    const now = await countOrders(run, programId, prefix)
    if (now === last || Date.now() > deadline) return now
    last = now
  }
}

/**
 * The orders of one load (or of several rounds of it): what to send, and what came back. The
 * load generator builds the orders in its own process from the plan; each load reports the
 * numbers it sent and how each was answered, which `record` adds up here.
 */
export interface OrderStream {
  /** Every order id of the stream starts with it. */
  prefix: string
  /** The next load's plan: it numbers its orders on from the last load's. */
  plan(): LoadPlan
  /** Adds what a load of `plan()` reported. */
  record(outcome: OrdersOutcome | undefined): void
  sent(): number
  answered2xx: Set<string>
  answeredOther: Set<string>
}

/** Orders round-robin over `members`, a unique order id per request. */
export function orderStream(members: readonly string[], kind = 'bench'): OrderStream {
  const prefix = `${kind}-${randomBytes(4).toString('hex')}-`
  let sent = 0
  const answered2xx = new Set<string>()
  const answeredOther = new Set<string>()
  return {
    prefix,
    plan: () => ({ kind: 'orders', members: [...members], prefix, first: sent }),
    record(outcome) {
      if (!outcome) throw new Error('the orders load reported no orders')
      sent += outcome.sent
      for (const n of outcome.answered2xx) answered2xx.add(`${prefix}${n}`)
      for (const n of outcome.answeredOther) answeredOther.add(`${prefix}${n}`)
    },
    sent: () => sent,
    answered2xx,
    answeredOther,
  }
}

/** One load of the stream's next orders, recorded in the stream; measures nothing. */
export async function loadOrders(
  run: EngineRun,
  label: string,
  api: BenchApi,
  stream: OrderStream,
  settings?: LoadSettings,
): Promise<LoadRun> {
  const result = await run.load(label, api, stream.plan(), settings)
  stream.record(result.orders)
  return result
}

/**
 * Checks that the database holds exactly the stream's orders answered 2xx, plus those whose
 * response a stop cut off (at most one per connection and load: `loads`); orders the program
 * had before are left aside. Adds the check to the report under `scenario`.
 */
export async function checkOrders(
  run: EngineRun,
  programId: string,
  stream: OrderStream,
  scenario: string,
  ok2xx: number,
  loads = 1,
): Promise<void> {
  const { options, report } = run
  options.progress.phase(`${run.label}: checking the orders in the database against the answers`)
  await settledOrderCount(run, programId, stream.prefix)
  const rows = await run.server.database.db
    .selectFrom('orders')
    .select('id')
    .where('program_id', '=', programId)
    .where('id', 'like', `${stream.prefix}%`)
    .execute()
  const stored = new Set(rows.map((row) => row.id))
  const inDatabase = stored.size
  const { answered2xx, answeredOther } = stream
  let missing = 0
  for (const id of answered2xx) if (!stored.has(id)) missing++
  let cutOff = 0
  let unexpected = 0
  const sent = stream.sent()
  for (const id of stored) {
    if (answered2xx.has(id)) continue
    const n = Number(id.slice(stream.prefix.length))
    // Sent, but its response never came back before the load stopped.
    if (Number.isInteger(n) && n < sent && !answeredOther.has(id)) cutOff++
    else unexpected++
  }
  const check: OrdersCheck = {
    engine: run.label,
    scenario,
    inDatabase,
    answered2xx: ok2xx,
    cutOff,
    missing,
    unexpected,
    ok:
      missing === 0 &&
      unexpected === 0 &&
      cutOff <= options.connections * loads &&
      answered2xx.size === ok2xx &&
      inDatabase === ok2xx + cutOff,
  }
  report.orderChecks.push(check)
}

/**
 * Orders per second through `POST /v1/orders` in the program of `api`, round-robin over
 * `members`; the load's row is named `scenario`. Afterwards, checks the orders it made.
 */
export async function measureOrders(
  run: EngineRun,
  api: BenchApi,
  members: readonly string[],
  scenario: string,
  settings: Omit<LoadSettings, 'seconds'> = {},
): Promise<LoadRun> {
  const stream = orderStream(members)
  const result = await run.measureLoad(scenario, api, stream.plan(), settings)
  stream.record(result.orders)
  await checkOrders(run, api.programId, stream, scenario, result.ok2xx)
  return result
}

/**
 * Writes the server's profile of a load to `<dir>/<name>-<engine>.cpuprofile` (`orders-…`,
 * `quotes-…`) and summarises it.
 */
export async function saveProfile(
  run: EngineRun,
  dir: string,
  scenario: string,
  result: LoadRun,
  name = 'orders',
) {
  if (!result.cpuProfile) return
  await mkdir(dir, { recursive: true })
  const file = resolve(join(dir, `${name}-${run.engine}.cpuprofile`))
  await writeFile(file, JSON.stringify(result.cpuProfile))
  run.report.profiles.push({
    engine: run.label,
    scenario,
    file,
    summary: summariseCpuProfile(result.cpuProfile),
  })
}

/**
 * Orders per second through `POST /v1/orders` in a program of its own: a four-tier ladder over
 * a rolling year, one earning rule, 1,000 members, a unique order id per request. Afterwards,
 * checks that the database holds exactly the orders answered 2xx (plus those whose response
 * the stop cut off). With `--profile`, the server's CPU profile of the load is written too.
 */
export async function benchOrders(run: EngineRun): Promise<void> {
  const { options } = run
  const { progress } = options
  progress.phase(`${run.label}: setting up orders (a tier ladder, one earning rule, members)`)
  const api = await createBenchProgram(run.api.baseUrl, run.adminKey, 'Bench orders')
  await setUpTierLadder(api)
  await api.post('/v1/earning-rules', BENCH_EARNING_RULE)
  const members = await seedMembers(api, MEMBER_POOL_SIZE, progress, 'buyer')
  options.signal?.throwIfAborted()
  const profile = options.profileDir !== undefined
  const result = await measureOrders(run, api, members, ORDERS_SCENARIO, { profile })
  if (options.profileDir !== undefined) {
    await saveProfile(run, options.profileDir, ORDERS_SCENARIO, result)
  }
}
