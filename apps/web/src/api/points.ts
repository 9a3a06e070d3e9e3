import { type ApiClient, unwrap } from './client'
import type { ApiBody, ApiResponse, Schemas } from './schema'

export type PointTransaction = Schemas['PointTransaction']
export type PointTransactionType = PointTransaction['type']

export const POINT_TRANSACTION_TYPES = [
  'earn',
  'release',
  'redeem',
  'expire',
  'reverse',
  'adjust',
] as const satisfies readonly PointTransactionType[]

/** What moved the points: `order`, `refund`, `event`, `adjustment`, `redemption`, `job`, … */
export type PointSource = PointTransaction['source']

/** Available and pending points, every future expiry (soonest first) and lifetime totals. */
export type PointsBalance = ApiResponse<'/v1/members/{member}/points', 'get'>
export type PointsExpiring = PointsBalance['expiring'][number]

/** The member's lots, oldest first: what makes up the balance. */
export type PointsExplanation = ApiResponse<'/v1/members/{member}/points/explain', 'get'>
export type PointLot = PointsExplanation['lots'][number]

/** `points`: a non-zero integer, positive credits, negative debits; `reason` is required. */
export type PointsAdjustment = ApiBody<'/v1/members/{member}/points/adjustments', 'post'>

export function getMemberPoints(api: ApiClient, member: string, signal?: AbortSignal) {
  return unwrap(api.GET('/v1/members/{member}/points', { params: { path: { member } }, signal }))
}

export function listMemberPointTransactions(
  api: ApiClient,
  member: string,
  params: { limit?: number; cursor?: string },
  signal?: AbortSignal,
) {
  return unwrap(
    api.GET('/v1/members/{member}/points/transactions', {
      params: { path: { member }, query: { limit: params.limit, cursor: params.cursor } },
      signal,
    }),
  )
}

export function explainMemberPoints(api: ApiClient, member: string, signal?: AbortSignal) {
  return unwrap(
    api.GET('/v1/members/{member}/points/explain', { params: { path: { member } }, signal }),
  )
}

/**
 * Credits or debits points by hand (admin keys). The idempotency key makes a repeated
 * submission of the same form apply once; `422 insufficient_points` when a debit is too big.
 */
export function adjustMemberPoints(
  api: ApiClient,
  member: string,
  adjustment: PointsAdjustment,
  idempotencyKey: string,
) {
  return unwrap(
    api.POST('/v1/members/{member}/points/adjustments', {
      params: { path: { member } },
      body: adjustment,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  )
}
