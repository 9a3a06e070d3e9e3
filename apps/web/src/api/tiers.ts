import type { ApiClient } from './client'

export type TierMetric = 'spend' | 'points_earned' | 'growth' | 'orders'

export const TIER_METRICS: readonly TierMetric[] = ['spend', 'points_earned', 'growth', 'orders']

export type TierWindow =
  | { type: 'lifetime' }
  | { type: 'rolling'; months: number }
  | { type: 'calendar_year' }

export type ReviewPeriod = 'month' | 'quarter' | 'year'

export type TierDowngrade =
  | { type: 'never' }
  | { type: 'period_end'; grace_days?: number; steps?: number; period?: ReviewPeriod }

export interface Tier {
  key: string
  name: string
  threshold: number
  /** The name in the English UI. */
  name_en?: string
  /** `#RRGGBB`, the portal card's and the console's tag colour. */
  color?: string
}

/** Tier keys: a lowercase letter, then up to 31 of `a-z 0-9 _ -`. */
export const TIER_KEY_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/

export interface TierLadder {
  metric: TierMetric
  window: TierWindow
  downgrade: TierDowngrade
  tiers: Tier[]
}

export interface SavedTierLadder extends TierLadder {
  /** The background job run that re-evaluates every member against the new ladder. */
  reevaluation: { job: string; run_id: string }
}

export interface TierDistribution {
  tiers: { key: string; name: string; count: number }[]
}

export type TierChangeReason =
  | 'upgrade'
  | 'downgrade'
  | 'override'
  | 'override_expired'
  | 'ladder_change'

export interface TierHistoryEntry {
  /** Tier keys (a tier the ladder no longer has keeps its key). */
  from: string
  to: string
  at: string
  reason: TierChangeReason | string
  note?: string
}

/** A member's tier, what qualifies it, what is next and what keeps it. */
export interface MemberTierStatus {
  tier: { key: string; name: string }
  since: string
  metric: { type: TierMetric | string; value: number }
  next: { key: string; name: string; threshold: number; remaining: number } | null
  retain: { threshold: number; by: string } | null
  override: { until: string | null } | null
  history: TierHistoryEntry[]
}

export interface TierOverrideInput {
  tier: string
  until?: string
  reason: string
}

export function getTierLadder(api: ApiClient, signal?: AbortSignal) {
  return api<TierLadder>('/v1/tiers', { signal })
}

/** Admin keys only. Starts a re-evaluation of every member (see `reevaluation`). */
export function saveTierLadder(api: ApiClient, ladder: TierLadder) {
  return api<SavedTierLadder>('/v1/tiers', { method: 'PUT', body: ladder })
}

export function getTierDistribution(api: ApiClient, signal?: AbortSignal) {
  return api<TierDistribution>('/v1/tiers/distribution', { signal })
}

export function getMemberTier(api: ApiClient, member: string, signal?: AbortSignal) {
  return api<MemberTierStatus>(`/v1/members/${encodeURIComponent(member)}/tier`, { signal })
}

/** Sets the member's tier by hand (admin keys), audited with the reason. */
export function overrideMemberTier(api: ApiClient, member: string, input: TierOverrideInput) {
  return api<MemberTierStatus>(`/v1/members/${encodeURIComponent(member)}/tier`, {
    method: 'PUT',
    body: input,
  })
}
