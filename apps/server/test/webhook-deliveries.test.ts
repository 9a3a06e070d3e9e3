import { verifyWebhookSignature } from '@loyalbase/client'
import { domainEvent } from '@loyalbase/core'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createMember,
  createProgram,
  createTestApp,
  createWebhook,
  deliveriesOf,
  eventually,
  expectProblem,
  type Receiver,
  startReceiver,
  type TestApp,
  type TestProgram,
  testSender,
} from './support/index.js'

/*
 * Deliveries (docs/webhooks.md): one per webhook and event, made in the transaction that recorded
 * the event, posted signed by the sender, retried with backoff until a 2xx, at least once with
 * the event's stable id.
 */

let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

async function shop(name: string): Promise<TestProgram> {
  const p = await createProgram(t, { name })
  const rule = await t.call('POST', '/v1/earning-rules', {
    key: p.keys.admin,
    body: {
      name: 'Per yuan',
      trigger: 'order.completed',
      reward: { type: 'per_amount', points: 1, per: 100 },
    },
  })
  expect(rule.statusCode, rule.body).toBe(201)
  return p
}

async function outboxIds(p: TestProgram, types: string[]): Promise<string[]> {
  const rows = await t.db.database.db
    .selectFrom('outbox_events')
    .select('id')
    .where('program_id', '=', p.id)
    .where('type', 'in', types)
    .orderBy('id')
    .execute()
  return rows.map((r) => r.id)
}

let receiver: Receiver
beforeAll(async () => {
  receiver = await startReceiver()
})
afterAll(() => receiver.close())

describe('webhook deliveries', () => {
  it('post each subscribed event once, signed, with the outbox event’s id and payload', async () => {
    const p = await shop('Signed')
    const url = `${receiver.url}/signed`
    const hook = await createWebhook(t, p, { url, events: ['member.created', 'points.earned'] })
    const m = await createMember(t, p.keys.server)
    const order = await t.call('POST', '/v1/orders', {
      key: p.keys.server,
      body: { id: 'wh-1', member: m.id, amount: 12_900 },
    })
    expect(order.statusCode, order.body).toBe(201)

    const sent = await testSender(t).drain()
    expect(sent).toBe(2)
    const got = receiver.received.filter((r) => r.headers.host && r.body.includes(m.id))
    expect(got.map((r) => r.json.type).sort()).toEqual(['member.created', 'points.earned'])
    for (const r of got) {
      const signature = r.headers['loyalbase-signature'] as string
      expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/)
      expect(verifyWebhookSignature(hook.secret, r.body, signature)).toBe(true)
      expect(verifyWebhookSignature(hook.secret, `${r.body} `, signature)).toBe(false)
      expect(verifyWebhookSignature('whsec_other', r.body, signature)).toBe(false)
      expect(r.headers['content-type']).toBe('application/json')
      expect(r.headers['loyalbase-event-id']).toBe(r.json.id)
      expect(Object.keys(r.json).sort()).toEqual(['created_at', 'data', 'id', 'type'])
    }
    const earned = got.find((r) => r.json.type === 'points.earned')
    expect(earned?.json.data).toMatchObject({ member: m.id, points: 129 })
    expect(got.map((r) => r.json.id).sort()).toEqual(
      await outboxIds(p, ['member.created', 'points.earned']),
    )

    const log = await deliveriesOf(t, p, hook.id)
    expect(log).toHaveLength(2)
    for (const d of log)
      expect(d).toMatchObject({
        status: 'delivered',
        attempts: 1,
        response_code: 200,
        error: null,
        next_attempt_at: null,
      })
    const detail = await t.call('GET', `/v1/webhooks/${hook.id}/deliveries/${log[0]?.id}`, {
      key: p.keys.admin,
    })
    expect(detail.statusCode, detail.body).toBe(200)
    expect(detail.json().attempt_log).toEqual([
      {
        attempt: 1,
        started_at: expect.any(String),
        duration_ms: expect.any(Number),
        response_code: 200,
        response_body: 'ok',
        error: null,
      },
    ])
    expect(detail.json().payload.id).toBe(log[0]?.event.id)
    // Nothing is due any more.
    expect(await testSender(t).drain()).toBe(0)
  })

  it('are made only for the types subscribed, by active webhooks', async () => {
    const p = await shop('Filtered')
    const only = await createWebhook(t, p, { url: receiver.url, events: ['points.earned'] })
    const off = await createWebhook(t, p, { url: receiver.url, events: ['*'], active: false })
    const all = await createWebhook(t, p, { url: receiver.url, events: ['*'] })
    const m = await createMember(t, p.keys.server)
    await t.call('POST', '/v1/orders', {
      key: p.keys.server,
      body: { id: 'wh-f1', member: m.id, amount: 500 },
    })
    expect((await deliveriesOf(t, p, only.id)).map((d) => d.event.type)).toEqual(['points.earned'])
    expect(await deliveriesOf(t, p, off.id)).toEqual([])
    expect((await deliveriesOf(t, p, all.id)).map((d) => d.event.type).sort()).toEqual([
      'member.created',
      'points.earned',
    ])
    await testSender(t).drain()
  })

  it('exist if and only if the change that recorded the event committed', async () => {
    const p = await shop('Atomic')
    const hook = await createWebhook(t, p, { url: receiver.url, events: ['*'] })
    const db = t.db.database.db
    // As every use case records its events: an insert into the outbox in its transaction.
    const record = (trx: typeof db, member: string) => {
      const e = domainEvent(
        p.id,
        'points.adjusted',
        member,
        { member, points: 1, transaction: 'txn_x', actor: 'test' },
        new Date(),
      )
      return trx
        .insertInto('outbox_events')
        .values({ program_id: p.id, id: e.id, type: e.type, data: JSON.stringify(e.data) })
        .execute()
    }
    await expect(
      db.transaction().execute(async (trx) => {
        await record(trx, 'mem_rolled_back')
        throw new Error('roll back')
      }),
    ).rejects.toThrow('roll back')
    await db.transaction().execute((trx) => record(trx, 'mem_committed'))
    // A refused order (a duplicate id with another body) records nothing.
    const m = await createMember(t, p.keys.server)
    await t.call('POST', '/v1/orders', {
      key: p.keys.server,
      body: { id: 'wh-a', member: m.id, amount: 100 },
    })
    const conflict = await t.call('POST', '/v1/orders', {
      key: p.keys.server,
      body: { id: 'wh-a', member: m.id, amount: 200 },
    })
    expectProblem(conflict, 409, 'idempotency_conflict')

    const log = await deliveriesOf(t, p, hook.id)
    const outbox = await outboxIds(p, ['points.adjusted', 'member.created', 'points.earned'])
    expect(log.map((d) => d.event.id).sort()).toEqual(outbox)
    expect(log.map((d) => d.event.type).sort()).toEqual([
      'member.created',
      'points.adjusted',
      'points.earned',
    ])
    await testSender(t).drain()
  })

  it('are retried first within 10 seconds, then with growing delays', async () => {
    const p = await shop('Backoff')
    const down = await startReceiver(503)
    const hook = await createWebhook(t, p, { url: down.url, events: ['member.created'] })
    await createMember(t, p.keys.server)
    // The server's own schedule (5 s base), not the tests' fast one.
    const sender = testSender(t, 5_000)
    await sender.drain()
    const [first] = await deliveriesOf(t, p, hook.id)
    expect(first).toMatchObject({
      status: 'pending',
      attempts: 1,
      response_code: 503,
      error: 'answered 503',
    })
    const wait = Date.parse(first?.next_attempt_at ?? '') - Date.parse(first?.last_attempt_at ?? '')
    expect(wait).toBeGreaterThanOrEqual(4_000)
    expect(wait).toBeLessThanOrEqual(10_000)
    await down.close()
  })

  it('reach a receiver that was down, every event once with its own id', async () => {
    const p = await shop('Down then up')
    const flaky = await startReceiver(503)
    const hook = await createWebhook(t, p, {
      url: flaky.url,
      events: ['member.created', 'points.earned'],
    })
    const sender = testSender(t, 20)
    sender.start()
    const members = await Promise.all(
      Array.from({ length: 10 }, () => createMember(t, p.keys.server)),
    )
    await Promise.all(
      members.map((m, i) =>
        t.call('POST', '/v1/orders', {
          key: p.keys.server,
          body: { id: `wh-d${i}`, member: m.id, amount: 1_000 + i },
        }),
      ),
    )
    // Down for a few attempts of every delivery.
    await eventually(async () => (await deliveriesOf(t, p, hook.id)).every((d) => d.attempts >= 2))
    expect(flaky.received).toHaveLength(0)
    flaky.status = 200
    await eventually(async () =>
      (await deliveriesOf(t, p, hook.id)).every((d) => d.status === 'delivered'),
    )
    await sender.stop()
    const expected = await outboxIds(p, ['member.created', 'points.earned'])
    expect(expected).toHaveLength(20)
    const ids = flaky.received.map((r) => r.json.id)
    expect(new Set(ids)).toEqual(new Set(expected))
    // Each event reached the receiver under one id: no event is told twice as two.
    const byContent = new Map<string, Set<string>>()
    for (const r of flaky.received) {
      const key = `${r.json.type} ${JSON.stringify(r.json.data)}`
      byContent.set(key, (byContent.get(key) ?? new Set()).add(r.json.id))
    }
    expect(byContent.size).toBe(20)
    for (const set of byContent.values()) expect(set.size).toBe(1)
    await flaky.close()
  })

  it('are sent once each by senders racing in parallel (two processes)', async () => {
    const p = await shop('Racing senders')
    const url = `${receiver.url}/race`
    const hook = await createWebhook(t, p, { url, events: ['points.earned'] })
    const m = await createMember(t, p.keys.server)
    const orders = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        t.call('POST', '/v1/orders', {
          key: p.keys.server,
          body: { id: `wh-r${i}`, member: m.id, amount: 100 * (i + 1) },
        }),
      ),
    )
    expect(orders.every((o) => o.statusCode === 201)).toBe(true)
    const before = receiver.received.length
    const [a, b] = await Promise.all([testSender(t).drain(), testSender(t).drain()])
    expect((a ?? 0) + (b ?? 0)).toBe(40)
    const got = receiver.received.slice(before).filter((r) => r.json.data.member === m.id)
    expect(got).toHaveLength(40)
    expect(new Set(got.map((r) => r.json.id)).size).toBe(40)
    const points = got.reduce((sum, r) => sum + (r.json.data.points as number), 0)
    expect(points).toBe((40 * 41) / 2)
    const log = await deliveriesOf(t, p, hook.id, '&status=delivered')
    expect(log).toHaveLength(40)
  })

  it('fail after their attempts, and a redelivery sends the same event again', async () => {
    const p = await shop('Redeliver')
    const closed = await startReceiver()
    const url = closed.url
    await closed.close() // nothing listens there any more
    const hook = await createWebhook(t, p, { url, events: ['member.created'] })
    await createMember(t, p.keys.server)
    await t.db.database.db
      .updateTable('webhook_deliveries')
      .set({ max_attempts: 2 })
      .where('program_id', '=', p.id)
      .execute()
    const sender = testSender(t, 1)
    await sender.drain()
    await eventually(async () => {
      await sender.drain()
      return (await deliveriesOf(t, p, hook.id))[0]?.status === 'failed'
    })
    const [failed] = await deliveriesOf(t, p, hook.id)
    expect(failed).toMatchObject({ status: 'failed', attempts: 2, next_attempt_at: null })
    expect(failed?.error).toMatch(/ECONNREFUSED|connect/)
    const counts = await t.call('GET', `/v1/webhooks/${hook.id}`, { key: p.keys.admin })
    expect(counts.json().deliveries).toEqual({ pending: 0, delivered: 0, failed: 1 })

    // The receiver is back, at the webhook's new address.
    await t.call('PATCH', `/v1/webhooks/${hook.id}`, {
      key: p.keys.admin,
      body: { url: `${receiver.url}/back` },
    })
    const again = await t.call(
      'POST',
      `/v1/webhooks/${hook.id}/deliveries/${failed?.id}/redeliver`,
      { key: p.keys.admin },
    )
    expect(again.statusCode, again.body).toBe(200)
    expect(again.json()).toMatchObject({ status: 'pending', attempts: 2 })
    await sender.drain()
    const [done] = await deliveriesOf(t, p, hook.id)
    expect(done).toMatchObject({ status: 'delivered', attempts: 3, response_code: 200 })
    const got = receiver.received.filter((r) => r.json.id === failed?.event.id)
    expect(got).toHaveLength(1)
    // Redelivering a delivered one sends it once more, same id.
    await t.call('POST', `/v1/webhooks/${hook.id}/deliveries/${failed?.id}/redeliver`, {
      key: p.keys.admin,
    })
    await sender.drain()
    expect(receiver.received.filter((r) => r.json.id === failed?.event.id)).toHaveLength(2)
    expectProblem(
      await t.call('POST', `/v1/webhooks/${hook.id}/deliveries/dlv_nope/redeliver`, {
        key: p.keys.admin,
      }),
      404,
      'not_found',
    )
  })

  it('refuse to connect to a forbidden target, even one the program allowed before', async () => {
    const p = await shop('Rebinding')
    await t.call('PATCH', '/v1/program', {
      key: p.keys.admin,
      body: { webhook_private_targets: true },
    })
    const hook = await createWebhook(t, p, {
      url: 'http://169.254.169.254/latest/meta-data/',
      events: ['member.created'],
    })
    await t.call('PATCH', '/v1/program', {
      key: p.keys.admin,
      body: { webhook_private_targets: false },
    })
    await createMember(t, p.keys.server)
    await testSender(t).drain()
    const [d] = await deliveriesOf(t, p, hook.id)
    expect(d?.error).toMatch(/^refused target: url: is a link-local address/)
    expect(d?.response_code).toBeNull()
  })

  it('go with their webhook when it is deleted', async () => {
    const p = await shop('Deleted')
    const hook = await createWebhook(t, p, { url: receiver.url, events: ['*'] })
    await createMember(t, p.keys.server)
    expect(await deliveriesOf(t, p, hook.id)).toHaveLength(1)
    await t.call('DELETE', `/v1/webhooks/${hook.id}`, { key: p.keys.admin })
    const left = await t.db.database.db
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('program_id', '=', p.id)
      .execute()
    expect(left).toEqual([])
  })

  it('are forgotten by the nightly housekeeping 30 days after they finished', async () => {
    const p = await shop('Retention')
    const hook = await createWebhook(t, p, { url: receiver.url, events: ['member.created'] })
    await createMember(t, p.keys.server)
    await createMember(t, p.keys.server)
    await testSender(t).drain()
    await createMember(t, p.keys.server) // still pending: kept whatever its age
    const db = t.db.database.db
    // Two delivered a month ago, but one of them (and the pending one) made just now.
    await sql`UPDATE webhook_deliveries SET created_at = now() - interval '31 days'
      WHERE program_id = ${p.id}`.execute(db)
    const [old] = await deliveriesOf(t, p, hook.id, '&status=delivered')
    await sql`UPDATE webhook_deliveries SET created_at = now()
      WHERE program_id = ${p.id} AND (id = ${old?.id ?? ''} OR status = 'pending')`.execute(db)
    await t.services.jobs.runNow(p.id, 'housekeeping')
    const left = await deliveriesOf(t, p, hook.id)
    expect(left.map((d) => [d.id, d.status]).sort()).toEqual(
      [
        [old?.id, 'delivered'],
        [left.find((d) => d.status === 'pending')?.id, 'pending'],
      ].sort(),
    )
  })
})
