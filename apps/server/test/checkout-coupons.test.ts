import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  checkoutProgram,
  basket as items,
  type TestApp,
  type TestProgram,
} from './support/index.js'

/*
 * Coupons at checkout: which of a member's coupons a quote applies and why not, and orders
 * redeeming them — once, under races, given back by a full refund — as the quote priced them.
 */

const { on, memberWithPoints, quote } = checkoutProgram()
let t: TestApp
let p: TestProgram
beforeAll(() => {
  ;({ t, p } = on)
})

async function template(body: Record<string, unknown>) {
  const res = await t.call('POST', '/v1/coupon-templates', {
    key: p.keys.admin,
    body: { name: 'Coupon', validity: { days: 30 }, ...body },
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string }
}

async function issue(member: string, templateId: string) {
  const res = await t.call('POST', `/v1/members/${member}/coupons`, {
    key: p.keys.server,
    body: { template: templateId },
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; code: string }
}

async function bulkCode(templateId: string): Promise<string> {
  const res = await t.call('POST', `/v1/coupon-templates/${templateId}/codes`, {
    key: p.keys.admin,
    body: { count: 1 },
  })
  expect(res.statusCode, res.body).toBe(202)
  await t.services.jobs.settle()
  const codes = await t.call('GET', `/v1/coupon-templates/${templateId}/codes`, {
    key: p.keys.admin,
  })
  return codes.json().data[0].code
}

let orderNo = 0
const placeOrder = (member: string, body: Record<string, unknown>) =>
  t.call('POST', '/v1/orders', {
    key: p.keys.server,
    body: { id: `cpn-order-${orderNo++}`, member, items, ...body },
  })

describe('coupons at checkout and in orders', () => {
  it('quotes a member’s coupons, applies a code, and says why the others do not apply', async () => {
    const m = await memberWithPoints(0)
    const tenOff = await template({
      discount: { type: 'percent', percent_off: 10, max_amount: 5_000 },
    })
    const big = await template({
      discount: { type: 'amount', amount_off: 10_000 },
      min_spend: 50_000,
    })
    const socks = await template({
      discount: { type: 'amount', amount_off: 500 },
      applies_to: { categories: ['socks'] },
      stackable: true,
    })
    const a = await issue(m.id, tenOff.id)
    const b = await issue(m.id, big.id)
    const c = await issue(m.id, socks.id)
    const res = await quote({ member: m.id, items, coupon_codes: [a.code.toLowerCase()] })
    expect(res.statusCode, res.body).toBe(200)
    const q = res.json()
    expect(q.discounts).toEqual([{ source: 'coupon', id: a.id, amount: 3_200 }])
    expect(q.total).toBe(28_800)
    expect(q.points_to_earn).toBe(288)
    const verdicts = Object.fromEntries(q.applicable_coupons.map((v: { id: string }) => [v.id, v]))
    expect(verdicts[a.id]).toMatchObject({ applicable: true, amount: 3_200 })
    expect(verdicts[b.id]).toMatchObject({ applicable: false, reason: 'min_spend_not_met' })
    expect(verdicts[c.id]).toMatchObject({ applicable: true, amount: 500 })
  })

  it('redeems a coupon with the order, once, and answers as the quote did', async () => {
    const m = await memberWithPoints(0)
    const tpl = await template({ discount: { type: 'amount', amount_off: 2_000 } })
    const coupon = await issue(m.id, tpl.id)
    const q = (await quote({ member: m.id, items, coupon_codes: [coupon.code] })).json()
    const order = await placeOrder(m.id, { amount: q.total, coupon_codes: [coupon.code] })
    expect(order.statusCode, order.body).toBe(201)
    const { effects, order: stored } = order.json()
    expect(effects.discounts).toEqual([{ source: 'coupon', id: coupon.id, amount: 2_000 }])
    expect(effects.coupons_redeemed).toEqual([coupon.id])
    expect(effects.points_earned).toBe(q.points_to_earn)
    expect(stored.discounts).toEqual([
      { source: 'coupon', id: coupon.id, code: coupon.code, amount: 2_000 },
    ])
    const again = await placeOrder(m.id, { amount: q.total, coupon_codes: [coupon.code] })
    expect(again.statusCode, again.body).toBe(422)
    expect(again.json().code).toBe('coupon_invalid')
    const list = await t.call('GET', `/v1/members/${m.id}/coupons?status=redeemed`, {
      key: p.keys.readonly,
    })
    expect(list.json().data.map((x: { id: string }) => x.id)).toEqual([coupon.id])
    // An operator finds it by its code, typed any way, with the order that used it.
    const typed = coupon.code.replaceAll('-', '').toLowerCase()
    const found = await t.call('GET', `/v1/coupons?code=${typed}`, { key: p.keys.readonly })
    expect(found.statusCode, found.body).toBe(200)
    expect(found.json().data).toEqual([
      expect.objectContaining({
        id: coupon.id,
        status: 'redeemed',
        order: stored.id,
        member: m.id,
      }),
    ])
    const none = await t.call('GET', '/v1/coupons?code=ZZZZ-ZZZZ-ZZZZ-ZZZZ', {
      key: p.keys.readonly,
    })
    expect(none.json()).toEqual({ data: [] })
  })

  it('refuses an unknown and a used code with the same answer, and writes nothing', async () => {
    const m = await memberWithPoints(0)
    const tpl = await template({ discount: { type: 'amount', amount_off: 100 } })
    const used = await issue(m.id, tpl.id)
    expect((await placeOrder(m.id, { amount: 31_900, coupon_codes: [used.code] })).statusCode).toBe(
      201,
    )
    const id = 'cpn-order-refused'
    const asUsed = await t.call('POST', '/v1/orders', {
      key: p.keys.server,
      body: { id, member: m.id, items, amount: 31_900, coupon_codes: [used.code] },
    })
    const unknown = await t.call('POST', '/v1/orders', {
      key: p.keys.server,
      body: { id, member: m.id, items, amount: 31_900, coupon_codes: ['ZZZZ-ZZZZ-ZZZZ-ZZZZ'] },
    })
    expect(asUsed.statusCode).toBe(422)
    expect(unknown.statusCode).toBe(422)
    const strip = (body: string, code: string) => body.replaceAll(code, '…')
    expect(strip(asUsed.body, used.code)).toBe(strip(unknown.body, 'ZZZZ-ZZZZ-ZZZZ-ZZZZ'))
    expect((await t.call('GET', `/v1/orders/${id}`, { key: p.keys.readonly })).statusCode).toBe(404)
  })

  it('lets exactly one of 20 parallel orders of different members redeem one bulk code', async () => {
    const tpl = await template({ discount: { type: 'amount', amount_off: 1_000 } })
    const code = await bulkCode(tpl.id)
    const members = await Promise.all(Array.from({ length: 20 }, () => memberWithPoints(0)))
    const results = await Promise.all(
      members.map((m) => placeOrder(m.id, { amount: 31_000, coupon_codes: [code] })),
    )
    const won = results.filter((r) => r.statusCode === 201)
    const lost = results.filter((r) => r.statusCode === 422)
    expect(won).toHaveLength(1)
    expect(lost).toHaveLength(19)
    for (const r of lost) expect(r.json().code).toBe('coupon_invalid')
    expect(won[0]?.json().effects.discounts[0].amount).toBe(1_000)
  })

  it('gives the coupon back on a full refund, not on a partial one', async () => {
    const m = await memberWithPoints(0)
    const tpl = await template({ discount: { type: 'free_shipping' } })
    const coupon = await issue(m.id, tpl.id)
    const order = await placeOrder(m.id, {
      amount: 32_000,
      shipping_fee: 1_000,
      coupon_codes: [coupon.code],
    })
    expect(order.statusCode, order.body).toBe(201)
    expect(order.json().effects.discounts).toEqual([
      { source: 'coupon', id: coupon.id, amount: 1_000 },
    ])
    const orderId = order.json().order.id
    const part = await t.call('POST', `/v1/orders/${orderId}/refunds`, {
      key: p.keys.server,
      body: { id: `${orderId}-r1`, amount: 2_000 },
    })
    expect(part.statusCode, part.body).toBe(201)
    expect(part.json().effects.coupons_restored).toEqual([])
    const rest = await t.call('POST', `/v1/orders/${orderId}/refunds`, {
      key: p.keys.server,
      body: { id: `${orderId}-r2`, amount: 30_000 },
    })
    expect(rest.statusCode, rest.body).toBe(201)
    expect(rest.json().effects.coupons_restored).toEqual([coupon.id])
    const active = await t.call('GET', `/v1/members/${m.id}/coupons?status=active`, {
      key: p.keys.readonly,
    })
    expect(active.json().data.map((x: { id: string }) => x.id)).toContain(coupon.id)
    // Usable again.
    const reuse = await placeOrder(m.id, {
      amount: 32_000,
      shipping_fee: 1_000,
      coupon_codes: [coupon.code],
    })
    expect(reuse.statusCode, reuse.body).toBe(201)
  })

  it('prices an order without items as one line of its amount', async () => {
    const m = await memberWithPoints(0)
    const tpl = await template({ discount: { type: 'percent', percent_off: 10 }, min_spend: 5_000 })
    const coupon = await issue(m.id, tpl.id)
    const res = await t.call('POST', '/v1/orders', {
      key: p.keys.server,
      body: { id: 'no-items', member: m.id, amount: 8_000, coupon_codes: [coupon.code] },
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().effects.discounts).toEqual([{ source: 'coupon', id: coupon.id, amount: 800 }])
  })

  it('agrees with the order on discounts, refusals and points, for random baskets, coupons and points to redeem', async () => {
    const m = await memberWithPoints(1_000_000)
    const kinds = [
      { discount: { type: 'percent', percent_off: 15, max_amount: 2_500 } },
      { discount: { type: 'amount', amount_off: 3_000 }, min_spend: 10_000 },
      { discount: { type: 'amount', amount_off: 700 }, applies_to: { categories: ['b'] } },
      { discount: { type: 'free_shipping' } },
    ]
    const templates = await Promise.all(kinds.map((k) => template(k)))
    let n = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            sku: fc.constantFrom('s1', 's2', 's3'),
            category: fc.constantFrom('a', 'b'),
            quantity: fc.integer({ min: 1, max: 3 }),
            unit_price: fc.integer({ min: 0, max: 9_000 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        fc.integer({ min: 0, max: 1_500 }),
        fc.integer({ min: 0, max: templates.length - 1 }),
        fc.integer({ min: 0, max: 8_000 }),
        async (basket, shipping, which, points) => {
          const coupon = await issue(m.id, templates[which]?.id ?? '')
          const body = {
            items: basket,
            shipping_fee: shipping,
            coupon_codes: [coupon.code],
            points_to_redeem: points,
          }
          const q = (await quote({ member: m.id, ...body })).json()
          const order = await t.call('POST', '/v1/orders', {
            key: p.keys.server,
            body: { id: `prop-cpn-${n++}`, member: m.id, amount: q.total, ...body },
          })
          if (q.coupons_refused.length > 0) {
            expect(order.statusCode, order.body).toBe(422)
            expect(order.json().errors[0].message).toBe(q.coupons_refused[0].reason)
            return
          }
          expect(order.statusCode, order.body).toBe(201)
          const { effects } = order.json()
          expect(effects.discounts).toEqual(q.discounts)
          expect(effects.points_earned).toBe(q.points_to_earn)
          expect(effects.points_redeemed).toBe(q.points_redeemed)
          const discounted = q.discounts.reduce(
            (s: number, d: { amount: number }) => s + d.amount,
            0,
          )
          expect(discounted).toBeLessThanOrEqual(q.subtotal + q.shipping_fee)
          expect(q.total).toBeGreaterThanOrEqual(0)
          expect(q.points_redeemed).toBeLessThanOrEqual(points)
          expect(q.total).toBe(q.subtotal + q.shipping_fee - discounted - q.points_value)
        },
      ),
      { numRuns: 20 },
    )
  })
})
