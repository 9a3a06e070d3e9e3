import type { ApiClient } from './client'
import type { Member } from './members'

export interface PortalProgram {
  id: string
  name: string
  currency: string
  locale: string
}

export interface PortalMe {
  member: Member
  program: PortalProgram
}

/** Called with a portal session token (`lb_ps_…`), never a program key. */
export function getPortalMe(api: ApiClient, signal?: AbortSignal) {
  return api<PortalMe>('/v1/portal/me', { signal })
}
