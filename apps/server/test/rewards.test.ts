import { DOMAIN_EVENT_SCHEMAS, type DomainEventType } from '@loyalbase/core'
import { Value } from 'typebox/value'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  availablePoints,
  closeRedemption,
  createProgram,
  createReward,
  expectLedgerConsistent,
  expectProblem,
  getReward,
  memberWith,
  redeem,
  redeemed,
  rewardsProgram,
  type TestApp,
  type TestProgram,
} from './support/index.js'

/*
 * The rewards catalog over HTTP (docs/rewards.md), on both engines: the api.md examples, each
 * refusal, coupon rewards, fulfilment and cancellation, stock changes, idempotent replays and
 * program isolation. Concurrency: rewards-concurrency.test.ts; the portal: rewards-portal.test.ts.
 */

const on = rewardsProgram()
let t: TestApp
let p: TestProgram
beforeAll(() => {
  ;({ t, p } = on)
})

const NOW = '2026-03-01T02:00:00.000Z'

async function couponTemplate(program: TestProgram = p): Promise<string> {
  const res = await t.call('POST', '/v1/coupon-templates', {
    key: program.keys.admin,
    body: {
      name: '¥10 off',
      discount: { type: 'amount', amount_off: 1000 },
      validity: { days: 30 },
    },
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json().id
}

/** The member's domain events, each checked against its catalogued schema. */
async function eventsOf(member: string) {
  const rows = await t.db.database.db
    .selectFrom('outbox_events')
    .select(['type', 'data'])
    .where('member_id', '=', member)
    .orderBy('id')
    .execute()
  for (const row of rows) {
    const schema = DOMAIN_EVENT_SCHEMAS[row.type as DomainEventType]
    expect(Value.Check(schema, row.data), `${row.type} ${JSON.stringify(row.data)}`).toBe(true)
  }
  return rows
}

describe('the catalog', () => {
  it('creates a reward: rwd_ id, stock as set and stock_remaining', async () => {
    const res = await t.call('POST', '/v1/rewards', {
      key: p.keys.admin,
      body: {
        name: '品牌保温杯',
        type: 'product',
        points_cost: 2000,
        cash_cost: 990,
        stock: 50,
        tiers: ['silver', 'gold'],
        per_member_limit: 2,
        description: '500 ml',
        image_url: 'https://example.com/cup.png',
      },
    })
    expect(res.statusCode, res.body).toBe(201)
    const reward = res.json()
    expect(reward).toEqual({
      id: expect.stringMatching(/^rwd_[0-9A-Z]{26}$/),
      name: '品牌保温杯',
      description: '500 ml',
      image_url: 'https://example.com/cup.png',
      type: 'product',
      points_cost: 2000,
      cash_cost: 990,
      stock: 50,
      stock_remaining: 50,
      redeemed: 0,
      tiers: ['silver', 'gold'],
      per_member_limit: 2,
      coupon_template: null,
      active: true,
      created_at: NOW,
      updated_at: NOW,
    })
    expect(await getReward(reward.id)).toEqual(reward)
    const unlimited = await createReward({ name: 'Unlimited' })
    expect(unlimited).toMatchObject({ stock: null, stock_remaining: null, cash_cost: 0, tiers: [] })
  })

  it('refuses a coupon reward without a template of the program, and bad input', async () => {
    const other = await createProgram(t, { name: 'Other' })
    const foreignTemplate = await couponTemplate(other)
    const bad = async (body: Record<string, unknown>, path: string) => {
      const res = await t.call('POST', '/v1/rewards', {
        key: p.keys.admin,
        body: { name: 'Coupon', type: 'coupon', points_cost: 10, ...body },
      })
      const problem = expectProblem(res, 400, 'invalid_request')
      expect(problem.errors.map((e: { path: string }) => e.path)).toContain(path)
    }
    await bad({}, 'coupon_template')
    await bad({ coupon_template: 'cpt_01JQ0000000000000000000000' }, 'coupon_template')
    await bad({ coupon_template: foreignTemplate }, 'coupon_template')
    await bad({ type: 'product', coupon_template: await couponTemplate() }, 'coupon_template')
    await bad({ type: 'product', tiers: ['platinum'] }, 'tiers')
    await bad({ type: 'product', points_cost: 0 }, 'points_cost')
    await bad({ type: 'product', stock: -1 }, 'stock')
    await bad({ type: 'product', points_cost: '10' }, 'points_cost')
    await bad({ type: 'product', colour: 'red' }, 'colour')
    const serverKey = await t.call('POST', '/v1/rewards', {
      key: p.keys.server,
      body: { name: 'x', type: 'product', points_cost: 1 },
    })
    expectProblem(serverKey, 403, 'forbidden')
  })

  it('lists rewards newest first, paged, with each one’s eligibility for ?member=', async () => {
    const fresh = await createProgram(t, { name: 'Mall' })
    await t.call('PUT', '/v1/tiers', {
      key: fresh.keys.admin,
      body: {
        metric: 'spend',
        window: { type: 'lifetime' },
        downgrade: { type: 'never' },
        tiers: [
          { key: 'normal', name: '普通会员', threshold: 0 },
          { key: 'gold', name: '金卡', threshold: 500_000 },
        ],
      },
    })
    await t.services.jobs.settle()
    const available = await createReward({ name: 'available', points_cost: 100 }, fresh)
    const expensive = await createReward({ name: 'expensive', points_cost: 5000 }, fresh)
    const goldOnly = await createReward({ name: 'gold', points_cost: 10, tiers: ['gold'] }, fresh)
    const soldOut = await createReward({ name: 'sold out', points_cost: 10, stock: 0 }, fresh)
    const limited = await createReward(
      { name: 'limited', points_cost: 10, per_member_limit: 1 },
      fresh,
    )
    const off = await createReward({ name: 'off', points_cost: 10, active: false }, fresh)
    const member = await memberWith(1000, undefined, fresh)
    const first = await t.call('POST', `/v1/members/${member.id}/reward-redemptions`, {
      key: fresh.keys.server,
      body: { reward: limited.id },
    })
    expect(first.statusCode, first.body).toBe(201)

    const page1 = await t.call('GET', '/v1/rewards?limit=4', { key: fresh.keys.readonly })
    expect(page1.json().data.map((r: { name: string }) => r.name)).toEqual([
      'off',
      'limited',
      'sold out',
      'gold',
    ])
    expect(page1.json().data[0].eligibility).toBeUndefined()
    const page2 = await t.call('GET', `/v1/rewards?limit=4&cursor=${page1.json().next_cursor}`, {
      key: fresh.keys.readonly,
    })
    expect(page2.json()).toMatchObject({ next_cursor: null })
    expect(page2.json().data.map((r: { name: string }) => r.name)).toEqual([
      'expensive',
      'available',
    ])

    const res = await t.call('GET', `/v1/rewards?member=${member.external_id}`, {
      key: fresh.keys.readonly,
    })
    const state = Object.fromEntries(
      res.json().data.map((r: { id: string; eligibility: unknown }) => [r.id, r.eligibility]),
    )
    expect(state[available.id]).toEqual({
      status: 'available',
      points_available: 990,
      points_short: 0,
      redeemed_by_member: 0,
      limit_remaining: null,
    })
    expect(state[expensive.id]).toMatchObject({ status: 'insufficient_points', points_short: 4010 })
    expect(state[goldOnly.id]).toMatchObject({ status: 'tier_required' })
    expect(state[soldOut.id]).toMatchObject({ status: 'out_of_stock' })
    expect(state[limited.id]).toEqual({
      status: 'limit_reached',
      points_available: 990,
      points_short: 0,
      redeemed_by_member: 1,
      limit_remaining: 0,
    })
    expect(state[off.id]).toMatchObject({ status: 'inactive' })
    const active = await t.call('GET', '/v1/rewards?active=true', { key: fresh.keys.readonly })
    expect(active.json().data).toHaveLength(5)
    const one = await t.call('GET', `/v1/rewards/${goldOnly.id}?member=${member.id}`, {
      key: fresh.keys.readonly,
    })
    expect(one.json().eligibility.status).toBe('tier_required')
    const unknownMember = await t.call('GET', '/v1/rewards?member=nobody', {
      key: fresh.keys.readonly,
    })
    expectProblem(unknownMember, 404, 'not_found')
  })

  it('changes a reward; a new stock is the allotment less what is taken, never below 0', async () => {
    const reward = await createReward({ stock: 5, points_cost: 10 })
    const member = await memberWith(1000)
    await redeemed(member.id, { reward: reward.id, quantity: 3 })
    expect(await getReward(reward.id)).toMatchObject({ stock: 5, stock_remaining: 2, redeemed: 3 })
    const patch = (body: Record<string, unknown>) =>
      t.call('PATCH', `/v1/rewards/${reward.id}`, { key: p.keys.admin, body })
    expect((await patch({ stock: 10 })).json()).toMatchObject({ stock: 10, stock_remaining: 7 })
    expect((await patch({ stock: 2 })).json()).toMatchObject({ stock: 2, stock_remaining: 0 })
    expectProblem(await redeem(member.id, { reward: reward.id }), 409, 'out_of_stock')
    expect((await patch({ stock: null })).json()).toMatchObject({
      stock: null,
      stock_remaining: null,
      redeemed: 3,
    })
    const renamed = await patch({
      name: '新名字',
      points_cost: 20,
      cash_cost: 100,
      tiers: ['gold'],
      per_member_limit: 5,
      active: false,
      description: null,
    })
    expect(renamed.json()).toMatchObject({
      name: '新名字',
      points_cost: 20,
      cash_cost: 100,
      tiers: ['gold'],
      per_member_limit: 5,
      active: false,
      description: null,
      type: 'product',
    })
    expectProblem(await patch({ type: 'coupon' }), 400, 'invalid_request')
    expectProblem(await patch({ tiers: ['platinum'] }), 400, 'invalid_request')
    const missing = await t.call('PATCH', '/v1/rewards/rwd_01JQ0000000000000000000000', {
      key: p.keys.admin,
      body: { name: 'x' },
    })
    expectProblem(missing, 404, 'not_found')
  })
})

describe('redeeming', () => {
  it('answers the api.md shape, debits a redeem entry whose source is the redemption', async () => {
    const reward = await createReward({ points_cost: 300, cash_cost: 500, stock: 10 })
    const member = await memberWith(1000)
    const res = await redeem(member.external_id, { reward: reward.id, quantity: 2 })
    expect(res.statusCode, res.body).toBe(201)
    const redemption = res.json()
    expect(redemption).toEqual({
      id: expect.stringMatching(/^rdm_[0-9A-Z]{26}$/),
      reward: reward.id,
      reward_name: '保温杯',
      reward_type: 'product',
      member: member.id,
      quantity: 2,
      status: 'pending',
      points_spent: 600,
      cash_cost: 1000,
      transaction: expect.stringMatching(/^txn_/),
      coupon: null,
      coupons: [],
      note: null,
      created_at: NOW,
      fulfilled_at: null,
      cancelled_at: null,
    })
    expect(await availablePoints(member.id)).toBe(400)
    expect(await getReward(reward.id)).toMatchObject({ stock: 10, stock_remaining: 8, redeemed: 2 })
    const txns = await t.call('GET', `/v1/members/${member.id}/points/transactions`, {
      key: p.keys.readonly,
    })
    expect(txns.json().data[0]).toMatchObject({
      id: redemption.transaction,
      type: 'redeem',
      points: -600,
      balance_after: 400,
      source: { kind: 'reward_redemption', id: redemption.id },
    })
    const balance = await t.call('GET', `/v1/members/${member.id}/points`, { key: p.keys.readonly })
    expect(balance.json().lifetime.redeemed).toBe(600)
    // Listed for the member and in the program's queue, and fetched by id.
    const mine = await t.call('GET', `/v1/members/${member.id}/reward-redemptions`, {
      key: p.keys.readonly,
    })
    expect(mine.json()).toEqual({ data: [redemption], next_cursor: null })
    const one = await t.call('GET', `/v1/reward-redemptions/${redemption.id}`, {
      key: p.keys.readonly,
    })
    expect(one.json()).toEqual(redemption)
    // The domain events of the redemption, each matching its schema.
    const events = await t.db.database.db
      .selectFrom('outbox_events')
      .selectAll()
      .where('member_id', '=', member.id)
      .where('type', 'in', ['reward.redeemed', 'points.redeemed'])
      .orderBy('id')
      .execute()
    expect(events.map((e) => e.type)).toEqual(['points.redeemed', 'reward.redeemed'])
    const rewardEvent = events[1]
    expect(rewardEvent?.data).toEqual({
      member: member.id,
      redemption: redemption.id,
      reward: reward.id,
      quantity: 2,
      points: 600,
      cash_cost: 1000,
      status: 'pending',
      transaction: redemption.transaction,
    })
    expect(Value.Check(DOMAIN_EVENT_SCHEMAS['reward.redeemed'], rewardEvent?.data)).toBe(true)
    await expectLedgerConsistent(t)
  })

  it('refuses: insufficient_points 422, out_of_stock 409, tier_required 403, limit_reached 422', async () => {
    const member = await memberWith(500, 'silver')
    const dear = await createReward({ points_cost: 501 })
    const poor = expectProblem(
      await redeem(member.id, { reward: dear.id }),
      422,
      'insufficient_points',
    )
    expect(poor.detail).toBe('The member has 500 available points; 501 were asked for.')
    const few = await createReward({ points_cost: 10, stock: 1 })
    expectProblem(await redeem(member.id, { reward: few.id, quantity: 2 }), 409, 'out_of_stock')
    const gold = await createReward({ points_cost: 10, tiers: ['gold'] })
    expectProblem(await redeem(member.id, { reward: gold.id }), 403, 'tier_required')
    const silver = await createReward({ points_cost: 10, tiers: ['silver', 'gold'] })
    await redeemed(member.id, { reward: silver.id })
    const once = await createReward({ points_cost: 10, per_member_limit: 2 })
    await redeemed(member.id, { reward: once.id })
    expectProblem(await redeem(member.id, { reward: once.id, quantity: 2 }), 422, 'limit_reached')
    await redeemed(member.id, { reward: once.id })
    expectProblem(await redeem(member.id, { reward: once.id }), 422, 'limit_reached')
    const off = await createReward({ points_cost: 10, active: false })
    expectProblem(await redeem(member.id, { reward: off.id }), 422, 'reward_unavailable')
    expectProblem(
      await redeem(member.id, { reward: 'rwd_01JQ0000000000000000000000' }),
      404,
      'not_found',
    )
    expectProblem(await redeem('nobody', { reward: once.id }), 404, 'not_found')
    expectProblem(await redeem(member.id, { reward: once.id, quantity: 0 }), 400, 'invalid_request')
    expectProblem(
      await redeem(member.id, { reward: once.id }, { key: p.keys.readonly }),
      403,
      'forbidden',
    )
    // Nothing refused moved a point: 500 less the three redemptions of 10.
    expect(await availablePoints(member.id)).toBe(470)
    expect(await getReward(few.id)).toMatchObject({ stock_remaining: 1, redeemed: 0 })
  })

  it('issues a coupon reward’s coupon at once, fulfilled', async () => {
    const template = await couponTemplate()
    const reward = await createReward({
      type: 'coupon',
      coupon_template: template,
      points_cost: 50,
    })
    expect(reward.coupon_template).toBe(template)
    const member = await memberWith(200)
    const redemption = await redeemed(member.id, { reward: reward.id })
    expect(redemption).toMatchObject({
      status: 'fulfilled',
      fulfilled_at: NOW,
      points_spent: 50,
      coupon: { id: expect.stringMatching(/^cpn_/), code: expect.any(String) },
    })
    expect(redemption.coupons).toEqual([redemption.coupon])
    const coupons = await t.call('GET', `/v1/members/${member.id}/coupons`, {
      key: p.keys.readonly,
    })
    expect(coupons.json().data).toEqual([
      expect.objectContaining({
        id: redemption.coupon?.id,
        code: redemption.coupon?.code,
        template,
        status: 'active',
      }),
    ])
    const two = await redeemed(member.id, { reward: reward.id, quantity: 2 })
    expect(two.coupons).toHaveLength(2)
    expect(await availablePoints(member.id)).toBe(50)
    // A fulfilled redemption cannot be cancelled.
    expectProblem(await closeRedemption(redemption.id, 'cancel'), 409, 'redemption_not_pending')
    const issuedEvent = await t.db.database.db
      .selectFrom('outbox_events')
      .select('data')
      .where('type', '=', 'coupon.issued')
      .where('member_id', '=', member.id)
      .executeTakeFirstOrThrow()
    expect(issuedEvent.data).toMatchObject({ via: 'reward', coupon: redemption.coupon?.id })
  })

  it('replays an Idempotency-Key: one debit, the same answer; another body is 409', async () => {
    const reward = await createReward({ points_cost: 100, stock: 10 })
    const member = await memberWith(1000)
    const headers = { 'idempotency-key': `rdm-${member.id}` }
    const first = await redeem(member.id, { reward: reward.id }, { headers })
    const again = await redeem(member.id, { reward: reward.id }, { headers })
    expect(first.statusCode).toBe(201)
    expect(again.statusCode).toBe(201)
    expect(again.body).toBe(first.body)
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(await availablePoints(member.id)).toBe(900)
    expect((await getReward(reward.id)).stock_remaining).toBe(9)
    expectProblem(
      await redeem(member.id, { reward: reward.id, quantity: 2 }, { headers }),
      409,
      'idempotency_conflict',
    )
    // Concurrent replays apply once.
    const key = { 'idempotency-key': `rdm-par-${member.id}` }
    const parallel = await Promise.all(
      Array.from({ length: 5 }, () => redeem(member.id, { reward: reward.id }, { headers: key })),
    )
    expect(new Set(parallel.map((r) => r.body)).size).toBe(1)
    expect(await availablePoints(member.id)).toBe(800)
  })
})

describe('fulfilment and cancellation', () => {
  it('fulfils a pending redemption once; the queue lists pending ones oldest first', async () => {
    const reward = await createReward({ points_cost: 10 })
    const a = await memberWith(100)
    const b = await memberWith(100)
    const first = await redeemed(a.id, { reward: reward.id })
    const second = await redeemed(b.id, { reward: reward.id })
    const queue = await t.call(
      'GET',
      `/v1/reward-redemptions?status=pending&order=asc&reward=${reward.id}`,
      { key: p.keys.readonly },
    )
    expect(queue.json().data.map((r: { id: string }) => r.id)).toEqual([first.id, second.id])
    const done = await closeRedemption(first.id, 'fulfill', { note: 'shipped SF123' })
    expect(done.statusCode, done.body).toBe(200)
    expect(done.json()).toMatchObject({
      id: first.id,
      status: 'fulfilled',
      fulfilled_at: NOW,
      note: 'shipped SF123',
    })
    const conflict = expectProblem(
      await closeRedemption(first.id, 'fulfill'),
      409,
      'redemption_not_pending',
    )
    expect(conflict.detail).toBe(
      'The redemption is fulfilled: only a pending redemption can be fulfilled.',
    )
    expectProblem(await closeRedemption(first.id, 'cancel'), 409, 'redemption_not_pending')
    expect((await eventsOf(a.id)).map((e) => e.type).at(-1)).toBe('reward.redemption_fulfilled')
    const after = await t.call('GET', `/v1/reward-redemptions?status=pending&reward=${reward.id}`, {
      key: p.keys.readonly,
    })
    expect(after.json().data.map((r: { id: string }) => r.id)).toEqual([second.id])
    const byMember = await t.call('GET', `/v1/reward-redemptions?member=${a.external_id}`, {
      key: p.keys.readonly,
    })
    expect(byMember.json().data.map((r: { id: string }) => r.id)).toEqual([first.id])
    const missing = await closeRedemption('rdm_01JQ0000000000000000000000', 'fulfill')
    expectProblem(missing, 404, 'not_found')
  })

  it('cancels a pending redemption: points and stock come back, once', async () => {
    const reward = await createReward({ points_cost: 250, stock: 3 })
    const member = await memberWith(1000)
    const redemption = await redeemed(member.id, { reward: reward.id, quantity: 2 })
    expect(await availablePoints(member.id)).toBe(500)
    expect((await getReward(reward.id)).stock_remaining).toBe(1)
    const res = await closeRedemption(redemption.id, 'cancel', { note: 'member changed mind' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      status: 'cancelled',
      cancelled_at: NOW,
      note: 'member changed mind',
    })
    expect(await availablePoints(member.id)).toBe(1000)
    expect(await getReward(reward.id)).toMatchObject({ stock_remaining: 3, redeemed: 0 })
    const txns = await t.call('GET', `/v1/members/${member.id}/points/transactions`, {
      key: p.keys.readonly,
    })
    expect(txns.json().data[0]).toMatchObject({
      type: 'redeem',
      points: 500,
      balance_after: 1000,
      source: { kind: 'reward_cancellation', id: redemption.id },
    })
    const balance = await t.call('GET', `/v1/members/${member.id}/points`, { key: p.keys.readonly })
    expect(balance.json().lifetime.redeemed).toBe(0)
    expectProblem(await closeRedemption(redemption.id, 'cancel'), 409, 'redemption_not_pending')
    expectProblem(await closeRedemption(redemption.id, 'fulfill'), 409, 'redemption_not_pending')
    expect(await availablePoints(member.id)).toBe(1000)
    const events = (await eventsOf(member.id)).map((e) => e.type)
    expect(events.slice(-2)).toEqual(['points.returned', 'reward.redemption_cancelled'])
    // A cancelled redemption no longer counts toward per_member_limit.
    await t.call('PATCH', `/v1/rewards/${reward.id}`, {
      key: p.keys.admin,
      body: { per_member_limit: 3 },
    })
    await redeemed(member.id, { reward: reward.id, quantity: 3 })
    expect((await getReward(reward.id)).stock_remaining).toBe(0)
    await expectLedgerConsistent(t)
  })

  it('answers a cancel replayed with its Idempotency-Key the same, giving back once', async () => {
    const reward = await createReward({ points_cost: 40, stock: 2 })
    const member = await memberWith(100)
    const redemption = await redeemed(member.id, { reward: reward.id })
    const headers = { 'idempotency-key': `cancel-${redemption.id}` }
    const cancel = () =>
      t.call('POST', `/v1/reward-redemptions/${redemption.id}/cancel`, {
        key: p.keys.server,
        body: {},
        headers,
      })
    const [first, again] = [await cancel(), await cancel()]
    expect(first.statusCode, first.body).toBe(200)
    expect(again.statusCode).toBe(200)
    expect(again.body).toBe(first.body)
    expect(await availablePoints(member.id)).toBe(100)
    expect((await getReward(reward.id)).stock_remaining).toBe(2)
  })

  it('returns stock against the allotment when the stock was lowered meanwhile', async () => {
    const reward = await createReward({ points_cost: 10, stock: 5 })
    const member = await memberWith(1000)
    const taken = await redeemed(member.id, { reward: reward.id, quantity: 4 })
    await t.call('PATCH', `/v1/rewards/${reward.id}`, { key: p.keys.admin, body: { stock: 2 } })
    expect(await getReward(reward.id)).toMatchObject({ stock: 2, stock_remaining: 0, redeemed: 4 })
    await closeRedemption(taken.id, 'cancel')
    expect(await getReward(reward.id)).toMatchObject({ stock: 2, stock_remaining: 2, redeemed: 0 })
  })
})

describe('isolation', () => {
  it('answers 404 for another program’s reward and redemption', async () => {
    const other = await createProgram(t, { name: 'Foreign' })
    const reward = await createReward({ points_cost: 10 })
    const member = await memberWith(100)
    const redemption = await redeemed(member.id, { reward: reward.id })
    const foreignMember = await memberWith(100, undefined, other)
    for (const [method, url, body] of [
      ['GET', `/v1/rewards/${reward.id}`, undefined],
      ['PATCH', `/v1/rewards/${reward.id}`, { name: 'x' }],
      ['GET', `/v1/reward-redemptions/${redemption.id}`, undefined],
      ['POST', `/v1/reward-redemptions/${redemption.id}/fulfill`, {}],
      ['POST', `/v1/reward-redemptions/${redemption.id}/cancel`, {}],
      ['POST', `/v1/members/${foreignMember.id}/reward-redemptions`, { reward: reward.id }],
    ] as const) {
      const res = await t.call(method, url, { key: other.keys.admin, ...(body ? { body } : {}) })
      expectProblem(res, 404, 'not_found')
    }
    expect(await availablePoints(foreignMember.id, other)).toBe(100)
    const list = await t.call('GET', '/v1/rewards', { key: other.keys.readonly })
    expect(list.json().data).toEqual([])
    expect((await getReward(reward.id)).redeemed).toBe(1)
  })
})
