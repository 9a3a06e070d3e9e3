import { afterAll, beforeAll, expect } from 'vitest'
import { createMember, createProgram, type TestProgram } from './factories.js'
import { createTestApp, type TestApp } from './test-app.js'

/*
 * The checkout tests' program: one earning rule (1 point per yuan), a basket of two lines, and
 * members given points by an adjustment. `checkoutProgram()` registers the set-up and the
 * tear-down of the calling test file and returns what its tests use.
 */

export const basket = [
  { sku: 'shoe', category: 'shoes', quantity: 1, unit_price: 30_000 },
  { sku: 'sock', category: 'socks', quantity: 2, unit_price: 1_000 },
]

export function checkoutProgram() {
  const on = {} as {
    t: TestApp
    p: TestProgram
  }
  beforeAll(async () => {
    on.t = await createTestApp()
    on.p = await createProgram(on.t, { name: 'Checkout' })
    const rule = await on.t.call('POST', '/v1/earning-rules', {
      key: on.p.keys.admin,
      body: {
        name: '1 point per yuan',
        trigger: 'order.completed',
        reward: { type: 'per_amount', points: 1, per: 100 },
      },
    })
    expect(rule.statusCode, rule.body).toBe(201)
  })
  afterAll(() => on.t.close())

  return {
    on,
    /** A new member holding `points` available points. */
    async memberWithPoints(points: number) {
      const m = await createMember(on.t, on.p.keys.admin)
      if (points > 0) {
        const adjusted = await on.t.call('POST', `/v1/members/${m.id}/points/adjustments`, {
          key: on.p.keys.admin,
          body: { points, reason: 'test' },
        })
        expect(adjusted.statusCode, adjusted.body).toBe(201)
      }
      return m
    },
    quote: (body: Record<string, unknown>, key = on.p.keys.server) =>
      on.t.call('POST', '/v1/checkout/quote', { key, body }),
  }
}
