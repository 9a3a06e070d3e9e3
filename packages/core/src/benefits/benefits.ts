import type { BenefitRow, BenefitType } from '@loyalbase/db'
import { AppError } from '../shared/app-error.js'
import { localTime, nextPeriodStart, periodStart } from '../shared/calendar.js'
import { MAX_AMOUNT } from '../shared/limits.js'

/*
 * Benefits, pure: what a benefit may say, which of them a tier carries, its quota periods, and
 * which of them an order uses. No I/O and no clock (docs/benefits.md).
 */

export const BENEFIT_TYPES = [
  'free_shipping',
  'discount',
  'points_multiplier',
  'early_access',
  'event_invitation',
  'dedicated_service',
  'appointment',
  'custom',
] as const satisfies readonly BenefitType[]

export type QuotaPeriod = 'week' | 'month' | 'year'

export interface BenefitQuota {
  count: number
  period: QuotaPeriod
}

export interface BenefitInput {
  key: string
  name: string
  type: BenefitType
  tiers: string[]
  quota?: BenefitQuota | null
  config?: Record<string, unknown>
  active?: boolean
}

export type BenefitPatch = Partial<Omit<BenefitInput, 'key' | 'type'>>

/** A benefit as the order path and the API read it. */
export interface Benefit {
  id: string
  key: string
  name: string
  type: BenefitType
  tiers: string[]
  quota: BenefitQuota | null
  config: Record<string, unknown>
  active: boolean
}

export interface BenefitResource extends Benefit {
  created_at: string
  updated_at: string
}

/** A member's view of one of its tier's benefits: what is left of it this period. */
export interface MemberBenefit {
  key: string
  name: string
  type: BenefitType
  config: Record<string, unknown>
  quota: { count: number; used: number; remaining: number; resets_at: string } | null
}

export function benefitOf(row: BenefitRow): Benefit {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    type: row.type,
    tiers: row.tiers,
    quota:
      row.quota_count !== null && row.quota_period !== null
        ? { count: row.quota_count, period: row.quota_period }
        : null,
    config: row.config,
    active: row.active,
  }
}

export function presentBenefit(row: BenefitRow): BenefitResource {
  return {
    ...benefitOf(row),
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  }
}

/** The benefits the members of a tier have now (live and switched on), in key order. */
export function benefitsOfTier(benefits: readonly Benefit[], tierKey: string): Benefit[] {
  return benefits
    .filter((b) => b.active && b.tiers.includes(tierKey))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

/**
 * The name of the quota period holding `at`, as the usage rows name it (`week:2026-12-07`, the
 * local date of the week's Monday; `month:2026-12`; `year:2026`), in the program's time zone.
 * From the memoised local time: orders ask for it on their hot path.
 */
export function quotaPeriodName(period: QuotaPeriod, at: Date, timeZone: string): string {
  const local = localTime(at, timeZone)
  if (period === 'month') return `month:${local.month}`
  if (period === 'year') return `year:${local.year}`
  const monday = new Date(`${local.date}T00:00:00Z`)
  monday.setUTCDate(monday.getUTCDate() - (local.weekday - 1))
  return `week:${monday.toISOString().slice(0, 10)}`
}

/** The quota period holding `at`: its name, its first instant and the instant it resets. */
export function quotaPeriod(
  period: QuotaPeriod,
  at: Date,
  timeZone: string,
): { name: string; start: Date; resets_at: Date } {
  return {
    name: quotaPeriodName(period, at, timeZone),
    start: periodStart(period, at, timeZone),
    resets_at: nextPeriodStart(period, at, timeZone),
  }
}

/** The usage key of a member's use of a benefit in a period, as order snapshots keep them. */
export function benefitUsageKey(benefitId: string, period: string): string {
  return `${benefitId}\u0000${period}`
}

/** The benefit types an order applies by itself. */
export const ORDER_BENEFIT_TYPES: readonly BenefitType[] = [
  'free_shipping',
  'discount',
  'points_multiplier',
]

/** The discount a `discount` benefit gives: a percentage of the items, perhaps capped. */
export interface TierDiscount {
  percent_off: number
  max_amount?: number
}

export function tierDiscountOf(benefit: Benefit): TierDiscount {
  const config = benefit.config as { percent_off?: number; max_amount?: number }
  return {
    percent_off: Number(config.percent_off ?? 0),
    ...(typeof config.max_amount === 'number' ? { max_amount: config.max_amount } : {}),
  }
}

export function multiplierOf(benefit: Benefit): number {
  return Number((benefit.config as { multiplier?: number }).multiplier ?? 1)
}

/** One benefit an order may use, with the period its use counts in (and the quota there). */
export interface UsableBenefit {
  benefit: Benefit
  /** The quota period's name, or null for a benefit without quota. */
  period: string | null
  cap: number | null
}

/**
 * The order benefits of the member's tier that have a use left at `at`, by type (the first by
 * key when a tier carries two of one type): `usage` holds the member's uses per period.
 */
export function usableOrderBenefits(
  benefits: readonly Benefit[],
  tierKey: string,
  usage: ReadonlyMap<string, number>,
  at: Date,
  timeZone: string,
): Partial<Record<'free_shipping' | 'discount' | 'points_multiplier', UsableBenefit>> {
  const usable: Partial<Record<'free_shipping' | 'discount' | 'points_multiplier', UsableBenefit>> =
    {}
  for (const benefit of benefitsOfTier(benefits, tierKey)) {
    const type = benefit.type
    if (type !== 'free_shipping' && type !== 'discount' && type !== 'points_multiplier') continue
    if (usable[type]) continue
    if (!benefit.quota) {
      usable[type] = { benefit, period: null, cap: null }
      continue
    }
    const period = quotaPeriodName(benefit.quota.period, at, timeZone)
    const used = usage.get(benefitUsageKey(benefit.id, period)) ?? 0
    if (used < benefit.quota.count) usable[type] = { benefit, period, cap: benefit.quota.count }
  }
  return usable
}

/**
 * The usage keys an order at `at` must know (its snapshot reads them with the rules' usage):
 * every quota'd order benefit, whatever tier (the member's tier is only known once read).
 */
export function orderBenefitUsageNeeds(
  benefits: readonly Benefit[],
  at: Date,
  timeZone: string,
): { ids: string[]; periods: string[]; keys: string[] } {
  const ids: string[] = []
  const periods = new Set<string>()
  const keys: string[] = []
  for (const benefit of benefits) {
    if (!benefit.active || !benefit.quota || !ORDER_BENEFIT_TYPES.includes(benefit.type)) continue
    const period = quotaPeriodName(benefit.quota.period, at, timeZone)
    ids.push(benefit.id)
    periods.add(period)
    keys.push(benefitUsageKey(benefit.id, period))
  }
  return { ids, periods: [...periods], keys }
}

const KEY = /^[a-z0-9][a-z0-9_.-]{0,63}$/

/** Checks a benefit's key, tiers, quota and config against its type and the ladder's keys. */
export function assertBenefit(
  input: Pick<BenefitInput, 'type' | 'tiers'> &
    Partial<Pick<BenefitInput, 'key' | 'quota' | 'config' | 'name'>>,
  tierKeys: readonly string[],
): void {
  if (input.key !== undefined && !KEY.test(input.key)) {
    throw AppError.invalid(
      'key',
      'must be 1–64 lower-case letters, digits, "_", "-" or ".", starting with a letter or digit',
    )
  }
  if (input.name !== undefined && input.name.trim() === '') {
    throw AppError.invalid('name', 'must not be blank')
  }
  for (const [i, tier] of input.tiers.entries()) {
    if (!tierKeys.includes(tier)) {
      throw AppError.invalid(`tiers[${i}]`, `"${tier}" is not a tier of the program's ladder`)
    }
  }
  if (new Set(input.tiers).size !== input.tiers.length) {
    throw AppError.invalid('tiers', 'names a tier twice')
  }
  const config = input.config ?? {}
  if (input.type === 'discount') {
    const percent = config.percent_off
    if (typeof percent !== 'number' || !(percent > 0) || percent > 100) {
      throw AppError.invalid('config.percent_off', 'a discount needs percent_off, above 0, ≤ 100')
    }
    const max = config.max_amount
    if (max !== undefined && (!Number.isInteger(max) || (max as number) < 1)) {
      throw AppError.invalid('config.max_amount', 'must be a positive integer (minor units)')
    }
    if (max !== undefined && (max as number) > MAX_AMOUNT) {
      throw AppError.invalid('config.max_amount', 'is too large')
    }
  }
  if (input.type === 'points_multiplier') {
    const multiplier = config.multiplier
    if (typeof multiplier !== 'number' || !(multiplier > 1) || multiplier > 10) {
      throw AppError.invalid('config.multiplier', 'a points multiplier needs multiplier, > 1, ≤ 10')
    }
  }
}
