import type { TierChangeReason } from '@loyalbase/db'
import { downgradeTarget, qualifyingTier, type TierLadder, tierIndex } from '../ladder/index.js'
/** What the periodic review reads of a member (its row locked). */
export interface ReviewedMember {
  tier_key: string
  tier_since: Date
  tier_overridden: boolean
  tier_override_until: Date | null
  tier_reviewed: string | null
}

/** The member's metric as the review sees it. */
export interface ReviewMetrics {
  /** What qualifies now (`qualifyingMetric` as of the run). */
  now: number
  /**
   * The metric over the window that ends with the review period; only read when the review is
   * due for this member (`reviewDueFor`), so it may be left out otherwise.
   */
  atPeriodEnd?: number
}

export interface ReviewOutcome {
  /** A move to another tier, with its reason and what becomes of an override. */
  change?: {
    to: string
    reason: TierChangeReason
    /** `false` ends an override (and clears its `until`); absent leaves it as it is. */
    overridden?: false
  }
  /** The review key to store in `tier_reviewed`: the period was reviewed for this member. */
  reviewed?: string
}

/**
 * Whether the period-end review applies to the member in this run: not yet reviewed for the
 * period, and in its tier since before the period ended. (Ladder changes, lapsed overrides and
 * upgrades come first; see `reviewOutcome`.)
 */
export function reviewDueFor(
  member: ReviewedMember,
  review: { end: Date; key: string } | null,
): boolean {
  return review !== null && member.tier_reviewed !== review.key && member.tier_since <= review.end
}

/**
 * The periodic review of one member as of `asOf`, given its metrics: a tier the ladder no
 * longer has, a lapsed override, an upgrade the metric earns, and — once per period, after the
 * grace (`review`, from `dueReview`) — a downgrade when the member no longer qualifies. A
 * member keeps its tier if either the finished period's total or what it has done since
 * qualifies it. Pure: the job applies the outcome.
 */
export function reviewOutcome(
  ladder: TierLadder,
  member: ReviewedMember,
  metrics: ReviewMetrics,
  review: { end: Date; key: string } | null,
  asOf: Date,
): ReviewOutcome {
  const qualifying = qualifyingTier(ladder, metrics.now).key
  const current = tierIndex(ladder, member.tier_key)
  if (current < 0) return { change: { to: qualifying, reason: 'ladder_change' } }
  if (member.tier_overridden) {
    if (!member.tier_override_until || member.tier_override_until > asOf) return {}
    return { change: { to: qualifying, reason: 'override_expired', overridden: false } }
  }
  const top = ladder.tiers.length - 1
  if (ladder.tiers.length >= 2 && current !== top && tierIndex(ladder, qualifying) > current) {
    return { change: { to: qualifying, reason: 'upgrade', overridden: false } }
  }
  if (!review || !reviewDueFor(member, review)) return {}
  if (metrics.atPeriodEnd === undefined) throw new Error('the review needs the period-end metric')
  const best = qualifyingTier(ladder, Math.max(metrics.atPeriodEnd, metrics.now)).key
  const target = downgradeTarget(ladder, member.tier_key, best)
  if (target === member.tier_key) return { reviewed: review.key }
  return { reviewed: review.key, change: { to: target, reason: 'downgrade' } }
}
