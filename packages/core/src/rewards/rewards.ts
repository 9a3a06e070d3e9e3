import type { RewardRedemptionRow, RewardRow } from '@loyalbase/db'

/*
 * The rewards catalog's pure parts (docs/rewards.md): the shapes of rewards and redemptions,
 * and the one rule that says whether a member may redeem a reward now — used both to refuse a
 * redemption and to show each reward's state in the catalog, so the two never disagree.
 */

export type RewardType = 'product' | 'coupon' | 'service'
export type RedemptionStatus = 'pending' | 'fulfilled' | 'cancelled'

export interface RewardInput {
  name: string
  type: RewardType
  points_cost: number
  cash_cost?: number
  stock?: number | null
  tiers?: string[]
  per_member_limit?: number | null
  coupon_template?: string
  description?: string | null
  image_url?: string | null
  active?: boolean
}

export interface RewardPatch {
  name?: string
  description?: string | null
  image_url?: string | null
  points_cost?: number
  cash_cost?: number
  stock?: number | null
  tiers?: string[]
  per_member_limit?: number | null
  active?: boolean
}

/**
 * What one redemption of a reward (quantity 1) would answer for a member now, most final
 * reason first: `inactive`, `tier_required`, `limit_reached`, `out_of_stock`,
 * `insufficient_points`, else `available`.
 */
export type EligibilityStatus =
  | 'available'
  | 'insufficient_points'
  | 'tier_required'
  | 'out_of_stock'
  | 'limit_reached'
  | 'inactive'

export interface RewardEligibility {
  status: EligibilityStatus
  /** The member's available points. */
  points_available: number
  /** Points the member lacks for one; 0 when it has enough. */
  points_short: number
  /** Quantities of the member's redemptions of it that are not cancelled. */
  redeemed_by_member: number
  /** What the member may still redeem under per_member_limit; null: no limit. */
  limit_remaining: number | null
}

export interface RewardResource {
  id: string
  name: string
  description: string | null
  image_url: string | null
  type: RewardType
  points_cost: number
  cash_cost: number
  stock: number | null
  stock_remaining: number | null
  redeemed: number
  tiers: string[]
  per_member_limit: number | null
  coupon_template: string | null
  active: boolean
  created_at: string
  updated_at: string
  eligibility?: RewardEligibility
}

export interface RedemptionCoupon {
  id: string
  code: string
}

export interface RedemptionResource {
  id: string
  reward: string
  reward_name: string
  reward_type: RewardType
  member: string
  quantity: number
  status: RedemptionStatus
  points_spent: number
  cash_cost: number
  transaction: string
  coupon: RedemptionCoupon | null
  coupons: RedemptionCoupon[]
  note: string | null
  created_at: string
  fulfilled_at: string | null
  cancelled_at: string | null
}

export function presentReward(row: RewardRow, eligibility?: RewardEligibility): RewardResource {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    image_url: row.image_url,
    type: row.type,
    points_cost: row.points_cost,
    cash_cost: row.cash_cost,
    stock: row.stock,
    stock_remaining: row.stock_remaining,
    redeemed: row.redeemed,
    tiers: row.tiers,
    per_member_limit: row.per_member_limit,
    coupon_template: row.coupon_template_id,
    active: row.active,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    ...(eligibility ? { eligibility } : {}),
  }
}

export type RedemptionWithReward = RewardRedemptionRow & {
  reward_name: string
  reward_type: RewardType
}

export function presentRedemption(row: RedemptionWithReward): RedemptionResource {
  return {
    id: row.id,
    reward: row.reward_id,
    reward_name: row.reward_name,
    reward_type: row.reward_type,
    member: row.member_id,
    quantity: row.quantity,
    status: row.status,
    points_spent: row.points_spent,
    cash_cost: row.cash_cost,
    transaction: row.transaction_id,
    coupon: row.coupons[0] ?? null,
    coupons: row.coupons,
    note: row.note,
    created_at: row.created_at.toISOString(),
    fulfilled_at: row.fulfilled_at ? row.fulfilled_at.toISOString() : null,
    cancelled_at: row.cancelled_at ? row.cancelled_at.toISOString() : null,
  }
}

/** The parts of a reward the eligibility rule reads. */
export type RewardTerms = Pick<
  RewardRow,
  'active' | 'tiers' | 'per_member_limit' | 'stock_remaining' | 'points_cost'
>

export interface RedeemingMember {
  tier_key: string
  points_available: number
}

/**
 * Whether `member`, who already took `taken` of the reward (redemptions not cancelled), may
 * redeem `quantity` more now. Stock read here is a snapshot: the redemption's own conditional
 * update is what finally holds it.
 */
export function eligibilityOf(
  reward: RewardTerms,
  member: RedeemingMember,
  taken: number,
  quantity = 1,
): RewardEligibility {
  const cost = reward.points_cost * quantity
  const limitRemaining =
    reward.per_member_limit === null ? null : Math.max(reward.per_member_limit - taken, 0)
  const status: EligibilityStatus = !reward.active
    ? 'inactive'
    : reward.tiers.length > 0 && !reward.tiers.includes(member.tier_key)
      ? 'tier_required'
      : limitRemaining !== null && limitRemaining < quantity
        ? 'limit_reached'
        : reward.stock_remaining !== null && reward.stock_remaining < quantity
          ? 'out_of_stock'
          : member.points_available < cost
            ? 'insufficient_points'
            : 'available'
  return {
    status,
    points_available: member.points_available,
    points_short: Math.max(cost - member.points_available, 0),
    redeemed_by_member: taken,
    limit_remaining: limitRemaining,
  }
}

/**
 * The stock left when the operator sets `stock` on a reward of which `redeemed` are taken:
 * what was set less what is taken, never below 0 (null: unlimited).
 */
export function stockRemainingFor(stock: number | null, redeemed: number): number | null {
  return stock === null ? null : Math.max(stock - redeemed, 0)
}

/** Checks a tier list against the ladder's keys; the first unknown key, if any. */
export function unknownTier(tiers: readonly string[], ladder: readonly string[]): string | null {
  return tiers.find((key) => !ladder.includes(key)) ?? null
}
