import type { DB } from '@loyalbase/db'
import { type Kysely, sql } from 'kysely'
import type { BenchProgress, EngineRun, QuotesCheck } from './bench.js'
import { type BenchApi, createBenchProgram } from './bench-api.client.js'
import { benchQuote, QUOTE_KINDS, type QuoteMember } from './load.plan.js'
import { MEMBER_POOL_SIZE } from './members.scenario.js'
import { BENCH_EARNING_RULE, BENCH_TIER_LADDER, saveProfile } from './orders.scenario.js'
import { loadTierData, TIER_ORDERS_PER_MEMBER, type TierDataPlan } from './tier-data.loader.js'
import { putLadder } from './tiers.scenario.js'

export const QUOTES_SCENARIO = 'quotes/s'

/** Points each member of the quotes load is given: more than any `points_to_redeem` it sends. */
export const QUOTE_MEMBER_POINTS = 20_000

/**
 * The coupons every member of the quotes load holds, one of each, in this order (`benchQuote`
 * names them by their place): a percentage off two categories from a minimum spend, which does
 * not stack; an amount off from a minimum spend, which stacks; free shipping, which stacks.
 */
export const QUOTE_COUPON_TEMPLATES = [
  {
    name: 'Bench: 20% off shoes and apparel, up to ¥50, from ¥100',
    discount: { type: 'percent', percent_off: 20, max_amount: 5_000 },
    min_spend: 10_000,
    applies_to: { categories: ['shoes', 'apparel'] },
    validity: { days: 30 },
  },
  {
    name: 'Bench: ¥10 off from ¥50',
    discount: { type: 'amount', amount_off: 1_000 },
    min_spend: 5_000,
    validity: { days: 30 },
    stackable: true,
  },
  {
    name: 'Bench: free shipping',
    discount: { type: 'free_shipping' },
    validity: { days: 30 },
    stackable: true,
  },
] as const

const SETUP_CONCURRENCY = 16

/**
 * Gives each member `QUOTE_MEMBER_POINTS` (an adjustment) and one coupon of each template,
 * through the API, a few members at a time; returns the members with their codes, in order.
 */
async function equipMembers(
  api: BenchApi,
  ids: readonly string[],
  templates: readonly string[],
  progress: BenchProgress,
): Promise<QuoteMember[]> {
  const members: QuoteMember[] = []
  const tracker = progress.task(
    'giving members points and coupons through the API',
    ids.length,
    'members',
  )
  let next = 0
  let done = 0
  const worker = async () => {
    while (next < ids.length) {
      const i = next++
      const id = ids[i] as string
      await api.post(`/v1/members/${id}/points/adjustments`, {
        points: QUOTE_MEMBER_POINTS,
        reason: 'bench: points to pay with',
      })
      const codes: string[] = []
      for (const template of templates) {
        const coupon = await api.post<{ code: string }>(`/v1/members/${id}/coupons`, { template })
        codes.push(coupon.code)
      }
      members[i] = { id, codes }
      tracker.update(++done)
    }
  }
  try {
    await Promise.all(Array.from({ length: SETUP_CONCURRENCY }, worker))
  } finally {
    tracker.done()
  }
  return members
}

interface QuoteAnswer {
  subtotal: number
  discounts: { amount: number }[]
  shipping_fee: number
  shipping_discount: number
  points_redeemed: number
  points_value: number
  total: number
  applicable_coupons: unknown[]
}

/**
 * Whether a quote's figures add up (docs/checkout.md; `discounts` lists every coupon applied,
 * free shipping too, whose amount is also the `shipping_discount`), and it priced every coupon
 * the member holds.
 */
function addsUp(quote: QuoteAnswer, body: ReturnType<typeof benchQuote>, member: QuoteMember) {
  const subtotal = body.items.reduce((sum, item) => sum + item.quantity * item.unit_price, 0)
  const discounts = quote.discounts.reduce((sum, discount) => sum + discount.amount, 0)
  return (
    quote.subtotal === subtotal &&
    quote.shipping_fee === body.shipping_fee &&
    quote.shipping_discount <= quote.shipping_fee &&
    discounts - quote.shipping_discount <= subtotal &&
    quote.total === subtotal - discounts + quote.shipping_fee - quote.points_value &&
    quote.total >= 0 &&
    quote.points_redeemed <= (body.points_to_redeem ?? 0) &&
    quote.applicable_coupons.length === member.codes.length
  )
}

/** One quote of each kind the load sends, through the API, before the load: do they add up? */
async function sampleQuotes(api: BenchApi, members: readonly QuoteMember[]) {
  let consistent = 0
  const failures: string[] = []
  for (let n = 0; n < QUOTE_KINDS; n++) {
    const member = members[n % members.length] as QuoteMember
    const body = benchQuote(member, n)
    const quote = await api.post<QuoteAnswer>('/v1/checkout/quote', body)
    if (addsUp(quote, body, member)) consistent++
    else failures.push(`quote ${n}: ${JSON.stringify(body)} answered ${JSON.stringify(quote)}`)
  }
  return { consistent, sampled: QUOTE_KINDS, failures }
}

/**
 * What a quote must never change, as figures of the program's data: orders, the ledger and
 * lots, rule usage, coupons and templates, balances, members, tier changes, events, the
 * outbox, stored idempotent answers and the audit log.
 */
async function programState(db: Kysely<DB>, programId: string): Promise<Record<string, string>> {
  const count = (table: string) =>
    sql`(SELECT count(*) FROM ${sql.table(table)} WHERE program_id = ${programId})::text`
  const { rows } = await sql<Record<string, string>>`
    SELECT
      ${count('orders')} AS orders,
      ${count('point_transactions')} AS "ledger entries",
      ${count('point_lots')} AS lots,
      ${count('earning_rule_usage')} AS "rule usage rows",
      (SELECT coalesce(sum(points), 0) FROM earning_rule_usage
        WHERE program_id = ${programId})::text AS "rule usage",
      (SELECT count(*) FROM coupons
        WHERE program_id = ${programId} AND status <> 'active')::text AS "coupons used",
      (SELECT coalesce(sum(issued), 0) FROM coupon_templates
        WHERE program_id = ${programId})::text AS "coupons issued",
      (SELECT coalesce(sum(points_available), 0) || '/' || coalesce(max(updated_at)::text, '')
        FROM members WHERE program_id = ${programId}) AS members,
      ${count('tier_changes')} AS "tier changes",
      ${count('events')} AS events,
      ${count('outbox_events')} AS "outbox events",
      ${count('idempotency_keys')} AS "idempotency keys",
      ${count('audit_log')} AS "audit log"
  `.execute(db)
  return rows[0] ?? {}
}

/**
 * A program for quotes: the orders scenario's ladder and earning rule (the quote runs the
 * order's plan, tier window included), three coupon templates, and 1,000 members loaded with
 * SQL with a past of their own (ten orders each on average over the last 15 months, as
 * `orders-tiers` loads them) and put in the tiers it earns; then, through the API, points and
 * one coupon of each template for every member.
 */
async function setUp(run: EngineRun): Promise<{ api: BenchApi; members: QuoteMember[] }> {
  const { progress, signal } = run.options
  const api = await createBenchProgram(run.api.baseUrl, run.adminKey, 'Bench quotes')
  await putLadder(run, api, BENCH_TIER_LADDER)
  await api.post('/v1/earning-rules', BENCH_EARNING_RULE)
  const templates: string[] = []
  for (const template of QUOTE_COUPON_TEMPLATES) {
    templates.push((await api.post<{ id: string }>('/v1/coupon-templates', template)).id)
  }
  const plan: TierDataPlan = {
    programId: api.programId,
    members: MEMBER_POOL_SIZE,
    orders: MEMBER_POOL_SIZE * TIER_ORDERS_PER_MEMBER,
    asOf: new Date(),
    initialTiers: 'entry',
    label: `${run.label}: quotes`,
  }
  const ids = await loadTierData(run.server.database.db, plan, progress, signal)
  await run.server.services.jobs.runNow(api.programId, 'tier-evaluation', plan.asOf)
  return { api, members: await equipMembers(api, ids, templates, progress) }
}

/**
 * Quotes per second through `POST /v1/checkout/quote`, from the load generator's process like
 * `orders/s`, round-robin over 1,000 members who each hold points and three coupons: every
 * quote prices the basket with the coupons it names and the points it offers, prices each of
 * the member's coupons on its own, and runs the order's plan for the points it would earn.
 * Before the load, one quote of each kind must add up; after it, nothing in the program may
 * have changed (a quote has no side effect). With `--profile`, the server's CPU profile of the
 * load is written to `<dir>/quotes-<engine>.cpuprofile`.
 */
export async function benchQuotes(run: EngineRun): Promise<void> {
  const { options, report } = run
  options.progress.phase(
    `${run.label}: setting up quotes (the orders' ladder and rule, coupon templates, members with a past, points and coupons)`,
  )
  const { api, members } = await setUp(run)
  options.signal?.throwIfAborted()
  const { failures, ...sample } = await sampleQuotes(api, members)
  const { db } = run.server.database
  const before = await programState(db, api.programId)
  const profile = options.profileDir !== undefined
  const plan = { kind: 'quotes', members } as const
  const result = await run.measureLoad(QUOTES_SCENARIO, api, plan, { profile })
  const after = await programState(db, api.programId)
  const changed = Object.keys(before).filter((key) => before[key] !== after[key])
  const check: QuotesCheck = {
    engine: run.label,
    members: members.length,
    couponsPerMember: QUOTE_COUPON_TEMPLATES.length,
    ...sample,
    changed,
    ok:
      changed.length === 0 &&
      sample.consistent === sample.sampled &&
      result.non2xx === 0 &&
      result.errors === 0,
  }
  report.quotesChecks.push(check)
  // The first sample that did not add up, to see why.
  const [failure] = failures
  if (failure) report.notes.push(`${run.label}: sample ${failure}`)
  if (options.profileDir !== undefined) {
    await saveProfile(run, options.profileDir, QUOTES_SCENARIO, result, 'quotes')
  }
}
