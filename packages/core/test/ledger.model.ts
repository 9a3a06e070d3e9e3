import { addMonths } from '../src/shared/calendar.js'

/*
 * An in-memory model of what the ledger's steps should do to one member, for the model-based
 * test (ledger.service.test.ts): plain arrays and sums, no SQL, no lots table, no entries.
 * Expiry is rolling, one month; every lot is earned at the model's `now`, so creation order is
 * spending order.
 */

export interface ModelLot {
  id: string
  source: string
  status: 'pending' | 'available'
  earned: number
  remaining: number
  availableAt: number
  expiresAt: number
  /** What of the lot expired. */
  expired: number
}

export interface LedgerModel {
  now: number
  allowNegative: boolean
  available: number
  pending: number
  lifetime: {
    earned: number
    redeemed: number
    expired: number
    reversed: number
    adjusted: number
  }
  lots: ModelLot[]
  /**
   * Orders that paid points: what refunds may still ask for, what the order earned, and what
   * its reversals actually took back.
   */
  orders: { id: string; refundable: number; earned: number; reversed: number }[]
  /**
   * Orders paid with points: what they redeemed, what refunds gave back, and the latest expiry
   * of the lots the redemption took from (which the points given back keep).
   */
  payments: { id: string; redeemed: number; returned: number; latestExpiry: number }[]
}

export function newModel(now: number, allowNegative: boolean): LedgerModel {
  return {
    now,
    allowNegative,
    available: 0,
    pending: 0,
    lifetime: { earned: 0, redeemed: 0, expired: 0, reversed: 0, adjusted: 0 },
    lots: [],
    orders: [],
    payments: [],
  }
}

export const spendableLots = (m: LedgerModel) =>
  m.lots.filter((l) => l.status === 'available' && l.remaining > 0 && l.expiresAt > m.now)

/** Takes `amount` from the lots in order; returns what they could not cover. */
function take(lots: ModelLot[], amount: number): number {
  let left = amount
  for (const lot of lots) {
    const points = Math.min(lot.remaining, left)
    lot.remaining -= points
    left -= points
  }
  return left
}

/** Points becoming available: a negative balance (a debt) is paid off from them first. */
function makeAvailable(m: LedgerModel, lot: ModelLot) {
  const settle = Math.min(Math.max(-m.available, 0), lot.remaining)
  m.available += lot.remaining
  lot.remaining -= settle
}

/** An earning (an order's, its own source) or a positive adjustment: a new lot. */
export function credit(
  m: LedgerModel,
  entry: {
    type: 'earn' | 'adjust'
    lotId: string
    source: string
    points: number
    availableAt: number
  },
) {
  const lot: ModelLot = {
    id: entry.lotId,
    source: entry.source,
    status: entry.availableAt > m.now ? 'pending' : 'available',
    earned: entry.points,
    remaining: entry.points,
    availableAt: entry.availableAt,
    expiresAt: addMonths(new Date(m.now), 1).getTime(),
    expired: 0,
  }
  m.lots.push(lot)
  if (lot.status === 'pending') m.pending += entry.points
  else makeAvailable(m, lot)
  if (entry.type === 'earn') {
    m.lifetime.earned += entry.points
    m.orders.push({ id: entry.source, refundable: entry.points, earned: entry.points, reversed: 0 })
  } else {
    m.lifetime.adjusted += entry.points
  }
}

/** A redemption or negative adjustment: unexpired available points oldest first, or nothing. */
export function spend(m: LedgerModel, type: 'redeem' | 'adjust', points: number): boolean {
  const lots = spendableLots(m)
  if (lots.reduce((sum, l) => sum + l.remaining, 0) < points) return false
  take(lots, points)
  m.available -= points
  if (type === 'redeem') m.lifetime.redeemed += points
  else m.lifetime.adjusted -= points
  return true
}

export function expire(m: LedgerModel): number {
  let expired = 0
  for (const lot of m.lots) {
    if (lot.status !== 'available' || lot.remaining === 0 || lot.expiresAt > m.now) continue
    expired += lot.remaining
    m.available -= lot.remaining
    lot.expired += lot.remaining
    lot.remaining = 0
  }
  m.lifetime.expired += expired
  return expired
}

export function release(m: LedgerModel): number {
  let released = 0
  for (const lot of m.lots) {
    if (lot.status !== 'pending' || lot.remaining === 0 || lot.availableAt > m.now) continue
    lot.status = 'available'
    m.pending -= lot.remaining
    released += lot.remaining
    makeAvailable(m, lot)
  }
  return released
}

/**
 * A refund of an order's points: what is past its expiry expires first; what of the order
 * expired, or was reversed before, is not asked for again; then the order's pending points are
 * taken, then its available lots, then any other available points; what is still missing is a
 * debt when the policy allows one, and forgiven when not. Returns the points reversed.
 */
export function reverse(m: LedgerModel, orderId: string, due: number): number {
  expire(m)
  const order = m.orders.find((o) => o.id === orderId)
  if (order) order.refundable -= due
  const own = m.lots.filter((l) => l.source === orderId)
  const expiredOfOrder = own.reduce((sum, l) => sum + l.expired, 0)
  const points = order
    ? Math.min(due, Math.max(order.earned - expiredOfOrder - order.reversed, 0))
    : due
  if (points <= 0) return 0
  const afterPending = take(
    own.filter((l) => l.status === 'pending'),
    points,
  )
  const ownAvailable = own.filter((l) => l.status === 'available' && l.expiresAt > m.now)
  const others = spendableLots(m).filter((l) => l.source !== orderId)
  const shortfall = take(others, take(ownAvailable, afterPending))
  const fromAvailable = afterPending - (m.allowNegative ? 0 : shortfall)
  m.pending -= points - afterPending
  m.available -= fromAvailable
  const reversed = points - afterPending + fromAvailable
  m.lifetime.reversed += reversed
  if (order) order.reversed += reversed
  return reversed
}

/** An order paid with points: a redemption whose source is the order. */
export function pay(m: LedgerModel, orderId: string, points: number): boolean {
  const lots = spendableLots(m)
  if (lots.reduce((sum, l) => sum + l.remaining, 0) < points) return false
  const before = lots.map((l) => l.remaining)
  take(lots, points)
  const touched = lots.filter((l, i) => l.remaining !== before[i])
  m.available -= points
  m.lifetime.redeemed += points
  m.payments.push({
    id: orderId,
    redeemed: points,
    returned: 0,
    latestExpiry: Math.max(...touched.map((l) => l.expiresAt)),
  })
  return true
}

/**
 * A refund giving back points an order was paid with: a new available lot expiring when the
 * latest lot the payment took from does, paying a debt first; lifetime `redeemed` goes down.
 */
export function giveBack(m: LedgerModel, orderId: string, lotId: string, points: number) {
  const payment = m.payments.find((p) => p.id === orderId)
  if (!payment) throw new Error(`no payment ${orderId}`)
  payment.returned += points
  const lot: ModelLot = {
    id: lotId,
    source: `refund of ${orderId}`,
    status: 'available',
    earned: points,
    remaining: points,
    availableAt: m.now,
    expiresAt: payment.latestExpiry,
    expired: 0,
  }
  m.lots.push(lot)
  makeAvailable(m, lot)
  m.lifetime.redeemed -= points
}
