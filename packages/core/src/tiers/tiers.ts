/** The tier ladder as api.md's `PUT /v1/tiers` describes it. */
export type TierMetric = 'spend' | 'points_earned' | 'growth' | 'orders'
export type TierWindow =
  | { type: 'lifetime' }
  | { type: 'rolling'; months: number }
  | { type: 'calendar_year' }
export type DowngradePolicy =
  | { type: 'never' }
  | { type: 'period_end'; grace_days?: number; steps?: number }

export interface TierDefinition {
  key: string
  name: string
  threshold: number
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
