import { type MemberRow, type OrderRow, preparedStatement, type RefundRow } from '@loyalbase/db'
import { CompiledQuery, sql } from 'kysely'
import type { Executor } from '../shared/executor.js'
import type { Range } from '../tiers/tiers.js'
import type { OrderSnapshot, OrderWrite } from './order-plan.js'

export async function findOrder(
  db: Executor,
  programId: string,
  id: string,
): Promise<OrderRow | undefined> {
  return db
    .selectFrom('orders')
    .selectAll()
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function lockOrder(
  db: Executor,
  programId: string,
  id: string,
): Promise<OrderRow | undefined> {
  return db
    .selectFrom('orders')
    .selectAll()
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
}

export async function addRefundToOrder(
  db: Executor,
  programId: string,
  id: string,
  refund: { amount: number; points: number; growth: number },
): Promise<void> {
  await db
    .updateTable('orders')
    .set({
      refunded_amount: sql`refunded_amount + ${refund.amount}`,
      points_reversed: sql`points_reversed + ${refund.points}`,
      growth_reversed: sql`growth_reversed + ${refund.growth}`,
    })
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .execute()
}

export async function claimRefund(
  db: Executor,
  row: {
    program_id: string
    id: string
    order_id: string
    member_id: string
    amount: number
    items: unknown[] | null
    fingerprint: string
    created_at: Date
  },
): Promise<boolean> {
  const inserted = await db
    .insertInto('refunds')
    .values({ ...row, items: row.items ? JSON.stringify(row.items) : null })
    .onConflict((oc) => oc.columns(['program_id', 'id']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return inserted !== undefined
}

export async function findRefund(
  db: Executor,
  programId: string,
  id: string,
): Promise<RefundRow | undefined> {
  return db
    .selectFrom('refunds')
    .selectAll()
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function saveRefundOutcome(
  db: Executor,
  programId: string,
  id: string,
  outcome: { points: number; growth: number },
): Promise<RefundRow> {
  return db
    .updateTable('refunds')
    .set({ points_reversed: outcome.points, growth_reversed: outcome.growth })
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function saveRefundResponse(
  db: Executor,
  programId: string,
  id: string,
  body: string,
) {
  await db
    .updateTable('refunds')
    .set({ response_body: body })
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .execute()
}

export async function listRefunds(
  db: Executor,
  programId: string,
  orderId: string,
): Promise<RefundRow[]> {
  return db
    .selectFrom('refunds')
    .selectAll()
    .where('program_id', '=', programId)
    .where('order_id', '=', orderId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

// The order's two statements. Constant texts, so that PostgreSQL prepares each once per
// connection (packages/db/src/prepared.ts); `$7`–`$15` describe the tier window (order-plan.ts).
const SNAPSHOT_SELECT = `
SELECT m.*,
  (SELECT json_build_object('fingerprint', o.fingerprint, 'response_body', o.response_body)
     FROM orders o WHERE o.program_id = $1 AND o.id = $3) AS lb_existing,
  (SELECT coalesce(json_agg(json_build_array(u.rule_id, u.period, u.points)), '[]'::json)
     FROM earning_rule_usage u
     WHERE u.program_id = $1 AND u.member_id = m.id AND u.rule_id = ANY($4::text[])
       AND u.period = ANY($5::text[])) AS lb_usage,
  (SELECT coalesce(json_agg(json_build_array(r.id, r.budget_used)), '[]'::json)
     FROM earning_rules r WHERE r.program_id = $1 AND r.id = ANY($6::text[])) AS lb_budgets,
  CASE WHEN w.need THEN (
    SELECT json_build_array(
      coalesce(sum(x.v) FILTER (WHERE x.at > $12::timestamptz
        AND ($13::timestamptz IS NULL OR x.at <= $13::timestamptz)), 0),
      coalesce(sum(x.v) FILTER (WHERE $14::timestamptz IS NOT NULL
        AND x.at > $14::timestamptz AND x.at <= $15::timestamptz), 0),
      min(x.at) FILTER (WHERE x.at > $12::timestamptz
        AND ($13::timestamptz IS NULL OR x.at <= $13::timestamptz)))
    FROM (
      SELECT o.occurred_at AS at, CASE $10::text
          WHEN 'spend' THEN o.amount - o.refunded_amount
          WHEN 'orders' THEN CASE WHEN o.amount > 0 AND o.refunded_amount >= o.amount THEN 0 ELSE 1 END
          WHEN 'growth' THEN o.growth_earned - o.growth_reversed
          ELSE o.points_earned - o.points_reversed END AS v
      FROM orders o
      WHERE o.program_id = $1 AND o.member_id = m.id
        AND o.occurred_at > least($12::timestamptz, coalesce($14::timestamptz, $12::timestamptz))
      UNION ALL
      SELECT e.occurred_at, CASE $10::text WHEN 'growth' THEN e.growth_earned ELSE e.points_earned END
      FROM events e
      WHERE $10::text IN ('growth', 'points_earned') AND e.program_id = $1 AND e.member_id = m.id
        AND e.occurred_at > least($12::timestamptz, coalesce($14::timestamptz, $12::timestamptz))
    ) x) END AS lb_window
FROM members m
CROSS JOIN LATERAL (SELECT CASE
    WHEN NOT $7::boolean THEN false
    WHEN array_position($8::text[], m.tier_key) IS NULL THEN true
    WHEN array_position($8::text[], m.tier_key) >= cardinality($8::text[]) THEN false
    WHEN $10::text = 'spend'
      THEN m.lifetime_spend + $11::bigint >= ($9::bigint[])[array_position($8::text[], m.tier_key) + 1]
    WHEN $10::text = 'orders'
      THEN m.orders_count + 1 >= ($9::bigint[])[array_position($8::text[], m.tier_key) + 1]
    ELSE true END AS need) w
WHERE m.program_id = $1 AND (m.id = $2 OR m.external_id = $2)
ORDER BY m.id = $2 DESC
LIMIT 1`
const SNAPSHOT = preparedStatement('lb_order_snapshot', SNAPSHOT_SELECT)
const SNAPSHOT_LOCKED = preparedStatement(
  'lb_order_snapshot_locked',
  `${SNAPSHOT_SELECT}\nFOR UPDATE OF m`,
)
const APPLY = preparedStatement('lb_apply_order', 'SELECT lb_apply_order($1::jsonb)')

export interface SnapshotRequest {
  programId: string
  member: string
  orderId: string
  /** Live rules with per-member limits, and the usage periods of this order. */
  limitedRules: string[]
  periods: string[]
  /** Live rules with a total budget. */
  budgetedRules: string[]
  ladder: { windowed: boolean; keys: string[]; thresholds: number[]; metric: string }
  amount: number
  windows: Range[]
}

type SnapshotRow = MemberRow & {
  lb_existing: StoredOrder | null
  lb_usage: [string, string, number][]
  lb_budgets: [string, number][]
  lb_window: [number, number, string | null] | null
}

/** An order as its idempotency needs it: what was asked, and what was answered. */
export interface StoredOrder {
  fingerprint: string
  response_body: string
}

/**
 * Everything an order is computed from, in one statement: the member (by id or external id)
 * with its row version, the order already stored under the id, the member's usage of limited
 * rules, the budgets used, and the tier window's sums when this order could reach the next
 * tier. With `lock`, the member's row is locked for the caller's transaction.
 */
export async function readOrderSnapshot(
  db: Executor,
  request: SnapshotRequest,
  lock: boolean,
): Promise<{ snapshot: OrderSnapshot; existing: StoredOrder | null } | undefined> {
  const [current, previous] = request.windows
  const result = await db.executeQuery<SnapshotRow>(
    CompiledQuery.raw(lock ? SNAPSHOT_LOCKED : SNAPSHOT, [
      request.programId,
      request.member,
      request.orderId,
      request.limitedRules,
      request.periods,
      request.budgetedRules,
      request.ladder.windowed,
      request.ladder.keys,
      request.ladder.thresholds,
      request.ladder.metric,
      request.amount,
      current?.from ?? '-infinity',
      current?.to ?? null,
      previous?.from ?? null,
      previous?.to ?? null,
    ]),
  )
  const row = result.rows[0]
  if (!row) return undefined
  const { lb_existing, lb_usage, lb_budgets, lb_window, ...member } = row
  return {
    existing: lb_existing,
    snapshot: {
      member: member as MemberRow,
      usage: new Map(
        lb_usage.map(([rule, period, points]) => [`${rule}\u0000${period}`, Number(points)]),
      ),
      budgets: new Map(lb_budgets.map(([rule, used]) => [rule, Number(used)])),
      window: lb_window
        ? {
            current: Number(lb_window[0]),
            previous: Number(lb_window[1]),
            earliest: lb_window[2] ? new Date(lb_window[2]) : null,
          }
        : null,
      windows: request.windows,
    },
  }
}

/** Why the database refused a plan (see 0008_order_write.sql). */
export type StalePlan = 'key' | 'program' | 'member' | 'duplicate'

const STALE_CODES: Record<string, StalePlan> = {
  LBKEY: 'key',
  LBPRG: 'program',
  LBMEM: 'member',
  LBDUP: 'duplicate',
}

/**
 * Writes everything the plan says, in one statement, and returns the member's new row version;
 * a refused plan writes nothing.
 */
export async function applyOrderPlan(
  db: Executor,
  write: OrderWrite,
): Promise<{ ok: true; version: number } | { ok: false; stale: StalePlan }> {
  try {
    const result = await db.executeQuery<{ lb_apply_order: number }>(
      CompiledQuery.raw(APPLY, [JSON.stringify(write)]),
    )
    return { ok: true, version: Number(result.rows[0]?.lb_apply_order) }
  } catch (error) {
    const stale = STALE_CODES[(error as { code?: string }).code ?? '']
    if (stale) return { ok: false, stale }
    throw error
  }
}
