import { minorPerMajor, pointsValue } from '@loyalbase/core/money'
import type {
  CampaignInput,
  CampaignReward,
  CampaignTrigger,
  CampaignTriggerType,
} from '../../../api/campaigns'
import type { CouponDiscount } from '../../../api/coupons'
import { toMinorUnits } from '../../../i18n/format'
import { isoToZonedInput, zonedInputToIso } from '../../../i18n/zoned-time'

/** What the builder holds: money in yuan, times as wall clocks in the program's zone. */
export interface CampaignFormValues {
  name: string
  triggerType: CampaignTriggerType
  /** birthday: days before it (0: on the day). */
  daysBefore?: number | null
  /** tier_upgraded: only upgrades to this tier; empty for any. */
  tier?: string | null
  /** inactive: days without an order. */
  inactiveDays?: number | null
  /** scheduled: when, and to which segment. */
  scheduledAt?: string
  segment?: string | null
  rewardType: CampaignReward['type']
  points?: number | null
  template?: string | null
  maxRewards?: number | null
  /** In yuan (major units); sent in minor units. */
  maxCost?: number | null
  holdoutPercent?: number | null
  startsAt?: string
  endsAt?: string
}

/** The server's bounds (apps/server/src/schemas/campaigns.ts). */
export const MAX_NAME_LENGTH = 200
export const MAX_DAYS_BEFORE = 60
export const MAX_INACTIVE_DAYS = 3650
export const MAX_REWARD_POINTS = 10_000_000
export const MAX_REWARDS = 1_000_000_000
export const MAX_COST_MINOR = 1_000_000_000_000
export const MAX_HOLDOUT_PERCENT = 90

export function emptyCampaignForm(now: Date, timeZone: string): CampaignFormValues {
  return {
    name: '',
    triggerType: 'birthday',
    daysBefore: 0,
    tier: null,
    inactiveDays: 90,
    scheduledAt: isoToZonedInput(now.toISOString(), timeZone),
    segment: null,
    rewardType: 'points',
    points: 100,
    template: null,
    holdoutPercent: 10,
  }
}

const present = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value)

const isIntegerIn = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max

export const isValidDaysBefore = (value: unknown) => isIntegerIn(value, 0, MAX_DAYS_BEFORE)
export const isValidInactiveDays = (value: unknown) => isIntegerIn(value, 1, MAX_INACTIVE_DAYS)
export const isValidRewardPoints = (value: unknown) => isIntegerIn(value, 1, MAX_REWARD_POINTS)
export const isValidMaxRewards = (value: unknown) => isIntegerIn(value, 1, MAX_REWARDS)

/** 0 to 90 with at most 2 decimals, as the server takes it (`multipleOf: 0.01`). */
export function isValidHoldout(value: unknown): boolean {
  return (
    typeof value === 'number' &&
    value >= 0 &&
    value <= MAX_HOLDOUT_PERCENT &&
    Math.abs(value * 100 - Math.round(value * 100)) < 1e-6
  )
}

/** An amount in yuan of at least one minor unit and at most the server's maximum. */
export function isValidMaxCost(value: unknown, currency: string): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false
  const minor = toMinorUnits(value, currency)
  return minor >= 1 && minor <= MAX_COST_MINOR
}

/** The trigger as typed so far, sent as it is (the form's rules check it before a save). */
export function buildTrigger(values: CampaignFormValues, timeZone: string): CampaignTrigger {
  switch (values.triggerType) {
    case 'member_joined':
      return { type: 'member_joined' }
    case 'birthday':
      return { type: 'birthday', days_before: values.daysBefore ?? 0 }
    case 'tier_upgraded':
      return values.tier ? { type: 'tier_upgraded', tier: values.tier } : { type: 'tier_upgraded' }
    case 'inactive':
      return { type: 'inactive', days: values.inactiveDays ?? 0 }
    case 'scheduled':
      return {
        type: 'scheduled',
        at: zonedInputToIso(values.scheduledAt ?? '', timeZone) ?? '',
        segment: values.segment ?? '',
      }
  }
}

/**
 * The trigger to preview the audience of, or null while it is incomplete or out of bounds
 * (the preview would only answer 400).
 */
export function previewTrigger(
  values: Partial<CampaignFormValues>,
  timeZone: string,
): CampaignTrigger | null {
  const type = values.triggerType
  if (!type) return null
  if (type === 'birthday' && !isValidDaysBefore(values.daysBefore ?? 0)) return null
  if (type === 'inactive' && !isValidInactiveDays(values.inactiveDays)) return null
  if (type === 'scheduled') {
    if (!values.segment || !zonedInputToIso(values.scheduledAt ?? '', timeZone)) return null
  }
  return buildTrigger({ name: '', rewardType: 'points', ...values, triggerType: type }, timeZone)
}

export function buildReward(values: CampaignFormValues): CampaignReward {
  return values.rewardType === 'coupon'
    ? { type: 'coupon', template: values.template ?? '' }
    : { type: 'points', points: values.points ?? 0 }
}

/** The request body: the cost in minor units, the wall clocks as instants. */
export function formToCampaignInput(
  values: CampaignFormValues,
  currency: string,
  timeZone: string,
): CampaignInput {
  const budget = {
    ...(present(values.maxRewards) ? { max_rewards: values.maxRewards } : {}),
    ...(present(values.maxCost) ? { max_cost: toMinorUnits(values.maxCost, currency) } : {}),
  }
  const startsAt = values.startsAt ? zonedInputToIso(values.startsAt, timeZone) : null
  const endsAt = values.endsAt ? zonedInputToIso(values.endsAt, timeZone) : null
  return {
    name: values.name.trim(),
    trigger: buildTrigger(values, timeZone),
    reward: buildReward(values),
    ...(Object.keys(budget).length > 0 ? { budget } : {}),
    holdout_percent: values.holdoutPercent ?? 0,
    ...(startsAt ? { starts_at: startsAt } : {}),
    ...(endsAt ? { ends_at: endsAt } : {}),
  }
}

/**
 * What one reward counts against `max_cost`, in minor units, as the server counts it: points
 * at their checkout value, a coupon at the most it takes off; null when a coupon's value has no
 * bound (free shipping, a percentage without `max_amount`) or is not known yet.
 */
export function rewardCost(
  reward: CampaignReward,
  context: { currency: string; redeemRate: number; discount?: CouponDiscount | null },
): number | null {
  if (reward.type === 'points') {
    if (!isValidRewardPoints(reward.points) || context.redeemRate <= 0) return null
    return pointsValue(reward.points, context.redeemRate, minorPerMajor(context.currency))
  }
  const discount = context.discount
  if (!discount) return null
  if (discount.type === 'amount') return discount.amount_off
  if (discount.type === 'percent') return discount.max_amount ?? null
  return null
}

/** A coupon whose value has no bound cannot be limited by `max_cost` (the server's rule). */
export function isUnboundedCoupon(discount: CouponDiscount | null | undefined): boolean {
  if (!discount) return false
  return discount.type === 'free_shipping' || (discount.type === 'percent' && !discount.max_amount)
}

/** About how many of `audience` are rewarded and held out at `percent`. */
export function holdoutSplit(
  audience: number,
  percent: number,
): { treated: number; holdout: number } {
  const holdout = Math.round((audience * Math.min(Math.max(percent, 0), 100)) / 100)
  return { treated: audience - holdout, holdout }
}

const PATHS: Record<string, keyof CampaignFormValues> = {
  name: 'name',
  trigger: 'triggerType',
  'trigger.type': 'triggerType',
  'trigger.days_before': 'daysBefore',
  'trigger.tier': 'tier',
  'trigger.days': 'inactiveDays',
  'trigger.at': 'scheduledAt',
  'trigger.segment': 'segment',
  reward: 'rewardType',
  'reward.type': 'rewardType',
  'reward.points': 'points',
  'reward.template': 'template',
  budget: 'maxRewards',
  'budget.max_rewards': 'maxRewards',
  'budget.max_cost': 'maxCost',
  holdout_percent: 'holdoutPercent',
  starts_at: 'startsAt',
  ends_at: 'endsAt',
}

/** The form field a server path names (`budget.max_cost` → `maxCost`), if the form has one. */
export function fieldForCampaignPath(path: string): keyof CampaignFormValues | undefined {
  const plain = path
    .replace(/\[\d+\]/g, '')
    .replace(/^\//, '')
    .replaceAll('/', '.')
  return PATHS[plain]
}
