import { type ApiClient, unwrap } from './client'
import type { ApiBody, Schemas } from './schema'

export type Reward = Schemas['Reward']
export type RewardType = Reward['type']
export type RewardEligibility = NonNullable<Reward['eligibility']>
export type EligibilityStatus = RewardEligibility['status']
export type RewardInput = ApiBody<'/v1/rewards', 'post'>
export type RewardPatch = ApiBody<'/v1/rewards/{id}', 'patch'>
export type RewardRedemption = Schemas['RewardRedemption']
export type RedemptionStatus = RewardRedemption['status']

export const REWARD_TYPES = [
  'product',
  'coupon',
  'service',
] as const satisfies readonly RewardType[]

export function listRewards(
  api: ApiClient,
  params: { limit?: number; cursor?: string; active?: boolean; member?: string },
  signal?: AbortSignal,
) {
  return unwrap(api.GET('/v1/rewards', { params: { query: { ...params } }, signal }))
}

/** Admin keys; the idempotency key makes a repeated submission create one reward. */
export function createReward(api: ApiClient, input: RewardInput, idempotencyKey: string) {
  return unwrap(
    api.POST('/v1/rewards', { body: input, headers: { 'Idempotency-Key': idempotencyKey } }),
  )
}

export function updateReward(api: ApiClient, id: string, patch: RewardPatch) {
  return unwrap(api.PATCH('/v1/rewards/{id}', { params: { path: { id } }, body: patch }))
}

/** The program's redemptions: `status=pending&order=asc` is the fulfilment queue. */
export function listRewardRedemptions(
  api: ApiClient,
  params: {
    status?: RedemptionStatus
    member?: string
    reward?: string
    order?: 'asc' | 'desc'
    limit?: number
    cursor?: string
  },
  signal?: AbortSignal,
) {
  return unwrap(api.GET('/v1/reward-redemptions', { params: { query: { ...params } }, signal }))
}

export function fulfillRedemption(api: ApiClient, id: string, idempotencyKey: string) {
  return unwrap(
    api.POST('/v1/reward-redemptions/{id}/fulfill', {
      params: { path: { id } },
      body: {},
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  )
}

/** Gives the points and the stock back; `409 redemption_not_pending` once it is closed. */
export function cancelRedemption(api: ApiClient, id: string, idempotencyKey: string) {
  return unwrap(
    api.POST('/v1/reward-redemptions/{id}/cancel', {
      params: { path: { id } },
      body: {},
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  )
}

/** The member's redemptions, newest first. */
export function listMemberRedemptions(
  api: ApiClient,
  member: string,
  params: { status?: RedemptionStatus; limit?: number; cursor?: string },
  signal?: AbortSignal,
) {
  return unwrap(
    api.GET('/v1/members/{member}/reward-redemptions', {
      params: { path: { member }, query: { ...params } },
      signal,
    }),
  )
}
