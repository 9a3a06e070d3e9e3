import type { DB } from '@loyalbase/db'
import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { BenchProgress } from './bench.js'

/**
 * Bulk data for the tier scenarios, loaded straight into the tables with `INSERT … SELECT
 * generate_series` (as the expiry scenario does): members, and orders spread over the last
 * 15 months with varied amounts and some partial refunds; each member's counters
 * (`lifetime_spend`, `orders_count`) are then set to what its orders add up to.
 */

/** The ladder the tier scenarios run on: spend over a rolling year, reviewed every month. */
export const TIERS_BENCH_LADDER = {
  metric: 'spend',
  window: { type: 'rolling', months: 12 },
  downgrade: { type: 'period_end', period: 'month' },
  tiers: [
    { key: 'normal', name: '普通会员', threshold: 0 },
    { key: 'silver', name: '银卡', name_en: 'Silver', threshold: 100_000 },
    { key: 'gold', name: '金卡', name_en: 'Gold', threshold: 500_000 },
    { key: 'diamond', name: '钻石', name_en: 'Diamond', threshold: 2_000_000 },
  ],
} as const

/** Orders per member on average (members get them at random, so some have many, some none). */
export const TIER_ORDERS_PER_MEMBER = 10
/** How far back the orders go: longer than the rolling year, so windows matter. */
export const ORDER_HISTORY_DAYS = 456
/** Orders per INSERT: big enough to be fast, small enough to show progress. */
const LOAD_CHUNK = 100_000
const MEMBER_CHUNK = 50_000
const DAY_MS = 24 * 60 * 60 * 1000

// Zero-padded so that ids sort like numbers, as the job's paging in id order expects.
export const benchMemberId = (m: string) => sql`'mem_tier_' || lpad((${sql.raw(m)})::text, 9, '0')`
/** The member number back from its id. */
export const benchMemberNumber = (column: string) => sql`substr(${sql.ref(column)}, 10)::bigint`

export interface TierDataPlan {
  programId: string
  members: number
  orders: number
  asOf: Date
  /**
   * Where members start before any evaluation: `entry` — all in the first tier; `mixed` — three
   * in four in the tier their lifetime spend reaches (so the rolling window demotes many), the
   * fourth in the first tier (so the evaluation promotes them).
   */
  initialTiers: 'entry' | 'mixed'
  /** A label for the progress line. */
  label: string
}

/**
 * Member `m` spends on a scale of its own, from 1/16 to 16 times the base, so that the ladder's
 * four tiers are all well populated; amounts are log-uniform from ¥10 to ¥4,000 times that.
 */
const memberScale = (m: string) => sql`power(2, ((${sql.raw(m)} * 7) % 9) - 4)`

async function insertMembers(db: Kysely<DB>, plan: TierDataPlan, from: number, to: number) {
  const joined = new Date(plan.asOf.getTime() - 500 * DAY_MS).toISOString()
  await sql`
    INSERT INTO members (program_id, id, external_id, joined_at, referral_code, tier_key,
      tier_since, created_at, updated_at)
    SELECT p.id, ${benchMemberId('m')}, 'tier-' || m, ${joined}::timestamptz, 'BENCHT' || m,
      p.tier_ladder -> 'tiers' -> 0 ->> 'key', ${joined}::timestamptz, ${joined}::timestamptz,
      ${joined}::timestamptz
    FROM programs p, generate_series(${from}::bigint, ${to}::bigint) m
    WHERE p.id = ${plan.programId}
  `.execute(db)
}

async function insertOrders(db: Kysely<DB>, plan: TierDataPlan, from: number, to: number) {
  const asOf = plan.asOf.toISOString()
  await sql`
    INSERT INTO orders (program_id, id, member_id, amount, refunded_amount, channel,
      occurred_at, fingerprint, created_at)
    SELECT ${plan.programId}, 'ord_tier_' || lpad(g::text, 10, '0'), ${benchMemberId('m')},
      amount, CASE WHEN g % 20 = 0 THEN amount / 2 ELSE 0 END,
      CASE WHEN g % 4 = 0 THEN 'store' ELSE 'online' END, occurred_at, 'bench', occurred_at
    FROM (
      SELECT g, m,
        floor(exp(ln(1000) + random() * ln(400)) * ${memberScale('m')})::bigint AS amount,
        ${asOf}::timestamptz - random() * ${sql.lit(ORDER_HISTORY_DAYS)} * interval '1 day' AS occurred_at
      FROM (SELECT g, 1 + floor(random() * ${plan.members})::bigint AS m
            FROM generate_series(${from}::bigint, ${to}::bigint) g) r
    ) o
  `.execute(db)
}

/** The ladder's thresholds as SQL: the index of the highest tier `value` reaches. */
export function tierIndexSql(value: RawBuilder<unknown>) {
  const thresholds = TIERS_BENCH_LADDER.tiers.map((tier) => tier.threshold)
  const cases = thresholds
    .map((threshold, i) => ({ threshold, i }))
    .reverse()
    .map(({ threshold, i }) => sql`WHEN ${value} >= ${sql.lit(threshold)} THEN ${sql.lit(i)}`)
  return sql`(CASE ${sql.join(cases, sql` `)} END)`
}

/** The tier key at an index of `TIERS_BENCH_LADDER`, as SQL. */
export function tierKeySql(index: RawBuilder<unknown>) {
  const keys = TIERS_BENCH_LADDER.tiers.map((tier) => sql.lit(tier.key))
  return sql`(ARRAY[${sql.join(keys)}])[${index} + 1]`
}

/** Where a `mixed` member starts, from its number and lifetime spend (also what the check uses). */
export function initialTierIndexSql(number: RawBuilder<unknown>, spend: RawBuilder<unknown>) {
  return sql`(CASE WHEN ${number} % 4 = 0 THEN 0 ELSE ${tierIndexSql(spend)} END)`
}

/** Counters (and, for `mixed`, the starting tier) to match the orders just loaded. */
async function settleCounters(db: Kysely<DB>, plan: TierDataPlan) {
  const tier =
    plan.initialTiers === 'mixed'
      ? sql`, tier_key = ${tierKeySql(initialTierIndexSql(benchMemberNumber('m.id'), sql`s.spend`))}`
      : sql``
  await sql`
    UPDATE members m SET lifetime_spend = s.spend, orders_count = s.orders ${tier}
    FROM (SELECT member_id, sum(amount - refunded_amount)::bigint AS spend, count(*)::int AS orders
          FROM orders WHERE program_id = ${plan.programId} GROUP BY member_id) s
    WHERE m.program_id = ${plan.programId} AND m.id = s.member_id
  `.execute(db)
}

/** Loads the plan's members and orders; returns the member ids (`mem_tier_…`) in order. */
export async function loadTierData(
  db: Kysely<DB>,
  plan: TierDataPlan,
  progress: BenchProgress,
  signal?: AbortSignal,
): Promise<string[]> {
  for (let from = 1; from <= plan.members; from += MEMBER_CHUNK) {
    await insertMembers(db, plan, from, Math.min(from + MEMBER_CHUNK - 1, plan.members))
  }
  const tracker = progress.task(`${plan.label}: loading orders with SQL`, plan.orders, 'orders')
  try {
    for (let from = 1; from <= plan.orders; from += LOAD_CHUNK) {
      signal?.throwIfAborted()
      const to = Math.min(from + LOAD_CHUNK - 1, plan.orders)
      await insertOrders(db, plan, from, to)
      tracker.update(to)
    }
    // Fresh statistics first: planned on stale ones (a scratch database whose tables were small
    // a moment ago), the join below nests a scan of all the orders inside every member.
    await sql`ANALYZE members, orders`.execute(db)
    await settleCounters(db, plan)
  } finally {
    tracker.done()
  }
  // As autovacuum would soon after a real load: the job's queries are planned on fresh statistics.
  await sql`ANALYZE members, orders`.execute(db)
  return Array.from(
    { length: plan.members },
    (_, i) => `mem_tier_${String(i + 1).padStart(9, '0')}`,
  )
}
