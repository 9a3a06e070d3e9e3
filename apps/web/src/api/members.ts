import type { ApiClient } from './client'

export interface MemberTier {
  key: string
  name: string
  since: string
}

export interface Member {
  id: string
  external_id: string
  name: string | null
  phone: string | null
  email: string | null
  /** "YYYY-MM-DD", or "--MM-DD" when the year is unknown. */
  birthday: string | null
  status: string
  joined_at: string
  attributes: Record<string, unknown>
  referral_code: string
  tier: MemberTier
  points: { available: number; pending: number }
  growth: number
  /** Minor currency units, in the program's currency. */
  lifetime_spend: number
  orders_count: number
}

export interface Page<T> {
  data: T[]
  next_cursor: string | null
}

export interface MemberListParams {
  query?: string
  tier?: string
  limit?: number
  cursor?: string
}

export interface PortalSessionLink {
  url: string
  token: string
  expires_at: string
}

export function listMembers(api: ApiClient, params: MemberListParams, signal?: AbortSignal) {
  return api<Page<Member>>('/v1/members', {
    query: { query: params.query, tier: params.tier, limit: params.limit, cursor: params.cursor },
    signal,
  })
}

export function getMember(api: ApiClient, member: string, signal?: AbortSignal) {
  return api<Member>(`/v1/members/${encodeURIComponent(member)}`, { signal })
}

/** A short-lived link that opens the member portal as this member. */
export function createPortalSession(api: ApiClient, member: string) {
  return api<PortalSessionLink>(`/v1/members/${encodeURIComponent(member)}/portal-sessions`, {
    method: 'POST',
    body: {},
  })
}
