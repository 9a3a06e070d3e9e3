import { type ApiClient, unwrap } from './client'
import type { ApiBody, ApiResponse, Schemas } from './schema'

export type Benefit = Schemas['Benefit']
export type BenefitType = Benefit['type']
export type BenefitQuota = NonNullable<Benefit['quota']>
export type QuotaPeriod = BenefitQuota['period']
export type BenefitInput = ApiBody<'/v1/benefits', 'post'>
export type BenefitPatch = ApiBody<'/v1/benefits/{key}', 'patch'>
/** One of a member's benefits with what is left of it this period. */
export type MemberBenefit = ApiResponse<'/v1/members/{member}/benefits', 'get'>[number]
export type MemberBenefitQuota = NonNullable<MemberBenefit['quota']>
export type BenefitUse = ApiResponse<'/v1/members/{member}/benefit-uses', 'get'>['data'][number]
export type BenefitAudit = ApiResponse<'/v1/benefits/{key}/audit', 'get'>
export type UnusedMembersPage = Extract<
  ApiResponse<'/v1/benefits/{key}/audit/unused-members', 'get'>,
  { next_cursor: unknown }
>
/** The portal's view: the member's benefits, each quota with its period. */
export type PortalBenefit = ApiResponse<'/v1/portal/benefits', 'get'>[number]

export const BENEFIT_TYPES = [
  'free_shipping',
  'discount',
  'points_multiplier',
  'early_access',
  'event_invitation',
  'dedicated_service',
  'appointment',
  'custom',
] as const satisfies readonly BenefitType[]

export const QUOTA_PERIODS = ['week', 'month', 'year'] as const satisfies readonly QuotaPeriod[]

export function listBenefits(api: ApiClient, signal?: AbortSignal) {
  return unwrap(api.GET('/v1/benefits', { signal }))
}

/** Admin keys; the idempotency key makes a repeated submission create one benefit. */
export function createBenefit(api: ApiClient, input: BenefitInput, idempotencyKey: string) {
  return unwrap(
    api.POST('/v1/benefits', { body: input, headers: { 'Idempotency-Key': idempotencyKey } }),
  )
}

/** Its name, tiers, quota, config or switch; orders and quotes use the change at once. */
export function updateBenefit(api: ApiClient, key: string, patch: BenefitPatch) {
  return unwrap(api.PATCH('/v1/benefits/{key}', { params: { path: { key } }, body: patch }))
}

export function deleteBenefit(api: ApiClient, key: string) {
  return unwrap(api.DELETE('/v1/benefits/{key}', { params: { path: { key } } }))
}

/** The delivery audit of a benefit for the period holding `periodStart` (default now). */
export function auditBenefit(
  api: ApiClient,
  key: string,
  periodStart: string | undefined,
  signal?: AbortSignal,
) {
  return unwrap(
    api.GET('/v1/benefits/{key}/audit', {
      params: { path: { key }, query: { period_start: periodStart } },
      signal,
    }),
  )
}

/** The entitled members who have not used the benefit in the period, a page at a time. */
export function listUnusedMembers(
  api: ApiClient,
  key: string,
  params: { period_start?: string; limit?: number; cursor?: string },
  signal?: AbortSignal,
): Promise<UnusedMembersPage> {
  return unwrap(
    api.GET('/v1/benefits/{key}/audit/unused-members', {
      params: { path: { key }, query: { ...params } },
      signal,
    }),
  ) as Promise<UnusedMembersPage>
}

/** All of them as CSV; the key is a header, so not a plain link. */
export async function exportUnusedMembers(api: ApiClient, key: string, periodStart?: string) {
  const { data } = await api.GET('/v1/benefits/{key}/audit/unused-members', {
    params: { path: { key }, query: { period_start: periodStart, format: 'csv' } },
    parseAs: 'blob',
  })
  return data as unknown as Blob
}

export function listMemberBenefits(api: ApiClient, member: string, signal?: AbortSignal) {
  return unwrap(api.GET('/v1/members/{member}/benefits', { params: { path: { member } }, signal }))
}

/** One use of a member's benefit; `403 tier_required`, `422 quota_exhausted`. */
export function recordBenefitUse(
  api: ApiClient,
  member: string,
  key: string,
  reference: string | undefined,
  idempotencyKey: string,
) {
  return unwrap(
    api.POST('/v1/members/{member}/benefits/{key}/uses', {
      params: { path: { member, key } },
      body: reference ? { reference } : {},
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  )
}

export function listMemberBenefitUses(
  api: ApiClient,
  member: string,
  params: { benefit?: string; limit?: number; cursor?: string },
  signal?: AbortSignal,
) {
  return unwrap(
    api.GET('/v1/members/{member}/benefit-uses', {
      params: { path: { member }, query: { ...params } },
      signal,
    }),
  )
}

export function listPortalBenefits(api: ApiClient, signal?: AbortSignal) {
  return unwrap(api.GET('/v1/portal/benefits', { signal }))
}
