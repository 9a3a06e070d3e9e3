import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  checkoutProgram,
  createMember,
  createPeerApp,
  createProgram,
  basket as items,
  type TestApp,
  type TestProgram,
} from './support/index.js'

/*
 * POST /v1/checkout/quote: what a basket costs and earns, with no side effect, by the order's
 * own computation, and from a remembered key. Coupons in quotes and orders:
 * checkout-coupons.test.ts; orders paid with points: checkout-points.test.ts.
 */

const { on, memberWithPoints, quote } = checkoutProgram()
let t: TestApp
let p: TestProgram
beforeAll(() => {
  ;({ t, p } = on)
})

describe('POST /v1/checkout/quote', () => {
  it('prices a basket with shipping and points, and says what it earns', async () => {
    const m = await memberWithPoints(20_000)
    const res = await quote({ member: m.id, items, shipping_fee: 1_000, points_to_redeem: 99_999 })
    expect(res.statusCode, res.body).toBe(200)
    // 50 % of 33,000 may be paid with points (default policy: 100 points per yuan).
    expect(res.json()).toEqual({
      subtotal: 32_000,
      discounts: [],
      shipping_fee: 1_000,
      shipping_discount: 0,
      points_redeemed: 16_500,
      points_value: 16_500,
      total: 16_500,
      points_to_earn: 165,
      benefits_used: [],
      applicable_coupons: [],
      coupons_refused: [],
    })
  })

  it('changes nothing: the balance, the ledger and the orders stay as they were', async () => {
    const m = await memberWithPoints(5_000)
    const before = await t.call('GET', `/v1/members/${m.id}/points`, { key: p.keys.readonly })
    for (let i = 0; i < 3; i++) {
      const res = await quote({ member: m.external_id, items, points_to_redeem: 5_000 })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json().points_redeemed).toBe(5_000)
    }
    const after = await t.call('GET', `/v1/members/${m.id}/points`, { key: p.keys.readonly })
    expect(after.json()).toEqual(before.json())
    const ledger = await t.call('GET', `/v1/members/${m.id}/points/transactions`, {
      key: p.keys.readonly,
    })
    expect(ledger.json().data).toHaveLength(1)
  })

  it('refuses unknown codes without telling which kind of unknown, and never fails the quote', async () => {
    const m = await memberWithPoints(0)
    const res = await quote({ member: m.id, items, coupon_codes: ['ZZZZ-ZZZZ-ZZZZ-ZZZZ'] })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().coupons_refused).toEqual([
      {
        id: null,
        code: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ',
        template: null,
        applicable: false,
        reason: 'invalid',
      },
    ])
    expect(res.json().total).toBe(32_000)
  })

  it('answers 404 for a member of no program of the key, 403 for a read-only key, 400 for bad baskets', async () => {
    expect((await quote({ member: 'mem_nobody', items })).statusCode).toBe(404)
    const m = await memberWithPoints(0)
    expect((await quote({ member: m.id, items }, p.keys.readonly)).statusCode).toBe(403)
    const empty = await quote({ member: m.id, items: [] })
    expect(empty.statusCode).toBe(400)
    expect(empty.json().errors[0].path).toBe('items')
    const negative = await quote({ member: m.id, items, points_to_redeem: -1 })
    expect(negative.statusCode).toBe(400)
  })

  it('earns what the order placed from it earns, for any basket (quote = order)', async () => {
    const m = await memberWithPoints(0)
    let n = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            sku: fc.constantFrom('a', 'b', 'c'),
            quantity: fc.integer({ min: 1, max: 3 }),
            unit_price: fc.integer({ min: 0, max: 20_000 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        fc.integer({ min: 0, max: 2_000 }),
        async (basket, shipping) => {
          const q = await quote({ member: m.id, items: basket, shipping_fee: shipping })
          expect(q.statusCode, q.body).toBe(200)
          const priced = q.json()
          const order = await t.call('POST', '/v1/orders', {
            key: p.keys.server,
            body: {
              id: `quote-order-${n++}`,
              member: m.id,
              amount: priced.total,
              shipping_fee: shipping,
              items: basket,
            },
          })
          expect(order.statusCode, order.body).toBe(201)
          expect(order.json().effects.points_earned).toBe(priced.points_to_earn)
        },
      ),
      { numRuns: 15 },
    )
  })
})

describe('quotes answered from a remembered key', () => {
  it('refuses a key revoked on another server, and prices by a policy changed there', async () => {
    // A quote checks its key and program in its own read, as an order checks them in its write:
    // a server that remembers the key still refuses it once revoked elsewhere.
    const shop = await createProgram(t, { name: 'Peer quotes' })
    const m = await createMember(t, shop.keys.admin)
    const adjusted = await t.call('POST', `/v1/members/${m.id}/points/adjustments`, {
      key: shop.keys.admin,
      body: { points: 10_000, reason: 'test' },
    })
    expect(adjusted.statusCode, adjusted.body).toBe(201)
    const peer = await createPeerApp(t)
    const peerQuote = () =>
      peer.call('POST', '/v1/checkout/quote', {
        key: shop.keys.server,
        body: { member: m.id, items, points_to_redeem: 10_000 },
      })
    try {
      const first = await peerQuote()
      expect(first.statusCode, first.body).toBe(200)
      expect(first.json()).toMatchObject({ points_redeemed: 10_000, total: 22_000 })
      const policy = await t.call('PATCH', '/v1/program', {
        key: shop.keys.admin,
        body: { points_policy: { max_redeem_percent: 10 } },
      })
      expect(policy.statusCode, policy.body).toBe(200)
      const second = await peerQuote()
      expect(second.statusCode, second.body).toBe(200)
      expect(second.json()).toMatchObject({ points_redeemed: 3_200, total: 28_800 })
      const keys = await t.call('GET', '/v1/api-keys', { key: shop.keys.admin })
      const server = keys.json().data.find((k: { role: string }) => k.role === 'server')
      const revoked = await t.call('DELETE', `/v1/api-keys/${server.id}`, { key: shop.keys.admin })
      expect(revoked.statusCode).toBeLessThan(300)
      const refused = await peerQuote()
      expect(refused.statusCode, refused.body).toBe(401)
      expect(refused.json().code).toBe('unauthorized')
      // Forgotten on the peer too: the next request reads the key, and is refused as well.
      expect((await peerQuote()).statusCode).toBe(401)
    } finally {
      await peer.close()
    }
  })
})
