import { type MemberRow, type OrderRow, preparedStatement, type RefundRow } from '@loyalbase/db'
import { CompiledQuery, sql } from 'kysely'
import type { Range } from '../ladder/index.js'
import type { Executor } from '../shared/executor.js'
import type { CheckoutCouponRow } from './coupons.port.js'
import type { CheckoutReads, OrderSnapshot } from './order-plan.js'
import type { OrderWrite } from './order-write.js'

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
  refund: { amount: number; points: number; growth: number; returned: number },
): Promise<void> {
  await db
    .updateTable('orders')
    .set({
      refunded_amount: sql`refunded_amount + ${refund.amount}`,
      points_returned: sql`points_returned + ${refund.returned}`,
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
  outcome: { points: number; growth: number; returned: number },
): Promise<RefundRow> {
  return db
    .updateTable('refunds')
    .set({
      points_reversed: outcome.points,
      growth_reversed: outcome.growth,
      points_returned: outcome.returned,
    })
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

// The order's statements (0008_order_write.sql). Constant texts, so that PostgreSQL prepares
// each once per connection (packages/db/src/prepared.ts).
const SNAPSHOT = preparedStatement(
  'lb_order_snapshot',
  `SELECT lb_order_snapshot($1, $2, $3, $4::text[], $5::text[], $6::text[], $7, $8::text[],
    $9::bigint[], $10, $11, $12, $13, $14, $15, $16) AS snapshot`,
)
const APPLY = preparedStatement('lb_apply_order', 'SELECT lb_apply_order($1::jsonb)')
const APPLY_MANY = preparedStatement('lb_apply_orders', 'SELECT lb_apply_orders($1::jsonb)')
const APPLY_TOGETHER = preparedStatement(
  'lb_apply_orders_together',
  'SELECT lb_apply_orders_together($1::jsonb) AS lb_apply_orders',
)
const SNAPSHOT_MANY = preparedStatement(
  'lb_order_snapshots',
  'SELECT lb_order_snapshots($1::jsonb) AS snapshots',
)
const CHECKOUTS = preparedStatement(
  'lb_checkout_reads_many',
  'SELECT lb_checkout_reads_many($1::jsonb) AS checkouts',
)

/** What a checkout needs read with the snapshot (0018_checkout_in_order_write.sql). */
export interface CheckoutRequest {
  /** The coupon codes named, as stored (normalised). */
  codes: string[]
  /** The member's active coupons too (a quote shows which apply). */
  held: boolean
  /**
   * The points the order asks to pay with: the member's spendable lots are read, oldest first,
   * as many as cover them (0: none).
   */
  points: number
  at: Date
}

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
  checkout?: CheckoutRequest
  /**
   * For a request answered from a remembered key (a quote): the key and the program version it
   * was remembered with; the read checks both and answers `stale` when either changed.
   */
  context?: { key: string | null; programVersion: number }
}

interface CheckoutJson {
  version: number | string | null
  coupons: CheckoutCouponRow[]
  held: CheckoutCouponRow[]
  lots: [string, number | string, string][]
}

interface SnapshotJson {
  member: Record<string, unknown>
  existing: StoredOrder | null
  usage: [string, string, number][]
  budgets: [string, number][]
  window: [number, number, string | null] | null
  checkout?: CheckoutJson
}

// The member's timestamp columns, which come back from jsonb as text.
const MEMBER_TIMES = ['joined_at', 'tier_since', 'tier_override_until', 'created_at', 'updated_at']

function memberOf(json: Record<string, unknown>): MemberRow {
  const row: Record<string, unknown> = { ...json }
  for (const column of MEMBER_TIMES) {
    const value = row[column]
    if (typeof value === 'string') row[column] = new Date(value)
  }
  return row as unknown as MemberRow
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
  const result = await db.executeQuery<{ snapshot: SnapshotJson | null }>(
    CompiledQuery.raw(SNAPSHOT, [
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
      lock,
    ]),
  )
  return snapshotOf(result.rows[0]?.snapshot ?? null, request)
}

type SnapshotFound = { snapshot: OrderSnapshot; existing: StoredOrder | null } | undefined

function checkoutOf(json: CheckoutJson): CheckoutReads {
  return {
    coupons: json.coupons,
    held: json.held,
    lots: json.lots.map(([id, remaining, earnedAt]) => ({
      id,
      remaining: Number(remaining),
      earned_at: new Date(earnedAt),
    })),
  }
}

function snapshotOf(found: SnapshotJson | null, request: SnapshotRequest): SnapshotFound {
  if (!found) return undefined
  return {
    existing: found.existing,
    snapshot: {
      member: memberOf(found.member),
      usage: new Map(
        found.usage.map(([rule, period, points]) => [`${rule}\u0000${period}`, Number(points)]),
      ),
      budgets: new Map(found.budgets.map(([rule, used]) => [rule, Number(used)])),
      window: found.window
        ? {
            current: Number(found.window[0]),
            previous: Number(found.window[1]),
            earliest: found.window[2] ? new Date(found.window[2]) : null,
          }
        : null,
      windows: request.windows,
      ...(found.checkout ? { checkout: checkoutOf(found.checkout) } : {}),
    },
  }
}

/** A member's checkout rows to read apart from its snapshot (`readCheckouts`). */
export interface CheckoutAsk {
  programId: string
  memberId: string
  /** The order's id: the order stored under it, if any, is answered too. */
  orderId: string
  request: CheckoutRequest
  /** As `SnapshotRequest.context`: checked first, answered `stale` when it changed. */
  context?: { key: string | null; programVersion: number }
}

/** What `readCheckouts` answers for one member. */
export type CheckoutRead =
  | { version: number | null; existing: StoredOrder | null; checkout: CheckoutReads }
  | { stale: 'key' | 'program' }

/**
 * The checkout's rows of many members in one statement, each with the member's row version
 * they were read at (null: no such member): for orders computed from a snapshot kept by this
 * process, or read with the member's row locked (then in the caller's transaction).
 */
export async function readCheckouts(
  db: Executor,
  asks: readonly CheckoutAsk[],
): Promise<CheckoutRead[]> {
  const result = await db.executeQuery<{
    checkouts: ((CheckoutJson & { existing?: StoredOrder | null }) | { stale: 'key' | 'program' })[]
  }>(
    CompiledQuery.raw(CHECKOUTS, [
      JSON.stringify(
        asks.map(({ programId, memberId, orderId, request, context }) => ({
          program: programId,
          member: memberId,
          order: orderId,
          ...request,
          ...(context && {
            context: { key: context.key, program_version: context.programVersion },
          }),
        })),
      ),
    ]),
  )
  const found = result.rows[0]?.checkouts ?? []
  return asks.map((_, i) => {
    const one = found[i]
    if (!one) throw new Error('lb_checkout_reads_many answered short')
    if ('stale' in one) return { stale: one.stale }
    return {
      version: one.version === null ? null : Number(one.version),
      existing: one.existing ?? null,
      checkout: checkoutOf(one),
    }
  })
}

/** A snapshot read in a batch: found, not found, or refused for a stale `context`. */
export type SnapshotRead = SnapshotFound | { stale: 'key' | 'program' }

/**
 * Many orders' (or quotes') snapshots in one statement, not locked: each as `readOrderSnapshot`
 * reads it, with the checkout's rows when asked for.
 */
export async function readOrderSnapshots(
  db: Executor,
  requests: readonly SnapshotRequest[],
): Promise<SnapshotRead[]> {
  const result = await db.executeQuery<{
    snapshots: (SnapshotJson | { stale: 'key' | 'program' } | null)[]
  }>(
    CompiledQuery.raw(SNAPSHOT_MANY, [
      JSON.stringify(
        requests.map((r) => {
          const [current, previous] = r.windows
          return {
            program: r.programId,
            member: r.member,
            order: r.orderId,
            limited_rules: r.limitedRules,
            periods: r.periods,
            budgeted_rules: r.budgetedRules,
            windowed: r.ladder.windowed,
            tier_keys: r.ladder.keys,
            thresholds: r.ladder.thresholds,
            metric: r.ladder.metric,
            amount: r.amount,
            from1: current?.from ?? null,
            to1: current?.to ?? null,
            from2: previous?.from ?? null,
            to2: previous?.to ?? null,
            ...(r.checkout ? { checkout: r.checkout } : {}),
            ...(r.context
              ? { context: { key: r.context.key, program_version: r.context.programVersion } }
              : {}),
          }
        }),
      ),
    ]),
  )
  const found = result.rows[0]?.snapshots ?? []
  return requests.map((request, i) => {
    const one = found[i] ?? null
    return one && 'stale' in one ? { stale: one.stale } : snapshotOf(one, request)
  })
}

/** Why the database refused a plan (see 0008_order_write.sql, 0018_checkout_in_order_write.sql). */
export type StalePlan = 'key' | 'program' | 'member' | 'duplicate' | 'coupon'

const STALE_CODES: Record<string, StalePlan> = {
  LBKEY: 'key',
  LBPRG: 'program',
  LBMEM: 'member',
  LBDUP: 'duplicate',
  LBCPN: 'coupon',
  // Two writes that lock the same rows in opposite orders: one is cancelled; computed again.
  '40P01': 'member',
}

export type ApplyResult = { ok: true; version: number } | { ok: false; stale: StalePlan }

/**
 * Writes many plans in one statement and one commit, each on its own (a refused or failing
 * plan writes nothing and leaves the others be): for each, the member's new row version or why
 * it was refused. A plan that failed for another reason is an error of its own.
 */
export async function applyOrderPlans(
  db: Executor,
  writes: readonly OrderWrite[],
): Promise<(ApplyResult | Error)[]> {
  const body = JSON.stringify(writes)
  // Plans of different members nearly always all pass: write them without a subtransaction
  // each, and only when the database refuses one, again with (0012_order_writes_together.sql).
  if (writes.length > 1 && new Set(writes.map((w) => w.member.id)).size === writes.length) {
    const together = await db
      .executeQuery<{ lb_apply_orders: { version: number }[] }>(
        CompiledQuery.raw(APPLY_TOGETHER, [body]),
      )
      .catch(() => undefined)
    const versions = together?.rows[0]?.lb_apply_orders
    if (versions && versions.length === writes.length) {
      return versions.map((outcome) => ({ ok: true, version: Number(outcome.version) }))
    }
  }
  const result = await db.executeQuery<{
    lb_apply_orders: ({ version: number } | { error: string; message: string })[]
  }>(CompiledQuery.raw(APPLY_MANY, [body]))
  const outcomes = result.rows[0]?.lb_apply_orders ?? []
  return writes.map((_, i) => {
    const outcome = outcomes[i]
    if (!outcome) return new Error('the batch of order writes answered short')
    if ('version' in outcome) return { ok: true, version: Number(outcome.version) }
    const stale = STALE_CODES[outcome.error]
    return stale
      ? { ok: false, stale }
      : Object.assign(new Error(outcome.message), { code: outcome.error })
  })
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
