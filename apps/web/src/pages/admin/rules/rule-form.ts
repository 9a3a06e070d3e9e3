import {
  BUILT_IN_EVENT_TYPES,
  type EarningRule,
  type EarningRuleInput,
  ORDER_TRIGGER,
  type RuleLimits,
  type RuleReward,
} from '../../../api/earning-rules'
import { toMajorUnits, toMinorUnits } from '../../../i18n/format'
import { isoToZonedInput, zonedInputToIso } from '../../../i18n/zoned-time'
import { formatCondition } from './condition'

/** The trigger select's value for "a custom event type" (typed in a text field). */
export const CUSTOM_TRIGGER = '__custom__'

export const LIMIT_KEYS = [
  'per_member_per_day',
  'per_member_per_month',
  'per_member_total',
  'total_budget',
] as const satisfies readonly (keyof RuleLimits)[]

export interface RewardFormValues {
  type: RuleReward['type']
  points: number | null
  /** Major currency units (yuan) per step, for `per_amount`. */
  perMajor: number | null
}

/** The rule editor's fields: money in yuan, times as wall clock in the program's zone. */
export interface RuleFormValues {
  name: string
  triggerChoice: string
  customTrigger: string
  conditionText: string
  reward: RewardFormValues
  growthEnabled: boolean
  growth: RewardFormValues
  multipliers: { tier?: string; value?: number | null }[]
  limits: Partial<Record<keyof RuleLimits, number | null>>
  /** `YYYY-MM-DDTHH:mm` in the program's time zone, or '' for none. */
  startsAt: string
  endsAt: string
  active: boolean
}

const DEFAULT_REWARD: RewardFormValues = { type: 'per_amount', points: 1, perMajor: 1 }

export function emptyRuleForm(): RuleFormValues {
  return {
    name: '',
    triggerChoice: ORDER_TRIGGER,
    customTrigger: '',
    conditionText: '',
    reward: { ...DEFAULT_REWARD },
    growthEnabled: false,
    growth: { ...DEFAULT_REWARD },
    multipliers: [],
    limits: {},
    startsAt: '',
    endsAt: '',
    active: true,
  }
}

export function isKnownTrigger(trigger: string): boolean {
  return trigger === ORDER_TRIGGER || (BUILT_IN_EVENT_TYPES as readonly string[]).includes(trigger)
}

/** The trigger the form describes: a known one from the select, else the custom text. */
export function formTrigger(
  values: Partial<Pick<RuleFormValues, 'triggerChoice' | 'customTrigger'>>,
) {
  // Watched values leave out fields not on screen, so either may be missing.
  return values.triggerChoice === CUSTOM_TRIGGER
    ? (values.customTrigger ?? '').trim()
    : (values.triggerChoice ?? ORDER_TRIGGER)
}

function rewardToForm(reward: RuleReward, currency: string): RewardFormValues {
  return reward.type === 'per_amount'
    ? { type: 'per_amount', points: reward.points, perMajor: toMajorUnits(reward.per, currency) }
    : { type: 'fixed', points: reward.points, perMajor: DEFAULT_REWARD.perMajor }
}

function formToReward(values: RewardFormValues, currency: string): RuleReward {
  const points = values.points ?? 0
  if (values.type === 'fixed') return { type: 'fixed', points }
  return { type: 'per_amount', points, per: toMinorUnits(values.perMajor ?? 0, currency) }
}

export function ruleToForm(rule: EarningRule, currency: string, timeZone: string): RuleFormValues {
  const known = isKnownTrigger(rule.trigger)
  return {
    name: rule.name,
    triggerChoice: known ? rule.trigger : CUSTOM_TRIGGER,
    customTrigger: known ? '' : rule.trigger,
    conditionText: rule.condition ? formatCondition(rule.condition) : '',
    reward: rewardToForm(rule.reward, currency),
    growthEnabled: rule.growth !== null,
    growth: rule.growth ? rewardToForm(rule.growth, currency) : { ...DEFAULT_REWARD },
    multipliers: Object.entries(rule.tier_multipliers ?? {}).map(([tier, value]) => ({
      tier,
      value,
    })),
    limits: { ...rule.limits },
    startsAt: rule.starts_at ? isoToZonedInput(rule.starts_at, timeZone) : '',
    endsAt: rule.ends_at ? isoToZonedInput(rule.ends_at, timeZone) : '',
    active: rule.active,
  }
}

/**
 * The complete rule for `POST` (or `PATCH`, where every field replaces the stored one:
 * empty limits and multipliers clear them, null growth and dates clear them).
 */
export function formToRuleInput(
  values: RuleFormValues,
  condition: Record<string, unknown> | null,
  currency: string,
  timeZone: string,
): EarningRuleInput {
  const limits: RuleLimits = {}
  for (const key of LIMIT_KEYS) {
    const value = values.limits[key]
    if (typeof value === 'number') limits[key] = value
  }
  const tierMultipliers: Record<string, number> = {}
  for (const row of values.multipliers) {
    if (row.tier && typeof row.value === 'number') tierMultipliers[row.tier] = row.value
  }
  return {
    name: values.name.trim(),
    trigger: formTrigger(values),
    condition,
    reward: formToReward(values.reward, currency),
    growth: values.growthEnabled ? formToReward(values.growth, currency) : null,
    tier_multipliers: tierMultipliers,
    limits,
    starts_at: values.startsAt ? zonedInputToIso(values.startsAt, timeZone) : null,
    ends_at: values.endsAt ? zonedInputToIso(values.endsAt, timeZone) : null,
    active: values.active,
  }
}

/** The form field a server problem path (`reward.per`, `limits.total_budget`) belongs to. */
export function fieldForPath(path: string, customTrigger: boolean): (string | number)[] | null {
  const [head, sub] = path.split('.')
  switch (head) {
    case 'name':
      return ['name']
    case 'trigger':
      return [customTrigger ? 'customTrigger' : 'triggerChoice']
    case 'reward':
    case 'growth':
      return [head, sub === 'per' ? 'perMajor' : 'points']
    case 'limits':
      return sub && (LIMIT_KEYS as readonly string[]).includes(sub) ? ['limits', sub] : null
    case 'starts_at':
      return ['startsAt']
    case 'ends_at':
      return ['endsAt']
    default:
      return null
  }
}
