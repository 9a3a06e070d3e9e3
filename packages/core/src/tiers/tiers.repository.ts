import type { MemberRow, TierChangeReason, TierChangeRow } from '@loyalbase/db'
import { sql } from 'kysely'
import type { Executor } from '../shared/executor.js'
import type { Range, TierMetric } from './tiers.js'

/**
 * A member's metric over a window, from the orders and events that occurred in it (refunds
 * count against the order they refund, in the order's period).
 */
export async function metricInRange(
  db: Executor,
  programId: string,
  memberId: string,
  metric: TierMetric,
  range: Range,
): Promise<number> {
  const inRange = (column: string) =>
    range.from
      ? sql`${sql.ref(column)} > ${range.from} and ${sql.ref(column)} <= ${range.to}`
      : sql`${sql.ref(column)} <= ${range.to}`
  const orderSum =
    metric === 'spend'
      ? sql`coalesce(sum(amount - refunded_amount), 0)`
      : metric === 'orders'
        ? sql`count(*) filter (where not (amount > 0 and refunded_amount >= amount))`
        : metric === 'growth'
          ? sql`coalesce(sum(growth_earned - growth_reversed), 0)`
          : sql`coalesce(sum(points_earned - points_reversed), 0)`
  const fromOrders = await sql<{ value: number }>`
    select ${orderSum}::bigint as value from orders
    where program_id = ${programId} and member_id = ${memberId} and ${inRange('occurred_at')}`.execute(
    db,
  )
  let value = Number(fromOrders.rows[0]?.value ?? 0)
  if (metric === 'growth' || metric === 'points_earned') {
    const column = metric === 'growth' ? sql`growth_earned` : sql`points_earned`
    const fromEvents = await sql<{ value: number }>`
      select coalesce(sum(${column}), 0)::bigint as value from events
      where program_id = ${programId} and member_id = ${memberId} and ${inRange('occurred_at')}`.execute(
      db,
    )
    value += Number(fromEvents.rows[0]?.value ?? 0)
  }
  return value
}

export async function setMemberTier(
  db: Executor,
  programId: string,
  memberId: string,
  change: {
    tier: string
    since: Date
    overridden?: boolean
    overrideUntil?: Date | null
  },
): Promise<void> {
  await db
    .updateTable('members')
    .set({
      tier_key: change.tier,
      tier_since: change.since,
      ...(change.overridden !== undefined ? { tier_overridden: change.overridden } : {}),
      ...(change.overrideUntil !== undefined ? { tier_override_until: change.overrideUntil } : {}),
    })
    .where('program_id', '=', programId)
    .where('id', '=', memberId)
    .execute()
}

export async function markReviewed(db: Executor, programId: string, memberId: string, key: string) {
  await db
    .updateTable('members')
    .set({ tier_reviewed: key })
    .where('program_id', '=', programId)
    .where('id', '=', memberId)
    .execute()
}

export async function insertTierChange(
  db: Executor,
  row: {
    program_id: string
    member_id: string
    id: string
    from_tier: string
    to_tier: string
    reason: TierChangeReason
    actor: string | null
    note: string | null
    at: Date
  },
): Promise<void> {
  await db.insertInto('tier_changes').values(row).execute()
}

export async function insertOutboxEvent(
  db: Executor,
  row: {
    program_id: string
    id: string
    type: string
    member_id: string
    data: Record<string, unknown>
    created_at: Date
  },
): Promise<void> {
  await db
    .insertInto('outbox_events')
    .values({ ...row, data: JSON.stringify(row.data) })
    .execute()
}

export async function listTierChanges(
  db: Executor,
  programId: string,
  memberId: string,
  limit: number,
): Promise<TierChangeRow[]> {
  return db
    .selectFrom('tier_changes')
    .selectAll()
    .where('program_id', '=', programId)
    .where('member_id', '=', memberId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}

/** A batch of members in id order, for the evaluation job. */
export async function listMembersAfter(
  db: Executor,
  programId: string,
  afterId: string,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('members')
    .select('id')
    .where('program_id', '=', programId)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map((r) => r.id)
}

export async function tierCounts(db: Executor, programId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('members')
    .select(['tier_key', (eb) => eb.fn.countAll<number>().as('count')])
    .where('program_id', '=', programId)
    .groupBy('tier_key')
    .execute()
  return new Map(rows.map((r) => [r.tier_key, Number(r.count)]))
}

export async function storeLadder(db: Executor, programId: string, ladder: unknown): Promise<void> {
  await db
    .updateTable('programs')
    .set({ tier_ladder: JSON.stringify(ladder) })
    .where('id', '=', programId)
    .execute()
}

export type { MemberRow }
