import { type ApiClient, unwrap } from './client'
import type { ApiResponse, Schemas } from './schema'

export type Segment = Schemas['Segment']
export type SegmentCondition = Segment['condition']
export type SegmentPreview = ApiResponse<'/v1/segments/preview', 'post'>
export type SegmentMembersPage = ApiResponse<'/v1/segments/{id}/members', 'get'>

/** The member fields a segment's condition reads (docs/segments.md). */
export const SEGMENT_FIELDS = [
  'tier',
  'status',
  'points',
  'pending_points',
  'lifetime_spend',
  'orders_count',
  'growth',
  'days_since_joined',
  'days_since_last_order',
  'birthday_month',
  'attributes.<key>',
] as const

export function listSegments(
  api: ApiClient,
  params: { limit?: number; cursor?: string; with_counts?: boolean },
  signal?: AbortSignal,
) {
  return unwrap(api.GET('/v1/segments', { params: { query: { ...params } }, signal }))
}

/** The segment with the count of its members now. */
export function getSegment(api: ApiClient, id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/v1/segments/{id}', { params: { path: { id } }, signal }))
}

/** Admin keys; the idempotency key makes a repeated submission create one segment. */
export function createSegment(
  api: ApiClient,
  input: { name: string; condition: SegmentCondition },
  idempotencyKey: string,
) {
  return unwrap(
    api.POST('/v1/segments', { body: input, headers: { 'Idempotency-Key': idempotencyKey } }),
  )
}

export function updateSegment(
  api: ApiClient,
  id: string,
  patch: { name?: string; condition?: SegmentCondition },
) {
  return unwrap(api.PATCH('/v1/segments/{id}', { params: { path: { id } }, body: patch }))
}

export async function deleteSegment(api: ApiClient, id: string): Promise<void> {
  await api.DELETE('/v1/segments/{id}', { params: { path: { id } } })
}

/** How many members a condition matches now, with a sample of up to 10; nothing is saved. */
export function previewSegment(api: ApiClient, condition: SegmentCondition, signal?: AbortSignal) {
  return unwrap(api.POST('/v1/segments/preview', { body: { condition }, signal }))
}

/** A page of the members matching the segment now, by id, with their count. */
export function listSegmentMembers(
  api: ApiClient,
  id: string,
  params: { limit?: number; cursor?: string },
  signal?: AbortSignal,
) {
  return unwrap(
    api.GET('/v1/segments/{id}/members', {
      params: { path: { id }, query: { ...params } },
      signal,
    }),
  )
}
