import type { MemberRow, TierChangeRow } from '@loyalbase/db'
import { sql } from 'kysely'
import type { Range, TierMetric } from '../ladder/index.js'
import type { Executor } from '../shared/executor.js'

function inRange(column: string, range: Range) {
  const after = range.from ? sql`${sql.ref(column)} > ${range.from}` : sql`true`
  return range.to ? sql`${after} and ${sql.ref(column)} <= ${range.to}` : after
}

function orderSum(metric: TierMetric) {
  return metric === 'spend'
    ? sql`coalesce(sum(amount - refunded_amount), 0)`
    : metric === 'orders'
      ? sql`count(*) filter (where not (amount > 0 and refunded_amount >= amount))`
      : metric === 'growth'
        ? sql`coalesce(sum(growth_earned - growth_reversed), 0)`
        : sql`coalesce(sum(points_earned - points_reversed), 0)`
}

const countsEvents = (metric: TierMetric) => metric === 'growth' || metric === 'points_earned'
const eventColumn = (metric: TierMetric) =>
  metric === 'growth' ? sql`growth_earned` : sql`points_earned`

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
  const fromOrders = await sql<{ value: number }>`
    select ${orderSum(metric)}::bigint as value from orders
    where program_id = ${programId} and member_id = ${memberId} and ${inRange('occurred_at', range)}`.execute(
    db,
  )
  let value = Number(fromOrders.rows[0]?.value ?? 0)
  if (countsEvents(metric)) {
    const fromEvents = await sql<{ value: number }>`
      select coalesce(sum(${eventColumn(metric)}), 0)::bigint as value from events
      where program_id = ${programId} and member_id = ${memberId} and ${inRange('occurred_at', range)}`.execute(
      db,
    )
    value += Number(fromEvents.rows[0]?.value ?? 0)
  }
  return value
}

/**
 * `metricInRange` for many members at once: one grouped query over their orders (and one over
 * their events). Members without any in the window are 0.
 */
export async function metricInRangeOf(
  db: Executor,
  programId: string,
  memberIds: readonly string[],
  metric: TierMetric,
  range: Range,
): Promise<Map<string, number>> {
  const values = new Map<string, number>(memberIds.map((id) => [id, 0]))
  if (memberIds.length === 0) return values
  const ids = sql.join(memberIds.map((id) => sql`${id}`))
  const add = (rows: { member_id: string; value: number }[]) => {
    for (const row of rows)
      values.set(row.member_id, (values.get(row.member_id) ?? 0) + Number(row.value))
  }
  const fromOrders = await sql<{ member_id: string; value: number }>`
    select member_id, ${orderSum(metric)}::bigint as value from orders
    where program_id = ${programId} and member_id in (${ids}) and ${inRange('occurred_at', range)}
    group by member_id`.execute(db)
  add(fromOrders.rows)
  if (countsEvents(metric)) {
    const fromEvents = await sql<{ member_id: string; value: number }>`
      select member_id, coalesce(sum(${eventColumn(metric)}), 0)::bigint as value from events
      where program_id = ${programId} and member_id in (${ids}) and ${inRange('occurred_at', range)}
      group by member_id`.execute(db)
    add(fromEvents.rows)
  }
  return values
}

import type { NewOutboxEvent, NewTierChange } from './tier-upgrade.js'

export type { NewOutboxEvent, NewTierChange }

/**
 * One member's tier change in one statement: the member's tier (and override, when given),
 * the history row and the outbox events.
 */
export async function applyTierChange(
  db: Executor,
  programId: string,
  memberId: string,
  change: {
    tier: string
    since: Date
    overridden?: boolean
    overrideUntil?: Date | null
  },
  history: NewTierChange,
  events: readonly NewOutboxEvent[],
): Promise<void> {
  const override = [
    ...(change.overridden !== undefined ? [sql`tier_overridden = ${change.overridden}`] : []),
    ...(change.overrideUntil !== undefined
      ? [sql`tier_override_until = ${change.overrideUntil}::timestamptz`]
      : []),
  ]
  const set = sql.join([
    sql`tier_key = ${change.tier}`,
    sql`tier_since = ${change.since}::timestamptz`,
    ...override,
  ])
  const h = history
  const eventRows = sql.join(
    events.map(
      (e) =>
        sql`(${e.program_id}, ${e.id}, ${e.type}, ${e.member_id}, ${JSON.stringify(e.data)}::jsonb, ${e.created_at}::timestamptz)`,
    ),
  )
  const outbox =
    events.length > 0
      ? sql`, outbox AS (
          INSERT INTO outbox_events (program_id, id, type, member_id, data, created_at)
          VALUES ${eventRows})`
      : sql``
  await sql`
    WITH member AS (
      UPDATE members SET ${set} WHERE program_id = ${programId} AND id = ${memberId}
    )${outbox}
    INSERT INTO tier_changes (program_id, member_id, id, from_tier, to_tier, reason, actor, note, at)
    VALUES (${h.program_id}, ${h.member_id}, ${h.id}, ${h.from_tier}, ${h.to_tier}, ${h.reason},
      ${h.actor}, ${h.note}, ${h.at}::timestamptz)`.execute(db)
}

// Bulk statements for the evaluation job: a batch of members in a few statements. Rows are
// sent in chunks so that no statement passes PostgreSQL's 65,535-parameter limit.
const CHUNK = 1000

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK))
  return out
}

/**
 * Locks the members in id order. With `skipLocked`, members whose row another transaction
 * holds are left out instead of waited for, so that a batch never waits while it holds locks
 * (and so can never deadlock with, say, an order that locks its member and then the referrer).
 */
export async function lockMembers(
  db: Executor,
  programId: string,
  ids: readonly string[],
  skipLocked: boolean,
): Promise<MemberRow[]> {
  if (ids.length === 0) return []
  const query = db
    .selectFrom('members')
    .selectAll()
    .where('program_id', '=', programId)
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
  return (skipLocked ? query.skipLocked() : query).execute()
}

/** The tier columns of many members at once (rows locked by the caller), as the review left them. */
export async function setMemberTiers(
  db: Executor,
  programId: string,
  rows: readonly {
    id: string
    tier_key: string
    tier_since: Date
    tier_overridden: boolean
    tier_override_until: Date | null
    tier_reviewed: string | null
  }[],
): Promise<void> {
  for (const part of chunks(rows)) {
    const values = sql.join(
      part.map(
        (r) =>
          sql`(${r.id}::text, ${r.tier_key}::text, ${r.tier_since}::timestamptz, ${r.tier_overridden}::boolean, ${r.tier_override_until}::timestamptz, ${r.tier_reviewed}::text)`,
      ),
    )
    await sql`
      update members as m set tier_key = v.tier_key, tier_since = v.tier_since,
        tier_overridden = v.tier_overridden, tier_override_until = v.tier_override_until,
        tier_reviewed = v.tier_reviewed
      from (values ${values}) as v(id, tier_key, tier_since, tier_overridden, tier_override_until, tier_reviewed)
      where m.program_id = ${programId} and m.id = v.id`.execute(db)
  }
}

export async function insertTierChanges(
  db: Executor,
  rows: readonly NewTierChange[],
): Promise<void> {
  for (const part of chunks(rows)) await db.insertInto('tier_changes').values(part).execute()
}

export async function insertOutboxEvents(
  db: Executor,
  rows: readonly NewOutboxEvent[],
): Promise<void> {
  for (const part of chunks(rows)) {
    await db
      .insertInto('outbox_events')
      .values(part.map((row) => ({ ...row, data: JSON.stringify(row.data) })))
      .execute()
  }
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
