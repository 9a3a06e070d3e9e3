import { createServices, fixedClock } from '@loyalbase/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createProgram, createTestApp, type TestApp, type TestProgram } from './support/index.js'

const clock = fixedClock('2026-05-10T12:00:00Z')
let t: TestApp
let program: TestProgram

beforeAll(async () => {
  t = await createTestApp({ clock })
  program = await createProgram(t, { name: 'Jobs', timezone: 'Asia/Shanghai' })
})
afterAll(() => t.close())

describe('POST /v1/jobs/{name}/run', () => {
  it('runs a job now, records the run and is idempotent for an as_of', async () => {
    await t.call('POST', '/v1/members', {
      key: program.keys.admin,
      body: { external_id: 'j-1' },
      headers: { 'idempotency-key': 'old-key' },
    })
    const early = await t.call('POST', '/v1/jobs/housekeeping/run', {
      key: program.keys.admin,
      body: { as_of: '2026-05-11T00:00:00+08:00' },
    })
    expect(early.statusCode).toBe(200)
    expect(early.json()).toEqual({ processed: 0 })

    // Eight days on, the stored idempotent response is past its week and is purged, once.
    clock.set('2026-05-18T12:00:00Z')
    const later = { as_of: '2026-05-18T20:00:00+08:00' }
    const first = await t.call('POST', '/v1/jobs/housekeeping/run', {
      key: program.keys.admin,
      body: later,
    })
    expect(first.json()).toEqual({ processed: 1 })
    const second = await t.call('POST', '/v1/jobs/housekeeping/run', {
      key: program.keys.admin,
      body: later,
    })
    expect(second.json()).toEqual({ processed: 0 })

    const runs = await t.call('GET', '/v1/jobs/runs?name=housekeeping', { key: program.keys.admin })
    expect(runs.statusCode).toBe(200)
    expect(runs.json().data).toHaveLength(3)
    expect(runs.json().data[0]).toMatchObject({
      name: 'housekeeping',
      trigger: 'manual',
      as_of: '2026-05-18T12:00:00.000Z',
      processed: 0,
      error: null,
    })
    expect(runs.json().data[0].finished_at).not.toBeNull()
    clock.set('2026-05-10T12:00:00Z')
  })

  it('deletes nothing younger than its retention, whatever the as_of', async () => {
    const p = await createProgram(t, { name: 'Retention' })
    const member = await t.call('POST', '/v1/members', {
      key: p.keys.admin,
      body: { external_id: 'r-1' },
    })
    const m = member.json().id
    await t.call('POST', `/v1/members/${m}/points/adjustments`, {
      key: p.keys.admin,
      body: { points: 100, reason: 'welcome' },
    })
    const redeem = () =>
      t.call('POST', `/v1/members/${m}/points/redemptions`, {
        key: p.keys.server,
        body: { points: 30 },
        headers: { 'idempotency-key': 'redeem-once' },
      })
    const first = await redeem()
    expect(first.statusCode, first.body).toBe(201)
    const session = await t.call('POST', `/v1/members/${m}/portal-sessions`, {
      key: p.keys.server,
    })
    const token = session.json().token
    // A run as of eight days ahead (to see what it would do) must not act as if they had passed.
    const run = await t.call('POST', '/v1/jobs/housekeeping/run', {
      key: p.keys.admin,
      body: { as_of: new Date(clock.now().getTime() + 8 * 86_400_000).toISOString() },
    })
    expect(run.json()).toEqual({ processed: 0 })
    const retry = await redeem()
    expect(retry.statusCode).toBe(201)
    expect(retry.headers['idempotent-replayed']).toBe('true')
    expect(retry.body).toBe(first.body)
    const points = await t.call('GET', `/v1/members/${m}/points`, { key: p.keys.readonly })
    expect(points.json().available).toBe(70)
    const portal = await t.call('GET', '/v1/portal/me', { key: token })
    expect(portal.statusCode, portal.body).toBe(200)
  })

  it('runs without a body as of now', async () => {
    const res = await t.call('POST', '/v1/jobs/housekeeping/run', { key: program.keys.admin })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ processed: 0 })
  })

  it('answers 404 for an unknown job and 403 for non-admin keys', async () => {
    const unknown = await t.call('POST', '/v1/jobs/nope/run', { key: program.keys.admin, body: {} })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().code).toBe('not_found')
    const server = await t.call('POST', '/v1/jobs/housekeeping/run', {
      key: program.keys.server,
      body: {},
    })
    expect(server.statusCode).toBe(403)
    const badDate = await t.call('POST', '/v1/jobs/housekeeping/run', {
      key: program.keys.admin,
      body: { as_of: 'yesterday' },
    })
    expect(badDate.statusCode).toBe(400)
    expect(badDate.json().errors[0].path).toBe('as_of')
  })

  it('lists the registered jobs', async () => {
    const res = await t.call('GET', '/v1/jobs', { key: program.keys.admin })
    expect(res.json().data).toContainEqual({ name: 'housekeeping', schedule: '30 3 * * *' })
  })
})

describe('scheduler', () => {
  it('runs each due slot once, in the program’s time zone, even with several processes', async () => {
    const scheduled = await createProgram(t, { name: 'Scheduled', timezone: 'Asia/Shanghai' })
    // Two more "processes": services of their own on the same database.
    const a = createServices(t.db.database.db, clock)
    const b = createServices(t.db.database.db, clock)
    // 03:30 in Shanghai is 19:30 UTC the day before.
    clock.set('2026-05-11T19:31:00Z')
    const started = await Promise.all([a.jobs.tick(), b.jobs.tick(), a.jobs.tick(), b.jobs.tick()])
    const runs = await t.call('GET', '/v1/jobs/runs?name=housekeeping', {
      key: scheduled.keys.admin,
    })
    expect(runs.json().data).toHaveLength(1)
    expect(runs.json().data[0]).toMatchObject({
      trigger: 'schedule',
      as_of: '2026-05-11T19:30:00.000Z',
    })
    expect(started.reduce((sum, n) => sum + n, 0)).toBeGreaterThanOrEqual(1)

    // Later the same day nothing new is due; the next night is.
    clock.set('2026-05-12T10:00:00Z')
    await a.jobs.tick()
    expect(
      (await t.call('GET', '/v1/jobs/runs?name=housekeeping', { key: scheduled.keys.admin })).json()
        .data,
    ).toHaveLength(1)
    clock.set('2026-05-12T19:45:00Z')
    await b.jobs.tick()
    const after = (
      await t.call('GET', '/v1/jobs/runs?name=housekeeping', { key: scheduled.keys.admin })
    ).json().data
    expect(after.map((r: { as_of: string }) => r.as_of)).toEqual([
      '2026-05-12T19:30:00.000Z',
      '2026-05-11T19:30:00.000Z',
    ])
    clock.set('2026-05-10T12:00:00Z')
  })
})
