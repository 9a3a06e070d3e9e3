import { type ApiClient, unwrap } from './client'
import type { ApiBody, Schemas } from './schema'

export type Release = Schemas['Release']
export type EarlyAccess = Release['early_access'][number]
export type ReleaseInput = ApiBody<'/v1/releases', 'post'>

export function listReleases(
  api: ApiClient,
  params: { limit?: number; cursor?: string; upcoming?: boolean },
  signal?: AbortSignal,
) {
  return unwrap(api.GET('/v1/releases', { params: { query: { ...params } }, signal }))
}

/** Admin keys; the idempotency key makes a repeated submission create one release. */
export function createRelease(api: ApiClient, input: ReleaseInput, idempotencyKey: string) {
  return unwrap(
    api.POST('/v1/releases', { body: input, headers: { 'Idempotency-Key': idempotencyKey } }),
  )
}

export async function deleteRelease(api: ApiClient, id: string): Promise<void> {
  await unwrap(api.DELETE('/v1/releases/{id}', { params: { path: { id } } }))
}

/** When a release opens to a tier: `public_at` less the tier's largest head start. */
export function opensAtFor(release: Pick<Release, 'public_at' | 'early_access'>, tier: string) {
  const hours = Math.max(
    0,
    ...release.early_access.filter((e) => e.tier === tier).map((e) => e.hours_before),
  )
  return new Date(Date.parse(release.public_at) - hours * 3_600_000).toISOString()
}

/** The portal member's upcoming releases, each with when it opens to them. */
export function listPortalReleases(api: ApiClient, signal?: AbortSignal) {
  return unwrap(api.GET('/v1/portal/releases', { params: { query: { limit: 10 } }, signal }))
}
