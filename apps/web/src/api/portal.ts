import type { ApiClient } from './client'
import type { Member, Page } from './members'
import type { PointsBalance, PointTransaction } from './points'
import type { MemberTierStatus, Tier, TierMetric } from './tiers'

export interface PortalProgram {
  id: string
  name: string
  currency: string
  locale: string
  /** The zone the engine counts days in; dates show in it. (Older servers omit it.) */
  timezone?: string
}

export interface PortalMe {
  member: Member
  program: PortalProgram
}

/** Called with a portal session token (`lb_ps_…`), never a program key. */
export function getPortalMe(api: ApiClient, signal?: AbortSignal) {
  return api<PortalMe>('/v1/portal/me', { signal })
}

/** The session member's balance, pending points and what expires when. */
export function getPortalPoints(api: ApiClient, signal?: AbortSignal) {
  return api<PointsBalance>('/v1/portal/points', { signal })
}

/** The session member's points history, newest first. */
export function listPortalPointTransactions(
  api: ApiClient,
  params: { limit?: number; cursor?: string },
  signal?: AbortSignal,
) {
  return api<Page<PointTransaction>>('/v1/portal/points/transactions', {
    query: { limit: params.limit, cursor: params.cursor },
    signal,
  })
}

/** The session member's tier, progress and what keeps it, with the whole ladder. */
export interface PortalTierStatus extends MemberTierStatus {
  ladder: Tier[]
  metric_type: TierMetric | string
}

export function getPortalTier(api: ApiClient, signal?: AbortSignal) {
  return api<PortalTierStatus>('/v1/portal/tier', { signal })
}
