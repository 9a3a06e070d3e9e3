import { type ApiClient, unwrap } from './client'
import type { ApiQuery, ApiResponse } from './schema'

/** The session's member and program. Called with a portal session token (`lb_ps_…`). */
export type PortalMe = ApiResponse<'/v1/portal/me', 'get'>
export type PortalProgram = PortalMe['program']

/** The session member's coupons, each with its template's terms (what it does). */
export type PortalCoupon = ApiResponse<'/v1/portal/coupons', 'get'>['data'][number]
export type PortalCouponStatus = NonNullable<ApiQuery<'/v1/portal/coupons', 'get'>['status']>

/** The session member's tier, progress and what keeps it, with the whole ladder. */
export type PortalTierStatus = ApiResponse<'/v1/portal/tier', 'get'>

export function getPortalMe(api: ApiClient, signal?: AbortSignal) {
  return unwrap(api.GET('/v1/portal/me', { signal }))
}

/** The session member's balance, pending points and what expires when. */
export function getPortalPoints(api: ApiClient, signal?: AbortSignal) {
  return unwrap(api.GET('/v1/portal/points', { signal }))
}

/** The session member's points history, newest first. */
export function listPortalPointTransactions(
  api: ApiClient,
  params: { limit?: number; cursor?: string },
  signal?: AbortSignal,
) {
  return unwrap(
    api.GET('/v1/portal/points/transactions', {
      params: { query: { limit: params.limit, cursor: params.cursor } },
      signal,
    }),
  )
}

export function getPortalTier(api: ApiClient, signal?: AbortSignal) {
  return unwrap(api.GET('/v1/portal/tier', { signal }))
}

/** The session member's coupons of a status (`active`: usable now or later), latest first. */
export function listPortalCoupons(
  api: ApiClient,
  params: { status?: PortalCouponStatus; limit?: number; cursor?: string },
  signal?: AbortSignal,
) {
  return unwrap(api.GET('/v1/portal/coupons', { params: { query: { ...params } }, signal }))
}

/** The rewards mall: active rewards, each with its `eligibility` for the session member. */
export type PortalReward = ApiResponse<'/v1/portal/rewards', 'get'>['data'][number]
export type PortalRedemption = ApiResponse<'/v1/portal/reward-redemptions', 'get'>['data'][number]

export function listPortalRewards(
  api: ApiClient,
  params: { limit?: number; cursor?: string },
  signal?: AbortSignal,
) {
  return unwrap(api.GET('/v1/portal/rewards', { params: { query: { ...params } }, signal }))
}

/** Redeems one of a reward with the session member's points; the key makes a retry safe. */
export function redeemPortalReward(api: ApiClient, reward: string, idempotencyKey: string) {
  return unwrap(
    api.POST('/v1/portal/reward-redemptions', {
      body: { reward },
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  )
}

export function listPortalRedemptions(
  api: ApiClient,
  params: { limit?: number; cursor?: string },
  signal?: AbortSignal,
) {
  return unwrap(
    api.GET('/v1/portal/reward-redemptions', { params: { query: { ...params } }, signal }),
  )
}
