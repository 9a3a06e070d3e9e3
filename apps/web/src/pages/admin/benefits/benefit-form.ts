import type {
  Benefit,
  BenefitInput,
  BenefitPatch,
  BenefitType,
  QuotaPeriod,
} from '../../../api/benefits'
import { toMajorUnits, toMinorUnits } from '../../../i18n/format'

/** What the benefit form holds: amounts in yuan, the quota as a switch, a count and a period. */
export interface BenefitFormValues {
  key: string
  name: string
  type: BenefitType
  tiers: string[]
  percentOff?: number | null
  maxAmount?: number | null
  multiplier?: number | null
  limited: boolean
  quotaCount?: number | null
  quotaPeriod: QuotaPeriod
  active: boolean
}

/** The server's bounds (packages/core: benefits.ts, schemas/benefits.ts). */
export const BENEFIT_KEY_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,63}$/
export const MAX_QUOTA = 1_000_000

export function emptyBenefitForm(): BenefitFormValues {
  return {
    key: '',
    name: '',
    type: 'free_shipping',
    tiers: [],
    limited: false,
    quotaCount: 1,
    quotaPeriod: 'month',
    active: true,
  }
}

const present = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value)

/** A saved benefit as the form shows it (to edit it). */
export function benefitToForm(benefit: Benefit, currency: string): BenefitFormValues {
  const config = benefit.config as {
    percent_off?: number
    max_amount?: number
    multiplier?: number
  }
  return {
    key: benefit.key,
    name: benefit.name,
    type: benefit.type,
    tiers: [...benefit.tiers],
    percentOff: config.percent_off ?? null,
    maxAmount: present(config.max_amount) ? toMajorUnits(config.max_amount, currency) : null,
    multiplier: config.multiplier ?? null,
    limited: benefit.quota !== null,
    quotaCount: benefit.quota?.count ?? 1,
    quotaPeriod: benefit.quota?.period ?? 'month',
    active: benefit.active,
  }
}

/** The type's config: a discount's percent and cap (minor units), a multiplier, or nothing. */
export function configOf(values: BenefitFormValues, currency: string): Record<string, unknown> {
  if (values.type === 'discount') {
    return {
      percent_off: values.percentOff ?? 0,
      ...(present(values.maxAmount)
        ? { max_amount: toMinorUnits(values.maxAmount, currency) }
        : {}),
    }
  }
  if (values.type === 'points_multiplier') return { multiplier: values.multiplier ?? 0 }
  return {}
}

/** `POST /v1/benefits`'s body. */
export function formToBenefitInput(values: BenefitFormValues, currency: string): BenefitInput {
  return {
    key: values.key.trim(),
    name: values.name.trim(),
    type: values.type,
    tiers: values.tiers,
    quota: values.limited ? { count: values.quotaCount ?? 0, period: values.quotaPeriod } : null,
    config: configOf(values, currency),
    active: values.active,
  }
}

/** `PATCH /v1/benefits/{key}`'s body: everything but the key and the type, which stay. */
export function formToBenefitPatch(values: BenefitFormValues, currency: string): BenefitPatch {
  const { key: _key, type: _type, ...rest } = formToBenefitInput(values, currency)
  return rest
}

/** The tiers of a benefit with one tier switched on or off, in the ladder's order. */
export function toggleTier(
  tiers: readonly string[],
  tier: string,
  on: boolean,
  ladder: readonly string[],
): string[] {
  const next = new Set(tiers)
  if (on) next.add(tier)
  else next.delete(tier)
  const ordered = ladder.filter((key) => next.has(key))
  // Keys no longer on the ladder stay where they were, after the ladder's.
  return [...ordered, ...tiers.filter((key) => next.has(key) && !ladder.includes(key))]
}

const PATHS: Record<string, keyof BenefitFormValues> = {
  key: 'key',
  name: 'name',
  type: 'type',
  tiers: 'tiers',
  quota: 'quotaCount',
  'quota.count': 'quotaCount',
  'quota.period': 'quotaPeriod',
  config: 'percentOff',
  'config.percent_off': 'percentOff',
  'config.max_amount': 'maxAmount',
  'config.multiplier': 'multiplier',
  active: 'active',
}

/** The form field a server path names (`tiers[1]` → `tiers`), or undefined. */
export function fieldForBenefitPath(
  path: string,
  type: BenefitType,
): keyof BenefitFormValues | undefined {
  const plain = path
    .replace(/\[\d+\]/g, '')
    .replace(/^\//, '')
    .replaceAll('/', '.')
  if (plain === 'config' && type === 'points_multiplier') return 'multiplier'
  return PATHS[plain]
}
