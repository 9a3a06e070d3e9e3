import { type ApiClient, unwrap } from './client'
import type { ApiQuery, ApiResponse, Schemas } from './schema'

export type { Page } from './schema'

export type Member = Schemas['Member']
export type MemberTier = Member['tier']
export type MemberListParams = ApiQuery<'/v1/members', 'get'>
export type PortalSessionLink = ApiResponse<'/v1/members/{member}/portal-sessions', 'post', 201>

export function listMembers(api: ApiClient, params: MemberListParams, signal?: AbortSignal) {
  const { query, tier, limit, cursor } = params
  return unwrap(
    api.GET('/v1/members', { params: { query: { query, tier, limit, cursor } }, signal }),
  )
}

export function getMember(api: ApiClient, member: string, signal?: AbortSignal) {
  return unwrap(api.GET('/v1/members/{member}', { params: { path: { member } }, signal }))
}

/** A short-lived link that opens the member portal as this member. */
export function createPortalSession(api: ApiClient, member: string) {
  return unwrap(
    api.POST('/v1/members/{member}/portal-sessions', { params: { path: { member } }, body: {} }),
  )
}
