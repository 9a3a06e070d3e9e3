import type {
  CouponCodeBatchRow,
  CouponRow,
  CouponStatus,
  CouponsTable,
  CouponTemplateRow,
  CouponTemplatesTable,
} from '@loyalbase/db'
import { type Insertable, type SelectQueryBuilder, sql } from 'kysely'
import type { Executor } from '../shared/executor.js'

// ---------------------------------------------------------------------------------------------
// Templates

export async function insertTemplate(
  db: Executor,
  row: Insertable<CouponTemplatesTable>,
): Promise<CouponTemplateRow> {
  return db.insertInto('coupon_templates').values(row).returningAll().executeTakeFirstOrThrow()
}

export async function findTemplate(
  db: Executor,
  programId: string,
  id: string,
): Promise<CouponTemplateRow | undefined> {
  return db
    .selectFrom('coupon_templates')
    .selectAll()
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .executeTakeFirst()
}

/** Newest first. */
export async function listTemplates(
  db: Executor,
  programId: string,
  filter: { active?: boolean; beforeId?: string; limit: number },
): Promise<CouponTemplateRow[]> {
  let query = db
    .selectFrom('coupon_templates')
    .selectAll()
    .where('program_id', '=', programId)
    .orderBy('id', 'desc')
    .limit(filter.limit)
  if (filter.beforeId) query = query.where('id', '<', filter.beforeId)
  if (filter.active !== undefined) query = query.where('active', '=', filter.active)
  return query.execute()
}

export async function updateTemplate(
  db: Executor,
  programId: string,
  id: string,
  changes: { name?: string; active?: boolean; updated_at: Date },
): Promise<CouponTemplateRow | undefined> {
  return db
    .updateTable('coupon_templates')
    .set(changes)
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
}

/**
 * Counts `n` more coupons against the template's total_limit, in one conditional update: the
 * row is locked by it, so concurrent issues queue here and the count never passes the limit.
 * Undefined when fewer than `n` are left.
 */
export async function reserveIssues(
  db: Executor,
  programId: string,
  id: string,
  n: number,
): Promise<CouponTemplateRow | undefined> {
  return db
    .updateTable('coupon_templates')
    .set((eb) => ({ issued: eb('issued', '+', n) }))
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .where((eb) =>
      eb.or([eb('total_limit', 'is', null), eb('issued', '<=', sql<number>`total_limit - ${n}`)]),
    )
    .returningAll()
    .executeTakeFirst()
}

// ---------------------------------------------------------------------------------------------
// Coupons

/** How many coupons of a template the member has ever had (redeemed and expired included). */
export async function countMemberCoupons(
  db: Executor,
  programId: string,
  memberId: string,
  templateId: string,
): Promise<number> {
  const row = await db
    .selectFrom('coupons')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('program_id', '=', programId)
    .where('member_id', '=', memberId)
    .where('template_id', '=', templateId)
    .executeTakeFirstOrThrow()
  return row.n
}

/** Inserts the coupon; undefined when its code is taken (the caller draws another). */
export async function insertCoupon(
  db: Executor,
  row: Insertable<CouponsTable>,
): Promise<CouponRow | undefined> {
  return db
    .insertInto('coupons')
    .values(row)
    .onConflict((oc) => oc.columns(['program_id', 'code']).doNothing())
    .returningAll()
    .executeTakeFirst()
}

/** A coupon by its normalised code, with its template's switch and validity. */
export async function findCouponByCode(
  db: Executor,
  programId: string,
  code: string,
): Promise<
  | (CouponRow &
      Pick<CouponTemplateRow, 'active' | 'validity_days' | 'per_member_limit'> & {
        template_starts_at: Date | null
        template_ends_at: Date | null
      })
  | undefined
> {
  return db
    .selectFrom('coupons as c')
    .innerJoin('coupon_templates as t', (join) =>
      join.onRef('t.program_id', '=', 'c.program_id').onRef('t.id', '=', 'c.template_id'),
    )
    .selectAll('c')
    .select([
      't.active',
      't.validity_days',
      't.per_member_limit',
      't.starts_at as template_starts_at',
      't.ends_at as template_ends_at',
    ])
    .where('c.program_id', '=', programId)
    .where('c.code', '=', code)
    .executeTakeFirst()
}

/**
 * Gives an unassigned code to a member, if it is still unassigned: concurrent claims of one code
 * queue on its row, and all but the first find it taken.
 */
export async function claimCoupon(
  db: Executor,
  programId: string,
  id: string,
  claim: { member_id: string; issued_at: Date; starts_at: Date; expires_at: Date },
): Promise<CouponRow | undefined> {
  return db
    .updateTable('coupons')
    .set({ ...claim, status: 'active' })
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .where('status', '=', 'unassigned')
    .returningAll()
    .executeTakeFirst()
}

/** `expired` is an active coupon whose expiry has passed; `active` one whose has not. */
export type CouponStatusFilter = CouponStatus | 'expired'

function byStatus<O>(
  query: SelectQueryBuilder<{ coupons: CouponsTable }, 'coupons', O>,
  status: CouponStatusFilter | undefined,
  now: Date,
) {
  if (status === undefined) return query
  if (status === 'expired')
    return query.where('status', '=', 'active').where('expires_at', '<=', now)
  if (status === 'active')
    return query
      .where('status', '=', 'active')
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
  return query.where('status', '=', status)
}

/** A member's coupons, the latest issued first (a claimed bulk code by when it was claimed). */
export async function listMemberCoupons(
  db: Executor,
  programId: string,
  memberId: string,
  filter: {
    status?: CouponStatusFilter
    now: Date
    before?: { issued_at: Date; id: string }
    limit: number
  },
): Promise<CouponRow[]> {
  let query = db
    .selectFrom('coupons')
    .selectAll()
    .where('program_id', '=', programId)
    .where('member_id', '=', memberId)
    .orderBy('issued_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
  const before = filter.before
  if (before)
    query = query.where((eb) =>
      eb(eb.refTuple('issued_at', 'id'), '<', eb.tuple(before.issued_at, before.id)),
    )
  return byStatus(query, filter.status, filter.now).execute()
}

/** A template's coupons and codes in the order they were made. */
export async function listTemplateCoupons(
  db: Executor,
  programId: string,
  templateId: string,
  filter: { status?: CouponStatusFilter; now: Date; afterId?: string; limit: number },
): Promise<CouponRow[]> {
  let query = db
    .selectFrom('coupons')
    .selectAll()
    .where('program_id', '=', programId)
    .where('template_id', '=', templateId)
    .orderBy('id')
    .limit(filter.limit)
  if (filter.afterId) query = query.where('id', '>', filter.afterId)
  return byStatus(query, filter.status, filter.now).execute()
}

// ---------------------------------------------------------------------------------------------
// Bulk codes

export async function insertBatch(
  db: Executor,
  row: { program_id: string; run_id: string; template_id: string; count: number; created_at: Date },
): Promise<void> {
  await db.insertInto('coupon_code_batches').values(row).execute()
}

export async function findBatch(
  db: Executor,
  programId: string,
  runId: string,
): Promise<CouponCodeBatchRow | undefined> {
  return db
    .selectFrom('coupon_code_batches')
    .selectAll()
    .where('program_id', '=', programId)
    .where('run_id', '=', runId)
    .executeTakeFirst()
}

/** Requests not finished yet (their run stopped with the process), oldest first. */
export async function listUnfinishedBatches(db: Executor, programId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('coupon_code_batches')
    .select('run_id')
    .where('program_id', '=', programId)
    .where('finished_at', 'is', null)
    .orderBy('run_id')
    .execute()
  return rows.map((row) => row.run_id)
}

/**
 * Locks a request with its template's validity for one batch of codes. `skipLocked`: a sweep
 * leaves a request that another run is working on to that run.
 */
export async function lockBatch(
  db: Executor,
  programId: string,
  runId: string,
  skipLocked: boolean,
): Promise<
  | (CouponCodeBatchRow & Pick<CouponTemplateRow, 'validity_days' | 'starts_at' | 'ends_at'>)
  | undefined
> {
  let query = db
    .selectFrom('coupon_code_batches as b')
    .innerJoin('coupon_templates as t', (join) =>
      join.onRef('t.program_id', '=', 'b.program_id').onRef('t.id', '=', 'b.template_id'),
    )
    .selectAll('b')
    .select(['t.validity_days', 't.starts_at', 't.ends_at'])
    .where('b.program_id', '=', programId)
    .where('b.run_id', '=', runId)
    .forUpdate('b')
  if (skipLocked) query = query.skipLocked()
  return query.executeTakeFirst()
}

/**
 * Inserts unassigned codes in one statement, leaving out any code already taken in the
 * program; answers how many went in (the caller draws again for the rest).
 */
export async function insertCodes(
  db: Executor,
  batch: {
    program_id: string
    template_id: string
    run_id: string
    starts_at: Date | null
    expires_at: Date | null
    created_at: Date
  },
  ids: readonly string[],
  codes: readonly string[],
): Promise<number> {
  const result = await sql`
    insert into coupons (program_id, id, template_id, code, status, run_id, starts_at, expires_at,
      created_at)
    select ${batch.program_id}, c.id, ${batch.template_id}, c.code, 'unassigned', ${batch.run_id},
      ${batch.starts_at}::timestamptz, ${batch.expires_at}::timestamptz, ${batch.created_at}
    from unnest(${ids}::text[], ${codes}::text[]) as c(id, code)
    on conflict (program_id, code) do nothing`.execute(db)
  return Number(result.numAffectedRows ?? 0)
}

export async function advanceBatch(
  db: Executor,
  programId: string,
  runId: string,
  generated: number,
  finishedAt: Date | null,
): Promise<void> {
  await db
    .updateTable('coupon_code_batches')
    .set({ generated, finished_at: finishedAt })
    .where('program_id', '=', programId)
    .where('run_id', '=', runId)
    .execute()
}

/** Gives back the coupons `orderId` redeemed that have not expired at `at`; returns their ids. */
export async function restoreOrderCoupons(
  db: Executor,
  programId: string,
  orderId: string,
  at: Date,
): Promise<string[]> {
  const rows = await db
    .updateTable('coupons')
    .set({ status: 'active', redeemed_at: null, order_id: null })
    .where('program_id', '=', programId)
    .where('order_id', '=', orderId)
    .where('status', '=', 'redeemed')
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]))
    .returning('id')
    .execute()
  return rows.map((row) => row.id).sort()
}
