import type { ApiClient } from './client'
import type { Page } from './members'

export const POINT_TRANSACTION_TYPES = [
  'earn',
  'release',
  'redeem',
  'expire',
  'reverse',
  'adjust',
] as const

export type PointTransactionType = (typeof POINT_TRANSACTION_TYPES)[number]

/** What moved the points: `order`, `refund`, `event`, `adjustment`, `redemption`, `job`, … */
export interface PointSource {
  kind: string
  id: string
}

export interface PointTransaction {
  id: string
  type: PointTransactionType
  /** Signed: positive adds, negative takes away. */
  points: number
  /** Available points after this entry. */
  balance_after: number
  source: PointSource
  rule_id?: string
  expires_at?: string
  note?: string
  created_at: string
}

export interface PointsExpiring {
  points: number
  expires_at: string
}

export interface PointsBalance {
  available: number
  pending: number
  /** Every future expiry of available points, soonest first. */
  expiring: PointsExpiring[]
  /** Positive totals; `adjusted` is net. */
  lifetime: {
    earned: number
    redeemed: number
    expired: number
    reversed: number
    adjusted: number
  }
}

export interface PointLot {
  id: string
  status: 'available' | 'pending'
  earned: number
  remaining: number
  earned_at: string
  expires_at: string | null
  source: PointSource
  rule: { id: string; name: string } | null
}

export interface PointsExplanation {
  available: number
  pending: number
  /** Oldest first. */
  lots: PointLot[]
}

export interface PointsAdjustment {
  /** Non-zero integer: positive credits, negative debits. */
  points: number
  reason: string
}

const memberPath = (member: string) => `/v1/members/${encodeURIComponent(member)}/points`

export function getMemberPoints(api: ApiClient, member: string, signal?: AbortSignal) {
  return api<PointsBalance>(memberPath(member), { signal })
}

export function listMemberPointTransactions(
  api: ApiClient,
  member: string,
  params: { limit?: number; cursor?: string },
  signal?: AbortSignal,
) {
  return api<Page<PointTransaction>>(`${memberPath(member)}/transactions`, {
    query: { limit: params.limit, cursor: params.cursor },
    signal,
  })
}

export function explainMemberPoints(api: ApiClient, member: string, signal?: AbortSignal) {
  return api<PointsExplanation>(`${memberPath(member)}/explain`, { signal })
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
  return api<PointTransaction>(`${memberPath(member)}/adjustments`, {
    method: 'POST',
    body: adjustment,
    headers: { 'Idempotency-Key': idempotencyKey },
  })
}
