import type { PointLotRow, PointTransactionRow, PointTransactionType } from '@loyalbase/db'
import { sql } from 'kysely'
import type { Executor } from '../shared/executor.js'

export interface NewLot {
  program_id: string
  member_id: string
  id: string
  status: 'pending' | 'available'
  earned: number
  earned_at: Date
  available_at: Date
  expires_at: Date | null
  source_kind: string
  source_id: string
  rule_id: string | null
  created_at: Date
}

/** The member's spendable lots in spending order: available, unexpired, oldest first. */
export async function listSpendableLots(
  db: Executor,
  programId: string,
  memberId: string,
  at: Date,
): Promise<PointLotRow[]> {
  return db
    .selectFrom('point_lots')
    .selectAll()
    .where('program_id', '=', programId)
    .where('member_id', '=', memberId)
    .where('remaining', '>', 0)
    .where('status', '=', 'available')
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]))
    .orderBy('earned_at', 'asc')
    .orderBy('id', 'asc')
    .execute()
}

/** Lots with points left, oldest first (pending ones included): what makes up the balance. */
export async function listOpenLots(
  db: Executor,
  programId: string,
  memberId: string,
): Promise<(PointLotRow & { rule_name: string | null })[]> {
  return db
    .selectFrom('point_lots as l')
    .leftJoin('earning_rules as r', (join) =>
      join.onRef('r.program_id', '=', 'l.program_id').onRef('r.id', '=', 'l.rule_id'),
    )
    .selectAll('l')
    .select('r.name as rule_name')
    .where('l.program_id', '=', programId)
    .where('l.member_id', '=', memberId)
    .where('l.remaining', '>', 0)
    .orderBy('l.earned_at', 'asc')
    .orderBy('l.id', 'asc')
    .execute()
}

/** Takes points from a lot; fails (returns false) rather than letting a lot go negative. */
export async function consumeLot(
  db: Executor,
  programId: string,
  memberId: string,
  lotId: string,
  points: number,
): Promise<boolean> {
  const result = await db
    .updateTable('point_lots')
    .set({ remaining: sql`remaining - ${points}` })
    .where('program_id', '=', programId)
    .where('member_id', '=', memberId)
    .where('id', '=', lotId)
    .where('remaining', '>=', points)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function insertConsumptions(
  db: Executor,
  programId: string,
  memberId: string,
  transactionId: string,
  takes: readonly { lotId: string; points: number }[],
): Promise<void> {
  if (takes.length === 0) return
  await db
    .insertInto('point_lot_consumptions')
    .values(
      takes.map((t) => ({
        program_id: programId,
        member_id: memberId,
        transaction_id: transactionId,
        lot_id: t.lotId,
        points: t.points,
      })),
    )
    .execute()
}

export interface BalanceDeltas {
  available: number
  pending: number
  earned?: number
  redeemed?: number
  expired?: number
  reversed?: number
  adjusted?: number
}

export interface NewTransaction {
  program_id: string
  member_id: string
  id: string
  type: PointTransactionType
  points: number
  available_delta: number
  pending_delta: number
  balance_after: number
  pending_after: number
  source_kind: string
  source_id: string
  rule_id: string | null
  lot_id: string | null
  expires_at: Date | null
  note: string | null
  actor: string | null
  created_at: Date
}

/**
 * Moves the member's balances and appends the ledger entry that records the move, with the
 * balances after it — and for a credit inserts its lot — in one statement: one round trip on
 * the hot path of every order.
 */
export async function recordTransaction(
  db: Executor,
  txn: Omit<NewTransaction, 'balance_after' | 'pending_after'>,
  d: BalanceDeltas,
  /** The lot a credit creates, written in the same statement. */
  lot?: NewLot,
): Promise<PointTransactionRow> {
  const newLot = lot
    ? sql`new_lot as (
        insert into point_lots (program_id, member_id, id, status, earned, remaining, earned_at,
          available_at, expires_at, source_kind, source_id, rule_id, created_at)
        values (${lot.program_id}, ${lot.member_id}, ${lot.id}, ${lot.status}, ${lot.earned},
          ${lot.earned}, ${lot.earned_at}, ${lot.available_at}, ${lot.expires_at},
          ${lot.source_kind}, ${lot.source_id}, ${lot.rule_id}, ${lot.created_at})
      ),`
    : sql``
  const result = await sql<PointTransactionRow>`
    with ${newLot} balance as (
      update members set
        points_available = points_available + ${d.available},
        points_pending = points_pending + ${d.pending},
        points_earned = points_earned + ${d.earned ?? 0},
        points_redeemed = points_redeemed + ${d.redeemed ?? 0},
        points_expired = points_expired + ${d.expired ?? 0},
        points_reversed = points_reversed + ${d.reversed ?? 0},
        points_adjusted = points_adjusted + ${d.adjusted ?? 0}
      where program_id = ${txn.program_id} and id = ${txn.member_id}
      returning points_available, points_pending
    )
    insert into point_transactions (
      program_id, member_id, id, type, points, available_delta, pending_delta,
      balance_after, pending_after, source_kind, source_id, rule_id, lot_id, expires_at,
      note, actor, created_at)
    select ${txn.program_id}::text, ${txn.member_id}::text, ${txn.id}::text, ${txn.type}::text,
      ${txn.points}::bigint, ${txn.available_delta}::bigint, ${txn.pending_delta}::bigint,
      balance.points_available, balance.points_pending, ${txn.source_kind}::text,
      ${txn.source_id}::text, ${txn.rule_id}::text, ${txn.lot_id}::text,
      ${txn.expires_at}::timestamptz, ${txn.note}::text, ${txn.actor}::text,
      ${txn.created_at}::timestamptz
    from balance
    returning *`.execute(db)
  const row = result.rows[0]
  if (!row) throw new Error(`member ${txn.member_id} vanished under its lock`)
  return row
}

export async function listTransactions(
  db: Executor,
  programId: string,
  memberId: string,
  beforeId: string | undefined,
  limit: number,
): Promise<PointTransactionRow[]> {
  let query = db
    .selectFrom('point_transactions')
    .selectAll()
    .where('program_id', '=', programId)
    .where('member_id', '=', memberId)
    .orderBy('id', 'desc')
    .limit(limit)
  if (beforeId) query = query.where('id', '<', beforeId)
  return query.execute()
}

/** Members with lots due for release (pending, available_at passed), a batch at a time. */
export async function membersWithDueLots(
  db: Executor,
  programId: string,
  due: 'release' | 'expire',
  asOf: Date,
  afterMemberId: string,
  limit: number,
): Promise<string[]> {
  let query = db
    .selectFrom('point_lots')
    .select('member_id')
    .distinct()
    .where('program_id', '=', programId)
    .where('remaining', '>', 0)
    .where('member_id', '>', afterMemberId)
  query =
    due === 'release'
      ? query.where('status', '=', 'pending').where('available_at', '<=', asOf)
      : query.where('status', '=', 'available').where('expires_at', '<=', asOf)
  const rows = await query.orderBy('member_id').limit(limit).execute()
  return rows.map((r) => r.member_id)
}

/** The lots a source (an order, an event) paid, with points left, oldest first. */
export async function listSourceLots(
  db: Executor,
  programId: string,
  memberId: string,
  source: { kind: string; id: string },
): Promise<PointLotRow[]> {
  return db
    .selectFrom('point_lots')
    .selectAll()
    .where('program_id', '=', programId)
    .where('member_id', '=', memberId)
    .where('source_kind', '=', source.kind)
    .where('source_id', '=', source.id)
    .where('remaining', '>', 0)
    .orderBy('earned_at')
    .orderBy('id')
    .execute()
}

/** The points of a source's lots that expired (the expiry entries name the lot's source). */
export async function sumExpiredFromSource(
  db: Executor,
  programId: string,
  memberId: string,
  source: { kind: string; id: string },
): Promise<number> {
  const row = await db
    .selectFrom('point_transactions')
    .select(sql<string>`coalesce(-sum(points), 0)::bigint`.as('expired'))
    .where('program_id', '=', programId)
    .where('member_id', '=', memberId)
    .where('source_kind', '=', source.kind)
    .where('source_id', '=', source.id)
    .where('type', '=', 'expire')
    .executeTakeFirst()
  return Number(row?.expired ?? 0)
}

// Bulk statements for the release and expiry sweeps: a batch of members in a few statements.
// Rows are sent in chunks so that no statement passes PostgreSQL's 65,535-parameter limit.
const CHUNK = 1000

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK))
  return out
}

/** Locks the members in id order (a fixed order, so that two sweeps never deadlock). */
/**
 * Locks the members' rows in id order. With `skipLocked`, members another transaction holds
 * are left out instead of waited for: a job's batch then never waits while holding locks, so
 * it can never deadlock with an order that locks its member and then the referrer.
 */
export async function lockBalances(
  db: Executor,
  programId: string,
  memberIds: readonly string[],
  skipLocked = false,
): Promise<{ id: string; points_available: number; points_pending: number }[]> {
  if (memberIds.length === 0) return []
  const query = db
    .selectFrom('members')
    .select(['id', 'points_available', 'points_pending'])
    .where('program_id', '=', programId)
    .where('id', 'in', memberIds)
    .orderBy('id')
    .forUpdate()
  return (skipLocked ? query.skipLocked() : query).execute()
}

/** The due lots of many members, each member's in spending order. */
export async function listDueLotsOf(
  db: Executor,
  programId: string,
  memberIds: readonly string[],
  due: 'release' | 'expire',
  asOf: Date,
): Promise<PointLotRow[]> {
  if (memberIds.length === 0) return []
  let query = db
    .selectFrom('point_lots')
    .selectAll()
    .where('program_id', '=', programId)
    .where('member_id', 'in', memberIds)
    .where('remaining', '>', 0)
  query =
    due === 'release'
      ? query.where('status', '=', 'pending').where('available_at', '<=', asOf)
      : query.where('status', '=', 'available').where('expires_at', '<=', asOf)
  return query.orderBy('member_id').orderBy('earned_at').orderBy('id').execute()
}

export async function setLots(
  db: Executor,
  programId: string,
  lots: readonly {
    memberId: string
    lotId: string
    remaining: number
    status: 'pending' | 'available'
  }[],
): Promise<void> {
  for (const part of chunks(lots)) {
    const values = sql.join(
      part.map(
        (l) =>
          sql`(${l.memberId}::text, ${l.lotId}::text, ${l.remaining}::bigint, ${l.status}::text)`,
      ),
    )
    await sql`
      update point_lots as l set remaining = v.remaining, status = v.status
      from (values ${values}) as v(member_id, id, remaining, status)
      where l.program_id = ${programId} and l.member_id = v.member_id and l.id = v.id`.execute(db)
  }
}

export async function insertTransactions(
  db: Executor,
  rows: readonly NewTransaction[],
): Promise<void> {
  for (const part of chunks(rows)) await db.insertInto('point_transactions').values(part).execute()
}

export async function insertConsumptionRows(
  db: Executor,
  programId: string,
  rows: readonly { memberId: string; transactionId: string; lotId: string; points: number }[],
): Promise<void> {
  for (const part of chunks(rows)) {
    await db
      .insertInto('point_lot_consumptions')
      .values(
        part.map((r) => ({
          program_id: programId,
          member_id: r.memberId,
          transaction_id: r.transactionId,
          lot_id: r.lotId,
          points: r.points,
        })),
      )
      .execute()
  }
}

/** Moves many members' balances at once; the rows are locked by the caller. */
export async function applyBalanceTotals(
  db: Executor,
  programId: string,
  totals: readonly { memberId: string; available: number; pending: number; expired: number }[],
): Promise<void> {
  for (const part of chunks(totals)) {
    const values = sql.join(
      part.map(
        (t) =>
          sql`(${t.memberId}::text, ${t.available}::bigint, ${t.pending}::bigint, ${t.expired}::bigint)`,
      ),
    )
    await sql`
      update members as m set
        points_available = m.points_available + v.available,
        points_pending = m.points_pending + v.pending,
        points_expired = m.points_expired + v.expired
      from (values ${values}) as v(id, available, pending, expired)
      where m.program_id = ${programId} and m.id = v.id`.execute(db)
  }
}
