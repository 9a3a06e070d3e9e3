import { beforeAll, describe, expect, it } from 'vitest'
import { benefitsProgram, type TestApp, type TestProgram } from './support/index.js'

/*
 * Benefits that orders and quotes apply by themselves: a tier discount (`source: "tier"`), free
 * shipping (`source: "benefit"`) within its quota, a points multiplier; each use recorded with
 * the order, never past the quota under parallel orders, and given back once by a full refund.
 */

const { on, createBenefit, member, benefitsOf, order } = benefitsProgram()
let t: TestApp
let p: TestProgram
let discount: { id: string }
let shipping: { id: string }
beforeAll(async () => {
  ;({ t, p } = on)
  discount = await createBenefit({
    key: 'gold-price',
    name: '金卡 95 折',
    type: 'discount',
    tiers: ['gold'],
    config: { percent_off: 5 },
  })
  shipping = await createBenefit({
    key: 'free-ship',
    name: '每月两次包邮',
    type: 'free_shipping',
    tiers: ['gold'],
    quota: { count: 2, period: 'month' },
  })
})

const items = [
  { sku: 'coat', category: 'coats', quantity: 1, unit_price: 19_999 },
  { sku: 'scarf', category: 'scarves', quantity: 1, unit_price: 1 },
]
let orderSeq = 0
const nextId = () => `bo-${process.pid}-${++orderSeq}`

describe('orders and quotes of a member whose tier has benefits', () => {
  it('quotes and orders with the tier discount and free shipping, and records the uses', async () => {
    const gold = await member('gold')
    const quote = await t.call('POST', '/v1/checkout/quote', {
      key: p.keys.server,
      body: { member: gold.id, items, shipping_fee: 1_200 },
    })
    expect(quote.statusCode, quote.body).toBe(200)
    // 5 % of 20,000 is 1,000, spread over the items by what each costs.
    expect(quote.json()).toMatchObject({
      subtotal: 20_000,
      discounts: [
        { source: 'tier', id: discount.id, amount: 1_000 },
        { source: 'benefit', id: shipping.id, amount: 1_200 },
      ],
      shipping_fee: 1_200,
      shipping_discount: 1_200,
      total: 19_000,
      points_to_earn: 190,
      benefits_used: ['gold-price', 'free-ship'],
    })
    // The quote used nothing.
    expect((await benefitsOf(gold.id)).find((b) => b.key === 'free-ship')?.quota?.used).toBe(0)

    const id = nextId()
    const res = await order({ id, member: gold.id, amount: 19_000, items, shipping_fee: 1_200 })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().effects).toMatchObject({
      points_earned: 190,
      discounts: [
        { source: 'tier', id: discount.id, amount: 1_000 },
        { source: 'benefit', id: shipping.id, amount: 1_200 },
      ],
      coupons_redeemed: [],
      benefits_used: ['gold-price', 'free-ship'],
    })
    expect(res.json().order.discounts).toEqual([
      { source: 'tier', id: discount.id, code: 'gold-price', amount: 1_000 },
      { source: 'benefit', id: shipping.id, code: 'free-ship', amount: 1_200 },
    ])
    const left = (await benefitsOf(gold.id)).find((b) => b.key === 'free-ship')
    expect(left?.quota).toMatchObject({ count: 2, used: 1, remaining: 1 })
    const uses = await t.call('GET', `/v1/members/${gold.id}/benefit-uses`, {
      key: p.keys.readonly,
    })
    expect(
      uses
        .json()
        .data.map((u: { benefit: string; reference: unknown; amount: number }) => [
          u.benefit,
          u.reference,
          u.amount,
        ]),
    ).toEqual(
      expect.arrayContaining([
        ['gold-price', { kind: 'order', id }, 1_000],
        ['free-ship', { kind: 'order', id }, 1_200],
      ]),
    )
    const events = await t.services.db
      .selectFrom('outbox_events')
      .select(['type', 'data'])
      .where('program_id', '=', p.id)
      .where('member_id', '=', gold.id)
      .where('type', '=', 'benefit.used')
      .execute()
    // One event for the order, naming every use.
    expect(events.map((e) => e.data)).toEqual([
      {
        member: gold.id,
        reference: { kind: 'order', id },
        uses: [
          { benefit: 'gold-price', use: expect.stringMatching(/^bus_/), amount: 1_000 },
          { benefit: 'free-ship', use: expect.stringMatching(/^bus_/), amount: 1_200 },
        ],
      },
    ])
    // A replay answers as stored and uses nothing more.
    const replay = await order({ id, member: gold.id, amount: 19_000, items, shipping_fee: 1_200 })
    expect(replay.body).toBe(res.body)
    expect((await benefitsOf(gold.id)).find((b) => b.key === 'free-ship')?.quota?.used).toBe(1)
  })

  it('applies nothing to a member whose tier has no benefits', async () => {
    const plain = await member('member')
    const res = await order({
      id: nextId(),
      member: plain.id,
      amount: 20_000,
      items,
      shipping_fee: 900,
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().effects).toMatchObject({ discounts: [], benefits_used: [] })
  })

  it('stops free shipping at the quota, and never passes it under parallel orders', async () => {
    const gold = await member('gold')
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        order({ id: nextId(), member: gold.id, amount: 19_000, items, shipping_fee: 800 }),
      ),
    )
    for (const r of results) expect(r.statusCode, r.body).toBe(201)
    const shipped = results.filter((r) =>
      r.json().effects.benefits_used.includes('free-ship'),
    ).length
    expect(shipped).toBe(2)
    // The tier discount has no quota: every order had it.
    for (const r of results) expect(r.json().effects.benefits_used).toContain('gold-price')
    const row = await t.services.db
      .selectFrom('benefit_usage')
      .select('used')
      .where('program_id', '=', p.id)
      .where('member_id', '=', gold.id)
      .where('benefit_id', '=', shipping.id)
      .executeTakeFirstOrThrow()
    expect(row.used).toBe(2)
    const next = await t.call('POST', '/v1/checkout/quote', {
      key: p.keys.server,
      body: { member: gold.id, items, shipping_fee: 800 },
    })
    expect(next.json()).toMatchObject({ shipping_discount: 0, benefits_used: ['gold-price'] })
  })

  it('shares one quota between orders and uses by hand arriving together', async () => {
    const gold = await member('gold')
    const results = await Promise.all([
      ...Array.from({ length: 3 }, () =>
        order({ id: nextId(), member: gold.id, amount: 19_000, items, shipping_fee: 700 }),
      ),
      ...Array.from({ length: 3 }, () =>
        t.call('POST', `/v1/members/${gold.id}/benefits/free-ship/uses`, {
          key: p.keys.server,
          body: { reference: 'desk' },
        }),
      ),
    ])
    const orders = results.slice(0, 3)
    const byHand = results.slice(3)
    for (const r of orders) expect(r.statusCode, r.body).toBe(201)
    for (const r of byHand) expect([201, 422]).toContain(r.statusCode)
    const shipped = orders.filter((r) => r.json().effects.benefits_used.includes('free-ship'))
    const manual = byHand.filter((r) => r.statusCode === 201)
    // Two uses a month, however they arrive: never more, and none left unused.
    expect(shipped.length + manual.length).toBe(2)
    const kept = await t.services.db
      .selectFrom('benefit_uses')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('program_id', '=', p.id)
      .where('member_id', '=', gold.id)
      .where('benefit_id', '=', shipping.id)
      .executeTakeFirstOrThrow()
    expect(Number(kept.n)).toBe(2)
  })

  it('gives the uses back once when the order is fully refunded, not on a partial refund', async () => {
    const gold = await member('gold')
    const id = nextId()
    const placed = await order({ id, member: gold.id, amount: 19_000, items, shipping_fee: 500 })
    expect(placed.statusCode, placed.body).toBe(201)
    const partial = await t.call('POST', `/v1/orders/${id}/refunds`, {
      key: p.keys.server,
      body: { id: `${id}-r1`, amount: 9_000 },
    })
    expect(partial.statusCode, partial.body).toBe(201)
    expect(partial.json().effects.benefits_returned).toEqual([])
    expect((await benefitsOf(gold.id)).find((b) => b.key === 'free-ship')?.quota?.used).toBe(1)
    // The rest, asked twice at once (two refund ids for the same remaining amount): one passes.
    const rest = await Promise.all(
      ['r2', 'r3'].map((r) =>
        t.call('POST', `/v1/orders/${id}/refunds`, {
          key: p.keys.server,
          body: { id: `${id}-${r}`, amount: 10_000 },
        }),
      ),
    )
    const passed = rest.filter((r) => r.statusCode === 201)
    expect(passed).toHaveLength(1)
    expect(passed[0]?.json().effects.benefits_returned.sort()).toEqual(['free-ship', 'gold-price'])
    expect((await benefitsOf(gold.id)).find((b) => b.key === 'free-ship')?.quota?.used).toBe(0)
    const uses = await t.call('GET', `/v1/members/${gold.id}/benefit-uses`, {
      key: p.keys.readonly,
    })
    for (const u of uses.json().data) expect(u.returned_at).not.toBeNull()
    const audit = await t.call('GET', '/v1/benefits/free-ship/audit', { key: p.keys.readonly })
    expect(audit.json().returned).toBeGreaterThanOrEqual(1)
  })

  it('multiplies what the rules pay with a points multiplier benefit', async () => {
    await createBenefit({
      key: 'double',
      name: 'Double points',
      type: 'points_multiplier',
      tiers: ['gold'],
      config: { multiplier: 2 },
    })
    try {
      const gold = await member('gold')
      const res = await order({ id: nextId(), member: gold.id, amount: 10_000 })
      expect(res.statusCode, res.body).toBe(201)
      // 100 points for ¥100, doubled; no items or shipping: the 5 % applies to the amount.
      expect(res.json().effects).toMatchObject({
        points_earned: 200,
        benefits_used: ['gold-price', 'double'],
      })
    } finally {
      const off = await t.call('PATCH', '/v1/benefits/double', {
        key: p.keys.admin,
        body: { active: false },
      })
      expect(off.statusCode).toBe(200)
    }
  })

  it('sees a benefit change at once: a tier discount switched off is not applied', async () => {
    const gold = await member('gold')
    const off = await t.call('PATCH', '/v1/benefits/gold-price', {
      key: p.keys.admin,
      body: { active: false },
    })
    expect(off.statusCode).toBe(200)
    try {
      const res = await order({ id: nextId(), member: gold.id, amount: 20_000, items })
      expect(res.json().effects.benefits_used).toEqual([])
    } finally {
      await t.call('PATCH', '/v1/benefits/gold-price', {
        key: p.keys.admin,
        body: { active: true },
      })
    }
  })
})
