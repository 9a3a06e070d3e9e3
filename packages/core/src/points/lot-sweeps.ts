import type { Executor } from '../shared/executor.js'
import { newId } from '../shared/ids.js'
import {
  applyBalanceTotals,
  insertConsumptionRows,
  insertTransactions,
  listDueLotsOf,
  lockBalances,
  type NewTransaction,
  setLots,
} from './points.repository.js'

/**
 * Release and expiry for many members at once, in the caller's transaction: the members are
 * locked in id order, their due lots read in one query, and every lot, ledger entry,
 * consumption and balance written in a handful of set-based statements. The entries are the
 * same as one member at a time would write: one per lot, with running balances.
 */

interface Batch {
  lots: { memberId: string; lotId: string; remaining: number; status: 'pending' | 'available' }[]
  transactions: NewTransaction[]
  consumptions: { memberId: string; transactionId: string; lotId: string; points: number }[]
  totals: Map<string, { memberId: string; available: number; pending: number; expired: number }>
}

export interface SweepResult {
  /** Points released or expired. */
  moved: number
  /** The members swept: with `skipLocked`, those no other transaction held. */
  swept: Set<string>
}

async function sweep(
  trx: Executor,
  programId: string,
  memberIds: readonly string[],
  due: 'release' | 'expire',
  asOf: Date,
  now: Date,
  skipLocked: boolean,
): Promise<SweepResult> {
  const balances = new Map(
    (await lockBalances(trx, programId, memberIds, skipLocked)).map((m) => [
      m.id,
      { available: m.points_available, pending: m.points_pending },
    ]),
  )
  const swept = new Set(balances.keys())
  const lots = await listDueLotsOf(trx, programId, [...swept], due, asOf)
  if (lots.length === 0) return { moved: 0, swept }
  const batch: Batch = { lots: [], transactions: [], consumptions: [], totals: new Map() }
  let moved = 0
  for (const lot of lots) {
    const balance = balances.get(lot.member_id)
    if (!balance) continue
    const total = batch.totals.get(lot.member_id) ?? {
      memberId: lot.member_id,
      available: 0,
      pending: 0,
      expired: 0,
    }
    batch.totals.set(lot.member_id, total)
    const id = newId('txn')
    const points = lot.remaining
    let remaining = 0
    if (due === 'release') {
      // Released points pay off a negative balance first, as new credits do.
      const settle = Math.min(Math.max(-balance.available, 0), points)
      balance.available += points
      balance.pending -= points
      total.available += points
      total.pending -= points
      remaining = points - settle
      if (settle > 0)
        batch.consumptions.push({
          memberId: lot.member_id,
          transactionId: id,
          lotId: lot.id,
          points: settle,
        })
    } else {
      balance.available -= points
      total.available -= points
      total.expired += points
      batch.consumptions.push({ memberId: lot.member_id, transactionId: id, lotId: lot.id, points })
    }
    batch.lots.push({ memberId: lot.member_id, lotId: lot.id, remaining, status: 'available' })
    batch.transactions.push({
      program_id: programId,
      member_id: lot.member_id,
      id,
      type: due,
      points: due === 'release' ? points : -points,
      available_delta: due === 'release' ? points : -points,
      pending_delta: due === 'release' ? -points : 0,
      balance_after: balance.available,
      pending_after: balance.pending,
      source_kind: lot.source_kind,
      source_id: lot.source_id,
      rule_id: lot.rule_id,
      lot_id: lot.id,
      expires_at: lot.expires_at,
      note: null,
      actor: null,
      created_at: now,
    })
    moved += points
  }
  await setLots(trx, programId, batch.lots)
  await insertTransactions(trx, batch.transactions)
  await insertConsumptionRows(trx, programId, batch.consumptions)
  await applyBalanceTotals(trx, programId, [...batch.totals.values()])
  return { moved, swept }
}

/** Moves the members' pending lots whose return window has passed to available. */
export function releaseDueLotsOf(
  trx: Executor,
  programId: string,
  memberIds: readonly string[],
  asOf: Date,
  now: Date,
  skipLocked = false,
): Promise<SweepResult> {
  return sweep(trx, programId, memberIds, 'release', asOf, now, skipLocked)
}

/** Expires what is left of the members' lots that reached their expiry by `asOf`. */
export function expireDueLotsOf(
  trx: Executor,
  programId: string,
  memberIds: readonly string[],
  asOf: Date,
  now: Date,
  skipLocked = false,
): Promise<SweepResult> {
  return sweep(trx, programId, memberIds, 'expire', asOf, now, skipLocked)
}
