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

/*
 * What a refund takes back, beyond the proportional rule (orders.test.ts): never points that
 * already left by expiry, one truth when part of a reversal is forgiven, lines checked against
 * the order, and exact shares at any size.
 */

const clock = fixedClock('2026-03-01T04:00:00Z')
let t: TestApp

beforeAll(async () => {
  t = await createTestApp({ clock })
})
afterAll(() => t.close())

async function shop(policy: Record<string, unknown>, reward?: Record<string, unknown>) {
  const p = await createProgram(t, { name: 'Refunds' })
  const patched = await t.call('PATCH', '/v1/program', {
    key: p.keys.admin,
    body: { points_policy: policy },
  })
  expect(patched.statusCode, patched.body).toBe(200)
  const rule = await t.call('POST', '/v1/earning-rules', {
    key: p.keys.admin,
    body: {
      name: 'Per yuan',
      trigger: 'order.completed',
      reward: reward ?? { type: 'per_amount', points: 1, per: 100 },
    },
  })
  expect(rule.statusCode, rule.body).toBe(201)
  return p
}

const order = async (p: TestProgram, body: Record<string, unknown>) => {
  const res = await t.call('POST', '/v1/orders', { key: p.keys.server, body })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}
const refund = (p: TestProgram, orderId: string, body: Record<string, unknown>) =>
  t.call('POST', `/v1/orders/${orderId}/refunds`, { key: p.keys.server, body })
const balance = async (p: TestProgram, m: string) =>
  (await t.call('GET', `/v1/members/${m}/points`, { key: p.keys.readonly })).json()
const getOrder = async (p: TestProgram, id: string) =>
  (await t.call('GET', `/v1/orders/${id}`, { key: p.keys.readonly })).json()
const redeem = async (p: TestProgram, m: string, points: number) => {
  const res = await t.call('POST', `/v1/members/${m}/points/redemptions`, {
    key: p.keys.server,
    body: { points },
  })
  expect(res.statusCode, res.body).toBe(201)
}
const expire = async (p: TestProgram) => {
  const res = await t.call('POST', '/v1/jobs/points-expiry/run', { key: p.keys.admin })
  expect(res.statusCode, res.body).toBe(200)
}

describe('refunds after expiry', () => {
  it('never takes back points of the order that already expired', async () => {
    clock.set('2026-03-01T04:00:00Z')
    const p = await shop({ expiry: { type: 'rolling', months: 1 } })
    const m = await createMember(t, p.keys.admin)
    await order(p, { id: 'ex-a', member: m.id, amount: 10_000 })
    clock.set('2026-04-15T04:00:00Z')
    await expire(p)
    await order(p, { id: 'ex-b', member: m.id, amount: 5_000 })
    expect(await balance(p, m.id)).toMatchObject({ available: 50, lifetime: { expired: 100 } })
    const res = await refund(p, 'ex-a', { id: 'ex-a-r', amount: 10_000 })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().effects.points_reversed).toBe(0)
    expect(await balance(p, m.id)).toMatchObject({ available: 50, lifetime: { reversed: 0 } })
    expect(await getOrder(p, 'ex-a')).toMatchObject({ points_earned: 100, points_reversed: 0 })
    await expectLedgerConsistent(t)
  })

  it('takes back what was spent of the order, not what of it expired', async () => {
    clock.set('2026-03-01T04:00:00Z')
    const p = await shop({ expiry: { type: 'rolling', months: 1 } })
    const m = await createMember(t, p.keys.admin)
    await order(p, { id: 'sp-a', member: m.id, amount: 10_000 })
    await redeem(p, m.id, 60)
    clock.set('2026-04-15T04:00:00Z')
    await expire(p)
    await order(p, { id: 'sp-b', member: m.id, amount: 10_000 })
    // Half the order back: half its points are due (50), all of them spent, not expired.
    const half = await refund(p, 'sp-a', { id: 'sp-a-r1', amount: 5_000 })
    expect(half.json().effects.points_reversed).toBe(50)
    // The rest: 50 more are due, but only 10 of the order's points were spent and not expired.
    const rest = await refund(p, 'sp-a', { id: 'sp-a-r2', amount: 5_000 })
    expect(rest.json().effects.points_reversed).toBe(10)
    expect(await balance(p, m.id)).toMatchObject({
      available: 40,
      lifetime: { earned: 200, redeemed: 60, expired: 40, reversed: 60 },
    })
    expect(await getOrder(p, 'sp-a')).toMatchObject({ points_reversed: 60 })
    await expectLedgerConsistent(t)
  })

  it('asks for nothing more once the order’s points are reversed or expired', async () => {
    clock.set('2026-03-01T04:00:00Z')
    const p = await shop({ expiry: { type: 'rolling', months: 1 } })
    const m = await createMember(t, p.keys.admin)
    await order(p, { id: 'pt-a', member: m.id, amount: 10_000 })
    await refund(p, 'pt-a', { id: 'pt-a-r1', amount: 5_000 })
    clock.set('2026-04-15T04:00:00Z')
    await expire(p)
    await order(p, { id: 'pt-b', member: m.id, amount: 10_000 })
    const rest = await refund(p, 'pt-a', { id: 'pt-a-r2', amount: 5_000 })
    expect(rest.json().effects.points_reversed).toBe(0)
    expect(await balance(p, m.id)).toMatchObject({
      available: 100,
      lifetime: { expired: 50, reversed: 50 },
    })
  })
})

describe('a forgiven reversal', () => {
  it('is reported the same by the order, its refunds and the member', async () => {
    clock.set('2026-03-01T04:00:00Z')
    const p = await shop({ allow_negative: false })
    const m = await createMember(t, p.keys.admin)
    await order(p, { id: 'fg-a', member: m.id, amount: 10_000 })
    await redeem(p, m.id, 100)
    const first = await refund(p, 'fg-a', { id: 'fg-a-r1', amount: 5_000 })
    expect(first.json().effects.points_reversed).toBe(0)
    expect(await getOrder(p, 'fg-a')).toMatchObject({
      points_reversed: 0,
      refunds: [{ id: 'fg-a-r1', points_reversed: 0 }],
    })
    expect((await balance(p, m.id)).lifetime.reversed).toBe(0)
    // Points come in; the second half's share is taken, the forgiven half is not asked again.
    await order(p, { id: 'fg-b', member: m.id, amount: 10_000 })
    const second = await refund(p, 'fg-a', { id: 'fg-a-r2', amount: 5_000 })
    expect(second.json().effects.points_reversed).toBe(50)
    const o = await getOrder(p, 'fg-a')
    expect(o).toMatchObject({ points_reversed: 50 })
    expect(o.refunds.map((r: { points_reversed: number }) => r.points_reversed)).toEqual([0, 50])
    expect(await balance(p, m.id)).toMatchObject({ available: 50, lifetime: { reversed: 50 } })
    await expectLedgerConsistent(t)
  })
})

describe('refund lines', () => {
  it('refuses SKUs the order does not have and quantities beyond what is left', async () => {
    const p = await shop({})
    const m = await createMember(t, p.keys.admin)
    await order(p, {
      id: 'ln-a',
      member: m.id,
      amount: 30_000,
      items: [
        { sku: 'TEE', quantity: 2, unit_price: 10_000 },
        { sku: 'CAP', quantity: 1, unit_price: 10_000 },
      ],
    })
    const unknown = await refund(p, 'ln-a', {
      id: 'ln-r1',
      amount: 100,
      items: [{ sku: 'SHOE', quantity: 1 }],
    })
    expect(unknown.statusCode).toBe(422)
    expect(unknown.json()).toMatchObject({
      code: 'refund_exceeds_order',
      errors: [{ path: 'items[0].sku' }],
    })
    const tooMany = await refund(p, 'ln-a', {
      id: 'ln-r2',
      amount: 100,
      items: [{ sku: 'TEE', quantity: 3 }],
    })
    expect(tooMany.statusCode).toBe(422)
    expect(tooMany.json().errors).toEqual([
      { path: 'items[0].quantity', message: 'the order has 2 of "TEE" left to refund' },
    ])
    const one = await refund(p, 'ln-a', {
      id: 'ln-r3',
      amount: 10_000,
      items: [{ sku: 'TEE', quantity: 1 }],
    })
    expect(one.statusCode, one.body).toBe(201)
    const again = await refund(p, 'ln-a', {
      id: 'ln-r4',
      amount: 10_000,
      items: [{ sku: 'TEE', quantity: 2 }],
    })
    expect(again.statusCode).toBe(422)
    const last = await refund(p, 'ln-a', {
      id: 'ln-r5',
      amount: 20_000,
      items: [
        { sku: 'TEE', quantity: 1 },
        { sku: 'CAP', quantity: 1 },
      ],
    })
    expect(last.statusCode, last.body).toBe(201)
    // An order without lines has none to refund.
    await order(p, { id: 'ln-b', member: m.id, amount: 1_000 })
    const none = await refund(p, 'ln-b', {
      id: 'ln-r6',
      amount: 100,
      items: [{ sku: 'TEE', quantity: 1 }],
    })
    expect(none.statusCode).toBe(422)
  })
})

describe('big numbers', () => {
  it('refuses rewards and adjustments past the bounds, with 400', async () => {
    const p = await shop({})
    const m = await createMember(t, p.keys.admin)
    const rule = await t.call('POST', '/v1/earning-rules', {
      key: p.keys.admin,
      body: {
        name: 'Too much',
        trigger: 'order.completed',
        reward: { type: 'fixed', points: 2 ** 53 - 1 },
      },
    })
    expect(rule.statusCode).toBe(400)
    expect(rule.json().errors[0].path).toBe('reward.points')
    const adjust = await t.call('POST', `/v1/members/${m.id}/points/adjustments`, {
      key: p.keys.admin,
      body: { points: 2 ** 53 - 1, reason: 'x' },
    })
    expect(adjust.statusCode).toBe(400)
    const amount = await t.call('POST', '/v1/orders', {
      key: p.keys.server,
      body: { id: 'big-x', member: m.id, amount: 1e13 },
    })
    expect(amount.statusCode).toBe(400)
    expect(amount.json().errors[0].path).toBe('amount')
  })

  it('pays a large per_amount on the largest order exactly, capped at 10^9 points', async () => {
    const p = await shop({}, { type: 'per_amount', points: 1_000_000_000, per: 1 })
    const m = await createMember(t, p.keys.admin)
    const o = await order(p, { id: 'big-1', member: m.id, amount: 1_000_000_000_000 })
    expect(o.effects.points_earned).toBe(1_000_000_000)
    for (let i = 0; i < 3; i++) {
      await t.call('POST', `/v1/members/${m.id}/points/adjustments`, {
        key: p.keys.admin,
        body: { points: 999_999_999, reason: `top-up ${i}` },
      })
    }
    expect((await balance(p, m.id)).available).toBe(3_999_999_997)
    await expectLedgerConsistent(t)
  })

  it('computes a partial refund’s share exactly, where a float product falls a point short', async () => {
    const p = await shop({}, { type: 'fixed', points: 783_474_975 })
    const m = await createMember(t, p.keys.admin)
    await order(p, { id: 'share-1', member: m.id, amount: 106_559_952_285 })
    const res = await refund(p, 'share-1', { id: 'share-1-r', amount: 7_103_996_819 })
    expect(res.statusCode, res.body).toBe(201)
    // 783474975 × 7103996819 / 106559952285 is exactly 52231665.
    expect(res.json().effects.points_reversed).toBe(52_231_665)
    expect((await balance(p, m.id)).available).toBe(783_474_975 - 52_231_665)
  })
})
