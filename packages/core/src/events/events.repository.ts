import type { EventRow } from '@loyalbase/db'
import type { Executor } from '../shared/executor.js'

/** Inserts the event as its own idempotency claim; false when the id exists. */
export async function claimEvent(
  db: Executor,
  row: {
    program_id: string
    id: string
    type: string
    member_id: string
    occurred_at: Date
    properties: Record<string, unknown>
    fingerprint: string
    created_at: Date
  },
): Promise<boolean> {
  const inserted = await db
    .insertInto('events')
    .values({ ...row, properties: JSON.stringify(row.properties) })
    .onConflict((oc) => oc.columns(['program_id', 'id']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return inserted !== undefined
}

export async function findEvent(
  db: Executor,
  programId: string,
  id: string,
): Promise<EventRow | undefined> {
  return db
    .selectFrom('events')
    .selectAll()
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function saveEventOutcome(
  db: Executor,
  programId: string,
  id: string,
  outcome: { points: number; growth: number },
): Promise<EventRow> {
  return db
    .updateTable('events')
    .set({ points_earned: outcome.points, growth_earned: outcome.growth })
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function saveEventResponse(db: Executor, programId: string, id: string, body: string) {
  await db
    .updateTable('events')
    .set({ response_body: body })
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .execute()
}
