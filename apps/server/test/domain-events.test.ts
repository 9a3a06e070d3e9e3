import { DOMAIN_EVENT_SCHEMAS, type DomainEventType, fixedClock } from '@loyalbase/core'
import { Value } from 'typebox/value'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createMember,
  createProgram,
  createTestApp,
  type TestApp,
  type TestProgram,
} from './support/index.js'

/*
 * Every use case records what happened as domain events, in its own transaction, each with a
 * payload its catalogued schema accepts (docs/domain-events.md).
 */

const clock = fixedClock('2026-03-01T04:00:00Z')
let t: TestApp

beforeAll(async () => {
  t = await createTestApp({ clock })
})
afterAll(() => t.close())

async function eventsOf(p: TestProgram, member: string) {
  const rows = await t.db.database.db
    .selectFrom('outbox_events')
    .select(['id', 'type', 'member_id', 'data', 'created_at'])
    .where('program_id', '=', p.id)
    .where('member_id', '=', member)
    .orderBy('id')
    .execute()
  for (const row of rows) {
    const schema = DOMAIN_EVENT_SCHEMAS[row.type as DomainEventType]
    expect(schema, row.type).toBeDefined()
    expect(Value.Check(schema, row.data), `${row.type} ${JSON.stringify(row.data)}`).toBe(true)
    expect(row.id).toMatch(/^evt_[0-9A-Z]{26}$/)
  }
  return rows
}

async function shop() {
  const p = await createProgram(t, { name: 'Events' })
  for (const [method, url, body] of [
    ['PATCH', '/v1/program', { points_policy: { expiry: { type: 'rolling', months: 1 } } }],
    [
      'POST',
      '/v1/earning-rules',
      {
        name: 'Per yuan',
        trigger: 'order.completed',
        reward: { type: 'per_amount', points: 1, per: 100 },
      },
    ],
    [
      'POST',
      '/v1/earning-rules',
      { name: 'Review', trigger: 'review.posted', reward: { type: 'fixed', points: 20 } },
    ],
    [
      'PUT',
      '/v1/tiers',
      {
        metric: 'spend',
        window: { type: 'lifetime' },
        downgrade: { type: 'never' },
        tiers: [
          { key: 'member', name: '会员', threshold: 0 },
          { key: 'silver', name: '银卡', threshold: 50_000 },
        ],
      },
    ],
  ] as const) {
    const res = await t.call(method, url, { key: p.keys.admin, body })
    expect(res.statusCode, res.body).toBeLessThan(300)
  }
  await t.services.jobs.settle()
  return p
}

describe('domain events', () => {
  it('tells what every use case did, in order, with the payload its schema describes', async () => {
    const p = await shop()
    const m = await createMember(t, p.keys.admin)
    const order = await t.call('POST', '/v1/orders', {
      key: p.keys.server,
      body: { id: 'de-1', member: m.id, amount: 60_000 },
    })
    expect(order.statusCode, order.body).toBe(201)
    await t.call('POST', '/v1/events', {
      key: p.keys.server,
      body: { id: 'de-e1', type: 'review.posted', member: m.id },
    })
    await t.call('POST', '/v1/orders/de-1/refunds', {
      key: p.keys.server,
      body: { id: 'de-r1', amount: 30_000 },
    })
    const events = await eventsOf(p, m.id)
    expect(events.map((e) => e.type)).toEqual([
      'member.created',
      'points.earned',
      'tier.changed',
      'tier.upgraded',
      'points.earned',
      'points.reversed',
    ])
    expect(events[1]?.data).toEqual({
      member: m.id,
      points: 600,
      status: 'available',
      source: { kind: 'order', id: 'de-1' },
      rules: [{ rule: expect.stringMatching(/^rule_/), points: 600 }],
    })
    expect(events[4]?.data).toMatchObject({ points: 20, source: { kind: 'event', id: 'de-e1' } })
    expect(events[5]?.data).toEqual({
      member: m.id,
      points: 300,
      source: { kind: 'order', id: 'de-1' },
      cause: { kind: 'refund', id: 'de-r1' },
    })
  })

  it('tells of adjustments, redemptions and expiry, one event per member a sweep expired', async () => {
    clock.set('2026-03-01T04:00:00Z')
    const p = await shop()
    const m = await createMember(t, p.keys.admin)
    for (const [url, body] of [
      [`/v1/members/${m.id}/points/adjustments`, { points: 500, reason: 'welcome' }],
      [`/v1/members/${m.id}/points/adjustments`, { points: -100, reason: 'correction' }],
      [`/v1/members/${m.id}/points/redemptions`, { points: 150 }],
    ] as const) {
      const res = await t.call('POST', url, { key: p.keys.admin, body })
      expect(res.statusCode, res.body).toBe(201)
    }
    await t.call('POST', '/v1/orders', {
      key: p.keys.server,
      body: { id: 'de-x', member: m.id, amount: 1_000 },
    })
    clock.set('2026-04-15T04:00:00Z')
    const run = await t.call('POST', '/v1/jobs/points-expiry/run', { key: p.keys.admin })
    expect(run.json()).toEqual({ processed: 260 })
    const events = await eventsOf(p, m.id)
    expect(events.map((e) => [e.type, (e.data as { points?: number }).points])).toEqual([
      ['member.created', undefined],
      ['points.adjusted', 500],
      ['points.adjusted', -100],
      ['points.redeemed', 150],
      ['points.earned', 10],
      ['points.expired', 260],
    ])
    expect(events[5]?.data).toEqual({ member: m.id, points: 260, lots: 2 })
    expect(events[1]?.data).toMatchObject({ actor: expect.stringMatching(/^key:/) })
  })

  it('records nothing for what did not happen: a replay, a refused order', async () => {
    const p = await shop()
    const m = await createMember(t, p.keys.admin)
    const body = { id: 'de-2', member: m.id, amount: 1_000 }
    await t.call('POST', '/v1/orders', { key: p.keys.server, body })
    await t.call('POST', '/v1/orders', { key: p.keys.server, body })
    await t.call('POST', '/v1/orders', { key: p.keys.server, body: { ...body, amount: 2_000 } })
    const events = await eventsOf(p, m.id)
    expect(events.map((e) => e.type)).toEqual(['member.created', 'points.earned'])
  })
})
