import type { PointTransactionRow } from '@loyalbase/db'
import { lockMember } from '../members/index.js'
import type { ProgramContext } from '../programs/index.js'
import { AppError } from '../shared/app-error.js'
import type { Executor } from '../shared/executor.js'
import { newId } from '../shared/ids.js'
import { expireDueLotsOf, releaseDueLotsOf } from './lot-sweeps.js'
import { expiryFor, planConsumption } from './points.js'
import {
  type BalanceDeltas,
  consumeLot,
  insertConsumptions,
  latestExpiryTakenBy,
  listSourceLots,
  listSpendableLots,
  type NewLot,
  recordTransaction,
  sumExpiredFromSource,
} from './points.repository.js'

/**
 * The ledger's write steps. Each runs inside the caller's transaction, after the member row
 * is locked (`lockPointsHolder`), so one member's ledger changes one step at a time.
 */

export interface Source {
  kind: string
  id: string
}

export async function lockPointsHolder(trx: Executor, programId: string, memberId: string) {
  const member = await lockMember(trx, programId, memberId)
  if (!member) throw AppError.notFound('Member')
  return member
}

interface Entry {
  type: PointTransactionRow['type']
  points: number
  deltas: BalanceDeltas
  source: Source
  ruleId?: string | null
  lotId?: string | null
  expiresAt?: Date | null
  note?: string | null
  actor?: string | null
  id?: string
  /** The lot a credit creates, written together with the entry. */
  newLot?: NewLot
}

async function record(trx: Executor, programId: string, memberId: string, at: Date, entry: Entry) {
  return recordTransaction(
    trx,
    {
      program_id: programId,
      member_id: memberId,
      id: entry.id ?? newId('txn'),
      type: entry.type,
      points: entry.points,
      available_delta: entry.deltas.available,
      pending_delta: entry.deltas.pending,
      source_kind: entry.source.kind,
      source_id: entry.source.id,
      rule_id: entry.ruleId ?? null,
      lot_id: entry.lotId ?? null,
      expires_at: entry.expiresAt ?? null,
      note: entry.note ?? null,
      actor: entry.actor ?? null,
      created_at: at,
    },
    entry.deltas,
    entry.newLot,
  )
}

export interface Credit {
  points: number
  /** `redeem` gives back points a redemption took (a refund of an order paid with points). */
  type: 'earn' | 'adjust' | 'redeem'
  earnedAt: Date
  availableAt: Date
  /** The lot's expiry when not the policy's from `earnedAt` (`null`: never). */
  expiresAt?: Date | null
  source: Source
  ruleId?: string | null
  note?: string | null
  actor?: string | null
  /** Fixes the ledger entry's id, for a credit that is its own source (an adjustment). */
  transactionId?: string
}

/** Adds a lot and its ledger entry: pending until `availableAt`, expiring by the policy. */
export async function creditPoints(
  trx: Executor,
  program: ProgramContext,
  memberId: string,
  credit: Credit,
  now: Date,
): Promise<PointTransactionRow> {
  const pending = credit.availableAt > now
  const lotId = newId('lot')
  const expiresAt =
    credit.expiresAt !== undefined
      ? credit.expiresAt
      : expiryFor(program.points_policy.expiry, credit.earnedAt, program.timezone)
  const lot: NewLot = {
    program_id: program.id,
    member_id: memberId,
    id: lotId,
    status: pending ? 'pending' : 'available',
    earned: credit.points,
    earned_at: credit.earnedAt,
    available_at: credit.availableAt,
    expires_at: expiresAt,
    source_kind: credit.source.kind,
    source_id: credit.source.id,
    rule_id: credit.ruleId ?? null,
    created_at: now,
  }
  const deltas: BalanceDeltas = pending
    ? { available: 0, pending: credit.points }
    : { available: credit.points, pending: 0 }
  if (credit.type === 'earn') deltas.earned = credit.points
  else if (credit.type === 'redeem') deltas.redeemed = -credit.points
  else deltas.adjusted = credit.points
  const id = credit.transactionId ?? newId('txn')
  const txn = await record(trx, program.id, memberId, now, {
    id,
    type: credit.type,
    points: credit.points,
    deltas,
    source: credit.source,
    ruleId: credit.ruleId ?? null,
    lotId,
    expiresAt,
    note: credit.note ?? null,
    actor: credit.actor ?? null,
    newLot: lot,
  })
  // A negative balance (a refund clawback with allow_negative) is paid off by the next
  // available points first: the new lot starts with the debt already taken from it.
  const availableBefore = txn.balance_after - deltas.available
  const settle = pending ? 0 : Math.min(Math.max(-availableBefore, 0), credit.points)
  if (settle > 0) {
    await consumeLot(trx, program.id, memberId, lotId, settle)
    await insertConsumptions(trx, program.id, memberId, id, [{ lotId, points: settle }])
  }
  return txn
}

export interface Debit {
  points: number
  type: 'redeem' | 'adjust'
  /** Names the debit's own source; a redemption or adjustment is its own source. */
  sourceKind: string
  /** The debit's source when it has one of its own: the order paid with the points. */
  source?: Source
  note?: string | null
  actor?: string | null
}

/** Spends available points oldest lot first; 422 insufficient_points when they fall short. */
export async function debitPoints(
  trx: Executor,
  programId: string,
  memberId: string,
  debit: Debit,
  now: Date,
): Promise<PointTransactionRow> {
  const lots = await listSpendableLots(trx, programId, memberId, now)
  const { takes, shortfall } = planConsumption(lots, debit.points)
  if (shortfall > 0) {
    const have = debit.points - shortfall
    throw new AppError(
      'insufficient_points',
      `The member has ${have} available points; ${debit.points} were asked for.`,
    )
  }
  for (const take of takes) {
    if (!(await consumeLot(trx, programId, memberId, take.lotId, take.points))) {
      throw new Error(`lot ${take.lotId} changed under a held member lock`)
    }
  }
  const id = newId('txn')
  const deltas: BalanceDeltas = { available: -debit.points, pending: 0 }
  if (debit.type === 'redeem') deltas.redeemed = debit.points
  else deltas.adjusted = -debit.points
  const txn = await record(trx, programId, memberId, now, {
    id,
    type: debit.type,
    points: -debit.points,
    deltas,
    source: debit.source ?? { kind: debit.sourceKind, id },
    note: debit.note ?? null,
    actor: debit.actor ?? null,
  })
  await insertConsumptions(trx, programId, memberId, id, takes)
  return txn
}

/** Moves the member's pending lots whose return window has passed to available. */
export function releaseDueLots(
  trx: Executor,
  programId: string,
  memberId: string,
  asOf: Date,
  now: Date,
): Promise<number> {
  return releaseDueLotsOf(trx, programId, [memberId], asOf, now).then((r) => r.moved)
}

/** Expires what is left of the member's lots that reached their expiry by `asOf`. */
export function expireDueLots(
  trx: Executor,
  programId: string,
  memberId: string,
  asOf: Date,
  now: Date,
): Promise<number> {
  return expireDueLotsOf(trx, programId, [memberId], asOf, now).then((r) => r.moved)
}

export interface Reversal {
  /** The order (or other source) whose points are taken back. */
  source: Source
  /** What caused the reversal, e.g. the refund; it is the entry's own source. */
  cause: Source
  /** What this reversal is due to take back. */
  points: number
  /** What the source paid in all, and what earlier reversals of it actually took back. */
  earned: number
  alreadyReversed: number
  allowNegative: boolean
}

/**
 * Takes back points a source paid: first what is still pending from that source, then what
 * remains of its available lots, then other available points oldest first. What the balance
 * cannot cover becomes a negative balance when the policy allows it, and is forgiven when not.
 * Points of the source that expired are gone already: they are never taken back a second time
 * from other lots, so the reversals of a source add up to at most what it paid less what of it
 * expired. Returns the points actually reversed.
 */
export async function reversePoints(
  trx: Executor,
  programId: string,
  memberId: string,
  reversal: Reversal,
  now: Date,
): Promise<{ reversed: number; transactions: PointTransactionRow[] }> {
  // Points past their expiry are expired first: left in the balance, they would let the
  // uncovered part become a debt beside available lots that no later credit pays off.
  await expireDueLots(trx, programId, memberId, now, now)
  const expired = await sumExpiredFromSource(trx, programId, memberId, reversal.source)
  const points = Math.min(
    reversal.points,
    Math.max(reversal.earned - expired - reversal.alreadyReversed, 0),
  )
  if (points <= 0) return { reversed: 0, transactions: [] }
  const own = await listSourceLots(trx, programId, memberId, reversal.source)
  const pendingLots = own.filter((l) => l.status === 'pending')
  const ownAvailable = own.filter(
    (l) => l.status === 'available' && (!l.expires_at || l.expires_at > now),
  )
  const pendingPlan = planConsumption(pendingLots, points)
  const afterPending = pendingPlan.shortfall
  const ownPlan = planConsumption(ownAvailable, afterPending)
  const others = (await listSpendableLots(trx, programId, memberId, now)).filter(
    (l) => !ownAvailable.some((o) => o.id === l.id),
  )
  const otherPlan = planConsumption(others, ownPlan.shortfall)
  const debt = reversal.allowNegative ? otherPlan.shortfall : 0
  const fromPending = points - afterPending
  const fromAvailable = afterPending - otherPlan.shortfall + debt
  const transactions: PointTransactionRow[] = []
  for (const [plan, amount, bucket] of [
    [pendingPlan.takes, fromPending, 'pending'],
    [[...ownPlan.takes, ...otherPlan.takes], fromAvailable, 'available'],
  ] as const) {
    if (amount <= 0) continue
    for (const take of plan) {
      if (!(await consumeLot(trx, programId, memberId, take.lotId, take.points))) {
        throw new Error(`lot ${take.lotId} changed under a held member lock`)
      }
    }
    const id = newId('txn')
    transactions.push(
      await record(trx, programId, memberId, now, {
        id,
        type: 'reverse',
        points: -amount,
        deltas:
          bucket === 'pending'
            ? { available: 0, pending: -amount, reversed: amount }
            : { available: -amount, pending: 0, reversed: amount },
        source: reversal.cause,
        note: `reverses ${reversal.source.kind} ${reversal.source.id}`,
      }),
    )
    await insertConsumptions(trx, programId, memberId, id, plan)
  }
  return { reversed: fromPending + fromAvailable, transactions }
}

export interface RedemptionReturn {
  /** The order whose redeemed points go back. */
  source: Source
  /** What gives them back, e.g. the refund; it is the entry's own source. */
  cause: Source
  points: number
}

/**
 * Gives back points an order's redemption took: a `redeem` entry with positive points and a new
 * available lot (lifetime `redeemed` is net of what came back). The lot expires when the latest
 * of the lots the redemption took from does, so a refund never lengthens the life of a point;
 * points whose expiry has passed come back and leave again at the next expiry sweep.
 */
export async function returnRedeemedPoints(
  trx: Executor,
  program: ProgramContext,
  memberId: string,
  back: RedemptionReturn,
  now: Date,
): Promise<PointTransactionRow> {
  const expiresAt = await latestExpiryTakenBy(trx, program.id, memberId, back.source)
  return creditPoints(
    trx,
    program,
    memberId,
    {
      points: back.points,
      type: 'redeem',
      earnedAt: now,
      availableAt: now,
      expiresAt,
      source: back.cause,
      note: `returns points redeemed by ${back.source.kind} ${back.source.id}`,
    },
    now,
  )
}
