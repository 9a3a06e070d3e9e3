import type { AddressInfo } from 'node:net'
import { ApiError, createLoyalbaseClient, type LoyalbaseClient, unwrap } from '@loyalbase/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createProgram, createTestApp, type TestApp, type TestProgram } from './support/index.js'

/*
 * The client SDK (packages/client, README's example) against the real server over a real port:
 * quote → order → refund, typed problems, and a retried POST applied once.
 */

let t: TestApp
let p: TestProgram
let lb: LoyalbaseClient
let base: string

beforeAll(async () => {
  t = await createTestApp()
  await t.app.listen({ port: 0, host: '127.0.0.1' })
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`
  p = await createProgram(t, { name: 'SDK shop' })
  const admin = createLoyalbaseClient({ baseUrl: base, apiKey: p.keys.admin })
  await unwrap(
    admin.POST('/v1/earning-rules', {
      body: {
        name: 'Per yuan',
        trigger: 'order.completed',
        reward: { type: 'per_amount', points: 1, per: 100 },
      },
    }),
  )
  lb = createLoyalbaseClient({ baseUrl: base, apiKey: p.keys.server })
})
afterAll(() => t.close())

describe('@loyalbase/client', () => {
  it('runs a checkout: quote, order, refund', async () => {
    const member = await unwrap(lb.POST('/v1/members', { body: { external_id: 'sdk-1' } }))
    const items = [{ sku: 'tea', quantity: 2, unit_price: 4_450 }]
    const quote = await unwrap(
      lb.POST('/v1/checkout/quote', { body: { member: member.id, items } }),
    )
    expect(quote).toMatchObject({ subtotal: 8_900, total: 8_900, points_to_earn: 89 })

    const order = await unwrap(
      lb.POST('/v1/orders', {
        body: { id: 'sdk-o1', member: member.id, amount: quote.total, items },
      }),
    )
    expect(order.effects.points_earned).toBe(quote.points_to_earn)

    const refund = await unwrap(
      lb.POST('/v1/orders/{id}/refunds', {
        params: { path: { id: 'sdk-o1' } },
        body: { id: 'sdk-r1', amount: 4_450 },
      }),
    )
    expect(refund.refund).toMatchObject({ id: 'sdk-r1' })
    const balance = await unwrap(
      lb.GET('/v1/members/{member}/points', { params: { path: { member: 'sdk-1' } } }),
    )
    expect(balance.available).toBe(89 - 44)
  })

  it('throws typed problems with the API’s code and field errors', async () => {
    const error = await lb
      .POST('/v1/members', { body: { external_id: 'sdk-1' } })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 409, code: 'member_exists' })

    const invalid = await lb
      .POST('/v1/members', { body: { external_id: 'sdk-2', phone: 'not a phone' } })
      .catch((e: unknown) => e as ApiError)
    expect(invalid).toMatchObject({ status: 400, code: 'invalid_request' })
    expect((invalid as ApiError).errors.map((e) => e.path)).toEqual(['phone'])
    expect((invalid as ApiError).requestId).toEqual(expect.any(String))
  })

  it('applies a POST once when its first answer is lost and it is retried', async () => {
    await unwrap(lb.POST('/v1/members', { body: { external_id: 'sdk-3' } }))
    // The first answer never reaches the caller (as a dropped connection would), after the
    // server has applied the request; the client retries with the same Idempotency-Key.
    let calls = 0
    const lossy = createLoyalbaseClient({
      baseUrl: base,
      apiKey: p.keys.admin,
      retryDelayMs: 1,
      fetch: async (input, init) => {
        calls++
        const response = await fetch(input, init)
        if (calls === 1) throw new TypeError('connection reset')
        return response
      },
    })
    const adjusted = await unwrap(
      lossy.POST('/v1/members/{member}/points/adjustments', {
        params: { path: { member: 'sdk-3' } },
        body: { points: 50, reason: 'goodwill' },
      }),
    )
    expect(calls).toBe(2)
    expect(adjusted).toMatchObject({ points: 50 })
    const balance = await unwrap(
      lb.GET('/v1/members/{member}/points', { params: { path: { member: 'sdk-3' } } }),
    )
    expect(balance.available).toBe(50)
  })
})
