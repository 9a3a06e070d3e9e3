import { fixedClock } from '@loyalbase/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createMember,
  createProgram,
  createTestApp,
  expectLedgerConsistent,
  type TestApp,
  type TestProgram,
} from './support/index.js'

const clock = fixedClock('2026-04-01T02:00:00Z')
let t: TestApp

beforeAll(async () => {
  t = await createTestApp({ clock })
})
afterAll(() => t.close())

async function programWithRules(
  rules: Record<string, unknown>[],
  policy: Record<string, unknown> = {},
) {
  const p = await createProgram(t, { name: 'Shop' })
  if (Object.keys(policy).length > 0) {
    const res = await t.call('PATCH', '/v1/program', {
      key: p.keys.admin,
      body: { points_policy: policy },
    })
    expect(res.statusCode, res.body).toBe(200)
  }
  const ids: string[] = []
  for (const rule of rules) {
    const res = await t.call('POST', '/v1/earning-rules', { key: p.keys.admin, body: rule })
    expect(res.statusCode, res.body).toBe(201)
    ids.push(res.json().id)
  }
  return { p, ids }
}

const perYuan = {
  name: '每消费1元得1积分',
  trigger: 'order.completed',
  reward: { type: 'per_amount', points: 1, per: 100 },
  growth: { type: 'per_amount', points: 1, per: 100 },
}

const order = (p: TestProgram, body: Record<string, unknown>) =>
  t.call('POST', '/v1/orders', { key: p.keys.server, body })
const points = async (p: TestProgram, member: string) =>
  (await t.call('GET', `/v1/members/${member}/points`, { key: p.keys.readonly })).json()
const member = async (p: TestProgram, id: string) =>
  (await t.call('GET', `/v1/members/${id}`, { key: p.keys.readonly })).json()

describe('POST /v1/orders', () => {
  it('earns by the rules at once and reports every rule that paid', async () => {
    const { p, ids } = await programWithRules([
      perYuan,
      {
        name: 'Shoes bonus',
        trigger: 'order.completed',
        condition: { in: ['shoes', { var: 'order.categories' }] },
        reward: { type: 'fixed', points: 20 },
      },
      {
        name: 'Store only',
        trigger: 'order.completed',
        condition: { '==': [{ var: 'order.channel' }, 'store'] },
        reward: { type: 'fixed', points: 5 },
      },
    ])
    const m = await createMember(t, p.keys.admin)
    const res = await order(p, {
      id: 'o-1001',
      member: m.external_id,
      amount: 12900,
      channel: 'app',
      items: [{ sku: 'SKU-1', name: '跑鞋', category: 'shoes', quantity: 1, unit_price: 12900 }],
    })
    expect(res.statusCode, res.body).toBe(201)
    const { order: o, effects } = res.json()
    expect(o).toMatchObject({
      id: 'o-1001',
      member: m.id,
      amount: 12900,
      channel: 'app',
      points_earned: 149,
      growth_earned: 129,
    })
    expect(effects).toEqual({
      points_earned: 149,
      points_status: 'available',
      growth_earned: 129,
      points_redeemed: 0,
      discounts: [],
      coupons_redeemed: [],
      benefits_used: [],
      tier_change: null,
      rules: [
        { rule: ids[0], points: 129, growth: 129 },
        { rule: ids[1], points: 20, growth: 0 },
      ].sort((a, b) => ((a.rule as string) < (b.rule as string) ? -1 : 1)),
    })
    expect(await member(p, m.id)).toMatchObject({
      points: { available: 149, pending: 0 },
      growth: 129,
      lifetime_spend: 12900,
      orders_count: 1,
    })
    const explain = (
      await t.call('GET', `/v1/members/${m.id}/points/explain`, { key: p.keys.readonly })
    ).json()
    expect(
      explain.lots
        .map((l: { source: unknown; rule: { name: string } }) => [l.source, l.rule.name])
        .sort(),
    ).toEqual(
      [
        [{ kind: 'order', id: 'o-1001' }, '每消费1元得1积分'],
        [{ kind: 'order', id: 'o-1001' }, 'Shoes bonus'],
      ].sort(),
    )
    const got = await t.call('GET', '/v1/orders/o-1001', { key: p.keys.readonly })
    expect(got.json()).toMatchObject({ id: 'o-1001', points_earned: 149, refunds: [] })
  })

  it('accepts a zero amount, keeps points pending through the return window', async () => {
    const { p } = await programWithRules([perYuan], { pending_days: 7 })
    const m = await createMember(t, p.keys.admin)
    const zero = await order(p, { id: 'zero', member: m.id, amount: 0 })
    expect(zero.json().effects).toMatchObject({ points_earned: 0, points_status: 'available' })
    const res = await order(p, {
      id: 'o-pending',
      member: m.id,
      amount: 5000,
      occurred_at: '2026-04-01T10:00:00+08:00',
    })
    expect(res.json().effects).toMatchObject({
      points_earned: 50,
      points_status: 'pending',
      points_available_at: '2026-04-08T02:00:00.000Z',
    })
    expect(await points(p, m.id)).toMatchObject({ available: 0, pending: 50 })
    const early = await t.call('POST', '/v1/jobs/points-release/run', {
      key: p.keys.admin,
      body: { as_of: '2026-04-08T01:59:59Z' },
    })
    expect(early.json()).toEqual({ processed: 0 })
    const due = await t.call('POST', '/v1/jobs/points-release/run', {
      key: p.keys.admin,
      body: { as_of: '2026-04-08T02:00:00Z' },
    })
    expect(due.json()).toEqual({ processed: 50 })
    const again = await t.call('POST', '/v1/jobs/points-release/run', {
      key: p.keys.admin,
      body: { as_of: '2026-04-08T02:00:00Z' },
    })
    expect(again.json()).toEqual({ processed: 0 })
    expect(await points(p, m.id)).toMatchObject({ available: 50, pending: 0 })
  })

  it('imports history: an old order is available at once and dated when it occurred', async () => {
    const { p } = await programWithRules([perYuan], {
      pending_days: 7,
      expiry: { type: 'rolling', months: 12 },
    })
    const m = await createMember(t, p.keys.admin)
    const res = await order(p, {
      id: 'old',
      member: m.id,
      amount: 1000,
      occurred_at: '2025-12-01T00:00:00Z',
    })
    expect(res.json().effects.points_status).toBe('available')
    expect((await points(p, m.id)).expiring).toEqual([
      { points: 10, expires_at: '2026-12-01T00:00:00.000Z' },
    ])
    const future = await order(p, {
      id: 'future',
      member: m.id,
      amount: 1000,
      occurred_at: '2026-04-03T02:00:01Z',
    })
    expect(future.statusCode).toBe(400)
  })

  it('is idempotent by the order id', async () => {
    const { p } = await programWithRules([perYuan])
    const m = await createMember(t, p.keys.admin)
    const body = { id: 'o-same', member: m.id, amount: 3000 }
    const first = await order(p, body)
    const replay = await order(p, { amount: 3000, member: m.id, id: 'o-same' })
    expect(replay.statusCode).toBe(201)
    expect(replay.body).toBe(first.body)
    const conflict = await order(p, { ...body, amount: 3001 })
    expect(conflict.statusCode).toBe(409)
    expect(conflict.json().code).toBe('idempotency_conflict')
    expect(await points(p, m.id)).toMatchObject({ available: 30 })
  })

  it('answers 404 for an unknown member, 422 for an unknown coupon, 400 for bad items', async () => {
    const { p } = await programWithRules([])
    const m = await createMember(t, p.keys.admin)
    expect((await order(p, { id: 'x1', member: 'nobody', amount: 1 })).statusCode).toBe(404)
    const coupon = await order(p, { id: 'x2', member: m.id, amount: 1, coupon_codes: ['NOPE'] })
    expect(coupon.statusCode).toBe(422)
    expect(coupon.json().code).toBe('coupon_invalid')
    const bad = await order(p, {
      id: 'x3',
      member: m.id,
      amount: 1,
      items: [{ sku: 'a', quantity: 0, unit_price: 1 }],
    })
    expect(bad.json().errors[0].path).toBe('items[0].quantity')
    expect((await order(p, { id: 'x4', member: m.id, amount: -1 })).statusCode).toBe(400)
    expect((await order(p, { id: 'x5', member: m.id, amount: '100' })).statusCode).toBe(400)
    const readonly = await t.call('POST', '/v1/orders', {
      key: p.keys.readonly,
      body: { id: 'x6', member: m.id, amount: 1 },
    })
    expect(readonly.statusCode).toBe(403)
  })

  it('pays exactly for 50 parallel orders of one member', async () => {
    const { p } = await programWithRules([perYuan])
    const m = await createMember(t, p.keys.admin)
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        order(p, { id: `par-${i}`, member: m.id, amount: 1000 + i }),
      ),
    )
    expect(results.every((r) => r.statusCode === 201)).toBe(true)
    expect(await member(p, m.id)).toMatchObject({
      points: { available: 500, pending: 0 },
      orders_count: 50,
      lifetime_spend: 50 * 1000 + (49 * 50) / 2,
      growth: 500,
    })
    const balances = results.map((r) => r.json().effects.points_earned)
    expect(balances.every((b) => b === 10)).toBe(true)
  })
})

describe('refunds', () => {
  it('reverses points and growth in proportion, pending first, and stops at the order amount', async () => {
    const { p } = await programWithRules([perYuan], { pending_days: 7 })
    const m = await createMember(t, p.keys.admin)
    await order(p, { id: 'r-1', member: m.id, amount: 12900 })
    const first = await t.call('POST', '/v1/orders/r-1/refunds', {
      key: p.keys.server,
      body: { id: 'rf-1', amount: 5000 },
    })
    expect(first.statusCode, first.body).toBe(201)
    expect(first.json()).toMatchObject({
      refund: { id: 'rf-1', order: 'r-1', amount: 5000 },
      effects: {
        points_reversed: 50,
        growth_reversed: 50,
        coupons_restored: [],
        tier_change: null,
      },
    })
    expect(await points(p, m.id)).toMatchObject({
      pending: 79,
      available: 0,
      lifetime: { reversed: 50 },
    })
    const over = await t.call('POST', '/v1/orders/r-1/refunds', {
      key: p.keys.server,
      body: { id: 'rf-2', amount: 7901 },
    })
    expect(over.statusCode).toBe(422)
    expect(over.json().code).toBe('refund_exceeds_order')
    const rest = await t.call('POST', '/v1/orders/r-1/refunds', {
      key: p.keys.server,
      body: { id: 'rf-3', amount: 7900 },
    })
    expect(rest.json().effects).toMatchObject({ points_reversed: 79, growth_reversed: 79 })
    expect(await member(p, m.id)).toMatchObject({
      points: { available: 0, pending: 0 },
      growth: 0,
      lifetime_spend: 0,
      orders_count: 1,
    })
    const replay = await t.call('POST', '/v1/orders/r-1/refunds', {
      key: p.keys.server,
      body: { id: 'rf-1', amount: 5000 },
    })
    expect(replay.body).toBe(first.body)
    const conflict = await t.call('POST', '/v1/orders/r-1/refunds', {
      key: p.keys.server,
      body: { id: 'rf-1', amount: 4000 },
    })
    expect(conflict.json().code).toBe('idempotency_conflict')
    const o = (await t.call('GET', '/v1/orders/r-1', { key: p.keys.readonly })).json()
    expect(o).toMatchObject({ refunded_amount: 12900, points_reversed: 129, growth_reversed: 129 })
    expect(o.refunds.map((r: { id: string }) => r.id)).toEqual(['rf-1', 'rf-3'])
    expect(
      (
        await t.call('POST', '/v1/orders/nope/refunds', {
          key: p.keys.server,
          body: { id: 'z', amount: 1 },
        })
      ).statusCode,
    ).toBe(404)
  })

  it('takes back spent points from the balance, and never below zero unless allowed', async () => {
    for (const allow of [false, true]) {
      const { p } = await programWithRules([perYuan], { allow_negative: allow })
      const m = await createMember(t, p.keys.admin)
      await order(p, { id: 'n-1', member: m.id, amount: 10000 })
      await t.call('POST', `/v1/members/${m.id}/points/redemptions`, {
        key: p.keys.server,
        body: { points: 80 },
      })
      const res = await t.call('POST', '/v1/orders/n-1/refunds', {
        key: p.keys.server,
        body: { id: 'nf-1', amount: 10000 },
      })
      expect(res.json().effects.points_reversed).toBe(allow ? 100 : 20)
      expect((await points(p, m.id)).available).toBe(allow ? -80 : 0)
      // With a debt, the next points pay it off first.
      await order(p, { id: 'n-2', member: m.id, amount: 10000 })
      const after = (
        await t.call('GET', `/v1/members/${m.id}/points/explain`, { key: p.keys.readonly })
      ).json()
      expect(after.available).toBe(allow ? 20 : 100)
      expect(after.lots.reduce((s: number, l: { remaining: number }) => s + l.remaining, 0)).toBe(
        allow ? 20 : 100,
      )
    }
  })

  it('reverses exactly once for parallel refunds of one order', async () => {
    const { p } = await programWithRules([perYuan])
    const m = await createMember(t, p.keys.admin)
    await order(p, { id: 'pr', member: m.id, amount: 10000 })
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.call('POST', '/v1/orders/pr/refunds', {
          key: p.keys.server,
          body: { id: `prf-${i}`, amount: 700 },
        }),
      ),
    )
    const ok = results.filter((r) => r.statusCode === 201)
    expect(ok).toHaveLength(14)
    expect(results.filter((r) => r.statusCode === 422)).toHaveLength(16)
    const reversed = ok.reduce((s, r) => s + r.json().effects.points_reversed, 0)
    expect(reversed).toBe(98)
    expect(await member(p, m.id)).toMatchObject({ points: { available: 2 }, lifetime_spend: 200 })
  })
})

describe('POST /v1/events', () => {
  it('pays built-in and custom events and caps them per day and by budget, in parallel too', async () => {
    const { p, ids } = await programWithRules([
      {
        name: '评价送积分',
        trigger: 'review.posted',
        reward: { type: 'fixed', points: 20 },
        growth: { type: 'fixed', points: 2 },
      },
      {
        name: '签到',
        trigger: 'member.checked_in',
        reward: { type: 'fixed', points: 5 },
        limits: { per_member_per_day: 10 },
      },
      {
        name: 'Quiz',
        trigger: 'quiz.completed',
        reward: { type: 'fixed', points: 7 },
        limits: { total_budget: 70 },
      },
    ])
    const m = await createMember(t, p.keys.admin)
    const review = await t.call('POST', '/v1/events', {
      key: p.keys.server,
      body: { id: 'ev-1', type: 'review.posted', member: m.id, properties: { rating: 5 } },
    })
    expect(review.statusCode, review.body).toBe(201)
    expect(review.json()).toMatchObject({
      event: {
        id: 'ev-1',
        type: 'review.posted',
        member: m.id,
        properties: { rating: 5 },
        points_earned: 20,
      },
      effects: {
        points_earned: 20,
        growth_earned: 2,
        rules: [{ rule: ids[0], points: 20, growth: 2 }],
      },
    })
    const checkins = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.call('POST', '/v1/events', {
          key: p.keys.server,
          body: { id: `ci-${i}`, type: 'member.checked_in', member: m.id },
        }),
      ),
    )
    expect(checkins.every((r) => r.statusCode === 201)).toBe(true)
    expect(checkins.reduce((s, r) => s + r.json().effects.points_earned, 0)).toBe(10)

    const others = await Promise.all(Array.from({ length: 6 }, () => createMember(t, p.keys.admin)))
    const quizzes = await Promise.all(
      others.flatMap((o, i) =>
        [0, 1, 2].map((j) =>
          t.call('POST', '/v1/events', {
            key: p.keys.server,
            body: { id: `q-${i}-${j}`, type: 'quiz.completed', member: o.id },
          }),
        ),
      ),
    )
    expect(quizzes.reduce((s, r) => s + r.json().effects.points_earned, 0)).toBe(70)
    expect(await points(p, m.id)).toMatchObject({ available: 30 })
  })

  it('rejects bad types and refuses referral.converted from outside', async () => {
    const { p } = await programWithRules([])
    const m = await createMember(t, p.keys.admin)
    for (const type of ['Bad.Type', '1abc', 'referral.converted']) {
      const res = await t.call('POST', '/v1/events', {
        key: p.keys.server,
        body: { id: `t-${type}`, type, member: m.id },
      })
      expect(res.statusCode).toBe(400)
      expect(res.json().errors[0].path).toBe('type')
    }
  })

  it('emits referral.converted for the referrer on a referred member’s first order, once', async () => {
    const { p } = await programWithRules([
      perYuan,
      { name: '推荐有礼', trigger: 'referral.converted', reward: { type: 'fixed', points: 500 } },
    ])
    const referrer = await createMember(t, p.keys.admin)
    const friend = await createMember(t, p.keys.admin, { referred_by: referrer.referral_code })
    await order(p, { id: 'f-1', member: friend.id, amount: 1000 })
    await order(p, { id: 'f-2', member: friend.id, amount: 1000 })
    expect(await points(p, referrer.id)).toMatchObject({ available: 500 })
    const ledger = (
      await t.call('GET', `/v1/members/${referrer.id}/points/transactions`, {
        key: p.keys.readonly,
      })
    ).json()
    expect(ledger.data).toHaveLength(1)
    expect(ledger.data[0].source).toEqual({ kind: 'event', id: `referral:${friend.id}` })
    const event = await t.call('GET', `/v1/events/referral:${friend.id}`, { key: p.keys.readonly })
    expect(event.json()).toMatchObject({
      type: 'referral.converted',
      member: referrer.id,
      properties: { referred_member: friend.id, order: 'f-1' },
    })
  })
})

describe('ledger check', () => {
  it('finds every balance, lot and counter in agreement with the ledger after all of the above', async () => {
    const report = await expectLedgerConsistent(t)
    expect(report.differences).toEqual([])
    expect(report.lots_checked).toBeGreaterThan(0)
  })
})
