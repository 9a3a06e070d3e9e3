import { sql } from 'kysely'
import type { BenefitOrdersCheck, EngineRun } from './bench.js'
import { createBenchProgram } from './bench-api.client.js'
import { MEMBER_POOL_SIZE, seedMembers } from './members.scenario.js'
import {
  BENCH_EARNING_RULE,
  BENCH_TIER_LADDER,
  checkOrders,
  orderStream,
  saveProfile,
  setUpTierLadder,
} from './orders.scenario.js'

export const BENEFIT_ORDERS_SCENARIO = 'orders/s, tier discount + free shipping'

/** The shipping fee of every order of the load: the free-shipping benefit takes it. */
export const BENEFIT_SHIPPING_FEE = 1_000

const TIER_KEYS = BENCH_TIER_LADDER.tiers.map((tier) => tier.key)

/**
 * The benefits every member of the ladder has (docs/benefits.md): 5 % off every order (no quota)
 * and free shipping with a monthly quota far above what a load uses, so that each order takes
 * a use of the quota in its write — the counted path, not the free one.
 */
export const BENCH_BENEFITS = [
  {
    key: 'bench-tier-price',
    name: 'Bench: 5 % off for every tier',
    type: 'discount',
    tiers: TIER_KEYS,
    config: { percent_off: 5 },
  },
  {
    key: 'bench-free-shipping',
    name: 'Bench: free shipping, monthly quota',
    type: 'free_shipping',
    tiers: TIER_KEYS,
    quota: { count: 1_000_000, period: 'month' },
  },
] as const

/**
 * Orders per second through `POST /v1/orders` whose members' tiers carry a tier discount and
 * free shipping: the orders scenario's program (ladder, earning rule, 1,000 members) and its
 * orders, each with a shipping fee, plus the two benefits. Each order prices its basket, takes a
 * use of the free-shipping quota and records both uses in its one write. Afterwards, the orders
 * check of `orders/s`, then the uses counted with SQL: two per order, one quota use per order.
 */
export async function benchOrdersBenefits(run: EngineRun): Promise<void> {
  const { options, report } = run
  options.progress.phase(
    `${run.label}: setting up orders with benefits (the orders' ladder and rule, a tier discount and free shipping, members)`,
  )
  const api = await createBenchProgram(run.api.baseUrl, run.adminKey, 'Bench orders-benefits')
  await setUpTierLadder(api)
  await api.post('/v1/earning-rules', BENCH_EARNING_RULE)
  for (const benefit of BENCH_BENEFITS) await api.post('/v1/benefits', benefit)
  const members = await seedMembers(api, MEMBER_POOL_SIZE, options.progress, 'privileged')
  options.signal?.throwIfAborted()
  const stream = orderStream(members, 'benefits')
  const plan = { ...stream.plan(), shippingFee: BENEFIT_SHIPPING_FEE }
  const profile = options.profileDir !== undefined
  const result = await run.measureLoad(BENEFIT_ORDERS_SCENARIO, api, plan, { profile })
  stream.record(result.orders)
  await checkOrders(run, api.programId, stream, BENEFIT_ORDERS_SCENARIO, result.ok2xx)
  options.progress.phase(`${run.label}: counting each order's benefit uses with SQL`)
  const { db } = run.server.database
  const { rows } = await sql<{ orders: string; uses: string; counted: string }>`
    SELECT
      (SELECT count(*) FROM orders WHERE program_id = ${api.programId}
        AND id LIKE ${`${stream.prefix}%`}) AS orders,
      (SELECT count(*) FROM benefit_uses WHERE program_id = ${api.programId}
        AND reference_kind = 'order' AND reference_id LIKE ${`${stream.prefix}%`}) AS uses,
      (SELECT coalesce(sum(used), 0) FROM benefit_usage WHERE program_id = ${api.programId})
        AS counted
  `.execute(db)
  const row = rows[0]
  const orders = Number(row?.orders ?? 0)
  const check: BenefitOrdersCheck = {
    engine: run.label,
    orders,
    uses: Number(row?.uses ?? 0),
    counted: Number(row?.counted ?? 0),
    ok: false,
  }
  check.ok =
    result.non2xx === 0 &&
    orders > 0 &&
    check.uses === 2 * orders &&
    // The warm-up-free load: every order of the program is the stream's.
    check.counted === orders
  report.benefitChecks.push(check)
  if (options.profileDir !== undefined) {
    await saveProfile(run, options.profileDir, BENEFIT_ORDERS_SCENARIO, result, 'orders-benefits')
  }
}
