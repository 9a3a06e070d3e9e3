import type { ImportRow, ImportsTable } from '@loyalbase/db'
import { type Insertable, sql, type Updateable } from 'kysely'
import type { Executor } from '../shared/executor.js'

export function insertImport(db: Executor, row: Insertable<ImportsTable>): Promise<ImportRow> {
  return db.insertInto('imports').values(row).returningAll().executeTakeFirstOrThrow()
}

export function updateImport(
  db: Executor,
  programId: string,
  id: string,
  changes: Updateable<ImportsTable>,
) {
  return db
    .updateTable('imports')
    .set({ ...changes, updated_at: sql<Date>`now()` })
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .execute()
}

export function findImport(db: Executor, programId: string, id: string) {
  return db
    .selectFrom('imports')
    .selectAll()
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .executeTakeFirst()
}

/** Newest first. */
export function listImports(
  db: Executor,
  programId: string,
  options: { beforeId?: string; limit: number },
) {
  let query = db
    .selectFrom('imports')
    .selectAll()
    .where('program_id', '=', programId)
    .orderBy('id', 'desc')
    .limit(options.limit)
  if (options.beforeId) query = query.where('id', '<', options.beforeId)
  return query.execute()
}

export async function insertRejects(
  db: Executor,
  rows: {
    program_id: string
    import_id: string
    n: number
    line: number
    error: string
    record: string
  }[],
) {
  if (rows.length > 0) await db.insertInto('import_rejects').values(rows).execute()
}

export function listRejects(
  db: Executor,
  programId: string,
  importId: string,
  options: { afterN: number; limit: number },
) {
  return db
    .selectFrom('import_rejects')
    .select(['n', 'line', 'error', 'record'])
    .where('program_id', '=', programId)
    .where('import_id', '=', importId)
    .where('n', '>', options.afterN)
    .orderBy('n')
    .limit(options.limit)
    .execute()
}
