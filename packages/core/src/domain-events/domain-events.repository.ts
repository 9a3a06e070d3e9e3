import type { OutboxEventRow } from '@loyalbase/db'
import { sql } from 'kysely'
import type { Executor } from '../shared/executor.js'
import type { NewDomainEvent } from './domain-events.js'

/** Records domain events in the caller's transaction, so they commit with what they tell of. */
export async function recordDomainEvents(
  db: Executor,
  events: readonly NewDomainEvent[],
): Promise<void> {
  if (events.length === 0) return
  await db
    .insertInto('outbox_events')
    .values(
      events.map((e) => ({
        program_id: e.program_id,
        id: e.id,
        type: e.type,
        member_id: e.member_id,
        data: JSON.stringify(e.data),
        created_at: e.created_at,
      })),
    )
    .execute()
}

/**
 * A program's domain events after `after` (an event id), oldest first, of the given types. Ids
 * sort by the time they were taken, and a transaction may commit after a later one: a consumer
 * that must see every event reads again from a little before its last position (`since`) and
 * skips what it has seen.
 */
export async function listDomainEvents(
  db: Executor,
  programId: string,
  options: { after?: string; since?: Date; types?: readonly string[]; limit: number },
): Promise<OutboxEventRow[]> {
  let query = db
    .selectFrom('outbox_events')
    .selectAll()
    .where('program_id', '=', programId)
    .orderBy('id')
    .limit(options.limit)
  if (options.after) query = query.where('id', '>', options.after)
  if (options.since) query = query.where('created_at', '>=', options.since)
  if (options.types && options.types.length > 0)
    query = query.where('type', 'in', [...options.types])
  return query.execute()
}

/** How many domain events of a type a program has: for tests and the bench. */
export async function countDomainEvents(
  db: Executor,
  programId: string,
  type: string,
): Promise<number> {
  const row = await db
    .selectFrom('outbox_events')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('program_id', '=', programId)
    .where('type', '=', type)
    .executeTakeFirst()
  return row?.n ?? 0
}
