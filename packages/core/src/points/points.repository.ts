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

/**
 * The latest expiry of the lots a source's redemptions took points from (`null` when one of
 * them never expires, or none was taken).
 */
export async function latestExpiryTakenBy(
  db: Executor,
  programId: string,
  memberId: string,
  source: { kind: string; id: string },
): Promise<Date | null> {
  const row = await db
    .selectFrom('point_transactions as t')
    .innerJoin('point_lot_consumptions as c', (join) =>
      join
        .onRef('c.program_id', '=', 't.program_id')
        .onRef('c.member_id', '=', 't.member_id')
        .onRef('c.transaction_id', '=', 't.id'),
    )
    .innerJoin('point_lots as l', (join) =>
      join
        .onRef('l.program_id', '=', 'c.program_id')
        .onRef('l.member_id', '=', 'c.member_id')
        .onRef('l.id', '=', 'c.lot_id'),
    )
    .select([
      sql<Date | null>`max(l.expires_at)`.as('latest'),
      sql<boolean>`bool_or(l.expires_at IS NULL)`.as('forever'),
    ])
    .where('t.program_id', '=', programId)
    .where('t.member_id', '=', memberId)
    .where('t.source_kind', '=', source.kind)
    .where('t.source_id', '=', source.id)
    .where('t.type', '=', 'redeem')
    .where('t.points', '<', 0)
    .executeTakeFirst()
  if (!row || row.forever || row.latest === null) return null
  return new Date(row.latest)
}

// Bulk statements for the release and expiry sweeps: a batch of members in a few statements,
// the rows computed and written by the database itself (nothing but ids crosses the wire).
//
// Their plans must not depend on statistics: PGlite never analyses its tables, and without
// statistics `program_id = $1` looks selective and a partial index such as
// `point_lots_to_expire` looks tiny, so a plain join could scan a whole program per batch.
// So each member's lots are read by an `offset 0` subquery that can only use the member's
// key (the due condition is applied outside it), and rows are updated through their row ids
// (`ctid = any(array(…))`, a TID scan whatever the estimates).

/**
 * Locks the members' rows in id order (a fixed order, so that two sweeps never deadlock) and
 * returns the ids locked. With `skipLocked`, members another transaction holds are left out
 * instead of waited for: a job's batch then never waits while holding locks, so it can never
 * deadlock with an order that locks its member and then the referrer.
 */
export async function lockBalances(
  db: Executor,
  programId: string,
  memberIds: readonly string[],
  skipLocked = false,
): Promise<string[]> {
  if (memberIds.length === 0) return []
  const rows = await sql<{ id: string }>`
    select id from members
    where program_id = ${programId} and id = any(${memberIds}::text[])
    order by id
    for update ${skipLocked ? sql`skip locked` : sql``}`.execute(db)
  return rows.rows.map((r) => r.id)
}

/**
 * The open lots (points left) of each of the members, read through the member's key, as
 * `lot`: a `from` item for a query that has the member ids as `b(id)`.
 */
const openLotsOf = (programId: string) => sql`
  cross join lateral (
    select l.ctid as row_id, l.id, l.status, l.remaining, l.earned_at, l.available_at,
      l.expires_at, l.source_kind, l.source_id, l.rule_id
    from point_lots l
    where l.program_id = ${programId} and l.member_id = b.id and l.remaining > 0
    offset 0
  ) lot`

/** Which open lots a sweep takes: pending ones past their return window (release), or
 * available ones past their expiry (expire). */
function dueLot(due: 'release' | 'expire', asOf: Date) {
  return due === 'release'
    ? sql`lot.status = 'pending' and lot.available_at <= ${asOf}::timestamptz`
    : sql`lot.status = 'available' and lot.expires_at <= ${asOf}::timestamptz`
}

/** How many due lots the members have: how many ledger entries their sweep will write. */
export async function countDueLotsOf(
  db: Executor,
  programId: string,
  memberIds: readonly string[],
  due: 'release' | 'expire',
  asOf: Date,
): Promise<number> {
  if (memberIds.length === 0) return 0
  const result = await sql<{ count: number }>`
    select count(*)::int as count
    from unnest(${memberIds}::text[]) as b(id) ${openLotsOf(programId)}
    where ${dueLot(due, asOf)}`.execute(db)
  return Number(result.rows[0]?.count ?? 0)
}

/**
 * Releases or expires the members' due lots in one statement, for members whose rows the
 * caller holds. The due lots are numbered in spending order (member, earned_at, id) and the
 * n-th lot's entry takes the n-th of `transactionIds` (ascending, one per due lot, as
 * `countDueLotsOf` counted them), so each member's entries run in id order; window sums over
 * that order give each entry its balances after it, starting from the member's cached ones.
 * Then, from that one set: the lots are emptied (expire) or made available (release), the
 * entries and the consumptions inserted, and the balances and lifetime counters moved.
 * A release pays off a negative balance first, as a credit does: the part of the lot that
 * covers the debt is consumed by the release entry. Returns the lots swept and points moved.
 */
export async function sweepDueLotsOf(
  db: Executor,
  programId: string,
  memberIds: readonly string[],
  due: 'release' | 'expire',
  asOf: Date,
  now: Date,
  transactionIds: readonly string[],
  /** For an expiry: one domain event id per member, in `memberIds` order. */
  eventIds: readonly string[] = [],
): Promise<{ lots: number; moved: number }> {
  const count = transactionIds.length
  if (memberIds.length === 0 || count === 0) return { lots: 0, moved: 0 }
  const release = due === 'release'
  // Each entry's balances after it: the member's cached ones moved by its lots up to this one.
  const running = release
    ? sql`m.points_available + sum(lot.remaining) over member_lots as balance_after,
          m.points_pending - sum(lot.remaining) over member_lots as pending_after`
    : sql`m.points_available - sum(lot.remaining) over member_lots as balance_after,
          m.points_pending as pending_after`
  // What of the lot the entry consumes: all of it when it expires; when it is released, the
  // part that pays off the debt the balance had before it (it is then available - points).
  const settle = release
    ? sql`least(greatest(r.points - r.balance_after, 0), r.points)`
    : sql`r.points`
  const signed = release ? sql`e.points` : sql`-e.points`
  const result = await sql<{ lots: number; updated: number; moved: number }>`
    with entry as materialized (
      select r.*, ${settle} as settle
      from (
        select b.id as member_id, b.n as member_n, m.row_id as member_row, lot.row_id,
          lot.id as lot_id,
          lot.remaining as points, lot.source_kind, lot.source_id, lot.rule_id,
          lot.expires_at,
          ${JSON.stringify(transactionIds)}::jsonb ->> (row_number() over lots - 1)::int
            as txn_id,
          ${running}
        from unnest(${memberIds}::text[]) with ordinality as b(id, n)
        cross join lateral (
          select m.ctid as row_id, m.points_available, m.points_pending from members m
          where m.program_id = ${programId} and m.id = b.id
          offset 0
        ) m
        ${openLotsOf(programId)}
        where ${dueLot(due, asOf)}
        window lots as (order by b.id, lot.earned_at, lot.id),
          member_lots as (partition by b.id order by lot.earned_at, lot.id)
      ) r
    ),
    lots as (
      update point_lots l set remaining = e.points - e.settle, status = 'available'
      from entry e
      where l.ctid = any(array(select row_id from entry)) and l.ctid = e.row_id
        and l.program_id = ${programId} and l.member_id = e.member_id and l.id = e.lot_id
        and l.remaining = e.points
      returning 1
    ),
    entries as (
      insert into point_transactions (program_id, member_id, id, type, points, available_delta,
        pending_delta, balance_after, pending_after, source_kind, source_id, rule_id, lot_id,
        expires_at, created_at)
      select ${programId}, e.member_id, e.txn_id, ${due}, ${signed}, ${signed},
        ${release ? sql`-e.points` : sql`0`}, e.balance_after, e.pending_after, e.source_kind,
        e.source_id, e.rule_id, e.lot_id, e.expires_at, ${now}::timestamptz
      from entry e
    ),
    consumptions as (
      insert into point_lot_consumptions (program_id, member_id, transaction_id, lot_id, points)
      select ${programId}, e.member_id, e.txn_id, e.lot_id, e.settle
      from entry e where e.settle > 0
    ),
    balances as (
      update members m set
        points_available = m.points_available + ${release ? sql`s.points` : sql`-s.points`},
        points_pending = m.points_pending - ${release ? sql`s.points` : sql`0`},
        points_expired = m.points_expired + ${release ? sql`0` : sql`s.points`}
      from (
        select member_row, member_id, sum(points) as points from entry
        group by member_row, member_id
      ) s
      where m.ctid = any(array(select member_row from entry)) and m.ctid = s.member_row
        and m.program_id = ${programId} and m.id = s.member_id
    )${
      release
        ? sql``
        : sql`,
    expired as (
      insert into outbox_events (program_id, id, type, member_id, data, created_at)
      select ${programId}, ${JSON.stringify(eventIds)}::jsonb ->> (s.member_n - 1)::int,
        'points.expired', s.member_id,
        jsonb_build_object('member', s.member_id, 'points', s.points, 'lots', s.lots),
        ${now}::timestamptz
      from (
        select member_id, min(member_n) as member_n, sum(points) as points, count(*) as lots
        from entry group by member_id
      ) s
    )`
    }
    select count(*)::int as lots, (select count(*) from lots)::int as updated,
      coalesce(sum(points), 0)::bigint as moved
    from entry`.execute(db)
  const row = result.rows[0]
  // Under the members' locks nothing else moves their lots: a difference is a bug, and
  // throwing rolls the whole batch back.
  if (!row || row.lots !== count || row.updated !== count)
    throw new Error(`swept ${row?.lots} lots and updated ${row?.updated}, expected ${count}`)
  return { lots: count, moved: Number(row.moved) }
}
