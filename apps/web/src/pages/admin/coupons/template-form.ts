import type { CouponTemplateInput } from '../../../api/coupons'
import { toMinorUnits } from '../../../i18n/format'
import { zonedInputToIso } from '../../../i18n/zoned-time'

/** What the template form holds: amounts in yuan, times as wall clocks in the program's zone. */
export interface TemplateFormValues {
  name: string
  discountType: 'amount' | 'percent' | 'free_shipping'
  amountOff?: number | null
  percentOff?: number | null
  maxAmount?: number | null
  minSpend?: number | null
  categories?: string[]
  skus?: string[]
  validityType: 'days' | 'window'
  days?: number | null
  startsAt?: string
  endsAt?: string
  perMemberLimit?: number | null
  totalLimit?: number | null
  stackable?: boolean
}

/** The server's bounds (packages/core: MAX_AMOUNT, MAX_VALIDITY_DAYS, MAX_COUPON_LIMIT, …). */
export const MAX_AMOUNT_MINOR = 1_000_000_000_000
export const MAX_VALIDITY_DAYS = 3650
export const MAX_COUPON_LIMIT = 1_000_000_000
export const MAX_BULK_CODES = 100_000
export const MAX_TAG_LENGTH = 128

export function emptyTemplateForm(): TemplateFormValues {
  return {
    name: '',
    discountType: 'amount',
    validityType: 'days',
    days: 30,
    categories: [],
    skus: [],
    stackable: false,
  }
}

const present = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value)

/** 1 to 100 with at most 4 decimals, as the server takes it. */
export function isValidPercent(value: unknown): boolean {
  return (
    typeof value === 'number' &&
    value >= 1 &&
    value <= 100 &&
    Math.abs(value * 10_000 - Math.round(value * 10_000)) < 1e-6
  )
}

/** An amount in yuan that is at least one minor unit and at most the server's maximum. */
export function isValidAmount(value: unknown, currency: string, allowZero = false): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false
  const minor = toMinorUnits(value, currency)
  return minor >= (allowZero ? 0 : 1) && minor <= MAX_AMOUNT_MINOR
}

/** The request body; amounts in minor units, the window's wall clocks as instants. */
export function formToTemplateInput(
  values: TemplateFormValues,
  currency: string,
  timeZone: string,
): CouponTemplateInput {
  const money = (major: number) => toMinorUnits(major, currency)
  const discount: CouponTemplateInput['discount'] =
    values.discountType === 'amount'
      ? { type: 'amount', amount_off: money(values.amountOff ?? 0) }
      : values.discountType === 'percent'
        ? {
            type: 'percent',
            percent_off: values.percentOff ?? 0,
            ...(present(values.maxAmount) ? { max_amount: money(values.maxAmount) } : {}),
          }
        : { type: 'free_shipping' }
  const categories = (values.categories ?? []).map((c) => c.trim()).filter(Boolean)
  const skus = (values.skus ?? []).map((s) => s.trim()).filter(Boolean)
  const validity: CouponTemplateInput['validity'] =
    values.validityType === 'days'
      ? { days: values.days ?? 0 }
      : {
          starts_at: zonedInputToIso(values.startsAt ?? '', timeZone) ?? '',
          ends_at: zonedInputToIso(values.endsAt ?? '', timeZone) ?? '',
        }
  return {
    name: values.name.trim(),
    discount,
    ...(present(values.minSpend) && values.minSpend > 0
      ? { min_spend: money(values.minSpend) }
      : {}),
    ...(categories.length > 0 || skus.length > 0
      ? {
          applies_to: {
            ...(categories.length > 0 ? { categories } : {}),
            ...(skus.length > 0 ? { skus } : {}),
          },
        }
      : {}),
    validity,
    ...(present(values.perMemberLimit) ? { per_member_limit: values.perMemberLimit } : {}),
    ...(present(values.totalLimit) ? { total_limit: values.totalLimit } : {}),
    stackable: values.stackable ?? false,
  }
}

const PATHS: Record<string, keyof TemplateFormValues> = {
  name: 'name',
  discount: 'discountType',
  'discount.type': 'discountType',
  'discount.amount_off': 'amountOff',
  'discount.percent_off': 'percentOff',
  'discount.max_amount': 'maxAmount',
  min_spend: 'minSpend',
  applies_to: 'categories',
  'applies_to.categories': 'categories',
  'applies_to.skus': 'skus',
  validity: 'days',
  'validity.days': 'days',
  'validity.starts_at': 'startsAt',
  'validity.ends_at': 'endsAt',
  per_member_limit: 'perMemberLimit',
  total_limit: 'totalLimit',
  stackable: 'stackable',
}

/**
 * The form field a server path names (`applies_to.skus[3]` → `skus`), or undefined for a path
 * the form has no field for. `validity` goes to whichever validity fields are on screen.
 */
export function fieldForTemplatePath(
  path: string,
  validityType: TemplateFormValues['validityType'],
): keyof TemplateFormValues | undefined {
  const plain = path
    .replace(/\[\d+\]/g, '')
    .replace(/^\//, '')
    .replaceAll('/', '.')
  const field = PATHS[plain]
  if (field === 'days' && plain === 'validity' && validityType === 'window') return 'startsAt'
  return field
}
