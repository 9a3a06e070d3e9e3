import { beforeAll, describe, expect, it } from 'vitest'
import {
  checkoutProgram,
  createMember,
  createProgram,
  expectLedgerConsistent,
  basket as items,
  type TestApp,
  type TestProgram,
} from './support/index.js'

/*
 * Orders paid in part with points (`points_to_redeem`): what the quote redeems, refunds giving
 * the points back, and one balance spent exactly once under parallel orders.
 */

const { on, memberWithPoints, quote } = checkoutProgram()
let t: TestApp
let p: TestProgram
beforeAll(() => {
  ;({ t, p } = on)
})

describe('orders paid in part with points', () => {
  const pointsOf = async (member: string) =>
    (await t.call('GET', `/v1/members/${member}/points`, { key: p.keys.readonly })).json()

  it('redeems what the quote redeems, earns only on what was paid, and records where the points went', async () => {
    const m = await memberWithPoints(20_000)
    const q = (await quote({ member: m.id, items, points_to_redeem: 12_000 })).json()
    expect(q).toMatchObject({ points_redeemed: 12_000, points_value: 12_000, total: 20_000 })
    const res = await t.call('POST', '/v1/orders', {
      key: p.keys.server,
      body: { id: 'pts-1', member: m.id, items, amount: q.total, points_to_redeem: 12_000 },
    })
    expect(res.statusCode, res.body).toBe(201)
    const { order, effects } = res.json()
    expect(effects.points_redeemed).toBe(12_000)
    // 1 point per yuan on the 200 yuan paid, not on the 120 yuan paid with points.
    expect(effects.points_earned).toBe(200)
    expect(effects.points_earned).toBe(q.points_to_earn)
    expect(order).toMatchObject({
      points_redeemed: 12_000,
      points_value: 12_000,
      points_returned: 0,
    })
    const balance = await pointsOf(m.id)
    expect(balance.available).toBe(20_000 - 12_000 + 200)
    expect(balance.lifetime.redeemed).toBe(12_000)
    const txns = (
      await t.call('GET', `/v1/members/${m.id}/points/transactions`, { key: p.keys.readonly })
    ).json().data as { type: string; points: number; source: { kind: string; id: string } }[]
    expect(txns.find((x) => x.type === 'redeem')).toMatchObject({
      points: -12_000,
      source: { kind: 'order', id: 'pts-1' },
    })
    // A replay answers the same and spends nothing more.
    const again = await t.call('POST', '/v1/orders', {
      key: p.keys.server,
      body: { id: 'pts-1', member: m.id, items, amount: q.total, points_to_redeem: 12_000 },
    })
    expect(again.statusCode).toBe(201)
    expect(again.json()).toEqual(res.json())
    expect((await pointsOf(m.id)).available).toBe(20_000 - 12_000 + 200)
    await expectLedgerConsistent(t)
  })

  it('answers the first order of a program when it pays with points (rules read in its transaction)', async () => {
    // A fresh program: its order rules are not cached yet, so the locked order reads them.
    const fresh = await createProgram(t, { name: 'First order with points' })
    const rule = await t.call('POST', '/v1/earning-rules', {
      key: fresh.keys.admin,
      body: { name: 'r', trigger: 'order.completed', reward: { type: 'fixed', points: 7 } },
    })
    expect(rule.statusCode, rule.body).toBe(201)
    const m = await createMember(t, fresh.keys.admin)
    const adjusted = await t.call('POST', `/v1/members/${m.id}/points/adjustments`, {
      key: fresh.keys.admin,
      body: { points: 1_000, reason: 'test' },
    })
    expect(adjusted.statusCode, adjusted.body).toBe(201)
    const res = await t.call('POST', '/v1/orders', {
      key: fresh.keys.server,
      body: {
        id: 'first-with-points',
        member: m.id,
        items,
        amount: 31_000,
        points_to_redeem: 1_000,
      },
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().effects).toMatchObject({ points_redeemed: 1_000, points_earned: 7 })
  })

  it('refuses points beyond the balance with insufficient_points, and writes nothing', async () => {
    const m = await memberWithPoints(1_000)
    const res = await t.call('POST', '/v1/orders', {
      key: p.keys.server,
      body: { id: 'pts-short', member: m.id, items, amount: 31_000, points_to_redeem: 1_001 },
    })
    expect(res.statusCode, res.body).toBe(422)
    expect(res.json()).toMatchObject({
      code: 'insufficient_points',
      errors: [{ path: 'points_to_redeem' }],
    })
    expect((await t.call('GET', '/v1/orders/pts-short', { key: p.keys.readonly })).statusCode).toBe(
      404,
    )
    expect((await pointsOf(m.id)).available).toBe(1_000)
  })

  it('takes the points from the oldest lots first, as many as it needs', async () => {
    const m = await memberWithPoints(1_000)
    for (let i = 0; i < 3; i++) {
      const adjusted = await t.call('POST', `/v1/members/${m.id}/points/adjustments`, {
        key: p.keys.admin,
        body: { points: 1_000, reason: `lot ${i + 2}` },
      })
      expect(adjusted.statusCode, adjusted.body).toBe(201)
    }
    const placed = await t.call('POST', '/v1/orders', {
      key: p.keys.server,
      body: { id: 'pts-fifo', member: m.id, items, amount: 29_500, points_to_redeem: 2_500 },
    })
    expect(placed.statusCode, placed.body).toBe(201)
    expect(placed.json().effects.points_redeemed).toBe(2_500)
    const lots = (
      await t.call('GET', `/v1/members/${m.id}/points/explain`, { key: p.keys.readonly })
    ).json().lots as { remaining: number; source: { kind: string } }[]
    // Four lots of 1,000 from the adjustments, oldest first, and the order's own 295 (pending
    // or available) last: the first two emptied, half of the third taken, the fourth untouched.
    expect(lots.filter((l) => l.source.kind !== 'order').map((l) => l.remaining)).toEqual([
      500, 1_000,
    ])
    await expectLedgerConsistent(t)
  })

  it('gives the points back in proportion on refunds, all of them with the last, and keeps their expiry', async () => {
    const m = await memberWithPoints(10_000)
    const explain = async () =>
      (await t.call('GET', `/v1/members/${m.id}/points/explain`, { key: p.keys.readonly })).json()
        .lots as { remaining: number; expires_at: string | null; source: { kind: string } }[]
    const [adjusted] = await explain()
    const placed = await t.call('POST', '/v1/orders', {
      key: p.keys.server,
      body: { id: 'pts-refund', member: m.id, items, amount: 22_000, points_to_redeem: 10_000 },
    })
    expect(placed.statusCode, placed.body).toBe(201)
    expect(placed.json().effects.points_redeemed).toBe(10_000)
    const refund = (id: string, amount: number) =>
      t.call('POST', '/v1/orders/pts-refund/refunds', {
        key: p.keys.server,
        body: { id, amount },
      })
    // A third of what was paid: a third of the points (rounded down), and of the 220 earned.
    const first = await refund('pts-refund-1', 7_333)
    expect(first.statusCode, first.body).toBe(201)
    expect(first.json().effects).toMatchObject({ points_returned: 3_333, points_reversed: 73 })
    const second = await refund('pts-refund-2', 14_667)
    expect(second.statusCode, second.body).toBe(201)
    expect(second.json().effects).toMatchObject({ points_returned: 6_667, points_reversed: 147 })
    const order = (await t.call('GET', '/v1/orders/pts-refund', { key: p.keys.readonly })).json()
    expect(order).toMatchObject({ points_redeemed: 10_000, points_returned: 10_000 })
    expect(order.refunds.map((r: { points_returned: number }) => r.points_returned)).toEqual([
      3_333, 6_667,
    ])
    const balance = await pointsOf(m.id)
    expect(balance.available).toBe(10_000)
    expect(balance.lifetime.redeemed).toBe(0)
    // The points came back with the expiry of the adjustment's lot they were taken from.
    const back = (await explain()).filter((l) => l.source.kind === 'refund')
    expect(back.map((l) => l.remaining)).toEqual([3_333, 6_667])
    expect(adjusted?.remaining).toBe(10_000)
    for (const lot of back) expect(lot.expires_at).toBe(adjusted?.expires_at)
    await expectLedgerConsistent(t)
  })

  it('refunds an order paid wholly with points with amount 0, and refuses amount 0 on any other', async () => {
    const m = await memberWithPoints(50_000)
    await t.call('PATCH', '/v1/program', {
      key: p.keys.admin,
      body: { points_policy: { max_redeem_percent: 100 } },
    })
    try {
      const placed = await t.call('POST', '/v1/orders', {
        key: p.keys.server,
        body: { id: 'pts-free', member: m.id, items, amount: 0, points_to_redeem: 32_000 },
      })
      expect(placed.statusCode, placed.body).toBe(201)
      expect(placed.json().effects).toMatchObject({ points_redeemed: 32_000, points_earned: 0 })
      const zero = await t.call('POST', '/v1/orders/pts-free/refunds', {
        key: p.keys.server,
        body: { id: 'pts-free-r', amount: 0 },
      })
      expect(zero.statusCode, zero.body).toBe(201)
      expect(zero.json().effects.points_returned).toBe(32_000)
      expect((await pointsOf(m.id)).available).toBe(50_000)
      const paid = await t.call('POST', '/v1/orders/pts-1/refunds', {
        key: p.keys.server,
        body: { id: 'pts-1-zero', amount: 0 },
      })
      expect(paid.statusCode, paid.body).toBe(400)
      expect(paid.json().errors[0].path).toBe('amount')
    } finally {
      await t.call('PATCH', '/v1/program', {
        key: p.keys.admin,
        body: { points_policy: { max_redeem_percent: 50 } },
      })
    }
  })

  it('spends a balance exactly once under 20 parallel orders and 20 parallel replays', async () => {
    const m = await memberWithPoints(10_000)
    const body = (i: number) => ({
      id: `pts-race-${i}`,
      member: m.id,
      items,
      amount: 31_000,
      points_to_redeem: 1_000,
    })
    const send = (i: number) => t.call('POST', '/v1/orders', { key: p.keys.server, body: body(i) })
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => send(i % 20)))
    const won = new Set(results.filter((r) => r.statusCode === 201).map((r) => r.json().order.id))
    const lost = results.filter((r) => r.statusCode === 422)
    // Each order pays 1,000 and earns 310 (available at once): in whatever order they run,
    // 14 fit in 10,000 and 340 are left.
    let left = 10_000
    let fit = 0
    for (; left >= 1_000; fit++) left += 310 - 1_000
    expect(won.size).toBe(fit)
    expect(results.filter((r) => r.statusCode === 201).length + lost.length).toBe(40)
    for (const r of lost) expect(r.json().code).toBe('insufficient_points')
    const balance = await pointsOf(m.id)
    expect(balance.available).toBe(left)
    expect(balance.lifetime.redeemed).toBe(fit * 1_000)
    await expectLedgerConsistent(t)
  })
})
