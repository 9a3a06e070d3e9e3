import { planConsumption } from '../points/index.js'
import { AppError } from '../shared/app-error.js'
import { newId } from '../shared/ids.js'
import type { OrderWrite } from './order-write.js'

/*
 * The part of an order's plan that pays with points (order-plan.ts): which lots the `redeem`
 * entry takes from, written by the order's one statement with its earn.
 */

/** A member's lot a debit may take from, as the order's snapshot reads it. */
export interface SpendableLot {
  id: string
  remaining: number
  earned_at: Date
}

/**
 * The order's `redeem` entry: `points` taken from the member's spendable lots oldest first (the
 * lots the snapshot read, and the order's own available lots after them by when they were
 * earned), as `debitPoints` takes them. Returns the entry's id.
 */
export function planDebit(
  write: OrderWrite,
  held: readonly SpendableLot[],
  points: number,
  balance: { available: number; pending: number; now: Date },
): string {
  const own = write.lots
    .filter(
      (lot) =>
        lot.status === 'available' &&
        lot.remaining > 0 &&
        (lot.expires_at === null || new Date(lot.expires_at) > balance.now),
    )
    .map((lot) => ({ id: lot.id, remaining: lot.remaining, earned_at: new Date(lot.earned_at) }))
  const lots = [...held, ...own].sort(
    (a, b) =>
      a.earned_at.getTime() - b.earned_at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
  const { takes, shortfall } = planConsumption(lots, points)
  if (shortfall > 0) {
    throw new AppError(
      'insufficient_points',
      `The member has ${points - shortfall} available points; ${points} were asked for.`,
      [{ path: 'points_to_redeem', message: 'more than the member has' }],
    )
  }
  const txnId = newId('txn')
  const after = balance.available - points
  write.member.redeemed = points
  write.entries.push({
    id: txnId,
    type: 'redeem',
    points: -points,
    available_delta: -points,
    pending_delta: 0,
    balance_after: after,
    pending_after: balance.pending,
    source_kind: 'order',
    source_id: write.order.id,
    rule_id: null,
    lot_id: null,
    expires_at: null,
    note: `pays order ${write.order.id}`,
    actor: null,
    created_at: write.member.at,
  })
  for (const take of takes) {
    write.spends.push({ lot_id: take.lotId, points: take.points })
    write.consumptions.push({ transaction_id: txnId, lot_id: take.lotId, points: take.points })
  }
  return txnId
}
