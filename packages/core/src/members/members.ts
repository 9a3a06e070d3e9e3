import type { MemberRow } from '@loyalbase/db'
import { type TierLadder, tierName } from '../ladder/index.js'
import { AppError } from '../shared/app-error.js'
import { localDate } from '../shared/calendar.js'
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

/**
 * How deeply a JSON value nests: a scalar is 0, `{}` is 1, `{a:{}}` is 2. Walked with a stack of
 * its own, not by recursion, so no input can exhaust the call stack.
 */
export function jsonDepth(value: unknown): number {
  let deepest = 0
  const stack: [unknown, number][] = [[value, 0]]
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth] = next
    if (node === null || typeof node !== 'object') continue
    deepest = Math.max(deepest, depth + 1)
    for (const child of Array.isArray(node) ? node : Object.values(node))
      stack.push([child, depth + 1])
  }
  return deepest
}

/** A free-form JSON field (`attributes`, `properties`): at most 16 KB as JSON, 8 levels deep. */
export function assertJsonSize(path: string, value: Record<string, unknown>): void {
  // Depth first: a deep value is refused before anything serialises it.
  if (jsonDepth(value) > MAX_ATTRIBUTES_DEPTH) {
    throw AppError.invalid(path, `must nest at most ${MAX_ATTRIBUTES_DEPTH} levels deep`)
  }
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8')
  if (bytes > MAX_ATTRIBUTES_BYTES) {
    throw AppError.invalid(path, `must be at most 16 KB as JSON (is ${bytes} bytes)`)
  }
}

export function assertAttributes(attributes: Record<string, unknown>): void {
  assertJsonSize('attributes', attributes)
}

/** How far ahead of the server's clock a `joined_at` may lie (clock skew), and no further. */
export const JOINED_AT_SKEW_MS = 5 * 60 * 1000

/** A mainland mobile number (13800000000) or E.164 (+8613800000000). */
export const PHONE_PATTERN = '^(1[3-9][0-9]{9}|\\+[1-9][0-9]{6,14})$'
/** `YYYY-MM-DD`, or `--MM-DD` for a birthday without its year. */
export const BIRTHDAY_PATTERN = '^([0-9]{4}|-)-[0-9]{2}-[0-9]{2}$'

/** The shape of the ids Loyalbase gives members: `mem_` and a ULID. */
const MEMBER_ID_FORMAT = /^mem_[0-9a-z]{26}$/i

/**
 * The checks the schema cannot make. `{member}` in a path is an id or an external id, so an
 * external id in the member-id format would hide one member behind another: refused. Birthdays
 * (with a year) and join dates lie in the past.
 */
export function assertMemberFields(
  input: {
    external_id?: string
    birthday?: string | null
    joined_at?: string
    attributes?: object
  },
  now: Date,
  timeZone: string,
) {
  if (input.external_id !== undefined && MEMBER_ID_FORMAT.test(input.external_id)) {
    throw AppError.invalid('external_id', 'must not have the form of a member id (mem_…)')
  }
  if (input.birthday != null) {
    if (!isValidBirthday(input.birthday)) {
      throw AppError.invalid('birthday', 'must be a real date as YYYY-MM-DD or --MM-DD')
    }
    if (!input.birthday.startsWith('--') && input.birthday > localDate(now, timeZone)) {
      throw AppError.invalid('birthday', 'must not lie in the future')
    }
  }
  if (
    input.joined_at !== undefined &&
    Date.parse(input.joined_at) - now.getTime() > JOINED_AT_SKEW_MS
  ) {
    throw AppError.invalid('joined_at', 'must not lie in the future')
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
