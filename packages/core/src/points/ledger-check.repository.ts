import { sql } from 'kysely'
import type { Executor } from '../shared/executor.js'
import type { LotRecomputed, MemberTotals, TransactionRecomputed } from './ledger-check.js'

/*
 * The SQL of `ledger check`: it recomputes every balance, counter, lot and running balance
 * from the ledger, set-based, for the members of one program whose ids lie in [first, last]
 * (a batch), so that a program of any size is checked in bounded steps on its primary keys.
 * Lots and entries come back only where a recomputed figure differs from the stored one.
 */

export interface MemberRange {
  programId: string
  first: string
  last: string
}

/**
 * Each batch reads whole key ranges of the ledger tables and joins their sums. Without table
 * statistics (PGlite runs no autovacuum, so its tables are never analysed) the planner takes
 * each range for one row and nests loops over them, quadratic in the batch; hash joins keep a
 * batch linear. `SET LOCAL`: only for the check's own read transaction.
 */
export async function preferHashJoins(trx: Executor): Promise<void> {
  await sql`SET LOCAL enable_nestloop = off`.execute(trx)
}

export async function listProgramIds(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('programs').select('id').orderBy('id').execute()
  return rows.map((r) => r.id)
}

export async function countMembers(db: Executor, programIds: readonly string[]): Promise<number> {
  if (programIds.length === 0) return 0
  const row = await db
    .selectFrom('members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('program_id', 'in', programIds)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

interface MemberTotalsRow {
  member_id: string
  available: number
  pending: number
  earned: number
  redeemed: number
  expired: number
  reversed: number
  adjusted: number
  ledger_available: number
  ledger_pending: number
  ledger_earned: number
  ledger_redeemed: number
  ledger_expired: number
  ledger_reversed: number
  ledger_adjusted: number
  lots_available: number
  lots_pending: number
  lots: number
  transactions: number
  debt: number
}

/** Every member of the range: stored balances and counters beside the ledger's sums. */
export async function memberTotals(
  db: Executor,
  { programId, first, last }: MemberRange,
): Promise<(MemberTotals & { lots_count: number; transactions_count: number })[]> {
  const { rows } = await sql<MemberTotalsRow>`
    WITH consumed AS (
      SELECT member_id, transaction_id, sum(points) AS points
      FROM point_lot_consumptions
      WHERE program_id = ${programId} AND member_id BETWEEN ${first} AND ${last}
      GROUP BY member_id, transaction_id
    ), ledger AS (
      SELECT t.member_id,
        sum(t.available_delta) AS available,
        sum(t.pending_delta) AS pending,
        coalesce(sum(t.points) FILTER (WHERE t.type = 'earn'), 0) AS earned,
        coalesce(-sum(t.points) FILTER (WHERE t.type = 'redeem'), 0) AS redeemed,
        coalesce(-sum(t.points) FILTER (WHERE t.type = 'expire'), 0) AS expired,
        coalesce(-sum(t.points) FILTER (WHERE t.type = 'reverse'), 0) AS reversed,
        coalesce(sum(t.points) FILTER (WHERE t.type = 'adjust'), 0) AS adjusted,
        -- A reversal of available points that found no lot to take them from left a debt;
        -- credits and releases pay it back by consuming their own new lot.
        sum(CASE
          WHEN t.type = 'reverse' AND t.available_delta < 0
            THEN -t.available_delta - coalesce(c.points, 0)
          WHEN t.points > 0 THEN -coalesce(c.points, 0)
          ELSE 0
        END) AS debt,
        count(*) AS transactions
      FROM point_transactions t
      LEFT JOIN consumed c ON c.member_id = t.member_id AND c.transaction_id = t.id
      WHERE t.program_id = ${programId} AND t.member_id BETWEEN ${first} AND ${last}
      GROUP BY t.member_id
    ), lots AS (
      SELECT member_id,
        coalesce(sum(remaining) FILTER (WHERE status = 'available'), 0) AS available,
        coalesce(sum(remaining) FILTER (WHERE status = 'pending'), 0) AS pending,
        count(*) AS lots
      FROM point_lots
      WHERE program_id = ${programId} AND member_id BETWEEN ${first} AND ${last}
      GROUP BY member_id
    )
    SELECT m.id AS member_id,
      m.points_available AS available, m.points_pending AS pending,
      m.points_earned AS earned, m.points_redeemed AS redeemed, m.points_expired AS expired,
      m.points_reversed AS reversed, m.points_adjusted AS adjusted,
      coalesce(l.available, 0) AS ledger_available, coalesce(l.pending, 0) AS ledger_pending,
      coalesce(l.earned, 0) AS ledger_earned, coalesce(l.redeemed, 0) AS ledger_redeemed,
      coalesce(l.expired, 0) AS ledger_expired, coalesce(l.reversed, 0) AS ledger_reversed,
      coalesce(l.adjusted, 0) AS ledger_adjusted, coalesce(l.debt, 0) AS debt,
      coalesce(l.transactions, 0) AS transactions,
      coalesce(o.available, 0) AS lots_available, coalesce(o.pending, 0) AS lots_pending,
      coalesce(o.lots, 0) AS lots
    FROM members m
    LEFT JOIN ledger l ON l.member_id = m.id
    LEFT JOIN lots o ON o.member_id = m.id
    WHERE m.program_id = ${programId} AND m.id BETWEEN ${first} AND ${last}
    ORDER BY m.id
  `.execute(db)
  return rows.map((r) => ({
    member_id: r.member_id,
    stored: {
      available: Number(r.available),
      pending: Number(r.pending),
      earned: Number(r.earned),
      redeemed: Number(r.redeemed),
      expired: Number(r.expired),
      reversed: Number(r.reversed),
      adjusted: Number(r.adjusted),
    },
    ledger: {
      available: Number(r.ledger_available),
      pending: Number(r.ledger_pending),
      earned: Number(r.ledger_earned),
      redeemed: Number(r.ledger_redeemed),
      expired: Number(r.ledger_expired),
      reversed: Number(r.ledger_reversed),
      adjusted: Number(r.ledger_adjusted),
    },
    lots: { available: Number(r.lots_available), pending: Number(r.lots_pending) },
    debt: Number(r.debt),
    lots_count: Number(r.lots),
    transactions_count: Number(r.transactions),
  }))
}

/**
 * The lots of the range whose stored earned, remaining or status differ from their ledger
 * entries, or that were spent while pending or by consumptions with no entry.
 */
export async function lotsThatDiffer(
  db: Executor,
  { programId, first, last }: MemberRange,
): Promise<LotRecomputed[]> {
  const { rows } = await sql<LotRecomputed>`
    WITH credit AS (
      SELECT member_id, lot_id, sum(points) AS points, bool_or(pending_delta > 0) AS was_pending
      FROM point_transactions
      WHERE program_id = ${programId} AND member_id BETWEEN ${first} AND ${last}
        AND type IN ('earn', 'adjust', 'redeem') AND points > 0 AND lot_id IS NOT NULL
      GROUP BY member_id, lot_id
    ), released AS (
      SELECT member_id, lot_id, min(id) AS id
      FROM point_transactions
      WHERE program_id = ${programId} AND member_id BETWEEN ${first} AND ${last}
        AND type = 'release' AND lot_id IS NOT NULL
      GROUP BY member_id, lot_id
    ), consumed AS (
      SELECT c.member_id, c.lot_id, sum(c.points) AS points,
        coalesce(sum(c.points) FILTER (
          WHERE t.type <> 'reverse' AND cr.was_pending AND (r.id IS NULL OR c.transaction_id < r.id)
        ), 0) AS while_pending,
        coalesce(sum(c.points) FILTER (WHERE t.id IS NULL), 0) AS by_no_transaction
      FROM point_lot_consumptions c
      LEFT JOIN point_transactions t
        ON t.program_id = c.program_id AND t.member_id = c.member_id AND t.id = c.transaction_id
      LEFT JOIN credit cr ON cr.member_id = c.member_id AND cr.lot_id = c.lot_id
      LEFT JOIN released r ON r.member_id = c.member_id AND r.lot_id = c.lot_id
      WHERE c.program_id = ${programId} AND c.member_id BETWEEN ${first} AND ${last}
      GROUP BY c.member_id, c.lot_id
    ), recomputed AS (
      SELECT l.member_id, l.id AS lot_id, l.earned, l.remaining, l.status,
        cr.points AS ledger_earned,
        coalesce(cr.points, l.earned) - coalesce(c.points, 0) AS ledger_remaining,
        CASE
          WHEN cr.lot_id IS NULL THEN NULL
          WHEN r.id IS NOT NULL OR NOT cr.was_pending THEN 'available'
          ELSE 'pending'
        END AS ledger_status,
        coalesce(c.while_pending, 0) AS consumed_while_pending,
        coalesce(c.by_no_transaction, 0) AS consumed_by_no_transaction
      FROM point_lots l
      LEFT JOIN credit cr ON cr.member_id = l.member_id AND cr.lot_id = l.id
      LEFT JOIN released r ON r.member_id = l.member_id AND r.lot_id = l.id
      LEFT JOIN consumed c ON c.member_id = l.member_id AND c.lot_id = l.id
      WHERE l.program_id = ${programId} AND l.member_id BETWEEN ${first} AND ${last}
    )
    SELECT * FROM recomputed
    WHERE ledger_earned IS DISTINCT FROM earned
      OR ledger_remaining <> remaining
      OR ledger_status <> status
      OR consumed_while_pending <> 0
      OR consumed_by_no_transaction <> 0
    ORDER BY member_id, lot_id
  `.execute(db)
  return rows.map((r) => ({
    ...r,
    earned: Number(r.earned),
    remaining: Number(r.remaining),
    ledger_earned: r.ledger_earned === null ? null : Number(r.ledger_earned),
    ledger_remaining: Number(r.ledger_remaining),
    consumed_while_pending: Number(r.consumed_while_pending),
    consumed_by_no_transaction: Number(r.consumed_by_no_transaction),
  }))
}

/**
 * The ledger entries of the range whose balance_after or pending_after differ from the running
 * sums in id order, whose points do not match their deltas, or whose consumptions break the
 * rule of their type (see `consumptionRule`).
 */
export async function transactionsThatDiffer(
  db: Executor,
  { programId, first, last }: MemberRange,
): Promise<TransactionRecomputed[]> {
  const { rows } = await sql<TransactionRecomputed>`
    WITH consumed AS (
      SELECT member_id, transaction_id, sum(points) AS points
      FROM point_lot_consumptions
      WHERE program_id = ${programId} AND member_id BETWEEN ${first} AND ${last}
      GROUP BY member_id, transaction_id
    ), recomputed AS (
      SELECT t.member_id, t.id AS transaction_id, t.type, t.points,
        t.available_delta, t.pending_delta, t.balance_after, t.pending_after,
        sum(t.available_delta) OVER running AS ledger_balance,
        sum(t.pending_delta) OVER running AS ledger_pending,
        coalesce(c.points, 0) AS consumed
      FROM point_transactions t
      LEFT JOIN consumed c ON c.member_id = t.member_id AND c.transaction_id = t.id
      WHERE t.program_id = ${programId} AND t.member_id BETWEEN ${first} AND ${last}
      WINDOW running AS (PARTITION BY t.member_id ORDER BY t.id ROWS UNBOUNDED PRECEDING)
    )
    SELECT * FROM recomputed
    WHERE balance_after <> ledger_balance
      OR pending_after <> ledger_pending
      OR (type = 'release' AND (available_delta <> points OR pending_delta <> -points))
      OR (type <> 'release' AND available_delta + pending_delta <> points)
      OR (points > 0 AND consumed > points)
      OR (points <= 0 AND type = 'reverse' AND available_delta < 0 AND consumed > -points)
      OR (points <= 0 AND NOT (type = 'reverse' AND available_delta < 0) AND consumed <> -points)
    ORDER BY member_id, transaction_id
  `.execute(db)
  return rows.map((r) => ({
    ...r,
    points: Number(r.points),
    available_delta: Number(r.available_delta),
    pending_delta: Number(r.pending_delta),
    balance_after: Number(r.balance_after),
    pending_after: Number(r.pending_after),
    ledger_balance: Number(r.ledger_balance),
    ledger_pending: Number(r.ledger_pending),
    consumed: Number(r.consumed),
  }))
}
