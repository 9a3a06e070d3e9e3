import type { MemberRow, NewMember } from '@loyalbase/db'
import { type Expression, type SqlBool, sql } from 'kysely'
import type { Executor } from '../shared/executor.js'

/** Inserts the member; undefined when its referral code collided (the caller draws another). */
export async function insertMember(db: Executor, row: NewMember): Promise<MemberRow | undefined> {
  return db
    .insertInto('members')
    .values(row)
    .onConflict((oc) => oc.columns(['program_id', 'referral_code']).doNothing())
    .returningAll()
    .executeTakeFirst()
}

/** `{member}` in a path: the member's id, else its external_id. */
export async function findMemberByRef(
  db: Executor,
  programId: string,
  ref: string,
): Promise<MemberRow | undefined> {
  return db
    .selectFrom('members')
    .selectAll()
    .where('program_id', '=', programId)
    .where((eb) => eb.or([eb('id', '=', ref), eb('external_id', '=', ref)]))
    .orderBy(sql`id = ${ref}`, 'desc')
    .limit(1)
    .executeTakeFirst()
}

export async function findMemberById(
  db: Executor,
  programId: string,
  id: string,
): Promise<MemberRow | undefined> {
  return db
    .selectFrom('members')
    .selectAll()
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function findMemberIdByReferralCode(
  db: Executor,
  programId: string,
  code: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('members')
    .select('id')
    .where('program_id', '=', programId)
    .where('referral_code', '=', code)
    .executeTakeFirst()
  return row?.id
}

export interface MemberFilter {
  query?: string
  tier?: string
  /** A condition over the members table aliased `m` (a segment's, translated to SQL). */
  matches?: Expression<SqlBool>
  beforeId?: string
  limit: number
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

export async function listMembers(
  db: Executor,
  programId: string,
  filter: MemberFilter,
): Promise<MemberRow[]> {
  let query = db
    .selectFrom('members as m')
    .selectAll('m')
    .where('m.program_id', '=', programId)
    .orderBy('m.id', 'desc')
    .limit(filter.limit)
  if (filter.beforeId) query = query.where('m.id', '<', filter.beforeId)
  if (filter.tier) query = query.where('m.tier_key', '=', filter.tier)
  if (filter.matches) query = query.where(filter.matches)
  if (filter.query) {
    const pattern = likePattern(filter.query)
    query = query.where((eb) =>
      eb.or([
        eb('m.external_id', 'ilike', pattern),
        eb('m.name', 'ilike', pattern),
        eb('m.phone', 'ilike', pattern),
        eb('m.email', 'ilike', pattern),
      ]),
    )
  }
  return query.execute()
}

export async function updateMember(
  db: Executor,
  programId: string,
  id: string,
  changes: {
    name?: string | null
    phone?: string | null
    email?: string | null
    birthday?: string | null
    attributes?: Record<string, unknown>
  },
  at: Date,
): Promise<MemberRow | undefined> {
  const { attributes, ...rest } = changes
  return db
    .updateTable('members')
    .set({
      ...rest,
      ...(attributes !== undefined ? { attributes: JSON.stringify(attributes) } : {}),
      updated_at: at,
    })
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
}

/** Locks the member row for the rest of the transaction (value-moving use cases start here). */
export async function lockMember(
  db: Executor,
  programId: string,
  id: string,
): Promise<MemberRow | undefined> {
  return db
    .selectFrom('members')
    .selectAll()
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
}

/** Moves a member's activity counters: spend and orders from orders, growth from rules. */
export async function addMemberActivity(
  db: Executor,
  programId: string,
  id: string,
  delta: { spend?: number; orders?: number; growth?: number },
  at: Date,
): Promise<void> {
  await db
    .updateTable('members')
    .set({
      lifetime_spend: sql`lifetime_spend + ${delta.spend ?? 0}`,
      orders_count: sql`orders_count + ${delta.orders ?? 0}`,
      growth: sql`growth + ${delta.growth ?? 0}`,
      updated_at: at,
    })
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .execute()
}

/** Locks a member found by `{member}` (id, else external id) for the rest of the transaction. */
export async function lockMemberByRef(
  db: Executor,
  programId: string,
  ref: string,
): Promise<MemberRow | undefined> {
  return db
    .selectFrom('members')
    .selectAll()
    .where('program_id', '=', programId)
    .where((eb) => eb.or([eb('id', '=', ref), eb('external_id', '=', ref)]))
    .orderBy(sql`id = ${ref}`, 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst()
}

/** The next `limit` member ids of the program after `after`, in id order: jobs page by it. */
export async function listMemberIdsAfter(
  db: Executor,
  programId: string,
  after: string,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('members')
    .select('id')
    .where('program_id', '=', programId)
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map((r) => r.id)
}
