import { type ApiClient, unwrap } from './client'
import type { ApiBody, ApiResponse, Schemas } from './schema'

export type TierLadder = Schemas['TierLadder']
export type Tier = TierLadder['tiers'][number]
export type TierMetric = TierLadder['metric']
export type TierWindow = TierLadder['window']
export type TierDowngrade = TierLadder['downgrade']
export type ReviewPeriod = NonNullable<Extract<TierDowngrade, { type: 'period_end' }>['period']>

export const TIER_METRICS = [
  'spend',
  'points_earned',
  'growth',
  'orders',
] as const satisfies readonly TierMetric[]

/** Tier keys: a lowercase letter, then up to 31 of `a-z 0-9 _ -`. */
export const TIER_KEY_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/

/** The saved ladder, with the background job run that re-evaluates every member against it. */
export type SavedTierLadder = ApiResponse<'/v1/tiers', 'put'>

export type TierDistribution = ApiResponse<'/v1/tiers/distribution', 'get'>

/** Why a member's tier changed (`metric.type` and `reason` are open strings in the contract). */
export type TierChangeReason =
  | 'upgrade'
  | 'downgrade'
  | 'override'
  | 'override_expired'
  | 'ladder_change'

/** A member's tier, what qualifies it, what is next and what keeps it. */
export type MemberTierStatus = ApiResponse<'/v1/members/{member}/tier', 'get'>
export type TierHistoryEntry = MemberTierStatus['history'][number]

export type TierOverrideInput = ApiBody<'/v1/members/{member}/tier', 'put'>

export function getTierLadder(api: ApiClient, signal?: AbortSignal) {
  return unwrap(api.GET('/v1/tiers', { signal }))
}

/** Admin keys only. Starts a re-evaluation of every member (see `reevaluation`). */
export function saveTierLadder(api: ApiClient, ladder: TierLadder) {
  return unwrap(api.PUT('/v1/tiers', { body: ladder }))
}

export function getTierDistribution(api: ApiClient, signal?: AbortSignal) {
  return unwrap(api.GET('/v1/tiers/distribution', { signal }))
}

export function getMemberTier(api: ApiClient, member: string, signal?: AbortSignal) {
  return unwrap(api.GET('/v1/members/{member}/tier', { params: { path: { member } }, signal }))
}

/** Sets the member's tier by hand (admin keys), audited with the reason. */
export function overrideMemberTier(api: ApiClient, member: string, input: TierOverrideInput) {
  return unwrap(api.PUT('/v1/members/{member}/tier', { params: { path: { member } }, body: input }))
}
