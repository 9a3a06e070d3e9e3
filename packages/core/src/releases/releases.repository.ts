import type { ReleaseRow, ReleasesTable } from '@loyalbase/db'
import type { Insertable, Updateable } from 'kysely'
import type { Executor } from '../shared/executor.js'

export async function insertRelease(
  db: Executor,
  row: Insertable<ReleasesTable>,
): Promise<ReleaseRow> {
  return db.insertInto('releases').values(row).returningAll().executeTakeFirstOrThrow()
}

export async function findRelease(
  db: Executor,
  programId: string,
  id: string,
): Promise<ReleaseRow | undefined> {
  return db
    .selectFrom('releases')
    .selectAll()
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
}

export async function findReleaseBySku(
  db: Executor,
  programId: string,
  sku: string,
): Promise<ReleaseRow | undefined> {
  return db
    .selectFrom('releases')
    .selectAll()
    .where('program_id', '=', programId)
    .where('sku', '=', sku)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
}

export async function lockRelease(
  db: Executor,
  programId: string,
  id: string,
): Promise<ReleaseRow | undefined> {
  return db
    .selectFrom('releases')
    .selectAll()
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst()
}

/** Newest first; `publicAfter`: only those not yet public at that time. */
export async function listReleases(
  db: Executor,
  programId: string,
  filter: { beforeId?: string; publicAfter?: Date; limit: number },
): Promise<ReleaseRow[]> {
  let query = db
    .selectFrom('releases')
    .selectAll()
    .where('program_id', '=', programId)
    .where('deleted_at', 'is', null)
    .orderBy('id', 'desc')
    .limit(filter.limit)
  if (filter.beforeId) query = query.where('id', '<', filter.beforeId)
  if (filter.publicAfter) query = query.where('public_at', '>', filter.publicAfter)
  return query.execute()
}

/** Every live release of the program (what quotes and orders check). */
export async function listLiveReleases(db: Executor, programId: string): Promise<ReleaseRow[]> {
  return db
    .selectFrom('releases')
    .selectAll()
    .where('program_id', '=', programId)
    .where('deleted_at', 'is', null)
    .execute()
}

/** Releases not yet public at `at`, soonest first (the portal's list). */
export async function listUpcomingReleases(
  db: Executor,
  programId: string,
  at: Date,
  limit: number,
): Promise<ReleaseRow[]> {
  return db
    .selectFrom('releases')
    .selectAll()
    .where('program_id', '=', programId)
    .where('deleted_at', 'is', null)
    .where('public_at', '>', at)
    .orderBy('public_at')
    .orderBy('id')
    .limit(limit)
    .execute()
}

export async function updateRelease(
  db: Executor,
  programId: string,
  id: string,
  changes: Updateable<ReleasesTable>,
): Promise<ReleaseRow | undefined> {
  return db
    .updateTable('releases')
    .set(changes)
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .returningAll()
    .executeTakeFirst()
}

export async function softDeleteRelease(
  db: Executor,
  programId: string,
  id: string,
  at: Date,
): Promise<boolean> {
  const row = await db
    .updateTable('releases')
    .set({ deleted_at: at, updated_at: at })
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}
