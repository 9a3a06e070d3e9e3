import { MAX_BULK_CODES } from '@loyalbase/core'
import { sql } from 'kysely'
import {
  type BenchProgress,
  type EngineRun,
  REDEEM_CODES_PER_SECOND,
  type RedeemCheck,
} from './bench.js'
import { type BenchApi, createBenchProgram } from './bench-api.client.js'
import { followRun } from './coupon-codes.scenario.js'
import { benchOrder, type LoadPlan, type RedeemTerms } from './load.plan.js'
import { MEMBER_POOL_SIZE, seedMembers } from './members.scenario.js'
import {
  BENCH_EARNING_RULE,
  checkOrders,
  type OrderStream,
  orderStream,
  saveProfile,
  setUpTierLadder,
} from './orders.scenario.js'

export const REDEEM_SCENARIO = 'orders/s, coupon + points'

/**
 * The coupon every order redeems, one printed code each (docs/coupons.md, "Bulk codes"): ¥2 off
 * any basket, no minimum, so that every basket of the orders load takes it whole.
 */
export const REDEEM_TEMPLATE = {
  name: 'Bench: ¥2 off, printed codes for orders',
  discount: { type: 'amount', amount_off: 200 },
  validity: { days: 30 },
} as const

/**
 * Points every order pays with: worth ¥1 at the default `redeem_rate` (100 points a yuan), well
 * within `max_redeem_percent` (50 %) of the cheapest basket after its coupon (¥5 − ¥2), so each
 * order redeems exactly these points.
 */
export const REDEEM_POINTS = 100

const SETUP_CONCURRENCY = 16

/** Minor units per major unit of a currency (100 for CNY), as `Intl` knows it. */
function minorPerMajor(currency: string): number {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits
  return 10 ** (digits ?? 2)
}

/** `7K3MQ9XD2HNBT4WE` as it is printed and typed: `7K3M-Q9XD-2HNB-T4WE`. */
const printed = (code: string) => code.match(/.{1,4}/g)?.join('-') ?? code

/**
 * What `points` are worth at the program's checkout, and the points an order asking for them
 * redeems (the fewest that buy that value: docs/checkout.md, rule 4).
 */
async function pointsTerms(run: EngineRun, programId: string, points: number) {
  const program = await run.server.database.db
    .selectFrom('programs')
    .select(['currency', 'points_policy'])
    .where('id', '=', programId)
    .executeTakeFirstOrThrow()
  const policy = program.points_policy as { redeem_rate: number }
  const minor = minorPerMajor(program.currency)
  const value = Math.floor((points * minor) / policy.redeem_rate)
  return { value, redeemed: Math.ceil((value * policy.redeem_rate) / minor) }
}

/**
 * `count` unassigned codes of the template, through the API: `POST /v1/coupon-templates/{id}/codes`
 * (at most `MAX_BULK_CODES` a request) and each run followed to its end; then the codes, read
 * back from the database in the order they were made.
 */
async function bulkCodes(run: EngineRun, api: BenchApi, template: string, count: number) {
  for (let made = 0; made < count; made += MAX_BULK_CODES) {
    const asked = Math.min(MAX_BULK_CODES, count - made)
    const request = await api.post<{ run_id: string }>(`/v1/coupon-templates/${template}/codes`, {
      count: asked,
    })
    const jobRun = await followRun(run, api, request.run_id, asked)
    if (jobRun.error !== null || jobRun.processed !== asked) {
      throw new Error(
        `the coupon-codes run ${request.run_id} made ${jobRun.processed} of ${asked} codes: ${jobRun.error}`,
      )
    }
  }
  const rows = await run.server.database.db
    .selectFrom('coupons')
    .select('code')
    .where('program_id', '=', api.programId)
    .where('template_id', '=', template)
    .where('status', '=', 'unassigned')
    .orderBy('id')
    .execute()
  if (rows.length !== count) throw new Error(`${rows.length} codes made, ${count} asked for`)
  return rows.map((row) => printed(row.code))
}

/** Gives each member `points` (an adjustment through the API), a few members at a time. */
async function givePoints(
  api: BenchApi,
  members: readonly string[],
  points: number,
  progress: BenchProgress,
) {
  const tracker = progress.task('giving members points through the API', members.length, 'members')
  let next = 0
  let done = 0
  const worker = async () => {
    while (next < members.length) {
      const member = members[next++] as string
      await api.post(`/v1/members/${member}/points/adjustments`, {
        points,
        reason: 'bench: points to pay orders with',
      })
      tracker.update(++done)
    }
  }
  try {
    await Promise.all(Array.from({ length: SETUP_CONCURRENCY }, worker))
  } finally {
    tracker.done()
  }
}

interface Prepared {
  api: BenchApi
  members: string[]
  terms: RedeemTerms
  /** The points each order redeems. */
  redeemed: number
}

/**
 * A program like the orders scenario's (the ladder, the earning rule, 1,000 members through the
 * API), a coupon template and `codes` unassigned bulk codes of it, and for every member the
 * points its share of the orders pays with.
 */
async function setUp(run: EngineRun, codes: number): Promise<Prepared> {
  const { progress } = run.options
  const api = await createBenchProgram(run.api.baseUrl, run.adminKey, 'Bench orders-redeem')
  await setUpTierLadder(api)
  await api.post('/v1/earning-rules', BENCH_EARNING_RULE)
  const members = await seedMembers(api, MEMBER_POOL_SIZE, progress, 'redeemer')
  run.options.signal?.throwIfAborted()
  const template = await api.post<{ id: string }>('/v1/coupon-templates', REDEEM_TEMPLATE)
  progress.phase(
    `${run.label}: requesting ${codes.toLocaleString('en')} codes, one per order (POST /v1/coupon-templates/{id}/codes)`,
  )
  const printedCodes = await bulkCodes(run, api, template.id, codes)
  const { value, redeemed } = await pointsTerms(run, api.programId, REDEEM_POINTS)
  // Order n goes to member n % members: no member has more than its share of the codes.
  const ordersPerMember = Math.ceil(codes / members.length)
  await givePoints(api, members, ordersPerMember * redeemed, progress)
  // A warm-up: one plain order reads the program's rules first, as a shop's first order would
  // (it once kept PGlite from hanging on a first order paying with points, since fixed).
  await api.post('/v1/orders', benchOrder('warm-up-0', members[0] as string, 0))
  return {
    api,
    members,
    terms: {
      codes: printedCodes,
      couponOff: REDEEM_TEMPLATE.discount.amount_off,
      points: REDEEM_POINTS,
      pointsValue: value,
    },
    redeemed,
  }
}

/** The orders stream of the load, each order naming its code and its points. */
function redeemStream(members: readonly string[], terms: RedeemTerms): OrderStream {
  const base = orderStream(members, 'redeem')
  return {
    ...base,
    plan: (): LoadPlan => ({
      kind: 'redeem-orders',
      members: [...members],
      prefix: base.prefix,
      first: base.sent(),
      ...terms,
    }),
  }
}

/** Groups rows by a key. */
function byKey<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const row of rows) {
    const k = key(row)
    const group = groups.get(k)
    if (group) group.push(row)
    else groups.set(k, [row])
  }
  return groups
}

/**
 * What the load's orders redeemed, read back with SQL: every coupon the program has redeemed and
 * every `redeem` entry whose source is an order, matched to the orders of the stream. An order is
 * right when it redeemed exactly the code it named (now its member's) and exactly one entry of
 * its points, and records the points and their value. Then `ledger check` over the program.
 */
async function checkRedemptions(
  run: EngineRun,
  prepared: Prepared,
  stream: OrderStream,
): Promise<Omit<RedeemCheck, 'ok'>> {
  const { api, members, terms, redeemed } = prepared
  const { db } = run.server.database
  run.options.progress.phase(
    `${run.label}: checking each order's coupon and points with SQL, then ledger check`,
  )
  const programId = api.programId
  const orders = await db
    .selectFrom('orders')
    .select(['id', 'member_id', 'points_redeemed', 'points_value'])
    .where('program_id', '=', programId)
    .where('id', 'like', `${stream.prefix}%`)
    .execute()
  const coupons = await db
    .selectFrom('coupons')
    .select(['order_id', 'code', 'member_id'])
    .where('program_id', '=', programId)
    .where('status', '=', 'redeemed')
    .execute()
  const { rows: entries } = await sql<{ source_id: string; member_id: string; points: string }>`
    SELECT source_id, member_id, points::text AS points FROM point_transactions
    WHERE program_id = ${programId} AND type = 'redeem' AND source_kind = 'order'
  `.execute(db)
  const couponsOf = byKey(coupons, (coupon) => coupon.order_id ?? '')
  const entriesOf = byKey(entries, (entry) => entry.source_id)
  let rightCoupon = 0
  let rightPoints = 0
  for (const order of orders) {
    const n = Number(order.id.slice(stream.prefix.length))
    const expected = (terms.codes[n] ?? '').replaceAll('-', '')
    const [coupon, ...moreCoupons] = couponsOf.get(order.id) ?? []
    if (
      coupon &&
      moreCoupons.length === 0 &&
      coupon.code === expected &&
      coupon.member_id === order.member_id
    ) {
      rightCoupon++
    }
    const [entry, ...moreEntries] = entriesOf.get(order.id) ?? []
    if (
      entry &&
      moreEntries.length === 0 &&
      Number(entry.points) === -redeemed &&
      entry.member_id === order.member_id &&
      Number(order.points_redeemed) === redeemed &&
      Number(order.points_value) === terms.pointsValue
    ) {
      rightPoints++
    }
  }
  const ledger = await run.server.services.ledgerCheck.check({ programId })
  const [difference] = ledger.differences
  if (difference) {
    run.report.notes.push(
      `${run.label}: ledger check after the orders paying with points found ` +
        `${ledger.differences.length} differences, e.g. ${JSON.stringify(difference)}`,
    )
  }
  return {
    engine: run.label,
    members: members.length,
    codes: terms.codes.length,
    points: redeemed,
    pointsValue: terms.pointsValue,
    sent: stream.sent(),
    orders: orders.length,
    couponsRedeemed: coupons.length,
    rightCoupon,
    redeemEntries: entries.length,
    rightPoints,
    ledgerMembers: ledger.members_checked,
    ledgerDifferences: ledger.differences.length,
  }
}

/**
 * Orders per second through `POST /v1/orders` that each pay with one coupon and points, from the
 * load generator's process like `orders/s`, in a program set up like the orders scenario's (the
 * ladder, the earning rule, 1,000 members): order `n` names the `n`th of the unassigned bulk codes
 * made before the load (`--redeem-codes`, by default 3,000 per second of load) and redeems
 * `REDEEM_POINTS` points, which every member was given enough of beforehand. Such an order runs
 * in a transaction with the member locked. Afterwards, the orders check of `orders/s`, then each
 * order's coupon and ledger entry matched with SQL, and `ledger check` over the program. With
 * `--profile`, the server's CPU profile of the load is written to
 * `<dir>/orders-redeem-<engine>.cpuprofile`.
 */
export async function benchOrdersRedeem(run: EngineRun): Promise<void> {
  const { options, report } = run
  const codes = options.redeemCodes ?? options.seconds * REDEEM_CODES_PER_SECOND
  options.progress.phase(
    `${run.label}: setting up orders paying with a coupon and points (the orders' ladder and rule, members, bulk codes, points)`,
  )
  const prepared = await setUp(run, codes)
  options.signal?.throwIfAborted()
  const stream = redeemStream(prepared.members, prepared.terms)
  const profile = options.profileDir !== undefined
  const result = await run.measureLoad(REDEEM_SCENARIO, prepared.api, stream.plan(), { profile })
  stream.record(result.orders)
  await checkOrders(run, prepared.api.programId, stream, REDEEM_SCENARIO, result.ok2xx)
  const found = await checkRedemptions(run, prepared, stream)
  const check: RedeemCheck = {
    ...found,
    ok:
      result.non2xx === 0 &&
      result.errors === 0 &&
      found.orders > 0 &&
      found.sent <= found.codes &&
      found.couponsRedeemed === found.orders &&
      found.rightCoupon === found.orders &&
      found.redeemEntries === found.orders &&
      found.rightPoints === found.orders &&
      found.ledgerDifferences === 0,
  }
  report.redeemChecks.push(check)
  if (found.sent > found.codes) {
    report.notes.push(
      `${run.label}: the orders paying with a coupon ran out of codes (${found.sent} sent, ` +
        `${found.codes} codes): raise --redeem-codes.`,
    )
  }
  if (options.profileDir !== undefined) {
    await saveProfile(run, options.profileDir, REDEEM_SCENARIO, result, 'orders-redeem')
  }
}
