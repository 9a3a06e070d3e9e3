import type { EarningRuleRow } from '@loyalbase/db'
import { AppError, type FieldError } from '../shared/app-error.js'
import { localTime } from '../shared/calendar.js'
import { MAX_AMOUNT, MAX_POINTS, MAX_RULE_LIMIT } from '../shared/limits.js'
import { perAmountUnits, scaleDown } from '../shared/money.js'
import { assertCondition, type Condition, compileCondition } from './rule-condition.js'
import type { RuleContext } from './rule-context.js'

/** The trigger of rules that pay for orders; any other trigger is an event type. */
export const ORDER_TRIGGER = 'order.completed'
export const TRIGGER_PATTERN = /^[a-z][a-z0-9_.]*$/

/** `per_amount`: `points` for every whole `per` minor units, rounded down. `fixed`: `points`. */
export type Reward =
  | { type: 'per_amount'; points: number; per: number }
  | { type: 'fixed'; points: number }

/** Caps in points; the rule stops paying when one is reached. */
export interface RuleLimits {
  per_member_per_day?: number
  per_member_per_month?: number
  per_member_total?: number
  total_budget?: number
}

/** What a client sends to create a rule (and, whole, to preview one). */
export interface RuleInput {
  name: string
  trigger: string
  condition?: Condition | null
  reward: Reward
  growth?: Reward | null
  tier_multipliers?: Record<string, number>
  limits?: RuleLimits
  starts_at?: string | null
  ends_at?: string | null
  active?: boolean
}

/** PATCH: fields given replace the stored ones whole; `null` clears a nullable field. */
export type RulePatch = Partial<RuleInput>

export interface EarningRule {
  id: string
  name: string
  trigger: string
  condition: Condition | null
  reward: Reward
  growth: Reward | null
  tier_multipliers: Record<string, number>
  limits: RuleLimits
  starts_at: Date | null
  ends_at: Date | null
  active: boolean
  budget_used: number
  created_at: Date
  updated_at: Date
  deleted_at: Date | null
}

/** The rule as the API shows it. */
export interface EarningRuleResource {
  id: string
  name: string
  trigger: string
  condition: Condition | null
  reward: Reward
  growth: Reward | null
  tier_multipliers: Record<string, number>
  limits: RuleLimits
  starts_at: string | null
  ends_at: string | null
  active: boolean
  budget_used: number
  created_at: string
  updated_at: string
}

// Multipliers are exact to four decimals, so `1.15 × 100` is 115, not 114.99999999999999.
const MULTIPLIER_SCALE = 10_000
export const MAX_MULTIPLIER = 100
const LIMIT_KEYS = [
  'per_member_per_day',
  'per_member_per_month',
  'per_member_total',
  'total_budget',
] as const

function rewardErrors(reward: Reward, path: string): FieldError[] {
  const errors: FieldError[] = []
  if (!Number.isSafeInteger(reward.points) || reward.points < 0 || reward.points > MAX_POINTS) {
    errors.push({ path: `${path}.points`, message: `must be an integer from 0 to ${MAX_POINTS}` })
  }
  if (
    reward.type === 'per_amount' &&
    (!Number.isSafeInteger(reward.per) || reward.per <= 0 || reward.per > MAX_AMOUNT)
  ) {
    errors.push({
      path: `${path}.per`,
      message: `must be an integer from 1 to ${MAX_AMOUNT} (minor units)`,
    })
  }
  return errors
}

function multiplierScaled(value: number): number | undefined {
  const scaled = Math.round(value * MULTIPLIER_SCALE)
  if (Math.abs(value * MULTIPLIER_SCALE - scaled) > 1e-6) return undefined
  return scaled
}

/**
 * Checks what the schema cannot: a condition of known operators, rewards that never pay a
 * negative or divide by zero, a window that ends after it starts, multipliers and limits that
 * make sense. Every problem is reported with its path.
 */
export function validateRule(rule: RuleInput): void {
  const errors: FieldError[] = []
  if (!TRIGGER_PATTERN.test(rule.trigger)) {
    errors.push({ path: 'trigger', message: `must be ${ORDER_TRIGGER} or an event type` })
  }
  errors.push(...rewardErrors(rule.reward, 'reward'))
  if (rule.growth) errors.push(...rewardErrors(rule.growth, 'growth'))
  for (const [tier, value] of Object.entries(rule.tier_multipliers ?? {})) {
    const ok = typeof value === 'number' && value > 0 && value <= MAX_MULTIPLIER
    if (!ok || multiplierScaled(value) === undefined || multiplierScaled(value) === 0) {
      errors.push({
        path: `tier_multipliers.${tier}`,
        message: `must be > 0 and ≤ ${MAX_MULTIPLIER}, with at most 4 decimals`,
      })
    }
  }
  const limits = rule.limits ?? {}
  for (const key of LIMIT_KEYS) {
    const value = limits[key]
    if (
      value !== undefined &&
      (!Number.isSafeInteger(value) || value < 1 || value > MAX_RULE_LIMIT)
    ) {
      errors.push({
        path: `limits.${key}`,
        message: `must be an integer from 1 to ${MAX_RULE_LIMIT}`,
      })
    }
  }
  const startsAt = rule.starts_at ? Date.parse(rule.starts_at) : undefined
  const endsAt = rule.ends_at ? Date.parse(rule.ends_at) : undefined
  if (startsAt !== undefined && Number.isNaN(startsAt)) {
    errors.push({ path: 'starts_at', message: 'must be a date-time' })
  }
  if (endsAt !== undefined && Number.isNaN(endsAt)) {
    errors.push({ path: 'ends_at', message: 'must be a date-time' })
  }
  if (startsAt !== undefined && endsAt !== undefined && !(endsAt > startsAt)) {
    errors.push({ path: 'ends_at', message: 'must be after starts_at' })
  }
  if (errors.length > 0) {
    const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ')
    throw new AppError('invalid_request', detail, errors)
  }
  if (rule.condition != null) assertCondition(rule.condition)
}

/**
 * What a reward pays for a base amount: `per_amount` pays `points` per whole `per` (rounded
 * down), `fixed` pays `points`; then the tier multiplier, rounded down. Never negative, and
 * never more than `MAX_POINTS` for one order or event. Computed in integers (BigInt): with
 * amounts up to 10^12 and rewards up to 10^9 the products pass 2^53.
 */
export function rewardPoints(reward: Reward, amount: number, multiplier = 1): number {
  const base =
    reward.type === 'fixed'
      ? BigInt(reward.points)
      : perAmountUnits(amount, reward.per, reward.points)
  const scaled = multiplierScaled(multiplier) ?? Math.round(multiplier * MULTIPLIER_SCALE)
  return scaleDown(base, scaled, MULTIPLIER_SCALE, MAX_POINTS)
}

/** A member's use of a rule in the periods of one order or event, and the rule's budget used. */
export interface RuleUsage {
  day: number
  month: number
  total: number
  budget_used: number
}

export const NO_USAGE: RuleUsage = { day: 0, month: 0, total: 0, budget_used: 0 }

/** The usage rows an order or event at `at` counts against (the program's days and months). */
export function usagePeriods(at: Date, timeZone: string): { day: string; month: string } {
  const local = localTime(at, timeZone)
  return { day: `day:${local.date}`, month: `month:${local.month}` }
}

export const TOTAL_PERIOD = 'total'

/** Which usage rows a rule's limits count against, for something that occurred at `at`. */
export function limitedPeriods(limits: RuleLimits, at: Date, timeZone: string): string[] {
  const periods = usagePeriods(at, timeZone)
  return [
    ...(limits.per_member_per_day !== undefined ? [periods.day] : []),
    ...(limits.per_member_per_month !== undefined ? [periods.month] : []),
    ...(limits.per_member_total !== undefined ? [TOTAL_PERIOD] : []),
  ]
}

/** The cap of one usage period of a rule's limits (`day:…`, `month:…`, `total`). */
export function periodCap(limits: RuleLimits, period: string): number | undefined {
  if (period === TOTAL_PERIOD) return limits.per_member_total
  return period.startsWith('day:') ? limits.per_member_per_day : limits.per_member_per_month
}

/** A member's use of a rule at `at`, from its usage rows by period, and the rule's budget used. */
export function usageOf(
  found: ReadonlyMap<string, number>,
  at: Date,
  timeZone: string,
  budgetUsed: number,
): RuleUsage {
  const periods = usagePeriods(at, timeZone)
  return {
    day: found.get(periods.day) ?? 0,
    month: found.get(periods.month) ?? 0,
    total: found.get(TOTAL_PERIOD) ?? 0,
    budget_used: budgetUsed,
  }
}

/**
 * The points a rule may still pay: `points` clamped to the tightest remaining cap, never
 * negative. A reached limit pays 0; it never fails the order or event.
 */
export function applyLimits(points: number, limits: RuleLimits, usage: RuleUsage): number {
  const caps = [points]
  if (limits.per_member_per_day !== undefined) caps.push(limits.per_member_per_day - usage.day)
  if (limits.per_member_per_month !== undefined)
    caps.push(limits.per_member_per_month - usage.month)
  if (limits.per_member_total !== undefined) caps.push(limits.per_member_total - usage.total)
  if (limits.total_budget !== undefined) caps.push(limits.total_budget - usage.budget_used)
  return Math.max(0, Math.min(...caps))
}

/**
 * Growth follows the points: a rule whose limits leave it nothing to pay has stopped paying, so
 * it pays no growth either. A rule that pays only growth (0 points by design) always pays it.
 */
export function limitedGrowth(due: { points: number; growth: number }, granted: number): number {
  return due.points > 0 && granted === 0 ? 0 : due.growth
}

export interface RuleMatch {
  rule: EarningRule
  points: number
  growth: number
}

/** Is the rule live for something that occurred at `at` (starts_at inclusive, ends_at not)? */
export function isRuleLive(rule: EarningRule, at: Date): boolean {
  if (!rule.active || rule.deleted_at) return false
  if (rule.starts_at && at < rule.starts_at) return false
  if (rule.ends_at && at >= rule.ends_at) return false
  return true
}

/**
 * The amount `per_amount` counts: an order's `amount` (what the member paid); for an event, an
 * integer `properties.amount` when it carries one, else 0.
 */
export function baseAmount(context: RuleContext): number {
  if ('order' in context) return context.order.amount
  const amount = context.event.properties.amount
  return typeof amount === 'number' && Number.isSafeInteger(amount) && amount > 0 ? amount : 0
}

/**
 * The rules that match an order or event, with what each would pay before limits: live at the
 * time it occurred, for its trigger, condition true. Zero-point matches are kept (preview says
 * "matched"); in rule id order, which is creation order.
 */
export function evaluateRules(
  rules: EarningRule[],
  context: RuleContext,
  trigger: string,
  at: Date,
): RuleMatch[] {
  const amount = baseAmount(context)
  const matches: RuleMatch[] = []
  for (const rule of [...rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (rule.trigger !== trigger || !isRuleLive(rule, at)) continue
    if (!compileCondition(rule)(context)) continue
    const multiplier = rule.tier_multipliers[context.member.tier] ?? 1
    matches.push({
      rule,
      points: rewardPoints(rule.reward, amount, multiplier),
      growth: rule.growth ? rewardPoints(rule.growth, amount) : 0,
    })
  }
  return matches
}

export function toEarningRule(row: EarningRuleRow): EarningRule {
  return {
    id: row.id,
    name: row.name,
    trigger: row.trigger,
    condition: row.condition,
    reward: row.reward as unknown as Reward,
    growth: row.growth as unknown as Reward | null,
    tier_multipliers: row.tier_multipliers,
    limits: row.limits as RuleLimits,
    starts_at: row.starts_at,
    ends_at: row.ends_at,
    active: row.active,
    budget_used: row.budget_used,
    created_at: row.created_at,
    updated_at: row.updated_at,
    deleted_at: row.deleted_at,
  }
}

export function presentRule(rule: EarningRule): EarningRuleResource {
  return {
    id: rule.id,
    name: rule.name,
    trigger: rule.trigger,
    condition: rule.condition,
    reward: rule.reward,
    growth: rule.growth,
    tier_multipliers: rule.tier_multipliers,
    limits: rule.limits,
    starts_at: rule.starts_at?.toISOString() ?? null,
    ends_at: rule.ends_at?.toISOString() ?? null,
    active: rule.active,
    budget_used: rule.budget_used,
    created_at: rule.created_at.toISOString(),
    updated_at: rule.updated_at.toISOString(),
  }
}

/** A stored rule as input again, with a patch laid over it (for validating the result whole). */
export function patchedInput(rule: EarningRule, patch: RulePatch): RuleInput {
  const current: RuleInput = {
    name: rule.name,
    trigger: rule.trigger,
    condition: rule.condition,
    reward: rule.reward,
    growth: rule.growth,
    tier_multipliers: rule.tier_multipliers,
    limits: rule.limits,
    starts_at: rule.starts_at?.toISOString() ?? null,
    ends_at: rule.ends_at?.toISOString() ?? null,
    active: rule.active,
  }
  const defined = Object.entries(patch).filter(([, value]) => value !== undefined)
  return { ...current, ...Object.fromEntries(defined) }
}
