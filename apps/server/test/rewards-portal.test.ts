import { beforeAll, describe, expect, it } from 'vitest'
import {
  availablePoints,
  createReward,
  expectProblem,
  getReward,
  memberWith,
  rewardsProgram,
  type TestApp,
  type TestProgram,
} from './support/index.js'

/*
 * The portal's rewards mall (docs/rewards.md, "Portal"): the catalog as the session's member
 * sees it, redemptions with the member token, and nothing of anyone else.
 */

const on = rewardsProgram()
let t: TestApp
let p: TestProgram
beforeAll(() => {
  ;({ t, p } = on)
})

async function sessionOf(member: string): Promise<string> {
  const res = await t.call('POST', `/v1/members/${member}/portal-sessions`, {
    key: p.keys.server,
    body: {},
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json().token
}

describe('the portal mall', () => {
  it('lists active rewards with the member’s state and redeems with the member token', async () => {
    const cup = await createReward({ name: 'cup', points_cost: 100, stock: 3 })
    const bag = await createReward({ name: 'bag', points_cost: 1000 })
    const gold = await createReward({ name: 'gold lounge', points_cost: 10, tiers: ['gold'] })
    const gone = await createReward({ name: 'gone', points_cost: 10, stock: 0 })
    await createReward({ name: 'off', points_cost: 10, active: false })
    const member = await memberWith(300, 'silver')
    const token = await sessionOf(member.id)
    const mall = await t.call('GET', '/v1/portal/rewards?limit=100', { key: token })
    expect(mall.statusCode, mall.body).toBe(200)
    const state = Object.fromEntries(
      mall
        .json()
        .data.map((r: { name: string; eligibility: { status: string } }) => [
          r.name,
          r.eligibility.status,
        ]),
    )
    expect(state).toEqual({
      cup: 'available',
      bag: 'insufficient_points',
      'gold lounge': 'tier_required',
      gone: 'out_of_stock',
    })
    expect([gold.id, gone.id, bag.id]).toHaveLength(3)

    const headers = { 'idempotency-key': 'mall-1' }
    const res = await t.call('POST', '/v1/portal/reward-redemptions', {
      key: token,
      body: { reward: cup.id, quantity: 2 },
      headers,
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({
      member: member.id,
      reward: cup.id,
      quantity: 2,
      status: 'pending',
      points_spent: 200,
    })
    const replay = await t.call('POST', '/v1/portal/reward-redemptions', {
      key: token,
      body: { reward: cup.id, quantity: 2 },
      headers,
    })
    expect(replay.body).toBe(res.body)
    expect(await availablePoints(member.id)).toBe(100)
    expect((await getReward(cup.id)).stock_remaining).toBe(1)

    // Another member using the same key is a request of its own.
    const other = await memberWith(300)
    const otherToken = await sessionOf(other.id)
    const theirs = await t.call('POST', '/v1/portal/reward-redemptions', {
      key: otherToken,
      body: { reward: cup.id, quantity: 2 },
      headers,
    })
    expectProblem(theirs, 409, 'out_of_stock')
    expectProblem(
      await t.call('POST', '/v1/portal/reward-redemptions', {
        key: otherToken,
        body: { reward: gold.id },
      }),
      403,
      'tier_required',
    )

    const mine = await t.call('GET', '/v1/portal/reward-redemptions', { key: token })
    expect(mine.json().data).toEqual([res.json()])
    const none = await t.call('GET', '/v1/portal/reward-redemptions', { key: otherToken })
    expect(none.json().data).toEqual([])
    const after = await t.call('GET', '/v1/portal/rewards?limit=100', { key: token })
    const cupNow = after.json().data.find((r: { id: string }) => r.id === cup.id)
    // 1 left, 100 points to spend: one more is within reach.
    expect(cupNow.eligibility).toMatchObject({
      status: 'available',
      redeemed_by_member: 2,
      points_available: 100,
    })
  })

  it('refuses program keys and program keys refuse the token', async () => {
    const member = await memberWith(0)
    const token = await sessionOf(member.id)
    expect((await t.call('GET', '/v1/portal/rewards', { key: p.keys.admin })).statusCode).toBe(403)
    expect((await t.call('GET', '/v1/rewards', { key: token })).statusCode).toBe(403)
  })
})
