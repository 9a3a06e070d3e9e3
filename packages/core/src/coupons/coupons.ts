import type { CouponRow, CouponStatus, CouponTemplateRow } from '@loyalbase/db'
import { AppError, type FieldError } from '../shared/app-error.js'
import { endOfDayAfter } from '../shared/calendar.js'
import { CODE_ALPHABET, randomCode } from '../shared/ids.js'
import { MAX_AMOUNT, MAX_COUPON_LIMIT } from '../shared/limits.js'

/*
 * Coupons, pure: what a template may say, when a coupon it issues starts and expires, and the
 * codes — how they are drawn, shown and read back. No I/O and no clock (docs/coupons.md).
 */

/** What a coupon takes off an order (redeemed by orders and quotes, docs/coupons.md). */
export type CouponDiscount =
  | { type: 'percent'; percent_off: number; max_amount?: number }
  | { type: 'amount'; amount_off: number }
  | { type: 'free_shipping' }

/** The items a coupon covers; none given (or null): every item. */
export interface CouponScope {
  categories?: string[]
  skus?: string[]
}

/** `days` from issue (or from the claim of a bulk code), or a fixed window of instants. */
export type CouponValidity = { days: number } | { starts_at: string; ends_at: string }

export interface CouponTemplateInput {
  name: string
  discount: CouponDiscount
  min_spend?: number
  applies_to?: CouponScope
  validity: CouponValidity
  per_member_limit?: number
  total_limit?: number
  stackable?: boolean
}

/** PATCH: a template's terms are fixed once coupons exist; its name and switch are not. */
export interface CouponTemplatePatch {
  name?: string
  active?: boolean
}

/** A template as the API shows it. */
export interface CouponTemplateResource {
  id: string
  name: string
  discount: CouponDiscount
  min_spend: number | null
  applies_to: CouponScope | null
  validity: CouponValidity
  per_member_limit: number | null
  total_limit: number | null
  stackable: boolean
  active: boolean
  /** Coupons issued and bulk codes requested, against `total_limit`. */
  issued: number
  created_at: string
  updated_at: string
}

/** `expired` is never stored: an active coupon whose `expires_at` has passed is shown so. */
export type CouponStatusShown = CouponStatus | 'expired'

/** A coupon (or a bulk code) as the API shows it. */
export interface CouponResource {
  id: string
  code: string
  template: string
  member: string | null
  status: CouponStatusShown
  starts_at: string | null
  expires_at: string | null
  issued_at: string | null
  redeemed_at: string | null
  /** The order that redeemed it, while it is redeemed. */
  order: string | null
  created_at: string
}

export const MAX_VALIDITY_DAYS = 3650
// Percentages are exact to four decimals, as money.ts `percentOf` computes them.
const PERCENT_SCALE = 10_000

function isInteger(value: unknown, min: number, max: number): boolean {
  return Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max
}

function percentErrors(value: number): FieldError[] {
  const scaled = value * PERCENT_SCALE
  const ok =
    Number.isFinite(value) &&
    value >= 1 &&
    value <= 100 &&
    Math.abs(scaled - Math.round(scaled)) < 1e-6
  return ok
    ? []
    : [{ path: 'discount.percent_off', message: 'must be 1 to 100, at most 4 decimals' }]
}

function discountErrors(discount: CouponDiscount): FieldError[] {
  const money = `must be an integer from 1 to ${MAX_AMOUNT} (minor units)`
  switch (discount.type) {
    case 'percent': {
      const errors = percentErrors(discount.percent_off)
      if (discount.max_amount !== undefined && !isInteger(discount.max_amount, 1, MAX_AMOUNT))
        errors.push({ path: 'discount.max_amount', message: money })
      return errors
    }
    case 'amount':
      return isInteger(discount.amount_off, 1, MAX_AMOUNT)
        ? []
        : [{ path: 'discount.amount_off', message: money }]
    case 'free_shipping':
      return []
    default:
      return [{ path: 'discount.type', message: 'must be one of: percent, amount, free_shipping' }]
  }
}

function validityErrors(validity: CouponValidity): FieldError[] {
  if ('days' in validity) {
    return isInteger(validity.days, 1, MAX_VALIDITY_DAYS)
      ? []
      : [{ path: 'validity.days', message: `must be an integer from 1 to ${MAX_VALIDITY_DAYS}` }]
  }
  const starts = Date.parse(validity.starts_at)
  const ends = Date.parse(validity.ends_at)
  const errors: FieldError[] = []
  if (Number.isNaN(starts))
    errors.push({ path: 'validity.starts_at', message: 'must be a date-time' })
  if (Number.isNaN(ends)) errors.push({ path: 'validity.ends_at', message: 'must be a date-time' })
  if (errors.length === 0 && !(ends > starts))
    errors.push({ path: 'validity.ends_at', message: 'must be after validity.starts_at' })
  return errors
}

/**
 * Checks what the schema cannot, or what a caller other than the HTTP API might send: amounts in
 * minor units within the bounds, a percentage of at most four decimals, a window that ends after
 * it starts, limits that are positive integers. Every problem is reported with its path.
 */
export function validateTemplate(input: CouponTemplateInput): void {
  const errors: FieldError[] = []
  if (input.name.trim().length === 0) errors.push({ path: 'name', message: 'must not be blank' })
  errors.push(...discountErrors(input.discount))
  if (input.min_spend !== undefined && !isInteger(input.min_spend, 0, MAX_AMOUNT)) {
    errors.push({
      path: 'min_spend',
      message: `must be an integer from 0 to ${MAX_AMOUNT} (minor units)`,
    })
  }
  errors.push(...validityErrors(input.validity))
  for (const key of ['per_member_limit', 'total_limit'] as const) {
    const value = input[key]
    if (value !== undefined && !isInteger(value, 1, MAX_COUPON_LIMIT))
      errors.push({ path: key, message: `must be an integer from 1 to ${MAX_COUPON_LIMIT}` })
  }
  if (errors.length > 0) {
    const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ')
    throw new AppError('invalid_request', detail, errors)
  }
}

// ---------------------------------------------------------------------------------------------
// Validity

/** A template's validity as stored: days, or a window. */
export type TemplateValidity = { days: number } | { starts_at: Date; ends_at: Date }

export function validityOf(
  row: Pick<CouponTemplateRow, 'validity_days' | 'starts_at' | 'ends_at'>,
): TemplateValidity {
  if (row.validity_days !== null) return { days: row.validity_days }
  if (!row.starts_at || !row.ends_at) throw new Error('a coupon template without a validity')
  return { starts_at: row.starts_at, ends_at: row.ends_at }
}

/**
 * When a coupon issued (or a bulk code claimed) at `at` is good: `{ days }` from `at` to the end
 * of the program's local day `days` days later (docs/coupons.md, "Expiry"); a window, its own
 * instants, whenever the coupon is issued.
 */
export function couponWindow(
  validity: TemplateValidity,
  at: Date,
  timeZone: string,
): { starts_at: Date; expires_at: Date } {
  if ('days' in validity)
    return { starts_at: at, expires_at: endOfDayAfter(at, validity.days, timeZone) }
  return { starts_at: validity.starts_at, expires_at: validity.ends_at }
}

/** A window that has ended issues nothing more: its coupons would be born expired. */
export function windowEnded(validity: TemplateValidity, at: Date): boolean {
  return 'ends_at' in validity && validity.ends_at.getTime() <= at.getTime()
}

// ---------------------------------------------------------------------------------------------
// Codes

/** Characters of a code: 16 × 5 bits = 80 bits of randomness. */
export const CODE_LENGTH = 16
const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`)
const SEPARATORS = /[\s-]+/g
const LOOK_ALIKES: Record<string, string> = { O: '0', I: '1', L: '1' }

/** A new random code, as stored (normalised). */
export function newCouponCode(): string {
  return randomCode(CODE_LENGTH)
}

/** `ABCD-EFGH-JKMN-PQRS`: the stored code in groups of four, as it is shown and printed. */
export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code
}

/**
 * A code as someone typed it, read the way it was printed: case-insensitive, dashes and spaces
 * ignored, O read as 0 and I or L as 1 (Crockford base32). Null when it cannot be a code.
 */
export function normaliseCode(input: string): string | null {
  const compact = input.replace(SEPARATORS, '')
  if (!/^[0-9A-Za-z]+$/.test(compact)) return null
  const code = compact.toUpperCase().replace(/[OIL]/g, (c) => LOOK_ALIKES[c] ?? c)
  return CODE_PATTERN.test(code) ? code : null
}

// ---------------------------------------------------------------------------------------------
// Presentation

function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null
}

export function presentTemplate(row: CouponTemplateRow): CouponTemplateResource {
  const validity = validityOf(row)
  return {
    id: row.id,
    name: row.name,
    discount: row.discount,
    min_spend: row.min_spend,
    applies_to: row.applies_to,
    validity:
      'days' in validity
        ? validity
        : { starts_at: validity.starts_at.toISOString(), ends_at: validity.ends_at.toISOString() },
    per_member_limit: row.per_member_limit,
    total_limit: row.total_limit,
    stackable: row.stackable,
    active: row.active,
    issued: row.issued,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  }
}

/** The status a coupon shows at `now`: an active coupon past its expiry is `expired`. */
export function statusAt(
  row: Pick<CouponRow, 'status' | 'expires_at'>,
  now: Date,
): CouponStatusShown {
  if (row.status === 'active' && row.expires_at && row.expires_at.getTime() <= now.getTime())
    return 'expired'
  return row.status
}

export function presentCoupon(row: CouponRow, now: Date): CouponResource {
  return {
    id: row.id,
    code: formatCode(row.code),
    template: row.template_id,
    member: row.member_id,
    status: statusAt(row, now),
    starts_at: iso(row.starts_at),
    expires_at: iso(row.expires_at),
    issued_at: iso(row.issued_at),
    redeemed_at: iso(row.redeemed_at),
    order: row.order_id,
    created_at: row.created_at.toISOString(),
  }
}

export const CSV_HEADER = 'code,status,member,issued_at,expires_at'

/** One line of the codes export (CSV_HEADER); every value is a code, id, word or timestamp. */
export function csvLine(coupon: CouponResource): string {
  return [
    coupon.code,
    coupon.status,
    coupon.member ?? '',
    coupon.issued_at ?? '',
    coupon.expires_at ?? '',
  ].join(',')
}

// ---------------------------------------------------------------------------------------------
// A member's coupons are listed by when they were issued, so their cursor is that and the id.

export function encodeIssueCursor(issuedAt: Date, id: string): string {
  return Buffer.from(`${issuedAt.getTime()}.${id}`, 'utf8').toString('base64url')
}

export function decodeIssueCursor(
  cursor: string | undefined,
): { issued_at: Date; id: string } | undefined {
  if (cursor === undefined || cursor === '') return undefined
  const match = /^(\d{1,15})\.([a-z]+_[0-9A-Z]{26})$/.exec(
    Buffer.from(cursor, 'base64url').toString('utf8'),
  )
  if (!match) throw AppError.invalid('cursor', 'is not a valid cursor')
  return { issued_at: new Date(Number(match[1])), id: match[2] as string }
}
