import { type ApiClient, unwrap } from './client'
import type { ApiBody, Schemas } from './schema'

export type Program = Schemas['Program']
export type PointsPolicy = Schemas['PointsPolicy']
export type PointsExpiry = PointsPolicy['expiry']

/** A `points_policy` in a PATCH is merged field by field: omitted fields keep their value. */
export type ProgramPatch = ApiBody<'/v1/program', 'patch'>

/** Also the cheapest way to check that a program key is valid. */
export function getProgram(api: ApiClient, signal?: AbortSignal) {
  return unwrap(api.GET('/v1/program', { signal }))
}

/** Admin keys only (others get `403 forbidden`). */
export function updateProgram(api: ApiClient, patch: ProgramPatch) {
  return unwrap(api.PATCH('/v1/program', { body: patch }))
}
