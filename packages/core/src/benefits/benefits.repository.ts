import type {
  BenefitRow,
  BenefitsTable,
  BenefitUseRow,
  BenefitUsesTable,
  MemberRow,
} from '@loyalbase/db'
import { type Insertable, sql, type Updateable } from 'kysely'
import type { Executor } from '../shared/executor.js'

export async function insertBenefit(
  db: Executor,
  row: Insertable<BenefitsTable>,
): Promise<BenefitRow | undefined> {
  // A live benefit with the key already: nothing inserted (the unique index's partial `WHERE`).
  return db
    .insertInto('benefits')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['program_id', 'key']).where('deleted_at', 'is', null).doNothing(),
    )
    .returningAll()
    .executeTakeFirst()
}

/** A live benefit by its key or its id. */
export async function findBenefit(
  db: Executor,
  programId: string,
  ref: string,
): Promise<BenefitRow | undefined> {
  return db
    .selectFrom('benefits')
    .selectAll()
    .where('program_id', '=', programId)
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('key', '=', ref), eb('id', '=', ref)]))
    .executeTakeFirst()
}

/** The program's live benefits, by key. */
export async function listBenefits(db: Executor, programId: string): Promise<BenefitRow[]> {
  return db
    .selectFrom('benefits')
    .selectAll()
    .where('program_id', '=', programId)
    .where('deleted_at', 'is', null)
    .orderBy('key')
    .execute()
}

export async function updateBenefit(
  db: Executor,
  programId: string,
  id: string,
  changes: Updateable<BenefitsTable>,
): Promise<BenefitRow | undefined> {
  return db
    .updateTable('benefits')
    .set(changes)
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .returningAll()
    .executeTakeFirst()
}

/** The member's uses of these benefits in these periods, by benefit and period. */
export async function usageOf(
  db: Executor,
  programId: string,
  memberId: string,
  keys: readonly { benefit: string; period: string }[],
): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map()
  const rows = await db
    .selectFrom('benefit_usage')
    .select(['benefit_id', 'period', 'used'])
    .where('program_id', '=', programId)
    .where('member_id', '=', memberId)
    .where(
      'benefit_id',
      'in',
      keys.map((k) => k.benefit),
    )
    .where(
      'period',
      'in',
      keys.map((k) => k.period),
    )
    .execute()
  return new Map(rows.map((r) => [`${r.benefit_id}\u0000${r.period}`, r.used]))
}

/** One use more in the period, never past `cap`: false when the quota is used up. */
export async function takeQuota(
  db: Executor,
  key: { programId: string; benefitId: string; memberId: string; period: string },
  cap: number,
): Promise<number | undefined> {
  const row = await db
    .insertInto('benefit_usage')
    .values({
      program_id: key.programId,
      benefit_id: key.benefitId,
      member_id: key.memberId,
      period: key.period,
      used: 1,
    })
    .onConflict((oc) =>
      oc
        .columns(['program_id', 'member_id', 'benefit_id', 'period'])
        .doUpdateSet({ used: sql`benefit_usage.used + 1` })
        .where(sql<boolean>`benefit_usage.used + 1 <= ${cap}`),
    )
    .returning('used')
    .executeTakeFirst()
  return row?.used
}

/** One use fewer in the period (a use given back). */
export async function giveBackQuota(
  db: Executor,
  key: { programId: string; benefitId: string; memberId: string; period: string },
): Promise<void> {
  await db
    .updateTable('benefit_usage')
    .set({ used: sql`greatest(used - 1, 0)` })
    .where('program_id', '=', key.programId)
    .where('member_id', '=', key.memberId)
    .where('benefit_id', '=', key.benefitId)
    .where('period', '=', key.period)
    .execute()
}

export async function insertUse(
  db: Executor,
  row: Insertable<BenefitUsesTable>,
): Promise<BenefitUseRow> {
  return db.insertInto('benefit_uses').values(row).returningAll().executeTakeFirstOrThrow()
}

/** Marks the uses made for a reference as given back, once: the rows it marked. */
export async function returnUsesOf(
  db: Executor,
  programId: string,
  memberId: string,
  reference: { kind: string; id: string },
  at: Date,
): Promise<BenefitUseRow[]> {
  return db
    .updateTable('benefit_uses')
    .set({ returned_at: at })
    .where('program_id', '=', programId)
    .where('member_id', '=', memberId)
    .where('reference_kind', '=', reference.kind)
    .where('reference_id', '=', reference.id)
    .where('returned_at', 'is', null)
    .returningAll()
    .execute()
}

/** A member's uses, newest first. */
export async function listUses(
  db: Executor,
  programId: string,
  filter: { memberId?: string; benefitId?: string; beforeId?: string; limit: number },
): Promise<BenefitUseRow[]> {
  let query = db
    .selectFrom('benefit_uses')
    .selectAll()
    .where('program_id', '=', programId)
    .orderBy('id', 'desc')
    .limit(filter.limit)
  if (filter.memberId) query = query.where('member_id', '=', filter.memberId)
  if (filter.benefitId) query = query.where('benefit_id', '=', filter.benefitId)
  if (filter.beforeId) query = query.where('id', '<', filter.beforeId)
  return query.execute()
}

/** Moves the member's row version, so that order snapshots kept of it are read again. */
export async function touchMember(
  db: Executor,
  programId: string,
  memberId: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('members')
    .set({ updated_at: at })
    .where('program_id', '=', programId)
    .where('id', '=', memberId)
    .execute()
}

/**
 * The members entitled to a benefit at some moment of [start, end): members who joined before
 * the end and held one of `tiers` at the start or moved into one during the period (from the
 * tier history; a member's tier before its first change is that change's `from`).
 */
function entitledSql(programId: string, tiers: readonly string[], start: Date, end: Date) {
  return sql`
    SELECT mb.id FROM members mb
    WHERE mb.program_id = ${programId} AND mb.joined_at < ${end}
      AND (coalesce(
          (SELECT c.to_tier FROM tier_changes c
            WHERE c.program_id = mb.program_id AND c.member_id = mb.id AND c.at <= ${start}
            ORDER BY c.at DESC, c.id DESC LIMIT 1),
          (SELECT c.from_tier FROM tier_changes c
            WHERE c.program_id = mb.program_id AND c.member_id = mb.id AND c.at > ${start}
            ORDER BY c.at, c.id LIMIT 1),
          mb.tier_key) = ANY(${[...tiers]}::text[])
        OR EXISTS (SELECT 1 FROM tier_changes c
          WHERE c.program_id = mb.program_id AND c.member_id = mb.id
            AND c.at > ${start} AND c.at < ${end} AND c.to_tier = ANY(${[...tiers]}::text[])))`
}

export interface AuditCounts {
  entitled: number
  used: number
  uses: number
  returned: number
  unused: number
}

/** The delivery audit's counts for one benefit over [start, end). */
export async function auditCounts(
  db: Executor,
  programId: string,
  benefit: { id: string; tiers: readonly string[] },
  start: Date,
  end: Date,
): Promise<AuditCounts> {
  const result = await sql<{
    entitled: string
    used: string
    uses: string
    returned: string
    unused: string
  }>`
    WITH entitled AS (${entitledSql(programId, benefit.tiers, start, end)}),
    uses AS (
      SELECT u.member_id, u.returned_at FROM benefit_uses u
      WHERE u.program_id = ${programId} AND u.benefit_id = ${benefit.id}
        AND u.used_at >= ${start} AND u.used_at < ${end}),
    users AS (SELECT DISTINCT member_id FROM uses WHERE returned_at IS NULL)
    SELECT
      (SELECT count(*) FROM entitled) AS entitled,
      (SELECT count(*) FROM users) AS used,
      (SELECT count(*) FROM uses) AS uses,
      (SELECT count(*) FROM uses WHERE returned_at IS NOT NULL) AS returned,
      (SELECT count(*) FROM entitled e WHERE NOT EXISTS
        (SELECT 1 FROM users s WHERE s.member_id = e.id)) AS unused`.execute(db)
  const row = result.rows[0]
  return {
    entitled: Number(row?.entitled ?? 0),
    used: Number(row?.used ?? 0),
    uses: Number(row?.uses ?? 0),
    returned: Number(row?.returned ?? 0),
    unused: Number(row?.unused ?? 0),
  }
}

/** The entitled members without a use kept in [start, end), by id, after `afterId`. */
export async function unusedMembers(
  db: Executor,
  programId: string,
  benefit: { id: string; tiers: readonly string[] },
  start: Date,
  end: Date,
  page: { afterId?: string; limit: number },
): Promise<MemberRow[]> {
  const result = await sql<MemberRow>`
    SELECT m.* FROM members m
    WHERE m.program_id = ${programId}
      AND m.id IN (${entitledSql(programId, benefit.tiers, start, end)})
      AND NOT EXISTS (SELECT 1 FROM benefit_uses u
        WHERE u.program_id = ${programId} AND u.benefit_id = ${benefit.id}
          AND u.member_id = m.id AND u.returned_at IS NULL
          AND u.used_at >= ${start} AND u.used_at < ${end})
      AND m.id > ${page.afterId ?? ''}
    ORDER BY m.id LIMIT ${page.limit}`.execute(db)
  return result.rows
}
