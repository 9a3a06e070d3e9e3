import type { ApiClient } from './client'

export type PointsExpiry =
  | { type: 'none' }
  | { type: 'rolling'; months: number }
  | { type: 'annual'; years_after: number }

export interface PointsPolicy {
  expiry: PointsExpiry
  pending_days: number
  redeem_rate: number
  max_redeem_percent: number
  allow_negative: boolean
}

export interface Program {
  id: string
  name: string
  currency: string
  timezone: string
  locale: string
  points_policy: PointsPolicy
  created_at: string
}

/** Also the cheapest way to check that a program key is valid. */
export function getProgram(api: ApiClient, signal?: AbortSignal) {
  return api<Program>('/v1/program', { signal })
}

/** A `points_policy` in a PATCH is merged field by field: omitted fields keep their value. */
export interface ProgramPatch {
  name?: string
  points_policy?: Partial<PointsPolicy>
}

/** Admin keys only (others get `403 forbidden`). */
export function updateProgram(api: ApiClient, patch: ProgramPatch) {
  return api<Program>('/v1/program', { method: 'PATCH', body: patch })
}
