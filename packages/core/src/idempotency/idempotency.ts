import { createHash } from 'node:crypto'

/** What a client sent under an idempotency key, reduced to a fingerprint. */
export interface IdempotencyClaim {
  /** Which operation the key belongs to, e.g. `POST /v1/members` or `order`. */
  scope: string
  key: string
  fingerprint: string
}

/** A response as first sent: replays send these exact bytes again. */
export interface StoredResponse {
  status: number
  body: string
  replayed: boolean
}

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` fingerprint alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

export function fingerprintOf(parts: unknown): string {
  return createHash('sha256').update(canonicalJson(parts)).digest('hex')
}
