import { randomBytes } from 'node:crypto'
import type autocannon from 'autocannon'
import type { EngineRun, OrdersCheck } from './bench.js'
import { type BenchApi, createBenchProgram } from './bench-api.client.js'
import { MEMBER_POOL_SIZE, seedMembers } from './members.scenario.js'

export const ORDERS_SCENARIO = 'orders/s'

/**
 * The tier ladder orders run on (api.md, "Tiers"): spend in minor units, with thresholds low
 * enough that many of the 1,000 members climb during a 10-second load, so upgrades inside
 * orders are part of what is measured.
 */
export const BENCH_TIER_LADDER = {
  metric: 'spend',
  window: { type: 'lifetime' },
  downgrade: { type: 'never' },
  tiers: [
    { key: 'member', name: 'Member', threshold: 0 },
    { key: 'silver', name: 'Silver', threshold: 100_000 },
    { key: 'gold', name: 'Gold', threshold: 500_000 },
  ],
} as const

/** The one earning rule orders run against: 1 point per ¥1 (100 minor units), more for tiers. */
export const BENCH_EARNING_RULE = {
  name: 'Bench: 1 point per ¥1',
  trigger: 'order.completed',
  reward: { type: 'per_amount', points: 1, per: 100 },
  tier_multipliers: { silver: 1.2, gold: 1.5 },
} as const

async function setUpTierLadder(api: BenchApi): Promise<void> {
  const response = await api.send('PUT', '/v1/tiers', BENCH_TIER_LADDER)
  if (response.status < 200 || response.status > 299) {
    throw new Error(`PUT /v1/tiers answered ${response.status}: ${response.body}`)
  }
}

const CATEGORIES = ['shoes', 'apparel', 'beauty', 'grocery', 'electronics']

/**
 * The `n`th order of a load: 1–3 items, amounts spread from a few yuan to several hundred,
 * the member chosen round-robin so that row locks do not queue on one member.
 */
export function benchOrder(id: string, member: string, n: number) {
  const count = 1 + (n % 3)
  const items = Array.from({ length: count }, (_, i) => ({
    sku: `SKU-${(n * 31 + i * 7) % 500}`,
    category: CATEGORIES[(n + i) % CATEGORIES.length] as string,
    quantity: 1 + ((n * 13 + i) % 3),
    unit_price: 500 + ((n * 7_919 + i * 104_729) % 30_000),
  }))
  const amount = items.reduce((sum, item) => sum + item.quantity * item.unit_price, 0)
  return { id, member, amount, channel: n % 4 === 0 ? 'store' : 'online', items }
}

interface OrderContext {
  orderId?: string
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

/** The orders of one load (or of several rounds of it): the requests and what came back. */
export interface OrderStream {
  /** Every order id of the stream starts with it. */
  prefix: string
  requests: autocannon.Request[]
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
  const requests: autocannon.Request[] = [
    {
      method: 'POST',
      path: '/v1/orders',
      headers: { 'content-type': 'application/json' },
      setupRequest: (request, context) => {
        const n = sent++
        const order = benchOrder(`${prefix}${n}`, members[n % members.length] as string, n)
        ;(context as OrderContext).orderId = order.id
        return { ...request, body: JSON.stringify(order) }
      },
      onResponse: (status, _body, context) => {
        const id = (context as OrderContext).orderId
        if (id === undefined) return
        if (status >= 200 && status <= 299) answered2xx.add(id)
        else answeredOther.add(id)
      },
    },
  ]
  return { prefix, requests, sent: () => sent, answered2xx, answeredOther }
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
): Promise<void> {
  const stream = orderStream(members)
  const result = await run.measureLoad(scenario, api, stream.requests)
  await checkOrders(run, api.programId, stream, scenario, result.ok2xx)
}

/**
 * Orders per second through `POST /v1/orders` in a program of its own: a tier ladder, one
 * earning rule, 1,000 members, a unique order id per request. Afterwards, checks that the
 * database holds exactly the orders answered 2xx (plus those whose response the stop cut off).
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
  await measureOrders(run, api, members, ORDERS_SCENARIO)
}
