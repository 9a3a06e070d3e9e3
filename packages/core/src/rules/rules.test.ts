import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '../shared/app-error.js'
import { MAX_AMOUNT, MAX_POINTS } from '../shared/limits.js'
import { buildCondition, compileCondition, conditionErrors } from './rule-condition.js'
import { buildOrderContext, type MemberFacts } from './rule-context.js'
import {
  applyLimits,
  type EarningRule,
  evaluateRules,
  limitedGrowth,
  NO_USAGE,
  type Reward,
  type RuleInput,
  type RuleLimits,
  rewardPoints,
  usagePeriods,
  validateRule,
} from './rules.js'

const TZ = 'Asia/Shanghai'
const member: MemberFacts = {
  id: 'mem_1',
  tier: 'gold',
  joined_at: new Date('2026-01-01T00:00:00+08:00'),
  birthday: '--05-17',
  orders_count: 3,
  lifetime_spend: 50000,
  growth: 500,
  points: 120,
  attributes: { city: '上海' },
}
const perYuan: Reward = { type: 'per_amount', points: 1, per: 100 }

function rule(fields: Partial<EarningRule> = {}): EarningRule {
  const at = new Date('2026-01-01T00:00:00Z')
  return {
    id: 'rule_A',
    name: 'r',
    trigger: 'order.completed',
    condition: null,
    reward: perYuan,
    growth: null,
    tier_multipliers: {},
    limits: {},
    starts_at: null,
    ends_at: null,
    active: true,
    budget_used: 0,
    created_at: at,
    updated_at: at,
    deleted_at: null,
    ...fields,
  }
}

function paths(fn: () => void): string[] {
  try {
    fn()
  } catch (error) {
    if (error instanceof AppError) return (error.errors ?? []).map((e) => e.path)
    throw error
  }
  return []
}

describe('validateRule', () => {
  const base: RuleInput = { name: 'r', trigger: 'order.completed', reward: perYuan }

  it('accepts a well-formed rule', () => {
    expect(paths(() => validateRule(base))).toEqual([])
    const full: RuleInput = {
      ...base,
      condition: { and: [{ '>=': [{ var: 'order.amount' }, 1] }, { preserve: { foo: 1 } }] },
      growth: { type: 'fixed', points: 0 },
      tier_multipliers: { gold: 1.5, vip: 0.5 },
      limits: { per_member_per_day: 1, total_budget: 10 },
      starts_at: '2026-01-01T00:00:00Z',
      ends_at: '2026-01-01T00:00:01Z',
    }
    expect(paths(() => validateRule(full))).toEqual([])
  })

  it('names every problem by its path', () => {
    const bad = {
      ...base,
      trigger: 'Order',
      reward: { type: 'per_amount', points: -1, per: 0 },
      growth: { type: 'fixed', points: 1.5 },
      tier_multipliers: { gold: 0, silver: 1.00001 },
      limits: { per_member_total: 0 },
      starts_at: '2026-02-01T00:00:00Z',
      ends_at: '2026-01-01T00:00:00Z',
    } as RuleInput
    expect(paths(() => validateRule(bad))).toEqual([
      'trigger',
      'reward.points',
      'reward.per',
      'growth.points',
      'tier_multipliers.gold',
      'tier_multipliers.silver',
      'limits.per_member_total',
      'ends_at',
    ])
  })

  it('finds unknown operators at any depth, and nothing inside preserve', () => {
    expect(conditionErrors({ foo: 1 })).toEqual([
      { path: 'condition.foo', message: 'unknown operator "foo"' },
    ])
    expect(conditionErrors({ or: [{ '!': { bar: [] } }, { if: [true, { baz: 1 }, 0] }] })).toEqual([
      { path: 'condition.or[0].!.bar', message: 'unknown operator "bar"' },
      { path: 'condition.or[1].if[1].baz', message: 'unknown operator "baz"' },
    ])
    expect(conditionErrors({ preserve: { anything: { goes: 1 } } })).toEqual([])
    expect(conditionErrors({ '==': [1, 1], '!=': [1, 2] })[0]?.path).toBe('condition')
    expect(paths(() => validateRule({ ...base, condition: { '/': [1, 0] } }))).toEqual([
      'condition',
    ])
  })

  it('refuses conditions nested too deep', () => {
    let deep: Record<string, unknown> = { var: 'order.amount' }
    for (let i = 0; i < 40; i++) deep = { '!': deep }
    expect(paths(() => validateRule({ ...base, condition: deep }))[0]).toMatch(/^condition(\.!)+$/)
  })
})

describe('reward bounds', () => {
  const ruleBase: RuleInput = { name: 'r', trigger: 'order.completed', reward: perYuan }

  it('refuses rewards, steps and limits past the documented bounds', () => {
    expect(
      paths(() => validateRule({ ...ruleBase, reward: { type: 'fixed', points: MAX_POINTS + 1 } })),
    ).toEqual(['reward.points'])
    expect(
      paths(() =>
        validateRule({
          ...ruleBase,
          reward: { type: 'per_amount', points: 1, per: MAX_AMOUNT + 1 },
          growth: { type: 'fixed', points: 2 ** 53 - 1 },
          limits: { total_budget: 2 ** 53 - 1 },
        }),
      ),
    ).toEqual(['reward.per', 'growth.points', 'limits.total_budget'])
    expect(() =>
      validateRule({ ...ruleBase, reward: { type: 'fixed', points: MAX_POINTS } }),
    ).not.toThrow()
  })
})

describe('rewardPoints', () => {
  const reward = fc.oneof(
    fc.record({
      type: fc.constant('per_amount' as const),
      points: fc.integer({ min: 0, max: 1000 }),
      per: fc.integer({ min: 1, max: 100_000 }),
    }),
    fc.record({
      type: fc.constant('fixed' as const),
      points: fc.integer({ min: 0, max: 100_000 }),
    }),
  )
  // Multipliers with at most four decimals, as validation allows.
  const multiplier = fc.integer({ min: 1, max: 1_000_000 }).map((n) => n / 10_000)
  const amount = fc.integer({ min: 0, max: 1_000_000_000 })

  it('is never negative and is monotone in the amount', () => {
    fc.assert(
      fc.property(reward, amount, amount, multiplier, (r, a, b, m) => {
        const [low, high] = a <= b ? [a, b] : [b, a]
        expect(rewardPoints(r, low, m)).toBeGreaterThanOrEqual(0)
        expect(rewardPoints(r, low, m)).toBeLessThanOrEqual(rewardPoints(r, high, m))
      }),
    )
  })

  it('per_amount rounds down: points per whole step, no more', () => {
    fc.assert(
      // Below MAX_POINTS / 3, where no cap applies.
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.nat(300_000_000), (per, a) => {
        const points = rewardPoints({ type: 'per_amount', points: 3, per }, a)
        expect(points).toBe(3 * Math.floor(a / per))
        expect((points / 3) * per).toBeLessThanOrEqual(a)
        expect((points / 3 + 1) * per).toBeGreaterThan(a)
      }),
    )
    expect(rewardPoints(perYuan, 12999)).toBe(129)
    expect(rewardPoints(perYuan, 99)).toBe(0)
  })

  it('multiplies exactly, then rounds down', () => {
    fc.assert(
      fc.property(reward, amount, fc.integer({ min: 1, max: 1_000_000 }), (r, a, scaled) => {
        const base =
          r.type === 'fixed' ? BigInt(r.points) : (BigInt(a) / BigInt(r.per)) * BigInt(r.points)
        const expected = (base * BigInt(scaled)) / 10_000n
        const capped = expected > BigInt(MAX_POINTS) ? MAX_POINTS : Number(expected)
        expect(rewardPoints(r, a, scaled / 10_000)).toBe(capped)
      }),
    )
    expect(rewardPoints(perYuan, 12999, 1.5)).toBe(193)
    expect(rewardPoints(perYuan, 10000, 1.15)).toBe(115)
    expect(rewardPoints({ type: 'fixed', points: 29 }, 0, 0.29)).toBe(8)
    expect(rewardPoints({ type: 'fixed', points: 100 }, 0, 0.29)).toBe(29)
  })

  it('stays exact up to the bounds, and pays at most MAX_POINTS for one order', () => {
    // 10^12 × 10^9 would be 10^21 in floats, written "1e+21": no database takes that as int8.
    const most = { type: 'per_amount' as const, points: MAX_POINTS, per: 1 }
    expect(rewardPoints(most, MAX_AMOUNT, 100)).toBe(MAX_POINTS)
    // 3 × floor(999,999,999,999 / 7) = 428,571,428,571: past the cap.
    expect(rewardPoints({ type: 'per_amount', points: 3, per: 7 }, 999_999_999_999)).toBe(
      MAX_POINTS,
    )
    expect(rewardPoints({ type: 'per_amount', points: 3, per: 7 }, 2_333_333_331)).toBe(999_999_999)
    expect(
      rewardPoints({ type: 'per_amount', points: 1, per: 1_000 }, 99_999_999_999, 1.0001),
    ).toBe(Number((99_999_999n * 10_001n) / 10_000n))
  })
})

describe('applyLimits', () => {
  const cap = fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined })
  const limitsArb = fc.record({
    per_member_per_day: cap,
    per_member_per_month: cap,
    per_member_total: cap,
    total_budget: cap,
  })
  const used = fc.integer({ min: 0, max: 1200 })

  it('never pays past a cap, never negative, never more than due', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        limitsArb,
        used,
        used,
        used,
        used,
        (points, l, d, m, t, b) => {
          const limits = Object.fromEntries(
            Object.entries(l).filter(([, v]) => v !== undefined),
          ) as RuleLimits
          const usage = { day: d, month: m, total: t, budget_used: b }
          const paid = applyLimits(points, limits, usage)
          expect(paid).toBeGreaterThanOrEqual(0)
          expect(paid).toBeLessThanOrEqual(points)
          if (limits.per_member_per_day)
            expect(d + paid).toBeLessThanOrEqual(Math.max(d, limits.per_member_per_day))
          if (limits.total_budget)
            expect(b + paid).toBeLessThanOrEqual(Math.max(b, limits.total_budget))
          // Tight: it pays all that the tightest cap leaves.
          const room = Math.min(
            points,
            ...(limits.per_member_per_day ? [limits.per_member_per_day - d] : []),
            ...(limits.per_member_per_month ? [limits.per_member_per_month - m] : []),
            ...(limits.per_member_total ? [limits.per_member_total - t] : []),
            ...(limits.total_budget ? [limits.total_budget - b] : []),
          )
          expect(paid).toBe(Math.max(0, room))
        },
      ),
    )
  })

  it('a sequence of payments never exceeds a daily cap in total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 })),
        fc.integer({ min: 1, max: 300 }),
        (dues, cap) => {
          let day = 0
          for (const due of dues)
            day += applyLimits(due, { per_member_per_day: cap }, { ...NO_USAGE, day })
          expect(day).toBe(
            Math.min(
              cap,
              dues.reduce((a, b) => a + b, 0),
            ),
          )
        },
      ),
    )
  })

  it('growth stops with the points, unless the rule pays only growth', () => {
    expect(limitedGrowth({ points: 10, growth: 3 }, 0)).toBe(0)
    expect(limitedGrowth({ points: 10, growth: 3 }, 4)).toBe(3)
    expect(limitedGrowth({ points: 0, growth: 3 }, 0)).toBe(3)
  })

  it('keys periods by the program’s day and month', () => {
    expect(usagePeriods(new Date('2026-04-30T16:00:00Z'), TZ)).toEqual({
      day: 'day:2026-05-01',
      month: 'month:2026-05',
    })
    expect(usagePeriods(new Date('2026-04-30T16:00:00Z'), 'UTC').day).toBe('day:2026-04-30')
  })
})

describe('conditions and evaluateRules', () => {
  const ctx = buildOrderContext(
    { amount: 12999, channel: 'store' },
    member,
    new Date('2026-05-01T00:00:00Z'),
    TZ,
  )
  const at = new Date('2026-05-01T00:00:00Z')

  it('compiles a rule once per version and rebuilds on change', () => {
    const r = rule({ id: 'rule_cache', condition: { '==': [{ var: 'order.channel' }, 'store'] } })
    const first = compileCondition(r)
    expect(compileCondition({ ...r })).toBe(first)
    const changed = {
      ...r,
      condition: { '==': [{ var: 'order.channel' }, 'app'] },
      updated_at: new Date(r.updated_at.getTime() + 1),
    }
    expect(compileCondition(changed)).not.toBe(first)
    expect(compileCondition(changed)(ctx)).toBe(false)
  })

  it('never throws: a condition failing at run time does not match', () => {
    expect(buildCondition({ '<': [{ '+': [{ var: 'order.channel' }, 1] }, 5] })(ctx)).toBe(false)
    expect(buildCondition({ throw: 'boom' })(ctx)).toBe(false)
    expect(buildCondition(null)(ctx)).toBe(true)
  })

  it('pays the live rules for the trigger whose condition holds, in id order', () => {
    const rules = [
      rule({ id: 'rule_D', tier_multipliers: { gold: 2 }, growth: { type: 'fixed', points: 7 } }),
      rule({ id: 'rule_B', condition: { '==': [{ var: 'order.channel' }, 'app'] } }),
      rule({ id: 'rule_C', active: false }),
      rule({ id: 'rule_E', deleted_at: at }),
      rule({ id: 'rule_F', starts_at: new Date(at.getTime() + 1) }),
      rule({ id: 'rule_G', ends_at: at }),
      rule({ id: 'rule_H', trigger: 'review.posted' }),
      rule({
        id: 'rule_A',
        reward: { type: 'fixed', points: 20 },
        ends_at: new Date(at.getTime() + 1),
      }),
    ]
    const matches = evaluateRules(rules, ctx, 'order.completed', at)
    expect(matches.map((m) => [m.rule.id, m.points, m.growth])).toEqual([
      ['rule_A', 20, 0],
      ['rule_D', 258, 7],
    ])
  })
})
