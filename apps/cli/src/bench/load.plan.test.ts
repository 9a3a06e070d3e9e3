import type autocannon from 'autocannon'
import { describe, expect, it } from 'vitest'
import {
  benchOrder,
  benchQuote,
  NO_CODE_LEFT,
  plannedRequests,
  QUOTE_KINDS,
  redeemOrder,
} from './load.plan.js'

type Setup = (request: autocannon.Request, context: Record<string, unknown>) => autocannon.Request
type OnResponse = (status: number, body: string, context: Record<string, unknown>) => void

/** What autocannon does for one request on one connection: set it up, then answer it. */
function exchange(request: autocannon.Request, status?: number) {
  const context: Record<string, unknown> = {}
  const built = (request.setupRequest as unknown as Setup)(request, context)
  if (status !== undefined) (request.onResponse as unknown as OnResponse)(status, '', context)
  return built
}

describe('plannedRequests', () => {
  it('numbers orders on from `first`, round-robin over the members, and reports the answers', () => {
    const planned = plannedRequests({
      kind: 'orders',
      members: ['mem_a', 'mem_b'],
      prefix: 'bench-x-',
      first: 10,
    })
    const [request] = planned.requests
    if (!request) throw new Error('no request')
    const bodies = [exchange(request, 201), exchange(request, 409), exchange(request)].map(
      (built) => JSON.parse(String(built.body)),
    )
    expect(bodies.map((body) => [body.id, body.member])).toEqual([
      ['bench-x-10', 'mem_a'],
      ['bench-x-11', 'mem_b'],
      ['bench-x-12', 'mem_a'],
    ])
    expect(request).toMatchObject({ method: 'POST', path: '/v1/orders' })
    expect(planned.orders()).toEqual({ sent: 3, answered2xx: [10], answeredOther: [11] })
  })

  it('notes when each 2xx answer arrived with a timed plan, in the order of the answers', () => {
    const planned = plannedRequests({
      kind: 'orders',
      members: ['mem_a'],
      prefix: 'timed-',
      first: 0,
      timed: true,
    })
    const [request] = planned.requests
    if (!request) throw new Error('no request')
    for (const status of [201, 500, 200]) exchange(request, status)
    const outcome = planned.orders()
    expect(outcome).toMatchObject({ sent: 3, answered2xx: [0, 2], answeredOther: [1] })
    expect(outcome?.answeredAt).toHaveLength(2)
    expect(outcome?.answeredAt?.every(Number.isFinite)).toBe(true)
  })

  it('pays each order with its own code and points, the amount what is left to pay', () => {
    const terms = { codes: ['C0', 'C1', 'C2'], couponOff: 200, points: 100, pointsValue: 100 }
    const planned = plannedRequests({
      kind: 'redeem-orders',
      members: ['mem_a', 'mem_b'],
      prefix: 'redeem-x-',
      first: 1,
      ...terms,
    })
    const [request] = planned.requests
    if (!request) throw new Error('no request')
    const bodies = [exchange(request, 201), exchange(request, 422), exchange(request)].map(
      (built) => JSON.parse(String(built.body)),
    )
    expect(bodies.map((body) => [body.id, body.member, body.coupon_codes])).toEqual([
      ['redeem-x-1', 'mem_b', ['C1']],
      ['redeem-x-2', 'mem_a', ['C2']],
      // Past the last code: one nobody has, so the order is refused rather than redeem a used one.
      ['redeem-x-3', 'mem_b', [NO_CODE_LEFT]],
    ])
    for (const [i, body] of bodies.entries()) {
      const plain = benchOrder(body.id, body.member, i + 1)
      expect(body.items).toEqual(plain.items)
      expect(body.points_to_redeem).toBe(100)
      expect(body.amount).toBe(plain.amount - 200 - 100)
      expect(body).toEqual(redeemOrder(body.id, body.member, i + 1, terms))
    }
    expect(request).toMatchObject({ method: 'POST', path: '/v1/orders' })
    expect(planned.orders()).toEqual({ sent: 3, answered2xx: [1], answeredOther: [2] })
  })

  it('leaves every basket of the orders load something to pay after ¥2 off and 100 points', () => {
    const terms = { codes: [], couponOff: 200, points: 100, pointsValue: 100 }
    for (let n = 0; n < 3_000; n++) {
      const plain = benchOrder('o', 'm', n)
      // At most half of what is left after the coupon may be paid with points (the default).
      expect(Math.floor((plain.amount - 200) / 2)).toBeGreaterThanOrEqual(100)
      expect(redeemOrder('o', 'm', n, terms).amount).toBeGreaterThan(0)
    }
  })

  it('sends bare-route orders with unique ids, round-robin over the member numbers', () => {
    const planned = plannedRequests({ kind: 'bare-orders', prefix: 'bare-x-', members: 2 })
    const [request] = planned.requests
    if (!request) throw new Error('no request')
    const bodies = [exchange(request), exchange(request), exchange(request)].map((built) =>
      JSON.parse(String(built.body)),
    )
    expect(bodies.map((body) => [body.id, body.member])).toEqual([
      ['bare-x-0', 1],
      ['bare-x-1', 2],
      ['bare-x-2', 1],
    ])
    // The orders load's body otherwise.
    expect(bodies[1]).toEqual({ ...benchOrder('bare-x-1', '', 1), member: 2 })
    expect(request).toMatchObject({ method: 'POST', path: '/bare-orders' })
    expect(request.headers).toEqual({ 'content-type': 'application/json' })
    expect(planned.orders()).toBeUndefined()
  })

  it('sends quotes round-robin over the members, naming some of the coupons each holds', () => {
    const members = [
      { id: 'mem_a', codes: ['A1', 'A2', 'A3'] },
      { id: 'mem_b', codes: ['B1', 'B2', 'B3'] },
    ]
    const planned = plannedRequests({ kind: 'quotes', members })
    const [request] = planned.requests
    if (!request) throw new Error('no request')
    const bodies = [0, 1, 2, 3].map(() => JSON.parse(String(exchange(request).body)))
    expect(bodies.map((body) => [body.member, body.coupon_codes])).toEqual([
      ['mem_a', undefined],
      ['mem_b', ['B1']],
      ['mem_a', ['A2', 'A3']],
      ['mem_b', ['B1', 'B2']],
    ])
    expect(bodies[3]).toEqual(benchQuote(members[1] as (typeof members)[number], 3))
    expect(request).toMatchObject({ method: 'POST', path: '/v1/checkout/quote' })
    expect(planned.orders()).toBeUndefined()
  })

  it("quotes the orders' baskets, with every mix of coupons, shipping and points in 16 quotes", () => {
    const member = { id: 'mem_a', codes: ['A1', 'A2', 'A3'] }
    const quotes = Array.from({ length: QUOTE_KINDS }, (_, n) => benchQuote(member, n))
    for (const [n, quote] of quotes.entries()) {
      expect(quote.items).toEqual(benchOrder('', 'mem_a', n).items)
    }
    const kinds = quotes.map((quote) =>
      JSON.stringify([
        quote.coupon_codes ?? [],
        quote.shipping_fee > 0,
        quote.points_to_redeem !== undefined,
      ]),
    )
    expect(new Set(kinds).size).toBe(QUOTE_KINDS)
  })

  it('gives every member creation its own external id', () => {
    const planned = plannedRequests({ kind: 'member-creations', prefix: 'bench-y-' })
    const [request] = planned.requests
    if (!request) throw new Error('no request')
    const ids = [exchange(request), exchange(request)].map(
      (built) => JSON.parse(String(built.body)).external_id,
    )
    expect(ids).toEqual(['bench-y-1', 'bench-y-2'])
    expect(planned.orders()).toBeUndefined()
  })

  it('reads members round-robin', () => {
    const planned = plannedRequests({ kind: 'member-reads', memberIds: ['m1', 'm2'] })
    const [request] = planned.requests
    if (!request) throw new Error('no request')
    const paths = [1, 2, 3].map(() => exchange(request).path)
    expect(paths).toEqual(['/v1/members/m1', '/v1/members/m2', '/v1/members/m1'])
  })
})
