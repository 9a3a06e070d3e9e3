import type { ExpiryPolicy } from '../programs/programs.js'

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
function zoneOffset(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant)
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  )
  return wall - Math.floor(instant.getTime() / 1000) * 1000
}

/** The instant of midnight starting `year-month-day` on the wall clock of `timeZone`. */
export function zonedMidnight(year: number, month: number, day: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day)
  let instant = guess - zoneOffset(new Date(guess), timeZone)
  // A second pass settles instants near a daylight-saving change.
  instant = guess - zoneOffset(new Date(instant), timeZone)
  return new Date(instant)
}

export function zonedYear(instant: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(instant))
}

/** Adds calendar months, keeping the day where the month has it (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(instant: Date, months: number): Date {
  const d = new Date(instant)
  const day = d.getUTCDate()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() + months)
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()
  d.setUTCDate(Math.min(day, lastDay))
  return d
}

/**
 * When points earned at `earnedAt` expire: never; `months` later (rolling); or at the end of
 * the earn year + `years_after` in the program's time zone (annual).
 */
export function expiryFor(policy: ExpiryPolicy, earnedAt: Date, timeZone: string): Date | null {
  if (policy.type === 'none') return null
  if (policy.type === 'rolling') return addMonths(earnedAt, policy.months)
  const year = zonedYear(earnedAt, timeZone) + policy.years_after + 1
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
