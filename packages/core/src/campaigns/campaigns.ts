import { createHash } from 'node:crypto'
import type { CampaignRow } from '@loyalbase/db'
import tQuantile from '@stdlib/stats-base-dists-t-quantile'
import { birthdayIn, isLeapYear } from '../shared/calendar.js'

/*
 * Campaigns' pure parts (docs/campaigns.md): the trigger and reward types, the holdout split,
 * which birthdays a day celebrates, what a reward costs against the budget, and the report's
 * statistics — the uplift's 95 % interval by Welch and the verdict drawn from it.
 */

export type CampaignTrigger =
  | { type: 'member_joined' }
  | { type: 'birthday'; days_before?: number }
  | { type: 'tier_upgraded'; tier?: string }
  | { type: 'inactive'; days: number }
  | { type: 'scheduled'; at: string; segment: string }

export type CampaignReward =
  | { type: 'coupon'; template: string }
  | { type: 'points'; points: number }

export interface CampaignBudget {
  max_rewards?: number | null
  max_cost?: number | null
}

export interface CampaignInput {
  name: string
  trigger: CampaignTrigger
  reward: CampaignReward
  budget?: CampaignBudget
  holdout_percent?: number
  starts_at?: string
  ends_at?: string | null
}

export interface CampaignPatch {
  name?: string
  active?: boolean
  budget?: CampaignBudget
  ends_at?: string | null
}

export interface CampaignResource {
  id: string
  name: string
  trigger: CampaignTrigger
  reward: CampaignReward
  budget: { max_rewards: number | null; max_cost: number | null }
  holdout_percent: number
  starts_at: string
  ends_at: string | null
  active: boolean
  /** The budget used so far: rewards given and their cost at issue (minor units). */
  used: { rewards: number; cost: number }
  created_at: string
  updated_at: string
}

export function presentCampaign(row: CampaignRow): CampaignResource {
  return {
    id: row.id,
    name: row.name,
    trigger: row.trigger as CampaignTrigger,
    reward: row.reward as CampaignReward,
    budget: { max_rewards: row.max_rewards, max_cost: row.max_cost },
    holdout_percent: Number(row.holdout_percent),
    starts_at: row.starts_at.toISOString(),
    ends_at: row.ends_at ? row.ends_at.toISOString() : null,
    active: row.active,
    used: { rewards: row.rewards_issued, cost: row.cost },
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  }
}

// ---------------------------------------------------------------------------------------------
// Holdout

/** Buckets of the holdout split: a percentage with two decimals picks whole buckets. */
export const HOLDOUT_BUCKETS = 10_000

/**
 * The member's bucket in the campaign, 0 to 9,999: the first 32 bits of
 * md5(`campaign:member`) modulo 10,000. The same in SQL (campaigns.repository.ts), so a member
 * lands in the same group whoever assigns it, and in independent groups across campaigns.
 */
export function holdoutBucket(campaignId: string, memberId: string): number {
  const hex = createHash('md5').update(`${campaignId}:${memberId}`).digest('hex').slice(0, 8)
  return Number.parseInt(hex, 16) % HOLDOUT_BUCKETS
}

/** Buckets below this are held out: `holdout_percent` % of them. */
export function holdoutCut(holdoutPercent: number): number {
  return Math.round(holdoutPercent * (HOLDOUT_BUCKETS / 100))
}

export function isHeldOut(campaignId: string, memberId: string, holdoutPercent: number): boolean {
  return holdoutBucket(campaignId, memberId) < holdoutCut(holdoutPercent)
}

// ---------------------------------------------------------------------------------------------
// Birthdays

/**
 * The birthdays (`MM-DD`) a birthday campaign rewards on the local date `today`, `days_before`
 * ahead of them, and the occasion (`birthday:YEAR`, the year of the birthday rewarded) that
 * makes it once a year. A 29 February birthday is rewarded as 28 February in other years.
 */
export function birthdaysOn(
  today: string,
  daysBefore: number,
): { days: string[]; occasion: string } {
  const target = new Date(`${today}T00:00:00Z`)
  target.setUTCDate(target.getUTCDate() + daysBefore)
  const year = target.getUTCFullYear()
  const date = target.toISOString().slice(0, 10)
  const days = [date.slice(5)]
  if (date.slice(5) === '02-28' && !isLeapYear(year)) days.push('02-29')
  // Every day listed is one whose birthday falls on the target date this year.
  return {
    days: days.filter((day) => birthdayIn(year, `--${day}`) === date),
    occasion: `birthday:${year}`,
  }
}

// ---------------------------------------------------------------------------------------------
// Budget

/**
 * What a reward counts against `max_cost`, in minor units, when it is given: points at their
 * value at checkout (`redeem_rate`), a coupon at the most it can take off (`amount_off`, or a
 * percentage's `max_amount`). A coupon with no such bound (free shipping, an uncapped
 * percentage) has no cost known in advance: `null`, and such a campaign may not set `max_cost`.
 */
export function rewardCostAtIssue(
  reward: CampaignReward,
  couponDiscount: { type: string; amount_off?: number; max_amount?: number | null } | null,
  pointsValueOf: (points: number) => number,
): number | null {
  if (reward.type === 'points') return pointsValueOf(reward.points)
  if (!couponDiscount) return null
  if (couponDiscount.type === 'amount') return couponDiscount.amount_off ?? null
  if (couponDiscount.type === 'percent') return couponDiscount.max_amount ?? null
  return null
}

// ---------------------------------------------------------------------------------------------
// Report statistics

/** A group's revenue per member: how many, the mean, and the sample variance. */
export interface GroupStats {
  n: number
  mean: number
  variance: number
}

/** From a group's count, sum and sum of squares (what SQL hands back). */
export function groupStats(n: number, sum: number, sumOfSquares: number): GroupStats {
  if (n === 0) return { n: 0, mean: 0, variance: 0 }
  const mean = sum / n
  const variance = n > 1 ? Math.max(0, (sumOfSquares - (sum * sum) / n) / (n - 1)) : 0
  return { n, mean, variance }
}

/** Members each group needs before the report draws a conclusion. */
export const MIN_GROUP = 30

export type Verdict = 'effective' | 'no_significant_difference' | 'negative' | 'too_few_members'

export interface Uplift {
  /** Treated mean less holdout mean. */
  uplift: number
  /** Its 95 % confidence interval (Welch), or null when a group is too small to have one. */
  interval: [number, number] | null
  verdict: Verdict
}

/**
 * The difference of the two means and its 95 % confidence interval by Welch's t: standard error
 * √(s₁²/n₁ + s₂²/n₂), degrees of freedom by Welch–Satterthwaite, the t quantile from stdlib. The
 * verdict: `too_few_members` when a group has fewer than MIN_GROUP members; `effective` when the
 * whole interval lies above zero; `negative` when it lies below (the campaign lost revenue);
 * else `no_significant_difference`.
 */
export function welchUplift(treated: GroupStats, holdout: GroupStats, level = 0.95): Uplift {
  const uplift = treated.mean - holdout.mean
  if (treated.n < 2 || holdout.n < 2) {
    return { uplift, interval: null, verdict: 'too_few_members' }
  }
  const a = treated.variance / treated.n
  const b = holdout.variance / holdout.n
  const se = Math.sqrt(a + b)
  let half = 0
  if (se > 0) {
    const df = (a + b) ** 2 / (a ** 2 / (treated.n - 1) + b ** 2 / (holdout.n - 1))
    half = tQuantile(1 - (1 - level) / 2, df) * se
  }
  const interval: [number, number] = [uplift - half, uplift + half]
  let verdict: Verdict = 'no_significant_difference'
  if (treated.n < MIN_GROUP || holdout.n < MIN_GROUP) verdict = 'too_few_members'
  else if (interval[0] > 0) verdict = 'effective'
  else if (interval[1] < 0) verdict = 'negative'
  return { uplift, interval, verdict }
}
