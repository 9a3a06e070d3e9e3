import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type CouponDiscount,
  minorPerMajor,
  type PricingCoupon,
  type PricingInput,
  pointsFor,
  pointsValue,
  priceBasket,
} from './pricing.js'

const AT = new Date('2026-12-04T04:00:00Z')
const POLICY = { redeem_rate: 100, max_redeem_percent: 50 }

function coupon(discount: CouponDiscount, extra: Partial<PricingCoupon> = {}): PricingCoupon {
  return {
    id: `cpn_${Math.random().toString(36).slice(2)}`,
    code: 'ABCD-EFGH-JKMN-PQRS',
    template: 'cpt_1',
    discount,
    min_spend: null,
    applies_to: null,
    stackable: false,
    starts_at: null,
    expires_at: null,
    status: 'active',
    ...extra,
  }
}

function basket(extra: Partial<PricingInput>): PricingInput {
  return {
    items: [
      { sku: 'shoe', category: 'shoes', quantity: 1, unit_price: 30_000 },
      { sku: 'sock', category: 'socks', quantity: 2, unit_price: 1_000 },
    ],
    shipping_fee: 1_000,
    coupons: [],
    codes: [],
    points_to_redeem: 0,
    points_available: 0,
    policy: POLICY,
    minor_per_major: 100,
    at: AT,
    ...extra,
  }
}

describe('pricing a basket', () => {
  it('without coupons or points costs its items and shipping', () => {
    const priced = priceBasket(basket({}))
    expect(priced).toMatchObject({
      subtotal: 32_000,
      discounts: [],
      shipping_discount: 0,
      points_redeemed: 0,
      points_value: 0,
      total: 33_000,
    })
  })

  it('takes a percentage off, rounded down, capped, spread over items by what they cost', () => {
    const c = coupon({ type: 'percent', percent_off: 15, max_amount: 4_000 })
    const priced = priceBasket(basket({ coupons: [c], codes: [c.code] }))
    // 15 % of 32,000 = 4,800, capped at 4,000; 30,000 : 2,000 → 3,750 and 250.
    expect(priced.discounts).toEqual([
      {
        source: 'coupon',
        id: c.id,
        code: c.code,
        amount: 4_000,
        by_item: [3_750, 250],
        shipping: 0,
      },
    ])
    expect(priced.total).toBe(29_000)
  })

  it('limits a coupon to its categories and SKUs', () => {
    const c = coupon(
      { type: 'percent', percent_off: 10 },
      { applies_to: { categories: ['socks'] } },
    )
    const priced = priceBasket(basket({ coupons: [c], codes: [c.code] }))
    expect(priced.discounts[0]?.by_item).toEqual([0, 200])
    const none = coupon({ type: 'amount', amount_off: 500 }, { applies_to: { skus: ['hat'] } })
    expect(priceBasket(basket({ coupons: [none], codes: [none.code] })).refused).toEqual([
      { code: none.code, id: none.id, reason: 'no_eligible_items' },
    ])
  })

  it('refuses what is not due, spent, unknown, short of the minimum, or not stackable', () => {
    const late = coupon({ type: 'amount', amount_off: 100 }, { expires_at: AT })
    const early = coupon(
      { type: 'amount', amount_off: 100 },
      { starts_at: new Date(AT.getTime() + 1) },
    )
    const used = coupon({ type: 'amount', amount_off: 100 }, { status: 'redeemed' })
    const big = coupon({ type: 'amount', amount_off: 100 }, { min_spend: 32_001 })
    const reasons = (c: PricingCoupon | null, code = 'X') =>
      priceBasket(basket({ coupons: [c], codes: [code] })).refused.map((r) => r.reason)
    expect(reasons(late)).toEqual(['expired'])
    expect(reasons(early)).toEqual(['not_started'])
    expect(reasons(used)).toEqual(['invalid'])
    expect(reasons(null)).toEqual(['invalid'])
    expect(reasons(big)).toEqual(['min_spend_not_met'])
    const a = coupon({ type: 'amount', amount_off: 100 }, { stackable: true })
    const b = coupon({ type: 'amount', amount_off: 100 })
    const both = priceBasket(basket({ coupons: [a, b, a], codes: [a.code, b.code, a.code] }))
    expect(both.discounts.map((d) => d.id)).toEqual([a.id])
    expect(both.refused.map((r) => r.reason)).toEqual(['not_stackable', 'duplicate'])
  })

  it('frees the shipping', () => {
    const c = coupon({ type: 'free_shipping' })
    const priced = priceBasket(basket({ coupons: [c], codes: [c.code] }))
    expect(priced.shipping_discount).toBe(1_000)
    expect(priced.total).toBe(32_000)
  })

  it('pays with points up to the policy share, the balance and the request, in whole units', () => {
    // 50 % of 33,000 = 16,500 minor units = 16,500 points at 100 points per yuan.
    expect(
      priceBasket(basket({ points_to_redeem: 99_999, points_available: 20_000 })),
    ).toMatchObject({
      points_redeemed: 16_500,
      points_value: 16_500,
      total: 16_500,
    })
    expect(priceBasket(basket({ points_to_redeem: 5_000, points_available: 3_000 }))).toMatchObject(
      {
        points_redeemed: 3_000,
        points_value: 3_000,
      },
    )
    // 1,000 points per yuan: 1,999 points buy 199 fen, and only 1,990 of them are taken.
    const dear = priceBasket(
      basket({
        points_to_redeem: 1_999,
        points_available: 5_000,
        policy: { redeem_rate: 1_000, max_redeem_percent: 100 },
      }),
    )
    expect(dear).toMatchObject({ points_value: 199, points_redeemed: 1_990 })
  })

  it('knows the minor units of a currency', () => {
    expect(minorPerMajor('CNY')).toBe(100)
    expect(minorPerMajor('JPY')).toBe(1)
    expect(minorPerMajor('KWD')).toBe(1_000)
  })
})

const discounts = fc.oneof(
  fc.record({
    type: fc.constant('percent' as const),
    percent_off: fc.integer({ min: 1, max: 100 }),
    max_amount: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: null }),
  }),
  fc.record({
    type: fc.constant('amount' as const),
    amount_off: fc.integer({ min: 1, max: 200_000 }),
  }),
  fc.constant({ type: 'free_shipping' as const }),
)

const coupons = fc.record({
  discount: discounts,
  min_spend: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
  stackable: fc.boolean(),
  categories: fc.option(fc.subarray(['a', 'b', 'c']), { nil: null }),
})

const baskets = fc.record({
  items: fc.array(
    fc.record({
      sku: fc.constantFrom('s1', 's2', 's3', 's4'),
      category: fc.constantFrom('a', 'b', 'c'),
      quantity: fc.integer({ min: 1, max: 5 }),
      unit_price: fc.integer({ min: 0, max: 50_000 }),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  shipping_fee: fc.integer({ min: 0, max: 5_000 }),
  coupons: fc.array(coupons, { maxLength: 3 }),
  points_to_redeem: fc.integer({ min: 0, max: 1_000_000 }),
  points_available: fc.integer({ min: 0, max: 1_000_000 }),
  redeem_rate: fc.integer({ min: 1, max: 1_000 }),
  max_redeem_percent: fc.integer({ min: 0, max: 100 }),
})

describe('pricing, for any basket', () => {
  it('never goes negative, never discounts more than subtotal and shipping, and adds up', () => {
    fc.assert(
      fc.property(baskets, (b) => {
        const list = b.coupons.map((c, i) =>
          coupon(c.discount, {
            id: `cpn_${i}`,
            code: `CODE${i}`,
            min_spend: c.min_spend,
            stackable: c.stackable,
            applies_to: c.categories ? { categories: c.categories } : null,
          }),
        )
        const priced = priceBasket({
          items: b.items,
          shipping_fee: b.shipping_fee,
          coupons: list,
          codes: list.map((c) => c.code),
          points_to_redeem: b.points_to_redeem,
          points_available: b.points_available,
          policy: { redeem_rate: b.redeem_rate, max_redeem_percent: b.max_redeem_percent },
          minor_per_major: 100,
          at: AT,
        })
        const off = priced.discounts.reduce((sum, d) => sum + d.amount, 0)
        expect(off).toBeLessThanOrEqual(priced.subtotal + priced.shipping_fee)
        expect(priced.total).toBeGreaterThanOrEqual(0)
        expect(priced.total).toBe(priced.subtotal + priced.shipping_fee - off - priced.points_value)
        expect(priced.points_redeemed).toBeLessThanOrEqual(
          Math.min(b.points_to_redeem, b.points_available),
        )
        for (const d of priced.discounts) {
          expect(d.by_item.reduce((sum, share) => sum + share, 0) + d.shipping).toBe(d.amount)
          expect(d.by_item.every((share) => share >= 0)).toBe(true)
        }
        // Every item keeps a non-negative price after all its discounts.
        b.items.forEach((item, i) => {
          const taken = priced.discounts.reduce((sum, d) => sum + (d.by_item[i] ?? 0), 0)
          expect(taken).toBeLessThanOrEqual(item.quantity * item.unit_price)
        })
        expect(priced.discounts.length + priced.refused.length).toBe(list.length)
      }),
    )
  })

  it('takes the fewest points for the value it gives', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.constantFrom(1, 100, 1_000),
        (points, rate, minor) => {
          const value = pointsValue(points, rate, minor)
          const taken = pointsFor(value, rate, minor)
          expect(taken).toBeLessThanOrEqual(points)
          expect(pointsValue(taken, rate, minor)).toBe(value)
          if (taken > 0) expect(pointsValue(taken - 1, rate, minor)).toBeLessThan(value)
        },
      ),
    )
  })
})

describe('tier benefits in pricing', () => {
  it('takes the tier discount first, then coupons on what is left, then free shipping', () => {
    const priced = priceBasket(
      basket({
        benefits: {
          tier_discount: { id: 'ben_d', key: 'gold-price', percent_off: 10 },
          free_shipping: { id: 'ben_s', key: 'free-ship' },
        },
        coupons: [coupon({ type: 'percent', percent_off: 50 })],
        codes: ['ABCD-EFGH-JKMN-PQRS'],
      }),
    )
    // 10 % of 32,000 = 3,200; then 50 % of the 28,800 left = 14,400; shipping 1,000 free.
    expect(priced.discounts.map((d) => [d.source, d.amount])).toEqual([
      ['tier', 3_200],
      ['coupon', 14_400],
      ['benefit', 1_000],
    ])
    expect(priced.discounts[0]?.by_item).toEqual([3_000, 200])
    expect(priced.shipping_discount).toBe(1_000)
    expect(priced.total).toBe(14_400)
  })

  it('spares the free-shipping benefit when a free-shipping coupon takes the fee', () => {
    const priced = priceBasket(
      basket({
        benefits: { free_shipping: { id: 'ben_s', key: 'free-ship' } },
        coupons: [coupon({ type: 'free_shipping' })],
        codes: ['ABCD-EFGH-JKMN-PQRS'],
      }),
    )
    expect(priced.discounts.map((d) => d.source)).toEqual(['coupon'])
  })

  it('never takes more than the basket, and spreads the tier discount exactly', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            sku: fc.constantFrom('a', 'b', 'c'),
            quantity: fc.integer({ min: 1, max: 5 }),
            unit_price: fc.integer({ min: 0, max: 100_000 }),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.option(fc.integer({ min: 1, max: 50_000 }), { nil: undefined }),
        fc.integer({ min: 0, max: 5_000 }),
        (items, percent, max, shipping) => {
          const priced = priceBasket(
            basket({
              items,
              shipping_fee: shipping,
              benefits: {
                tier_discount: {
                  id: 'ben_d',
                  key: 'd',
                  percent_off: percent,
                  ...(max !== undefined && { max_amount: max }),
                },
                free_shipping: { id: 'ben_s', key: 's' },
              },
            }),
          )
          const tier = priced.discounts.find((d) => d.source === 'tier')
          const subtotal = items.reduce((sum, i) => sum + i.quantity * i.unit_price, 0)
          if (tier) {
            expect(tier.by_item.reduce((a, b) => a + b, 0)).toBe(tier.amount)
            expect(tier.amount).toBeLessThanOrEqual(Math.min(subtotal, max ?? subtotal))
            tier.by_item.forEach((share, i) => {
              const item = items[i]
              expect(share).toBeLessThanOrEqual((item?.quantity ?? 0) * (item?.unit_price ?? 0))
            })
          }
          expect(priced.shipping_discount).toBe(shipping)
          expect(priced.total).toBe(subtotal - (tier?.amount ?? 0))
        },
      ),
      { numRuns: 300 },
    )
  })
})
