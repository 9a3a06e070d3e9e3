import type { MemberRow } from '@loyalbase/db'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { TierLadder } from '../ladder/ladder.js'
import { DEFAULT_POINTS_POLICY } from '../programs/programs.js'
import type { ProgramContext } from '../programs/programs.service.js'
import { type EarningRule, rewardPoints } from '../rules/rules.js'
import { type OrderSnapshot, planOrder, tierWindows } from './order-plan.js'

const NOW = new Date('2026-05-01T04:00:00Z')

const LADDER: TierLadder = {
  metric: 'spend',
  window: { type: 'lifetime' },
  downgrade: { type: 'never' },
  tiers: [
    { key: 'member', name: '会员', threshold: 0 },
    { key: 'silver', name: '银卡', threshold: 100_000 },
    { key: 'gold', name: '金卡', threshold: 500_000 },
  ],
}

function program(overrides: Partial<ProgramContext> = {}): ProgramContext {
  return {
    id: 'prog_1',
    name: 'Shop',
    currency: 'CNY',
    timezone: 'Asia/Shanghai',
    locale: 'zh-CN',
    points_policy: DEFAULT_POINTS_POLICY,
    tier_ladder: LADDER,
    rules_version: 1,
    version: 7,
    webhook_private_targets: false,
    created_at: NOW,
    ...overrides,
  }
}

function member(overrides: Partial<MemberRow> = {}): MemberRow {
  return {
    program_id: 'prog_1',
    id: 'mem_1',
    external_id: 'u-1',
    name: null,
    phone: null,
    email: null,
    birthday: null,
    status: 'active',
    joined_at: new Date('2025-01-01T00:00:00Z'),
    attributes: {},
    referral_code: 'ABCDEFGHJK',
    referred_by: null,
    tier_key: 'member',
    tier_since: new Date('2025-01-01T00:00:00Z'),
    points_available: 0,
    points_pending: 0,
    growth: 0,
    lifetime_spend: 0,
    orders_count: 0,
    points_earned: 0,
    points_redeemed: 0,
    points_expired: 0,
    points_reversed: 0,
    points_adjusted: 0,
    tier_overridden: false,
    tier_override_until: null,
    tier_reviewed: null,
    created_at: new Date('2025-01-01T00:00:00Z'),
    updated_at: new Date('2025-01-01T00:00:00Z'),
    version: 3,
    ...overrides,
  }
}

function rule(overrides: Partial<EarningRule> = {}): EarningRule {
  return {
    id: 'rule_1',
    name: 'Per yuan',
    trigger: 'order.completed',
    condition: null,
    reward: { type: 'per_amount', points: 1, per: 100 },
    growth: null,
    tier_multipliers: {},
    limits: {},
    starts_at: null,
    ends_at: null,
    active: true,
    budget_used: 0,
    created_at: NOW,
    updated_at: NOW,
    deleted_at: null,
    ...overrides,
  }
}

function snapshot(overrides: Partial<OrderSnapshot> = {}): OrderSnapshot {
  return {
    member: member(),
    usage: new Map(),
    budgets: new Map(),
    window: null,
    windows: [],
    ...overrides,
  }
}

function plan(
  amount: number,
  options: { program?: ProgramContext; rules?: EarningRule[]; snapshot?: OrderSnapshot } = {},
) {
  const result = planOrder(
    {
      program: options.program ?? program(),
      input: { id: 'o-1', member: 'mem_1', amount },
      occurredAt: NOW,
      now: NOW,
      fingerprint: 'f',
      rules: options.rules ?? [rule()],
      keyId: 'key_1',
    },
    options.snapshot ?? snapshot(),
  )
  if (result === 'needs_window') throw new Error('needs a window')
  return result
}

describe('planOrder', () => {
  it('pays each matching rule as a lot and an entry, and moves the counters', () => {
    const result = plan(12_999, {
      rules: [rule(), rule({ id: 'rule_2', reward: { type: 'fixed', points: 20 } })],
    })
    expect(result.effects).toMatchObject({
      points_earned: 149,
      points_status: 'available',
      rules: [
        { rule: 'rule_1', points: 129, growth: 0 },
        { rule: 'rule_2', points: 20, growth: 0 },
      ],
      tier_change: null,
    })
    expect(result.write.member).toMatchObject({
      version: 3,
      spend: 12_999,
      orders: 1,
      available: 149,
      pending: 0,
      earned: 149,
    })
    expect(result.write.entries.map((e) => e.balance_after)).toEqual([129, 149])
    expect(result.write.lots.map((l) => [l.earned, l.remaining])).toEqual([
      [129, 129],
      [20, 20],
    ])
    expect(result.write.program_version).toBe(7)
    expect(JSON.parse(result.body).order).toMatchObject({ id: 'o-1', points_earned: 149 })
    expect(result.write.order.response_body).toBe(result.body)
  })

  it('keeps points pending through the return window', () => {
    const result = plan(10_000, {
      program: program({ points_policy: { ...DEFAULT_POINTS_POLICY, pending_days: 7 } }),
    })
    expect(result.effects).toMatchObject({
      points_status: 'pending',
      points_available_at: '2026-05-08T04:00:00.000Z',
    })
    expect(result.write.member).toMatchObject({ available: 0, pending: 100 })
    expect(result.write.lots[0]?.status).toBe('pending')
  })

  it('pays off a negative balance first from points available at once', () => {
    const result = plan(10_000, {
      snapshot: snapshot({ member: member({ points_available: -30 }) }),
    })
    expect(result.write.lots[0]).toMatchObject({ earned: 100, remaining: 70 })
    expect(result.write.consumptions).toEqual([
      { transaction_id: result.write.entries[0]?.id, lot_id: result.write.lots[0]?.id, points: 30 },
    ])
    expect(result.write.entries[0]?.balance_after).toBe(70)
  })

  it('cuts a rule to what its caps leave, and writes the usage to be checked again', () => {
    const capped = rule({ limits: { per_member_per_day: 100, total_budget: 1_000 } })
    const result = plan(30_000, {
      rules: [capped],
      snapshot: snapshot({
        usage: new Map([['rule_1\u0000day:2026-05-01', 80]]),
        budgets: new Map([['rule_1', 990]]),
      }),
    })
    expect(result.effects.points_earned).toBe(10)
    expect(result.write.usage).toEqual([
      { rule_id: 'rule_1', period: 'day:2026-05-01', add: 10, cap: 100 },
    ])
    expect(result.write.budgets).toEqual([{ rule_id: 'rule_1', add: 10, cap: 1_000 }])
    expect(result.after.usage.get('rule_1\u0000day:2026-05-01')).toBe(90)
  })

  it('upgrades when the order crosses a threshold, and records the change', () => {
    const result = plan(60_000, {
      snapshot: snapshot({ member: member({ lifetime_spend: 50_000, orders_count: 3 }) }),
    })
    expect(result.effects.tier_change).toEqual({ from: 'member', to: 'silver' })
    expect(result.write.member.tier).toBe('silver')
    expect(result.write.tier_changes).toMatchObject([
      { from_tier: 'member', to_tier: 'silver', reason: 'upgrade' },
    ])
    expect(result.write.outbox.map((e) => e.type)).toEqual([
      'points.earned',
      'tier.changed',
      'tier.upgraded',
    ])
    expect(result.after.member).toMatchObject({ tier_key: 'silver', lifetime_spend: 110_000 })
  })

  it('asks for the tier window when a windowed ladder may upgrade and none was read', () => {
    const rolling = program({ tier_ladder: { ...LADDER, window: { type: 'rolling', months: 12 } } })
    const request = {
      program: rolling,
      input: { id: 'o-1', member: 'mem_1', amount: 200_000 },
      occurredAt: NOW,
      now: NOW,
      fingerprint: 'f',
      rules: [],
      keyId: null,
    }
    expect(planOrder(request, snapshot({ windows: tierWindows(rolling, NOW) }))).toBe(
      'needs_window',
    )
    const withWindow = planOrder(
      request,
      snapshot({
        windows: tierWindows(rolling, NOW),
        window: { current: 350_000, previous: 0, earliest: new Date('2026-01-01T00:00:00Z') },
      }),
    )
    expect(withWindow !== 'needs_window' && withWindow.effects.tier_change).toEqual({
      from: 'member',
      to: 'gold',
    })
  })

  it('agrees with the rules for any amount and balance: points, running balances, lots', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000_000 }),
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        (amount, balance, per) => {
          const r = rule({ reward: { type: 'per_amount', points: 3, per } })
          const result = plan(amount, {
            rules: [r],
            snapshot: snapshot({ member: member({ points_available: balance }) }),
          })
          const expected = rewardPoints(r.reward, amount)
          expect(result.effects.points_earned).toBe(expected)
          expect(result.write.member.available).toBe(expected)
          if (expected > 0) {
            expect(result.write.entries[0]?.balance_after).toBe(balance + expected)
            const settled = result.write.consumptions.reduce((s, c) => s + c.points, 0)
            expect(settled).toBe(Math.min(Math.max(-balance, 0), expected))
            expect(result.write.lots[0]?.remaining).toBe(expected - settled)
          }
        },
      ),
    )
  })
})

describe('planOrder paying with points', () => {
  const EARLIER = new Date('2026-03-01T00:00:00Z')
  const held = [
    { id: 'lot_a', remaining: 300, earned_at: new Date('2026-04-01T00:00:00Z') },
    { id: 'lot_b', remaining: 500, earned_at: new Date('2026-04-10T00:00:00Z') },
  ]
  const paying = (points: number, occurredAt: Date) =>
    planOrder(
      {
        program: program(),
        input: { id: 'o-9', member: 'mem_1', amount: 10_000 },
        occurredAt,
        now: NOW,
        fingerprint: 'f',
        rules: [rule()],
        keyId: 'key_1',
        checkout: { discounts: [], points_redeemed: points, points_value: points },
      },
      snapshot({
        member: member({ points_available: 800 }),
        checkout: { coupons: [], held: [], lots: held },
      }),
    )

  it('takes the oldest lots first, in one redeem entry written with the earn', () => {
    const result = paying(600, NOW)
    if (result === 'needs_window') throw new Error('needs a window')
    const { write } = result
    expect(write.spends).toEqual([
      { lot_id: 'lot_a', points: 300 },
      { lot_id: 'lot_b', points: 300 },
    ])
    const debit = write.entries.find((e) => e.type === 'redeem')
    // 800 held + 100 earned by this order, less 600.
    expect(debit).toMatchObject({ points: -600, available_delta: -600, balance_after: 300 })
    expect(write.consumptions.filter((c) => c.transaction_id === debit?.id)).toHaveLength(2)
    expect(write.member).toMatchObject({ available: 100 - 600, redeemed: 600, earned: 100 })
    expect(write.order).toMatchObject({ points_redeemed: 600, points_value: 600 })
    expect(result.after.member).toMatchObject({ points_available: 300, points_redeemed: 600 })
    expect(write.outbox.map((e) => e.type)).toEqual(['points.earned', 'points.redeemed'])
  })

  it('spends an order’s own points in their turn: a backdated order’s come before later lots', () => {
    const result = paying(350, EARLIER)
    if (result === 'needs_window') throw new Error('needs a window')
    const own = result.write.lots[0]?.id
    expect(result.write.spends).toEqual([
      { lot_id: own, points: 100 },
      { lot_id: 'lot_a', points: 250 },
    ])
  })

  it('refuses more than the lots hold with insufficient_points', () => {
    expect(() => paying(1_000, NOW)).toThrow(
      expect.objectContaining({ code: 'insufficient_points' }),
    )
  })
})
