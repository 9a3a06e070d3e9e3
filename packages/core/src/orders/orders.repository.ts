import type { OrderRow, RefundRow } from '@loyalbase/db'
import { sql } from 'kysely'
import type { Executor } from '../shared/executor.js'
import type { OrderItem } from './orders.js'

/** Inserts the order as its own idempotency claim; undefined when the id exists. */
export async function claimOrder(
  db: Executor,
  row: {
    program_id: string
    id: string
    member_id: string
    amount: number
    shipping_fee: number
    channel: string | null
    items: OrderItem[]
    occurred_at: Date
    fingerprint: string
    created_at: Date
  },
): Promise<OrderRow | undefined> {
  return db
    .insertInto('orders')
    .values({ ...row, items: JSON.stringify(row.items) })
    .onConflict((oc) => oc.columns(['program_id', 'id']).doNothing())
    .returningAll()
    .executeTakeFirst()
}

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

/** What the order earned; written before the tier check, which sums orders' earnings. */
export async function setOrderEarnings(
  db: Executor,
  programId: string,
  id: string,
  earned: { points: number; growth: number },
): Promise<void> {
  await db
    .updateTable('orders')
    .set({ points_earned: earned.points, growth_earned: earned.growth })
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .execute()
}

export async function saveOrderResponse(db: Executor, programId: string, id: string, body: string) {
  await db
    .updateTable('orders')
    .set({ response_body: body })
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .execute()
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
