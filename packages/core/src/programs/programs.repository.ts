import type { ProgramRow } from '@loyalbase/db'
import { sql } from 'kysely'
import type { Executor } from '../shared/executor.js'

export async function insertProgram(
  db: Executor,
  row: Omit<
    ProgramRow,
    | 'created_at'
    | 'points_policy'
    | 'tier_ladder'
    | 'rules_version'
    | 'version'
    | 'webhook_private_targets'
  > & {
    points_policy: unknown
    tier_ladder: unknown
    created_at: Date
  },
): Promise<ProgramRow> {
  return db
    .insertInto('programs')
    .values({
      ...row,
      points_policy: JSON.stringify(row.points_policy),
      tier_ladder: JSON.stringify(row.tier_ladder),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function findProgram(db: Executor, id: string): Promise<ProgramRow | undefined> {
  return db.selectFrom('programs').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function listPrograms(
  db: Executor,
  afterId: string | undefined,
  limit: number,
): Promise<ProgramRow[]> {
  let query = db.selectFrom('programs').selectAll().orderBy('id', 'asc').limit(limit)
  if (afterId) query = query.where('id', '>', afterId)
  return query.execute()
}

/**
 * `points_policy` is merged in the database (`||` replaces the top-level fields it names and
 * keeps the others), so two concurrent PATCHes of different fields both land.
 */
export async function updateProgram(
  db: Executor,
  id: string,
  changes: {
    name?: string
    timezone?: string
    locale?: string
    points_policy?: object
    webhook_private_targets?: boolean
  },
): Promise<ProgramRow | undefined> {
  const { points_policy, ...rest } = changes
  return db
    .updateTable('programs')
    .set({
      ...rest,
      ...(points_policy !== undefined
        ? { points_policy: sql`points_policy || ${JSON.stringify(points_policy)}::jsonb` }
        : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
}

/**
 * Moves the program's rules version, in the transaction of a rule change: requests that start
 * after the change commits carry the new version and so never use rules cached before it.
 */
export async function bumpRulesVersion(db: Executor, id: string): Promise<void> {
  await db
    .updateTable('programs')
    .set({ rules_version: sql`rules_version + 1` })
    .where('id', '=', id)
    .execute()
}
