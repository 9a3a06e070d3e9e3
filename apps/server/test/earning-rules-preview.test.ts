import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createMember,
  createProgram,
  createTestApp,
  type TestApp,
  type TestProgram,
} from './support/index.js'

// POST /v1/earning-rules/preview: api.md's Earning rules examples, with exact numbers.
let t: TestApp
let program: TestProgram

beforeAll(async () => {
  t = await createTestApp()
  program = await createProgram(t)
})
afterAll(() => t.close())

const perYuan = { type: 'per_amount', points: 1, per: 100 }
const orderRule = (fields: Record<string, unknown>) => ({
  trigger: 'order.completed',
  reward: perYuan,
  ...fields,
})

async function preview(body: Record<string, unknown>) {
  const res = await t.call('POST', '/v1/earning-rules/preview', { key: program.keys.admin, body })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

const noMatch = { matched: false, points: 0, growth: 0, points_before_limits: 0 }

describe('rewards', () => {
  it('per_amount pays 1 point per ¥1, rounded down', async () => {
    expect(await preview({ rule: orderRule({}), order: { amount: 12999 } })).toEqual({
      matched: true,
      points: 129,
      growth: 0,
      points_before_limits: 129,
    })
    expect((await preview({ rule: orderRule({}), order: { amount: 99 } })).points).toBe(0)
    expect((await preview({ rule: orderRule({}), order: { amount: 0 } })).matched).toBe(true)
    const twoPer5 = orderRule({ reward: { type: 'per_amount', points: 2, per: 500 } })
    expect((await preview({ rule: twoPer5, order: { amount: 1999 } })).points).toBe(6)
  })

  it('fixed pays its points, growth is paid beside them', async () => {
    const rule = {
      trigger: 'review.posted',
      reward: { type: 'fixed', points: 20 },
      growth: { type: 'fixed', points: 3 },
    }
    expect(await preview({ rule, event: { type: 'review.posted' } })).toEqual({
      matched: true,
      points: 20,
      growth: 3,
      points_before_limits: 20,
    })
    // The event's type defaults to the rule's trigger; another type does not match.
    expect((await preview({ rule, event: {} })).points).toBe(20)
    expect(await preview({ rule, event: { type: 'content.shared' } })).toEqual(noMatch)
    expect(await preview({ rule, order: { amount: 10000 } })).toEqual(noMatch)
    const growthPerYuan = orderRule({ growth: { type: 'per_amount', points: 1, per: 100 } })
    expect((await preview({ rule: growthPerYuan, order: { amount: 25050 } })).growth).toBe(250)
  })

  it('tier_multipliers apply to the reward, rounded down, not to growth', async () => {
    const rule = orderRule({
      tier_multipliers: { gold: 1.5, silver: 1.15 },
      growth: { type: 'per_amount', points: 1, per: 100 },
    })
    const order = { amount: 12999 }
    expect(await preview({ rule, order, member: { tier: 'gold' } })).toEqual({
      matched: true,
      points: 193,
      growth: 129,
      points_before_limits: 193,
    })
    expect(
      (await preview({ rule, order: { amount: 10000 }, member: { tier: 'silver' } })).points,
    ).toBe(115)
    expect((await preview({ rule, order, member: { tier: 'member' } })).points).toBe(129)
    expect((await preview({ rule, order })).points).toBe(129)
  })

  it('a per_amount event rule counts an integer properties.amount', async () => {
    const rule = {
      trigger: 'wallet.topped_up',
      reward: { type: 'per_amount', points: 1, per: 1000 },
    }
    expect((await preview({ rule, event: { properties: { amount: 5500 } } })).points).toBe(5)
    expect((await preview({ rule, event: { properties: { amount: '5500' } } })).points).toBe(0)
  })
})

describe('conditions (api.md examples)', () => {
  const order = {
    amount: 12900,
    channel: 'store',
    items: [
      { sku: 'SH-1', category: 'shoes', quantity: 1, unit_price: 9900 },
      { sku: 'SK-2', category: 'socks', quantity: 3, unit_price: 1000 },
    ],
  }

  it('order.amount ≥ ¥100', async () => {
    const rule = orderRule({ condition: { '>=': [{ var: 'order.amount' }, 10000] } })
    expect((await preview({ rule, order })).points).toBe(129)
    expect(await preview({ rule, order: { amount: 9999 } })).toEqual(noMatch)
  })

  it('shoes in order.categories', async () => {
    const rule = orderRule({ condition: { in: ['shoes', { var: 'order.categories' }] } })
    expect((await preview({ rule, order })).matched).toBe(true)
    expect(
      (await preview({ rule, order: { ...order, items: order.items.slice(1) } })).matched,
    ).toBe(false)
    expect((await preview({ rule, order: { amount: 100 } })).matched).toBe(false)
  })

  it('order.channel is store', async () => {
    const rule = orderRule({ condition: { '==': [{ var: 'order.channel' }, 'store'] } })
    expect((await preview({ rule, order })).matched).toBe(true)
    expect((await preview({ rule, order: { ...order, channel: 'app' } })).matched).toBe(false)
  })

  it('derived fields: items_count, skus, member facts', async () => {
    const check = async (condition: unknown, extra: Record<string, unknown> = {}) =>
      (await preview({ rule: orderRule({ condition }), order, ...extra })).matched
    expect(await check({ '==': [{ var: 'order.items_count' }, 4] })).toBe(true)
    expect(await check({ in: ['SK-2', { var: 'order.skus' }] })).toBe(true)
    expect(await check({ '==': [{ var: 'order.subtotal' }, 12900] })).toBe(true)
    expect(
      await check({ some: [{ var: 'order.items' }, { '>=': [{ var: 'quantity' }, 3] }] }),
    ).toBe(true)
    const firstOrder = { '==': [{ var: 'member.orders_count' }, 0] }
    expect(await check(firstOrder)).toBe(true)
    expect(await check(firstOrder, { member: { orders_count: 2 } })).toBe(false)
    const vip = { '==': [{ var: 'member.attributes.vip' }, true] }
    expect(await check(vip, { member: { attributes: { vip: true } } })).toBe(true)
    // A condition that fails at run time (arithmetic on text) does not match; it never errors.
    expect(await check({ '>': [{ '*': [{ var: 'order.channel' }, 2] }, 1] })).toBe(false)
  })

  it('member.birthday_today and days_since_joined use the program’s time zone', async () => {
    const member = await createMember(t, program.keys.admin, {
      birthday: '1990-05-17',
      joined_at: '2026-01-01T00:00:00+08:00',
    })
    const birthday = orderRule({ condition: { '==': [{ var: 'member.birthday_today' }, true] } })
    // 01:30 on 17 May in Shanghai is still 16 May in UTC.
    const on = { amount: 100, occurred_at: '2026-05-16T17:30:00Z' }
    const before = { amount: 100, occurred_at: '2026-05-16T15:59:59Z' }
    expect((await preview({ rule: birthday, order: on, member: member.id })).matched).toBe(true)
    expect((await preview({ rule: birthday, order: before, member: member.id })).matched).toBe(
      false,
    )
    expect((await preview({ rule: birthday, order: on, member: member.external_id })).matched).toBe(
      true,
    )
    const loyal = orderRule({ condition: { '>=': [{ var: 'member.days_since_joined' }, 30] } })
    const day30 = { amount: 100, occurred_at: '2026-01-30T16:00:00Z' }
    const day29 = { amount: 100, occurred_at: '2026-01-30T15:59:59Z' }
    expect((await preview({ rule: loyal, order: day30, member: member.id })).matched).toBe(true)
    expect((await preview({ rule: loyal, order: day29, member: member.id })).matched).toBe(false)
  })
})

describe('windows, limits and stored rules', () => {
  it('counts starts_at and ends_at at the order’s occurred_at', async () => {
    const rule = orderRule({
      starts_at: '2026-05-01T00:00:00+08:00',
      ends_at: '2026-06-01T00:00:00+08:00',
    })
    const at = (occurred_at: string) => preview({ rule, order: { amount: 1000, occurred_at } })
    expect((await at('2026-04-30T15:59:59Z')).matched).toBe(false)
    expect((await at('2026-04-30T16:00:00Z')).points).toBe(10)
    expect((await at('2026-05-31T15:59:59Z')).points).toBe(10)
    expect((await at('2026-05-31T16:00:00Z')).matched).toBe(false)
  })

  it('clamps to the tightest limit and keeps the points before limits', async () => {
    const rule = orderRule({
      limits: { per_member_per_day: 50, per_member_per_month: 80, per_member_total: 40 },
      growth: { type: 'fixed', points: 2 },
    })
    expect(await preview({ rule, order: { amount: 12999 } })).toEqual({
      matched: true,
      points: 40,
      growth: 2,
      points_before_limits: 129,
    })
    const budget = orderRule({ limits: { total_budget: 100 } })
    expect((await preview({ rule: budget, order: { amount: 99999 } })).points).toBe(100)
  })

  it('previews a stored rule by its id', async () => {
    const created = await t.call('POST', '/v1/earning-rules', {
      key: program.keys.admin,
      body: {
        name: 'Stored',
        ...orderRule({ condition: { '>=': [{ var: 'order.amount' }, 5000] } }),
      },
    })
    const id = created.json().id
    expect((await preview({ rule: id, order: { amount: 5000 } })).points).toBe(50)
    expect((await preview({ rule: id, order: { amount: 4999 } })).matched).toBe(false)
  })

  it('refuses previews without exactly one sample, or with a bad rule or member', async () => {
    const bad = async (body: Record<string, unknown>, path: string) => {
      const res = await t.call('POST', '/v1/earning-rules/preview', {
        key: program.keys.admin,
        body,
      })
      expect(res.statusCode, res.body).toBe(400)
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path)
    }
    await bad({ rule: orderRule({}) }, 'order')
    await bad({ rule: orderRule({}), order: { amount: 1 }, event: { type: 'x' } }, 'order')
    await bad({ rule: orderRule({ condition: { foo: 1 } }), order: { amount: 1 } }, 'condition.foo')
    await bad({ rule: orderRule({}), order: { amount: 1 }, member: 'nobody' }, 'member')
    await bad({ rule: orderRule({}), order: { amount: 1, coupon: 'x' } }, 'order.coupon')
  })
})
