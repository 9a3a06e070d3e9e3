import { type ApiClient, unwrap } from './client'
import type { ApiBody, ApiResponse, Schemas } from './schema'

export type Advisor = Schemas['Advisor']
export type AdvisorContact = Schemas['AdvisorContact']
export type AdvisorInput = ApiBody<'/v1/advisors', 'post'>
export type AdvisorPatch = ApiBody<'/v1/advisors/{id}', 'patch'>
export type AdvisorMembersPage = ApiResponse<'/v1/advisors/{id}/members', 'get'>
export type AdvisorMember = AdvisorMembersPage['data'][number]

export function listAdvisors(
  api: ApiClient,
  params: { limit?: number; cursor?: string },
  signal?: AbortSignal,
) {
  return unwrap(api.GET('/v1/advisors', { params: { query: { ...params } }, signal }))
}

/** Admin keys; the idempotency key makes a repeated submission add one advisor. */
export function createAdvisor(api: ApiClient, input: AdvisorInput, idempotencyKey: string) {
  return unwrap(
    api.POST('/v1/advisors', { body: input, headers: { 'Idempotency-Key': idempotencyKey } }),
  )
}

export function updateAdvisor(api: ApiClient, id: string, patch: AdvisorPatch) {
  return unwrap(api.PATCH('/v1/advisors/{id}', { params: { path: { id } }, body: patch }))
}

export async function deleteAdvisor(api: ApiClient, id: string): Promise<void> {
  await unwrap(api.DELETE('/v1/advisors/{id}', { params: { path: { id } } }))
}

export function listAdvisorMembers(
  api: ApiClient,
  id: string,
  params: { limit?: number; cursor?: string },
  signal?: AbortSignal,
) {
  return unwrap(
    api.GET('/v1/advisors/{id}/members', {
      params: { path: { id }, query: { ...params } },
      signal,
    }),
  )
}

/** The portal member's advisor, or null. */
export function getPortalAdvisor(api: ApiClient, signal?: AbortSignal) {
  return unwrap(api.GET('/v1/portal/advisor', { signal }))
}
