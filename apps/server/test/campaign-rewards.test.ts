import { isHeldOut } from '@loyalbase/core'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  campaignsApp,
  campaignClock as clock,
  created,
  createMember,
  expectLedgerConsistent,
  pointsOf,
  program,
  report,
  runJob,
  type TestApp,
  template,
} from './support/index.js'

/*
 * Campaigns' rewards: the budget never exceeded under concurrency, a deterministic holdout
 * group, and the report's uplift with its interval. Triggers: campaigns.test.ts.
 */

const on = campaignsApp()
let t: TestApp
beforeAll(() => {
  t = on.t
})

describe('the budget', () => {
  it('is never exceeded by parallel runs of the job', async () => {
    const p = await program('Budget race')
    const c = await created(p, {
      name: 'Seven only',
      trigger: { type: 'member_joined' },
      reward: { type: 'points', points: 50 },
      budget: { max_rewards: 7 },
    })
    clock.set('2027-01-10T06:00:00Z')
    const members = await Promise.all(
      Array.from({ length: 20 }, () => createMember(t, p.keys.admin)),
    )
    await Promise.all(Array.from({ length: 6 }, () => runJob(p)))
    const balances = await Promise.all(members.map((m) => pointsOf(p, m.id)))
    expect(balances.filter((b) => b === 50)).toHaveLength(7)
    expect(balances.filter((b) => b === 0)).toHaveLength(13)
    const got = (await t.call('GET', `/v1/campaigns/${c.id}`, { key: p.keys.readonly })).json()
    expect(got.used).toEqual({ rewards: 7, cost: 350 })
    expect(await report(p, c.id)).toMatchObject({ rewards_issued: 7, over_budget: 13, pending: 0 })
    // A budget below what is used is refused; above, it stands.
    const lower = await t.call('PATCH', `/v1/campaigns/${c.id}`, {
      key: p.keys.admin,
      body: { budget: { max_rewards: 6 } },
    })
    expect(lower.statusCode).toBe(400)
    expect(lower.json().errors[0].path).toBe('budget.max_rewards')
    await expectLedgerConsistent(t)
  })

  it('holds while members join during the runs (jobs under traffic)', async () => {
    const p = await program('Budget under traffic')
    const c = await created(p, {
      name: 'Ten only',
      trigger: { type: 'member_joined' },
      reward: { type: 'points', points: 20 },
      budget: { max_rewards: 10 },
    })
    clock.set('2027-01-10T06:05:00Z')
    const joining = Array.from({ length: 30 }, () => createMember(t, p.keys.admin))
    const runs = Array.from({ length: 4 }, () => runJob(p))
    const [members] = await Promise.all([Promise.all(joining), Promise.all(runs)])
    await runJob(p)
    const balances = await Promise.all(members.map((m) => pointsOf(p, m.id)))
    expect(balances.filter((b) => b === 20)).toHaveLength(10)
    expect(balances.filter((b) => b === 0)).toHaveLength(20)
    expect(await report(p, c.id)).toMatchObject({ rewards_issued: 10, over_budget: 20, pending: 0 })
    await expectLedgerConsistent(t)
  })

  it('counts max_cost in minor units, points at their checkout value', async () => {
    const p = await program('Cost budget')
    // Default redeem_rate: 100 points per yuan, so 30 points are worth 30 fen.
    const c = await created(p, {
      name: 'Cost-capped',
      trigger: { type: 'member_joined' },
      reward: { type: 'points', points: 30 },
      budget: { max_cost: 100 },
    })
    clock.set('2027-01-10T06:10:00Z')
    await Promise.all(Array.from({ length: 8 }, () => createMember(t, p.keys.admin)))
    await Promise.all([runJob(p), runJob(p), runJob(p)])
    const got = (await t.call('GET', `/v1/campaigns/${c.id}`, { key: p.keys.readonly })).json()
    expect(got.used).toEqual({ rewards: 3, cost: 90 })
  })

  it('gives a coupon reward within the template’s limits, and marks the rest refused', async () => {
    const p = await program('Coupon limit')
    const tpl = await template(p, { total_limit: 2 })
    const c = await created(p, {
      name: 'Two coupons',
      trigger: { type: 'member_joined' },
      reward: { type: 'coupon', template: tpl.id },
      budget: { max_cost: 100_000 },
    })
    clock.set('2027-01-10T06:20:00Z')
    const members = await Promise.all(
      Array.from({ length: 4 }, () => createMember(t, p.keys.admin)),
    )
    await runJob(p)
    let withCoupon = 0
    for (const m of members) {
      const list = await t.call('GET', `/v1/members/${m.id}/coupons`, { key: p.keys.readonly })
      withCoupon += list.json().data.length
    }
    expect(withCoupon).toBe(2)
    expect(await report(p, c.id)).toMatchObject({ rewards_issued: 2, refused: 2 })
    const got = (await t.call('GET', `/v1/campaigns/${c.id}`, { key: p.keys.readonly })).json()
    // A coupon counts at the most it can take off.
    expect(got.used).toEqual({ rewards: 2, cost: 2_000 })
  })
})

describe('holdout', () => {
  it('holds out members deterministically, as the core’s bucket says, and rewards the rest', async () => {
    const p = await program('Holdout')
    const c = await created(p, {
      name: 'Half held out',
      trigger: { type: 'member_joined' },
      reward: { type: 'points', points: 10 },
      holdout_percent: 50,
    })
    clock.set('2027-01-10T06:30:00Z')
    const members = await Promise.all(
      Array.from({ length: 40 }, () => createMember(t, p.keys.admin)),
    )
    await runJob(p)
    let held = 0
    for (const m of members) {
      const out = isHeldOut(c.id, m.id, 50)
      if (out) held++
      expect(await pointsOf(p, m.id)).toBe(out ? 0 : 10)
    }
    const r = await report(p, c.id)
    expect(r.holdout).toBe(held)
    expect(r.treated).toBe(40 - held)
    expect(held).toBeGreaterThan(5)
    expect(held).toBeLessThan(35)
  })
})

describe('GET /v1/campaigns/{id}/report', () => {
  it('reports revenue per treated and holdout member, the uplift, its interval and a verdict', async () => {
    clock.set('2027-05-01T00:00:00Z')
    const p = await program('Report')
    const tpl = await template(p, { discount: { type: 'amount', amount_off: 500 } })
    const c = await created(p, {
      name: 'Measured',
      trigger: { type: 'member_joined' },
      reward: { type: 'coupon', template: tpl.id },
      holdout_percent: 40,
    })
    clock.set('2027-05-01T01:00:00Z')
    const members = await Promise.all(
      Array.from({ length: 120 }, () => createMember(t, p.keys.admin)),
    )
    await runJob(p)
    clock.set('2027-05-05T00:00:00Z')
    // Treated members spend 100 yuan more than held-out ones, give or take a little.
    let treated = 0
    let treatedSum = 0
    let holdoutSum = 0
    let i = 0
    for (const m of members) {
      const held = isHeldOut(c.id, m.id, 40)
      const amount = (held ? 20_000 : 30_000) + (i % 7) * 100
      i++
      if (held) holdoutSum += amount
      else {
        treated++
        treatedSum += amount
      }
      const res = await t.call('POST', '/v1/orders', {
        key: p.keys.server,
        body: { id: `rep-${m.id}`, member: m.id, amount, occurred_at: '2027-05-03T02:00:00Z' },
      })
      expect(res.statusCode, res.body).toBe(201)
    }
    // One treated member uses the coupon: the cost is what it took off.
    const first = members.find((m) => !isHeldOut(c.id, m.id, 40))
    const coupons = (
      await t.call('GET', `/v1/members/${first?.id}/coupons`, { key: p.keys.readonly })
    ).json().data
    const used = await t.call('POST', '/v1/orders', {
      key: p.keys.server,
      body: {
        id: 'rep-coupon',
        member: first?.id,
        amount: 0,
        items: [{ sku: 'x', quantity: 1, unit_price: 500 }],
        coupon_codes: [coupons[0].code],
        occurred_at: '2027-05-04T02:00:00Z',
      },
    })
    expect(used.statusCode, used.body).toBe(201)
    const r = await report(p, c.id)
    const holdout = 120 - treated
    expect(r).toMatchObject({
      rewards_issued: treated,
      cost: 500,
      redeemed: 1,
      treated,
      holdout,
      revenue_per_treated: Math.round(treatedSum / treated),
      revenue_per_holdout: Math.round(holdoutSum / holdout),
      verdict: 'effective',
      window_days: 30,
    })
    expect(r.uplift).toBe(Math.round(treatedSum / treated - holdoutSum / holdout))
    expect(r.uplift_interval[0]).toBeLessThan(r.uplift)
    expect(r.uplift_interval[1]).toBeGreaterThan(r.uplift)
    expect(r.uplift_interval[0]).toBeGreaterThan(0)
    const last = r.timeline.at(-1)
    expect(last).toEqual({
      date: '2027-05-05',
      treated: r.revenue_per_treated,
      holdout: r.revenue_per_holdout,
    })
    // Orders outside the window do not count.
    const narrow = await report(p, c.id, '?window_days=1')
    expect(narrow.revenue_per_treated).toBe(0)
  })

  it('says too_few_members when a group is small', async () => {
    clock.set('2027-06-01T00:00:00Z')
    const p = await program('Small report')
    const c = await created(p, {
      name: 'Tiny',
      trigger: { type: 'member_joined' },
      reward: { type: 'points', points: 1 },
      holdout_percent: 50,
    })
    clock.set('2027-06-01T00:01:00Z')
    await Promise.all(Array.from({ length: 6 }, () => createMember(t, p.keys.admin)))
    await runJob(p)
    expect((await report(p, c.id)).verdict).toBe('too_few_members')
  })
})
