import type { AdvisorRow, AdvisorsTable } from '@loyalbase/db'
import { type Insertable, sql, type Updateable } from 'kysely'
import type { Executor } from '../shared/executor.js'

export async function insertAdvisor(
  db: Executor,
  row: Insertable<AdvisorsTable>,
): Promise<AdvisorRow> {
  return db.insertInto('advisors').values(row).returningAll().executeTakeFirstOrThrow()
}

export async function findAdvisor(
  db: Executor,
  programId: string,
  id: string,
): Promise<AdvisorRow | undefined> {
  return db
    .selectFrom('advisors')
    .selectAll()
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .executeTakeFirst()
}

/** Oldest first: the order the console lists them in. */
export async function listAdvisors(
  db: Executor,
  programId: string,
  filter: { afterId?: string; active?: boolean; limit: number },
): Promise<AdvisorRow[]> {
  let query = db
    .selectFrom('advisors')
    .selectAll()
    .where('program_id', '=', programId)
    .orderBy('id')
    .limit(filter.limit)
  if (filter.afterId) query = query.where('id', '>', filter.afterId)
  if (filter.active !== undefined) query = query.where('active', '=', filter.active)
  return query.execute()
}

/**
 * Locks every advisor of the program in id order: the one lock order of all changes of loads
 * and assignments, shared with the database's triggers (0022_releases_advisors.sql).
 */
export async function lockAdvisors(db: Executor, programId: string): Promise<void> {
  await sql`SELECT lb_lock_advisors(${programId})`.execute(db)
}

export async function updateAdvisor(
  db: Executor,
  programId: string,
  id: string,
  changes: Updateable<AdvisorsTable>,
): Promise<AdvisorRow | undefined> {
  return db
    .updateTable('advisors')
    .set(changes)
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
}

/** Under lockAdvisors: the advisor's members have none (each released, with its event). */
export async function releaseAdvisorMembers(
  db: Executor,
  programId: string,
  advisorId: string,
  at: Date,
): Promise<void> {
  const members = await db
    .selectFrom('advisor_assignments')
    .select('member_id')
    .where('program_id', '=', programId)
    .where('advisor_id', '=', advisorId)
    .orderBy('member_id')
    .execute()
  for (const { member_id } of members)
    await sql`SELECT lb_release_advisor(${programId}, ${member_id}, ${at})`.execute(db)
}

export async function deleteAdvisor(db: Executor, programId: string, id: string): Promise<void> {
  await db.deleteFrom('advisors').where('program_id', '=', programId).where('id', '=', id).execute()
}

/**
 * Releases the members whose tier lost its dedicated service and gives the waiting an advisor
 * while room lasts (`lb_assign_advisors`). The number of members assigned.
 */
export async function assignAdvisors(db: Executor, programId: string, at: Date): Promise<number> {
  const result = await sql<{
    n: number
  }>`SELECT lb_assign_advisors(${programId}, ${at}) AS n`.execute(db)
  return Number(result.rows[0]?.n ?? 0)
}

export async function findMemberAdvisor(
  db: Executor,
  programId: string,
  memberId: string,
): Promise<AdvisorRow | undefined> {
  return db
    .selectFrom('advisor_assignments as a')
    .innerJoin('advisors as v', (join) =>
      join.onRef('v.program_id', '=', 'a.program_id').onRef('v.id', '=', 'a.advisor_id'),
    )
    .selectAll('v')
    .where('a.program_id', '=', programId)
    .where('a.member_id', '=', memberId)
    .executeTakeFirst()
}

/** The advisor's members by member id. */
export async function listAdvisorMembers(
  db: Executor,
  programId: string,
  advisorId: string,
  filter: { afterId?: string; limit: number },
) {
  let query = db
    .selectFrom('advisor_assignments as a')
    .innerJoin('members as m', (join) =>
      join.onRef('m.program_id', '=', 'a.program_id').onRef('m.id', '=', 'a.member_id'),
    )
    .select(['m.id', 'm.external_id', 'm.name', 'm.tier_key', 'a.assigned_at'])
    .where('a.program_id', '=', programId)
    .where('a.advisor_id', '=', advisorId)
    .orderBy('a.member_id')
    .limit(filter.limit)
  if (filter.afterId) query = query.where('a.member_id', '>', filter.afterId)
  return query.execute()
}
