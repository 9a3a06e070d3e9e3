import type { Reward, RewardInput, RewardPatch, RewardType } from '../../../api/rewards'
import { toMajorUnits, toMinorUnits } from '../../../i18n/format'

/** What the reward form holds: cash in yuan, empty numbers meaning "no limit". */
export interface RewardFormValues {
  name: string
  type: RewardType
  couponTemplate?: string
  pointsCost?: number | null
  cashCost?: number | null
  stock?: number | null
  tiers: string[]
  perMemberLimit?: number | null
  description?: string
  imageUrl?: string
  active: boolean
}

export function emptyRewardForm(): RewardFormValues {
  return { name: '', type: 'product', pointsCost: null, tiers: [], active: true }
}

export function rewardFormValues(reward: Reward, currency: string): RewardFormValues {
  return {
    name: reward.name,
    type: reward.type,
    ...(reward.coupon_template ? { couponTemplate: reward.coupon_template } : {}),
    pointsCost: reward.points_cost,
    cashCost: reward.cash_cost > 0 ? toMajorUnits(reward.cash_cost, currency) : null,
    stock: reward.stock,
    tiers: reward.tiers,
    perMemberLimit: reward.per_member_limit,
    description: reward.description ?? '',
    imageUrl: reward.image_url ?? '',
    active: reward.active,
  }
}

const text = (value: string | undefined) => (value?.trim() ? value.trim() : null)
const count = (value: number | null | undefined) => (typeof value === 'number' ? value : null)

/** The create body: amounts in minor units, empty fields left out. */
export function rewardInput(values: RewardFormValues, currency: string): RewardInput {
  const description = text(values.description)
  const imageUrl = text(values.imageUrl)
  return {
    name: values.name.trim(),
    type: values.type,
    points_cost: values.pointsCost ?? 0,
    cash_cost: toMinorUnits(values.cashCost ?? 0, currency),
    stock: count(values.stock),
    tiers: values.tiers,
    per_member_limit: count(values.perMemberLimit),
    ...(values.type === 'coupon' && values.couponTemplate
      ? { coupon_template: values.couponTemplate }
      : {}),
    ...(description ? { description } : {}),
    ...(imageUrl ? { image_url: imageUrl } : {}),
    active: values.active,
  }
}

/** The patch: everything the form edits (a reward's type and template never change). */
export function rewardPatch(values: RewardFormValues, currency: string): RewardPatch {
  const { type: _type, coupon_template: _template, ...rest } = rewardInput(values, currency)
  return {
    ...rest,
    description: text(values.description),
    image_url: text(values.imageUrl),
  }
}

/** The form field a server problem's path names. */
export function rewardFieldFor(path: string): string | undefined {
  const field = path.replace(/^\/?body\//, '').split(/[./[]/)[0] ?? ''
  return (
    {
      name: 'name',
      type: 'type',
      coupon_template: 'couponTemplate',
      points_cost: 'pointsCost',
      cash_cost: 'cashCost',
      stock: 'stock',
      tiers: 'tiers',
      per_member_limit: 'perMemberLimit',
      description: 'description',
      image_url: 'imageUrl',
    } as Record<string, string>
  )[field]
}
