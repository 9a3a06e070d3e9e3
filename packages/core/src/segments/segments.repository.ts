import type { MemberRow, SegmentRow, SegmentsTable } from '@loyalbase/db'
import { type Expression, type Insertable, type SqlBool, sql } from 'kysely'
import type { Executor } from '../shared/executor.js'

export async function insertSegment(
  db: Executor,
  row: Insertable<SegmentsTable>,
): Promise<SegmentRow> {
  return db.insertInto('segments').values(row).returningAll().executeTakeFirstOrThrow()
}

export async function findSegment(
  db: Executor,
  programId: string,
  id: string,
): Promise<SegmentRow | undefined> {
  return db
    .selectFrom('segments')
    .selectAll()
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .executeTakeFirst()
}

/** Newest first. */
export async function listSegments(
  db: Executor,
  programId: string,
  filter: { beforeId?: string; limit: number },
): Promise<SegmentRow[]> {
  let query = db
    .selectFrom('segments')
    .selectAll()
    .where('program_id', '=', programId)
    .orderBy('id', 'desc')
    .limit(filter.limit)
  if (filter.beforeId) query = query.where('id', '<', filter.beforeId)
  return query.execute()
}

export async function updateSegment(
  db: Executor,
  programId: string,
  id: string,
  changes: { name?: string; condition?: string; updated_at: Date },
): Promise<SegmentRow | undefined> {
  return db
    .updateTable('segments')
    .set(changes)
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
}

export async function deleteSegment(db: Executor, programId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('segments')
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .executeTakeFirst()
  return result.numDeletedRows > 0n
}

/** Members of the program for whom `matches` (an expression over `members m`) holds. */
export async function countSegmentMembers(
  db: Executor,
  programId: string,
  matches: Expression<SqlBool>,
): Promise<number> {
  const row = await db
    .selectFrom('members as m')
    .select(sql<string>`count(*)`.as('n'))
    .where('m.program_id', '=', programId)
    .where(matches)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** A page of them by id, after `afterId`. */
export async function listSegmentMembers(
  db: Executor,
  programId: string,
  matches: Expression<SqlBool>,
  page: { afterId?: string; limit: number },
): Promise<MemberRow[]> {
  let query = db
    .selectFrom('members as m')
    .selectAll('m')
    .where('m.program_id', '=', programId)
    .where(matches)
    .orderBy('m.id')
    .limit(page.limit)
  if (page.afterId) query = query.where('m.id', '>', page.afterId)
  return query.execute()
}
