import { describe, expect, it } from 'vitest'
import type { EarningRule } from '../../../api/earning-rules'
import {
  CUSTOM_TRIGGER,
  emptyRuleForm,
  fieldForPath,
  formToRuleInput,
  formTrigger,
  ruleToForm,
} from './rule-form'

const rule: EarningRule = {
  id: 'rule_1',
  name: 'Shoes bonus',
  trigger: 'app.opened',
  condition: { in: ['shoes', { var: 'order.categories' }] },
  reward: { type: 'per_amount', points: 2, per: 150 },
  growth: { type: 'fixed', points: 5 },
  tier_multipliers: { gold: 1.5 },
  limits: { per_member_per_day: 100, total_budget: 5000 },
  starts_at: '2026-03-01T02:00:00.000Z',
  ends_at: null,
  active: false,
  budget_used: 0,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
}

describe('rule form', () => {
  it('shows money in yuan, times in the program zone and custom triggers as text', () => {
    const values = ruleToForm(rule, 'CNY', 'Asia/Shanghai')
    expect(values.triggerChoice).toBe(CUSTOM_TRIGGER)
    expect(values.customTrigger).toBe('app.opened')
    expect(values.reward).toEqual({ type: 'per_amount', points: 2, perMajor: 1.5 })
    expect(values.startsAt).toBe('2026-03-01T10:00')
    expect(values.multipliers).toEqual([{ tier: 'gold', value: 1.5 }])
  })

  it('round-trips a rule through the form', () => {
    const values = ruleToForm(rule, 'CNY', 'Asia/Shanghai')
    const { id, budget_used, created_at, updated_at, ...input } = rule
    expect(formToRuleInput(values, rule.condition, 'CNY', 'Asia/Shanghai')).toEqual(input)
  })

  it('clears what the form leaves empty', () => {
    const values = { ...emptyRuleForm(), name: '  Base  ' }
    values.multipliers = [{ tier: 'gold' }]
    values.limits = { per_member_total: null }
    expect(formToRuleInput(values, null, 'CNY', 'Asia/Shanghai')).toEqual({
      name: 'Base',
      trigger: 'order.completed',
      condition: null,
      reward: { type: 'per_amount', points: 1, per: 100 },
      growth: null,
      tier_multipliers: {},
      limits: {},
      starts_at: null,
      ends_at: null,
      active: true,
    })
  })

  it('reads the trigger even when the custom field is not on screen', () => {
    expect(formTrigger({ triggerChoice: CUSTOM_TRIGGER })).toBe('')
    expect(formTrigger({ triggerChoice: CUSTOM_TRIGGER, customTrigger: ' app.opened ' })).toBe(
      'app.opened',
    )
    expect(formTrigger({})).toBe('order.completed')
  })

  it('maps server problem paths to fields', () => {
    expect(fieldForPath('reward.per', false)).toEqual(['reward', 'perMajor'])
    expect(fieldForPath('growth.points', false)).toEqual(['growth', 'points'])
    expect(fieldForPath('limits.total_budget', false)).toEqual(['limits', 'total_budget'])
    expect(fieldForPath('trigger', true)).toEqual(['customTrigger'])
    expect(fieldForPath('tier_multipliers.gold', false)).toBeNull()
  })
})
