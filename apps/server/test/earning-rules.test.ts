import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createMember,
  createPeerApp,
  createProgram,
  createTestApp,
  type TestApp,
  type TestProgram,
} from './support/index.js'

let t: TestApp
let program: TestProgram

beforeAll(async () => {
  t = await createTestApp()
  program = await createProgram(t)
})
afterAll(() => t.close())

const perYuan = { type: 'per_amount', points: 1, per: 100 }

async function createRule(body: Record<string, unknown>, key = program.keys.admin) {
  const res = await t.call('POST', '/v1/earning-rules', {
    key,
    body: { name: 'Rule', trigger: 'order.completed', reward: perYuan, ...body },
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

async function preview(body: Record<string, unknown>, key = program.keys.admin) {
  const res = await t.call('POST', '/v1/earning-rules/preview', { key, body })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

async function expectInvalid(body: Record<string, unknown>, path: string, method = 'POST') {
  const url = method === 'POST' ? '/v1/earning-rules' : `/v1/earning-rules/${body.id}`
  const { id: _id, ...rest } = body
  const res = await t.call(method as 'POST', url, {
    key: program.keys.admin,
    body: method === 'POST' ? { name: 'Bad', trigger: 'order.completed', ...rest } : rest,
  })
  expect(res.statusCode, res.body).toBe(400)
  expect(res.headers['content-type']).toContain('application/problem+json')
  const problem = res.json()
  expect(problem.code).toBe('invalid_request')
  expect(problem.errors.map((e: { path: string }) => e.path)).toContain(path)
  return problem
}

describe('POST /v1/earning-rules', () => {
  it('creates a rule with every field of the rule object', async () => {
    const body = {
      name: 'Big orders in shoes, in store',
      trigger: 'order.completed',
      condition: {
        and: [
          { '>=': [{ var: 'order.amount' }, 10000] },
          { in: ['shoes', { var: 'order.categories' }] },
          { '==': [{ var: 'order.channel' }, 'store'] },
        ],
      },
      reward: perYuan,
      growth: { type: 'fixed', points: 5 },
      tier_multipliers: { gold: 1.5 },
      limits: {
        per_member_per_day: 500,
        per_member_per_month: 2000,
        per_member_total: 10000,
        total_budget: 1000000,
      },
      starts_at: '2026-01-01T00:00:00+08:00',
      ends_at: '2027-01-01T00:00:00+08:00',
    }
    const res = await t.call('POST', '/v1/earning-rules', { key: program.keys.admin, body })
    expect(res.statusCode).toBe(201)
    const rule = res.json()
    expect(rule.id).toMatch(/^rule_[0-9A-Z]{26}$/)
    expect(rule).toEqual({
      ...body,
      id: rule.id,
      starts_at: '2025-12-31T16:00:00.000Z',
      ends_at: '2026-12-31T16:00:00.000Z',
      active: true,
      budget_used: 0,
      created_at: rule.created_at,
      updated_at: rule.created_at,
    })
    const got = await t.call('GET', `/v1/earning-rules/${rule.id}`, { key: program.keys.readonly })
    expect(got.json()).toEqual(rule)
  })

  it('fills the defaults: no condition, no growth, no multipliers or limits, active', async () => {
    const rule = await createRule({ reward: { type: 'fixed', points: 20 } })
    expect(rule).toMatchObject({
      condition: null,
      reward: { type: 'fixed', points: 20 },
      growth: null,
      tier_multipliers: {},
      limits: {},
      starts_at: null,
      ends_at: null,
      active: true,
    })
  })

  it('takes any event type as a trigger', async () => {
    for (const trigger of ['review.posted', 'member.checked_in', 'custom_type.v2']) {
      expect((await createRule({ trigger })).trigger).toBe(trigger)
    }
    await expectInvalid({ trigger: 'Review.Posted', reward: perYuan }, 'trigger')
    await expectInvalid({ trigger: '1st', reward: perYuan }, 'trigger')
  })

  it('replays an Idempotency-Key and refuses it with another body', async () => {
    const headers = { 'idempotency-key': 'rule-create-1' }
    const body = { name: 'Once', trigger: 'order.completed', reward: perYuan }
    const first = await t.call('POST', '/v1/earning-rules', {
      key: program.keys.admin,
      body,
      headers,
    })
    const again = await t.call('POST', '/v1/earning-rules', {
      key: program.keys.admin,
      body,
      headers,
    })
    expect(first.statusCode).toBe(201)
    expect(again.statusCode).toBe(201)
    expect(again.body).toBe(first.body)
    expect(again.headers['idempotent-replayed']).toBe('true')
    const other = await t.call('POST', '/v1/earning-rules', {
      key: program.keys.admin,
      body: { ...body, name: 'Twice' },
      headers,
    })
    expect(other.statusCode).toBe(409)
    expect(other.json().code).toBe('idempotency_conflict')
  })
})

describe('rule validation', () => {
  it('names an unknown operator by its path, at any depth', async () => {
    const top = await expectInvalid({ condition: { foo: [1] }, reward: perYuan }, 'condition.foo')
    expect(top.errors).toEqual([{ path: 'condition.foo', message: 'unknown operator "foo"' }])
    await expectInvalid(
      {
        condition: { and: [{ '>': [{ var: 'order.amount' }, 1] }, { '!': { bar: [] } }] },
        reward: perYuan,
      },
      'condition.and[1].!.bar',
    )
    await expectInvalid({ condition: { '>': [1, 0], '<': [0, 1] }, reward: perYuan }, 'condition')
    await expectInvalid({ condition: { '/': [1, 0] }, reward: perYuan }, 'condition')
  })

  it('refuses negative points, a zero or negative per, and bad growth', async () => {
    await expectInvalid({ reward: { type: 'fixed', points: -5 } }, 'reward.points')
    await expectInvalid({ reward: { type: 'per_amount', points: -1, per: 100 } }, 'reward.points')
    await expectInvalid({ reward: { type: 'per_amount', points: 1, per: 0 } }, 'reward.per')
    await expectInvalid({ reward: { type: 'per_amount', points: 1, per: -100 } }, 'reward.per')
    await expectInvalid({ reward: { type: 'per_amount', points: 1.5, per: 100 } }, 'reward.points')
    await expectInvalid({ reward: { type: 'percent', points: 1 } }, 'reward.type')
    await expectInvalid({ reward: perYuan, growth: { type: 'fixed', points: -1 } }, 'growth.points')
    await expectInvalid({ reward: { type: 'fixed', points: 1, per: 100 } }, 'reward.per')
  })

  it('refuses unknown fields, bad multipliers, limits and windows', async () => {
    await expectInvalid({ reward: perYuan, priority: 1 }, 'priority')
    await expectInvalid({ reward: perYuan, limits: { per_week: 10 } }, 'limits.per_week')
    await expectInvalid(
      { reward: perYuan, limits: { per_member_per_day: 0 } },
      'limits.per_member_per_day',
    )
    await expectInvalid({ reward: perYuan, limits: { total_budget: 2.5 } }, 'limits.total_budget')
    await expectInvalid({ reward: perYuan, tier_multipliers: { gold: 0 } }, 'tier_multipliers.gold')
    await expectInvalid(
      { reward: perYuan, tier_multipliers: { gold: -1 } },
      'tier_multipliers.gold',
    )
    await expectInvalid(
      { reward: perYuan, tier_multipliers: { gold: '2' } },
      'tier_multipliers.gold',
    )
    await expectInvalid(
      { reward: perYuan, tier_multipliers: { gold: 1.23456 } },
      'tier_multipliers.gold',
    )
    await expectInvalid(
      { reward: perYuan, starts_at: '2026-05-01T00:00:00Z', ends_at: '2026-05-01T00:00:00Z' },
      'ends_at',
    )
    await expectInvalid({ reward: perYuan, starts_at: 'tomorrow' }, 'starts_at')
    await expectInvalid({ reward: perYuan, condition: 'true' }, 'condition')
    await expectInvalid({ reward: perYuan, name: '' }, 'name')
    await expectInvalid({}, 'reward')
  })
})

describe('roles and lookups', () => {
  it('lets only admin keys change rules; every key may read them', async () => {
    const rule = await createRule({})
    const asServer = await t.call('POST', '/v1/earning-rules', {
      key: program.keys.server,
      body: { name: 'x', trigger: 'order.completed', reward: perYuan },
    })
    expect(asServer.statusCode).toBe(403)
    expect(asServer.json().code).toBe('forbidden')
    for (const key of [program.keys.server, program.keys.readonly]) {
      const patch = await t.call('PATCH', `/v1/earning-rules/${rule.id}`, {
        key,
        body: { name: 'y' },
      })
      expect(patch.statusCode).toBe(403)
      const del = await t.call('DELETE', `/v1/earning-rules/${rule.id}`, { key })
      expect(del.statusCode).toBe(403)
      expect((await t.call('GET', '/v1/earning-rules', { key })).statusCode).toBe(200)
      expect((await t.call('GET', `/v1/earning-rules/${rule.id}`, { key })).statusCode).toBe(200)
    }
    const readonlyPreview = await t.call('POST', '/v1/earning-rules/preview', {
      key: program.keys.readonly,
      body: { rule: rule.id, order: { amount: 100 } },
    })
    expect(readonlyPreview.statusCode).toBe(403)
    expect(
      (await preview({ rule: rule.id, order: { amount: 100 } }, program.keys.server)).points,
    ).toBe(1)
    expect((await t.call('GET', '/v1/earning-rules')).statusCode).toBe(401)
  })

  it('answers 404 for ids that do not exist', async () => {
    const missing = 'rule_01JZZZZZZZZZZZZZZZZZZZZZZZ'
    for (const [method, body] of [['GET'], ['PATCH', { name: 'n' }], ['DELETE']] as const) {
      const res = await t.call(method, `/v1/earning-rules/${missing}`, {
        key: program.keys.admin,
        ...(body ? { body } : {}),
      })
      expect(res.statusCode).toBe(404)
      expect(res.json().code).toBe('not_found')
    }
    const res = await t.call('POST', '/v1/earning-rules/preview', {
      key: program.keys.admin,
      body: { rule: missing, order: { amount: 100 } },
    })
    expect(res.statusCode).toBe(404)
  })
})

describe('list, pause, change and delete', () => {
  it('pages through rules newest first and filters by trigger and active', async () => {
    const own = await createProgram(t, { name: 'Listing' })
    const ids: string[] = []
    for (const trigger of ['order.completed', 'review.posted', 'order.completed']) {
      const res = await t.call('POST', '/v1/earning-rules', {
        key: own.keys.admin,
        body: { name: trigger, trigger, reward: perYuan },
      })
      ids.push(res.json().id)
    }
    const first = (
      await t.call('GET', '/v1/earning-rules?limit=2', { key: own.keys.readonly })
    ).json()
    expect(first.data.map((r: { id: string }) => r.id)).toEqual([ids[2], ids[1]])
    const second = (
      await t.call('GET', `/v1/earning-rules?limit=2&cursor=${first.next_cursor}`, {
        key: own.keys.readonly,
      })
    ).json()
    expect(second).toEqual({ data: [expect.objectContaining({ id: ids[0] })], next_cursor: null })
    const reviews = (
      await t.call('GET', '/v1/earning-rules?trigger=review.posted', { key: own.keys.readonly })
    ).json()
    expect(reviews.data.map((r: { id: string }) => r.id)).toEqual([ids[1]])

    const paused = await t.call('PATCH', `/v1/earning-rules/${ids[0]}`, {
      key: own.keys.admin,
      body: { active: false },
    })
    expect(paused.statusCode).toBe(200)
    expect(paused.json()).toMatchObject({ id: ids[0], active: false, name: 'order.completed' })
    const inactive = (
      await t.call('GET', '/v1/earning-rules?active=false', { key: own.keys.admin })
    ).json()
    expect(inactive.data.map((r: { id: string }) => r.id)).toEqual([ids[0]])
    expect(await preview({ rule: ids[0], order: { amount: 10000 } }, own.keys.admin)).toEqual({
      matched: false,
      points: 0,
      growth: 0,
      points_before_limits: 0,
    })
  })

  it('replaces the fields a PATCH gives, clears nulls and validates the result whole', async () => {
    const rule = await createRule({
      condition: { '>=': [{ var: 'order.amount' }, 10000] },
      starts_at: '2026-06-01T00:00:00Z',
      limits: { per_member_per_day: 100 },
    })
    const res = await t.call('PATCH', `/v1/earning-rules/${rule.id}`, {
      key: program.keys.admin,
      body: { name: 'Renamed', condition: null, limits: { total_budget: 50 } },
    })
    expect(res.statusCode).toBe(200)
    const changed = res.json()
    expect(changed).toMatchObject({
      name: 'Renamed',
      condition: null,
      limits: { total_budget: 50 },
      reward: perYuan,
      starts_at: '2026-06-01T00:00:00.000Z',
      created_at: rule.created_at,
    })
    expect(Date.parse(changed.updated_at)).toBeGreaterThan(Date.parse(rule.updated_at))
    await expectInvalid({ id: rule.id, ends_at: '2026-05-01T00:00:00Z' }, 'ends_at', 'PATCH')
    await expectInvalid({ id: rule.id, condition: { nope: 1 } }, 'condition.nope', 'PATCH')
    await expectInvalid(
      { id: rule.id, reward: { type: 'fixed', points: -1 } },
      'reward.points',
      'PATCH',
    )
    await expectInvalid({ id: rule.id, budget_used: 0 }, 'budget_used', 'PATCH')
    const after = await t.call('GET', `/v1/earning-rules/${rule.id}`, { key: program.keys.admin })
    expect(after.json()).toEqual(changed)
  })

  it('deletes a rule: 204, then it is gone from reads, lists and previews', async () => {
    const rule = await createRule({ name: 'To delete' })
    const del = await t.call('DELETE', `/v1/earning-rules/${rule.id}`, { key: program.keys.admin })
    expect(del.statusCode).toBe(204)
    expect(del.body).toBe('')
    expect(
      (await t.call('GET', `/v1/earning-rules/${rule.id}`, { key: program.keys.admin })).statusCode,
    ).toBe(404)
    const list = (
      await t.call('GET', '/v1/earning-rules?limit=100', { key: program.keys.admin })
    ).json()
    expect(list.data.some((r: { id: string }) => r.id === rule.id)).toBe(false)
    expect(
      (await t.call('DELETE', `/v1/earning-rules/${rule.id}`, { key: program.keys.admin }))
        .statusCode,
    ).toBe(404)
  })
})

describe('a rule change reaches every process at once', () => {
  it('pays no order that starts after a pause answered, on this process or another', async () => {
    const p = await createProgram(t)
    const peer = await createPeerApp(t)
    try {
      const m = await createMember(t, p.keys.admin)
      const rule = await createRule({ name: 'Pausable' }, p.keys.admin)
      const order = (call: TestApp['call'], id: string) =>
        call('POST', '/v1/orders', {
          key: p.keys.server,
          body: { id, member: m.id, amount: 10_000 },
        })
      // Both processes have read (and cached) the live rule.
      for (const [call, id] of [
        [t.call, 'warm-1'],
        [peer.call, 'warm-2'],
      ] as const) {
        const res = await order(call, id)
        expect(res.json().effects.points_earned, res.body).toBe(100)
      }
      const paused = await t.call('PATCH', `/v1/earning-rules/${rule.id}`, {
        key: p.keys.admin,
        body: { active: false },
      })
      expect(paused.statusCode, paused.body).toBe(200)
      for (const [call, id] of [
        [peer.call, 'after-1'],
        [t.call, 'after-2'],
      ] as const) {
        const res = await order(call, id)
        expect(res.json().effects, res.body).toMatchObject({ points_earned: 0, rules: [] })
      }
      // And back on: the other process pays by the new version at once too.
      await t.call('PATCH', `/v1/earning-rules/${rule.id}`, {
        key: p.keys.admin,
        body: { active: true, reward: { type: 'fixed', points: 7 } },
      })
      expect((await order(peer.call, 'after-3')).json().effects.points_earned).toBe(7)
      await peer.call('DELETE', `/v1/earning-rules/${rule.id}`, { key: p.keys.admin })
      expect((await order(t.call, 'after-4')).json().effects.points_earned).toBe(0)
    } finally {
      await peer.close()
    }
  })

  it('never pays by the old version once a change answered, with orders in flight', async () => {
    const p = await createProgram(t)
    const m = await createMember(t, p.keys.admin)
    const rule = await createRule({ name: 'Busy' }, p.keys.admin)
    const order = (id: string) =>
      t.call('POST', '/v1/orders', {
        key: p.keys.server,
        body: { id, member: m.id, amount: 10_000 },
      })
    // Orders keep reading the rules while the pause commits.
    const inFlight = Array.from({ length: 20 }, (_, i) => order(`busy-${i}`))
    const paused = await t.call('PATCH', `/v1/earning-rules/${rule.id}`, {
      key: p.keys.admin,
      body: { active: false },
    })
    expect(paused.statusCode).toBe(200)
    const later = await Promise.all(Array.from({ length: 10 }, (_, i) => order(`later-${i}`)))
    for (const res of later) expect(res.json().effects.points_earned, res.body).toBe(0)
    await Promise.all(inFlight)
  })
})
