import { type ApiClient, unwrap } from './client'
import type { ApiBody, ApiQuery, ApiResponse, Schemas } from './schema'

export type CouponTemplate = Schemas['CouponTemplate']
export type CouponDiscount = CouponTemplate['discount']
export type CouponValidity = CouponTemplate['validity']
export type CouponTemplateInput = ApiBody<'/v1/coupon-templates', 'post'>
export type Coupon = Schemas['Coupon']
export type CouponStatus = Coupon['status']
/** The statuses a member's coupon can be listed by (`expired`: active, but past its end). */
export type MemberCouponStatus = NonNullable<
  ApiQuery<'/v1/members/{member}/coupons', 'get'>['status']
>
export type CodeStatus = NonNullable<ApiQuery<'/v1/coupon-templates/{id}/codes', 'get'>['status']>
export type CouponPage = Extract<
  ApiResponse<'/v1/coupon-templates/{id}/codes', 'get'>,
  { next_cursor: unknown }
>
export type BulkCodesStarted = ApiResponse<'/v1/coupon-templates/{id}/codes', 'post', 202>

export const MEMBER_COUPON_STATUSES = [
  'active',
  'redeemed',
  'expired',
] as const satisfies readonly MemberCouponStatus[]

export const CODE_STATUSES = [
  'unassigned',
  'active',
  'redeemed',
  'expired',
] as const satisfies readonly CodeStatus[]

export function listCouponTemplates(
  api: ApiClient,
  params: { limit?: number; cursor?: string; active?: boolean },
  signal?: AbortSignal,
) {
  return unwrap(api.GET('/v1/coupon-templates', { params: { query: { ...params } }, signal }))
}

/** Any coupon by its code (dashes and case do not matter): `{ data: [coupon] }` or `{ data: [] }`. */
export function findCouponByCode(api: ApiClient, code: string, signal?: AbortSignal) {
  return unwrap(api.GET('/v1/coupons', { params: { query: { code } }, signal }))
}

export function getCouponTemplate(api: ApiClient, id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/v1/coupon-templates/{id}', { params: { path: { id } }, signal }))
}

/** Admin keys; the idempotency key makes a repeated submission create one template. */
export function createCouponTemplate(
  api: ApiClient,
  input: CouponTemplateInput,
  idempotencyKey: string,
) {
  return unwrap(
    api.POST('/v1/coupon-templates', {
      body: input,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  )
}

/** Renames, or switches off (and on): a template's terms never change. */
export function updateCouponTemplate(
  api: ApiClient,
  id: string,
  patch: ApiBody<'/v1/coupon-templates/{id}', 'patch'>,
) {
  return unwrap(api.PATCH('/v1/coupon-templates/{id}', { params: { path: { id } }, body: patch }))
}

/** A template's coupons and bulk codes, in the order they were made (admin keys). */
export function listCouponCodes(
  api: ApiClient,
  id: string,
  params: { status?: CodeStatus; limit?: number; cursor?: string },
  signal?: AbortSignal,
): Promise<CouponPage> {
  return unwrap(
    api.GET('/v1/coupon-templates/{id}/codes', {
      params: { path: { id }, query: { ...params, format: 'json' } },
      signal,
    }),
  ) as Promise<CouponPage>
}

/** Every code of the template (of a status) as CSV; the key is a header, so not a plain link. */
export async function exportCouponCodes(api: ApiClient, id: string, status?: CodeStatus) {
  const { data } = await api.GET('/v1/coupon-templates/{id}/codes', {
    params: { path: { id }, query: { status, format: 'csv' } },
    parseAs: 'blob',
  })
  return data as unknown as Blob
}

/** Starts making `count` unassigned codes; `GET /v1/job-runs/{run_id}` follows them. */
export function generateCouponCodes(
  api: ApiClient,
  id: string,
  count: number,
  idempotencyKey: string,
) {
  return unwrap(
    api.POST('/v1/coupon-templates/{id}/codes', {
      params: { path: { id } },
      body: { count },
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  )
}

export function listMemberCoupons(
  api: ApiClient,
  member: string,
  params: { status?: MemberCouponStatus; limit?: number; cursor?: string },
  signal?: AbortSignal,
) {
  return unwrap(
    api.GET('/v1/members/{member}/coupons', {
      params: { path: { member }, query: { ...params } },
      signal,
    }),
  )
}

/** Issues a coupon of the template to the member; `422 limit_reached` past a limit. */
export function issueCoupon(
  api: ApiClient,
  member: string,
  template: string,
  idempotencyKey: string,
) {
  return unwrap(
    api.POST('/v1/members/{member}/coupons', {
      params: { path: { member } },
      body: { template },
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  )
}
