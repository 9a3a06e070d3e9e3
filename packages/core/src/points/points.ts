import type { ExpiryPolicy } from '../programs/index.js'
import { addMonths, localYear, zonedMidnight } from '../shared/calendar.js'

export type LotStatus = 'pending' | 'available'

export interface PointsBalance {
  available: number
  pending: number
  expiring: { points: number; expires_at: string }[]
  lifetime: {
    earned: number
    redeemed: number
    expired: number
    reversed: number
    adjusted: number
  }
}

export interface PointTransaction {
  id: string
  type: 'earn' | 'release' | 'redeem' | 'expire' | 'reverse' | 'adjust'
  points: number
  balance_after: number
  source: { kind: string; id: string }
  rule_id?: string
  expires_at?: string
  note?: string
  created_at: string
}

export interface LotTake {
  lotId: string
  points: number
}

/**
 * Which lots a spend of `amount` consumes: oldest first, each at most its remainder. The lots
 * come in spending order; what they cannot cover is the shortfall.
 */
export function planConsumption(
  lots: readonly { id: string; remaining: number }[],
  amount: number,
): { takes: LotTake[]; shortfall: number } {
  const takes: LotTake[] = []
  let left = amount
  for (const lot of lots) {
    if (left <= 0) break
    const points = Math.min(lot.remaining, left)
    if (points > 0) takes.push({ lotId: lot.id, points })
    left -= points
  }
  return { takes, shortfall: Math.max(left, 0) }
}

/** The UTC offset (ms) of `timeZone` at `instant`: wall-clock time minus UTC. */
/**
 * When points earned at `earnedAt` expire: never; `months` later (rolling); or at the end of
 * the earn year + `years_after` in the program's time zone (annual).
 */
export function expiryFor(policy: ExpiryPolicy, earnedAt: Date, timeZone: string): Date | null {
  if (policy.type === 'none') return null
  if (policy.type === 'rolling') return addMonths(earnedAt, policy.months)
  const year = localYear(earnedAt, timeZone) + policy.years_after + 1
  return zonedMidnight(year, 1, 1, timeZone)
}

const DAY_MS = 24 * 60 * 60 * 1000

/** Order points wait out the return window; other points are available at once. */
export function availableAtFor(occurredAt: Date, pendingDays: number): Date {
  return new Date(occurredAt.getTime() + pendingDays * DAY_MS)
}

/** Groups future expiries of available points by date, soonest first. */
export function groupExpiring(
  lots: readonly { remaining: number; expires_at: Date | null }[],
): { points: number; expires_at: string }[] {
  const byDate = new Map<number, number>()
  for (const lot of lots) {
    if (!lot.expires_at || lot.remaining <= 0) continue
    const at = lot.expires_at.getTime()
    byDate.set(at, (byDate.get(at) ?? 0) + lot.remaining)
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => a - b)
    .map(([at, points]) => ({ points, expires_at: new Date(at).toISOString() }))
}
