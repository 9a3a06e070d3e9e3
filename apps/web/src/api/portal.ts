import type { ApiClient } from './client'
import type { Member, Page } from './members'
import type { PointsBalance, PointTransaction } from './points'

export interface PortalProgram {
  id: string
  name: string
  currency: string
  locale: string
  /** Not sent yet; dates then show in the browser's zone. */
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
