import { AppError } from '../shared/app-error.js'
import {
  addMonths,
  periodStart as calendarPeriodStart,
  localYear,
  nextPeriodStart,
  zonedMidnight,
} from '../shared/calendar.js'

/** The tier ladder as api.md's `PUT /v1/tiers` describes it. */
export type TierMetric = 'spend' | 'points_earned' | 'growth' | 'orders'
export type TierWindow =
  | { type: 'lifetime' }
  | { type: 'rolling'; months: number }
  | { type: 'calendar_year' }
export type ReviewPeriod = 'month' | 'quarter' | 'year'
export type DowngradePolicy =
  | { type: 'never' }
  | { type: 'period_end'; grace_days?: number; steps?: number; period?: ReviewPeriod }

export interface TierDefinition {
  key: string
  name: string
  threshold: number
  /** The name in English, for the console and portal in English. */
  name_en?: string
  /** The card colour in the portal, `#RRGGBB`. */
  color?: string
}

export interface TierLadder {
  metric: TierMetric
  window: TierWindow
  downgrade: DowngradePolicy
  tiers: TierDefinition[]
}

/** A new program's ladder: one tier that every member starts in. */
export const DEFAULT_TIER_LADDER: TierLadder = {
  metric: 'spend',
  window: { type: 'lifetime' },
  downgrade: { type: 'never' },
  tiers: [{ key: 'member', name: '会员', threshold: 0 }],
}

/** The tier a new member starts in: the one with threshold 0. */
export function entryTier(ladder: TierLadder): TierDefinition {
  const first = ladder.tiers[0]
  if (!first) throw new Error('a tier ladder has at least one tier')
  return first
}

export function tierName(ladder: TierLadder, key: string): string {
  return ladder.tiers.find((t) => t.key === key)?.name ?? key
}

export function tierIndex(ladder: TierLadder, key: string): number {
  return ladder.tiers.findIndex((t) => t.key === key)
}

/** The checks the schema cannot make: thresholds start at 0 and rise strictly; keys unique. */
export function assertLadder(ladder: TierLadder): void {
  const seen = new Set<string>()
  ladder.tiers.forEach((tier, i) => {
    if (seen.has(tier.key)) throw AppError.invalid(`tiers[${i}].key`, `"${tier.key}" appears twice`)
    seen.add(tier.key)
    if (i === 0 && tier.threshold !== 0) throw AppError.invalid('tiers[0].threshold', 'must be 0')
    const previous = ladder.tiers[i - 1]
    if (previous && tier.threshold <= previous.threshold) {
      throw AppError.invalid(`tiers[${i}].threshold`, `must be greater than ${previous.threshold}`)
    }
  })
}

/** A member qualifies for the highest tier whose threshold is at most its metric. */
export function qualifyingTier(ladder: TierLadder, value: number): TierDefinition {
  let best = entryTier(ladder)
  for (const tier of ladder.tiers) if (tier.threshold <= value) best = tier
  return best
}

/** The tier above the member's and what is left to reach it, or null at the top. */
export function nextTier(ladder: TierLadder, currentKey: string, value: number) {
  const next = ladder.tiers[tierIndex(ladder, currentKey) + 1]
  if (!next) return null
  return {
    key: next.key,
    name: next.name,
    threshold: next.threshold,
    remaining: Math.max(next.threshold - value, 0),
  }
}

/**
 * Where a downgrade lands: the qualifying tier, or one step below the current one when
 * `steps: 1` limits it. Never above the current tier (this is not an upgrade).
 */
export function downgradeTarget(
  ladder: TierLadder,
  currentKey: string,
  qualifyingKey: string,
): string {
  const current = tierIndex(ladder, currentKey)
  const qualifying = tierIndex(ladder, qualifyingKey)
  if (current < 0) return qualifyingKey
  if (qualifying >= current) return currentKey
  const steps = ladder.downgrade.type === 'period_end' ? ladder.downgrade.steps : undefined
  const target = steps ? Math.max(current - steps, qualifying) : qualifying
  return (ladder.tiers[target] as TierDefinition).key
}

export interface Range {
  from: Date | null
  /** Null: open at the top, every order or event dated after `from` counts. */
  to: Date | null
}

/** The window that counts toward the metric, ending at `at` (exclusive of `from`, inclusive of `to`). */
export function windowRange(window: TierWindow, at: Date, timeZone: string): Range & { to: Date } {
  if (window.type === 'lifetime') return { from: null, to: at }
  if (window.type === 'rolling') return { from: addMonths(at, -window.months), to: at }
  return {
    from: new Date(zonedMidnight(localYear(at, timeZone), 1, 1, timeZone).getTime() - 1),
    to: at,
  }
}

/**
 * The windows an upgrade looks at now. With calendar years, a tier reached last year is kept
 * through this one, so last year's total counts as well as this year's so far.
 *
 * `live` (an order's or event's upgrade, the member's tier status): the current window is open
 * at the top — to the end of the year for calendar years, without end otherwise — so that every
 * order committed before this one counts, whatever the time it was stamped with (an order dated
 * a little ahead, two servers' clocks, a clock stepped back). Without `live` (a job as of a
 * date) the window ends at `at`.
 */
export function qualifyingRanges(
  window: TierWindow,
  at: Date,
  timeZone: string,
  live = false,
): Range[] {
  const closed = windowRange(window, at, timeZone)
  if (window.type !== 'calendar_year') return [live ? { from: closed.from, to: null } : closed]
  const yearStart = new Date((closed.from as Date).getTime() + 1)
  const yearEnd = new Date(zonedMidnight(localYear(at, timeZone) + 1, 1, 1, timeZone).getTime() - 1)
  const current = live ? { from: closed.from, to: yearEnd } : closed
  return [current, windowRange(window, new Date(yearStart.getTime() - 1), timeZone)]
}

export function reviewPeriod(ladder: TierLadder): ReviewPeriod {
  if (ladder.downgrade.type === 'period_end' && ladder.downgrade.period)
    return ladder.downgrade.period
  return ladder.window.type === 'rolling' ? 'month' : 'year'
}

const DAY_MS = 24 * 60 * 60 * 1000

/** The start of the review period holding `at`, in the program's time zone. */
export function periodStart(period: ReviewPeriod, at: Date, timeZone: string): Date {
  return calendarPeriodStart(period, at, timeZone)
}

/**
 * The most recent period end whose grace has passed by `asOf`: the review a tier-evaluation
 * run as of `asOf` performs. Its key names the period so each is reviewed once per member.
 */
export function dueReview(
  ladder: TierLadder,
  asOf: Date,
  timeZone: string,
): { end: Date; key: string } | null {
  if (ladder.downgrade.type !== 'period_end') return null
  const grace = (ladder.downgrade.grace_days ?? 0) * DAY_MS
  const end = periodStart(reviewPeriod(ladder), new Date(asOf.getTime() - grace), timeZone)
  return { end, key: `${reviewPeriod(ladder)}:${end.toISOString()}` }
}

/** When the member must next meet its tier's threshold, and the threshold: the `retain` block. */
export function retainBy(ladder: TierLadder, currentKey: string, at: Date, timeZone: string) {
  if (ladder.downgrade.type !== 'period_end') return null
  const tier = ladder.tiers[tierIndex(ladder, currentKey)]
  if (!tier || tier.threshold === 0) return null
  const nextStart = nextPeriodStart(reviewPeriod(ladder), at, timeZone)
  const grace = (ladder.downgrade.grace_days ?? 0) * DAY_MS
  return { threshold: tier.threshold, by: new Date(nextStart.getTime() + grace).toISOString() }
}
