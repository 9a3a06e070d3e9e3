import type { MemberRow } from '@loyalbase/db'
import { AppError } from '../shared/app-error.js'
import { type TierLadder, tierName } from '../tiers/tiers.js'

export interface Member {
  id: string
  external_id: string
  name: string | null
  phone: string | null
  email: string | null
  birthday: string | null
  status: string
  joined_at: string
  attributes: Record<string, unknown>
  referral_code: string
  tier: { key: string; name: string; since: string }
  points: { available: number; pending: number }
  growth: number
  lifetime_spend: number
  orders_count: number
}

export interface NewMemberInput {
  external_id: string
  name?: string | null
  phone?: string | null
  email?: string | null
  birthday?: string | null
  joined_at?: string
  attributes?: Record<string, unknown>
  referred_by?: string
}

export interface MemberPatch {
  name?: string | null
  phone?: string | null
  email?: string | null
  birthday?: string | null
  /** Merged key by key into the stored attributes; a key set to null is removed. */
  attributes?: Record<string, unknown>
}

export const MAX_ATTRIBUTES_BYTES = 16 * 1024
export const MAX_ATTRIBUTES_DEPTH = 8
export const REFERRAL_CODE_LENGTH = 10

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** `YYYY-MM-DD` (a real date, not in the future is not required) or `--MM-DD` (year unknown). */
export function isValidBirthday(value: string): boolean {
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  const partial = /^--(\d{2})-(\d{2})$/.exec(value)
  if (full) {
    const [y, m, d] = [Number(full[1]), Number(full[2]), Number(full[3])]
    const date = new Date(Date.UTC(y, m - 1, d))
    return y >= 1900 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
  }
  if (partial) {
    const [m, d] = [Number(partial[1]), Number(partial[2])]
    return m >= 1 && m <= 12 && d >= 1 && d <= (DAYS_IN_MONTH[m - 1] ?? 0)
  }
  return false
}

/** How deeply a JSON value nests: a scalar is 0, `{}` is 1, `{a:{}}` is 2. */
export function jsonDepth(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0
  const children = Array.isArray(value) ? value : Object.values(value)
  let deepest = 0
  for (const child of children) deepest = Math.max(deepest, jsonDepth(child))
  return deepest + 1
}

export function assertAttributes(attributes: Record<string, unknown>): void {
  const bytes = Buffer.byteLength(JSON.stringify(attributes), 'utf8')
  if (bytes > MAX_ATTRIBUTES_BYTES) {
    throw AppError.invalid('attributes', `must be at most 16 KB as JSON (is ${bytes} bytes)`)
  }
  if (jsonDepth(attributes) > MAX_ATTRIBUTES_DEPTH) {
    throw AppError.invalid('attributes', `must nest at most ${MAX_ATTRIBUTES_DEPTH} levels deep`)
  }
}

export function assertMemberFields(input: { birthday?: string | null; attributes?: object }) {
  if (input.birthday != null && !isValidBirthday(input.birthday)) {
    throw AppError.invalid('birthday', 'must be a real date as YYYY-MM-DD or --MM-DD')
  }
  if (input.attributes) assertAttributes(input.attributes as Record<string, unknown>)
}

export function mergeAttributes(
  current: Record<string, unknown>,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...current }
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key]
    else merged[key] = value
  }
  return merged
}

export function presentMember(row: MemberRow, ladder: TierLadder): Member {
  return {
    id: row.id,
    external_id: row.external_id,
    name: row.name,
    phone: row.phone,
    email: row.email,
    birthday: row.birthday,
    status: row.status,
    joined_at: row.joined_at.toISOString(),
    attributes: row.attributes,
    referral_code: row.referral_code,
    tier: {
      key: row.tier_key,
      name: tierName(ladder, row.tier_key),
      since: row.tier_since.toISOString(),
    },
    points: { available: row.points_available, pending: row.points_pending },
    growth: row.growth,
    lifetime_spend: row.lifetime_spend,
    orders_count: row.orders_count,
  }
}
