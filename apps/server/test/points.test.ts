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

const clock = fixedClock('2026-01-10T04:00:00Z')
let t: TestApp
let program: TestProgram

beforeAll(async () => {
  t = await createTestApp({ clock })
  program = await createProgram(t, { name: 'Points' })
})
afterAll(() => t.close())

const adjust = (member: string, points: number, reason = 'goodwill', key = program.keys.admin) =>
  t.call('POST', `/v1/members/${member}/points/adjustments`, { key, body: { points, reason } })
const redeem = (member: string, points: number, key = program.keys.server) =>
  t.call('POST', `/v1/members/${member}/points/redemptions`, { key, body: { points } })
const balance = async (member: string) =>
  (await t.call('GET', `/v1/members/${member}/points`, { key: program.keys.readonly })).json()

describe('adjustments and redemptions', () => {
  it('adds points by hand with a reason and spends them oldest first', async () => {
    const m = await createMember(t, program.keys.admin)
    const first = await adjust(m.id, 300, '补偿：订单延迟')
    expect(first.statusCode).toBe(201)
    expect(first.json()).toMatchObject({
      type: 'adjust',
      points: 300,
      balance_after: 300,
      source: { kind: 'adjustment', id: first.json().id },
      note: '补偿：订单延迟',
    })
    clock.set('2026-01-11T04:00:00Z')
    await adjust(m.id, 200)
    const spent = await redeem(m.id, 400)
    expect(spent.statusCode).toBe(201)
    expect(spent.json()).toMatchObject({
      type: 'redeem',
      points: -400,
      balance_after: 100,
      source: { kind: 'redemption' },
    })

    const explain = (
      await t.call('GET', `/v1/members/${m.id}/points/explain`, { key: program.keys.readonly })
    ).json()
    expect(explain.available).toBe(100)
    expect(explain.lots).toHaveLength(1)
    expect(explain.lots[0]).toMatchObject({
      status: 'available',
      earned: 200,
      remaining: 100,
      rule: null,
      source: { kind: 'adjustment' },
    })

    expect(await balance(m.id)).toEqual({
      available: 100,
      pending: 0,
      expiring: [],
      lifetime: { earned: 0, redeemed: 400, expired: 0, reversed: 0, adjusted: 500 },
    })
    const member = (
      await t.call('GET', `/v1/members/${m.id}`, { key: program.keys.readonly })
    ).json()
    expect(member.points).toEqual({ available: 100, pending: 0 })
  })

  it('refuses to spend or take away more than is available', async () => {
    const m = await createMember(t, program.keys.admin)
    await adjust(m.id, 50)
    const tooMuch = await redeem(m.id, 51)
    expect(tooMuch.statusCode).toBe(422)
    expect(tooMuch.json().code).toBe('insufficient_points')
    const negative = await adjust(m.id, -51)
    expect(negative.statusCode).toBe(422)
    expect(negative.json().code).toBe('insufficient_points')
    const ok = await adjust(m.id, -50, 'fraud reversal')
    expect(ok.json()).toMatchObject({ type: 'adjust', points: -50, balance_after: 0 })
    expect((await balance(m.id)).lifetime.adjusted).toBe(0)
  })

  it('checks roles and input', async () => {
    const m = await createMember(t, program.keys.admin)
    expect((await adjust(m.id, 10, 'x', program.keys.server)).statusCode).toBe(403)
    expect((await redeem(m.id, 10, program.keys.readonly)).statusCode).toBe(403)
    const noReason = await t.call('POST', `/v1/members/${m.id}/points/adjustments`, {
      key: program.keys.admin,
      body: { points: 10 },
    })
    expect(noReason.json().errors[0].path).toBe('reason')
    expect((await adjust(m.id, 0)).statusCode).toBe(400)
    expect((await redeem(m.id, -5)).statusCode).toBe(400)
    const fractional = await t.call('POST', `/v1/members/${m.id}/points/redemptions`, {
      key: program.keys.server,
      body: { points: 1.5 },
    })
    expect(fractional.statusCode).toBe(400)
    expect((await redeem('nobody', 1)).statusCode).toBe(404)
  })

  it('lists the ledger newest first with cursors', async () => {
    const m = await createMember(t, program.keys.admin)
    for (let i = 1; i <= 5; i++) await adjust(m.id, i * 10)
    const page = (
      await t.call('GET', `/v1/members/${m.id}/points/transactions?limit=3`, {
        key: program.keys.readonly,
      })
    ).json()
    expect(page.data.map((x: { points: number }) => x.points)).toEqual([50, 40, 30])
    expect(page.data.map((x: { balance_after: number }) => x.balance_after)).toEqual([150, 100, 60])
    const rest = (
      await t.call(
        'GET',
        `/v1/members/${m.id}/points/transactions?limit=3&cursor=${page.next_cursor}`,
        { key: program.keys.readonly },
      )
    ).json()
    expect(rest.data.map((x: { points: number }) => x.points)).toEqual([20, 10])
    expect(rest.next_cursor).toBeNull()
  })
})

describe('concurrency', () => {
  it('lets exactly as many of 100 parallel redemptions through as the balance covers', async () => {
    const m = await createMember(t, program.keys.admin)
    await adjust(m.id, 1000)
    const results = await Promise.all(Array.from({ length: 100 }, () => redeem(m.id, 30)))
    const ok = results.filter((r) => r.statusCode === 201)
    const refused = results.filter((r) => r.statusCode === 422)
    expect(ok).toHaveLength(33)
    expect(refused).toHaveLength(67)
    expect(new Set(ok.map((r) => r.json().balance_after)).size).toBe(33)
    expect(await balance(m.id)).toMatchObject({ available: 10, lifetime: { redeemed: 990 } })
    const explain = (
      await t.call('GET', `/v1/members/${m.id}/points/explain`, { key: program.keys.readonly })
    ).json()
    expect(explain.lots.reduce((s: number, l: { remaining: number }) => s + l.remaining, 0)).toBe(
      10,
    )
  })

  it('applies one redemption for 20 parallel replays of one Idempotency-Key', async () => {
    const m = await createMember(t, program.keys.admin)
    await adjust(m.id, 100)
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.call('POST', `/v1/members/${m.id}/points/redemptions`, {
          key: program.keys.server,
          body: { points: 40 },
          headers: { 'idempotency-key': 'redeem-once' },
        }),
      ),
    )
    expect(results.every((r) => r.statusCode === 201)).toBe(true)
    expect(new Set(results.map((r) => r.body)).size).toBe(1)
    expect((await balance(m.id)).available).toBe(60)
  })
})

describe('expiry', () => {
  it('expires rolling lots by the job, first in first out, once per as_of', async () => {
    const p = await createProgram(t, { name: 'Expiring' })
    await t.call('PATCH', '/v1/program', {
      key: p.keys.admin,
      body: { points_policy: { expiry: { type: 'rolling', months: 12 } } },
    })
    const m = await createMember(t, p.keys.admin)
    clock.set('2026-01-10T04:00:00Z')
    await t.call('POST', `/v1/members/${m.id}/points/adjustments`, {
      key: p.keys.admin,
      body: { points: 100, reason: 'a' },
    })
    clock.set('2026-03-01T04:00:00Z')
    await t.call('POST', `/v1/members/${m.id}/points/adjustments`, {
      key: p.keys.admin,
      body: { points: 70, reason: 'b' },
    })
    await t.call('POST', `/v1/members/${m.id}/points/redemptions`, {
      key: p.keys.admin,
      body: { points: 30 },
    })

    const before = (await t.call('GET', `/v1/members/${m.id}/points`, { key: p.keys.admin })).json()
    expect(before.expiring).toEqual([
      { points: 70, expires_at: '2027-01-10T04:00:00.000Z' },
      { points: 70, expires_at: '2027-03-01T04:00:00.000Z' },
    ])
    const run = (as_of: string) =>
      t.call('POST', '/v1/jobs/points-expiry/run', { key: p.keys.admin, body: { as_of } })
    expect((await run('2027-01-10T03:59:59Z')).json()).toEqual({ processed: 0 })
    expect((await run('2027-01-10T04:00:00Z')).json()).toEqual({ processed: 70 })
    expect((await run('2027-01-10T04:00:00Z')).json()).toEqual({ processed: 0 })
    const after = (await t.call('GET', `/v1/members/${m.id}/points`, { key: p.keys.admin })).json()
    expect(after).toMatchObject({
      available: 70,
      lifetime: { expired: 70, redeemed: 30, adjusted: 170 },
    })
    const ledger = (
      await t.call('GET', `/v1/members/${m.id}/points/transactions`, { key: p.keys.admin })
    ).json()
    expect(ledger.data[0]).toMatchObject({
      type: 'expire',
      points: -70,
      balance_after: 70,
      source: { kind: 'adjustment' },
    })
  })

  it('expires annual lots at the end of the year after, in the program time zone', async () => {
    const p = await createProgram(t, { name: 'Annual', timezone: 'Asia/Shanghai' })
    await t.call('PATCH', '/v1/program', {
      key: p.keys.admin,
      body: { points_policy: { expiry: { type: 'annual', years_after: 1 } } },
    })
    const m = await createMember(t, p.keys.admin)
    // 2026-12-31 20:00 UTC is already 2027-01-01 in Shanghai.
    clock.set('2026-12-31T20:00:00Z')
    const res = await t.call('POST', `/v1/members/${m.id}/points/adjustments`, {
      key: p.keys.admin,
      body: { points: 5, reason: 'x' },
    })
    expect(res.json().expires_at).toBe('2028-12-31T16:00:00.000Z')
    clock.set('2026-01-10T04:00:00Z')
  })

  it('does not let expired points be spent before the job has run', async () => {
    const p = await createProgram(t, { name: 'Lazy expiry' })
    await t.call('PATCH', '/v1/program', {
      key: p.keys.admin,
      body: { points_policy: { expiry: { type: 'rolling', months: 1 } } },
    })
    const m = await createMember(t, p.keys.admin)
    clock.set('2026-01-10T04:00:00Z')
    await t.call('POST', `/v1/members/${m.id}/points/adjustments`, {
      key: p.keys.admin,
      body: { points: 40, reason: 'x' },
    })
    clock.set('2026-02-11T00:00:00Z')
    const spend = await t.call('POST', `/v1/members/${m.id}/points/redemptions`, {
      key: p.keys.admin,
      body: { points: 10 },
    })
    expect(spend.statusCode).toBe(422)
    expect(
      (await t.call('GET', `/v1/members/${m.id}/points`, { key: p.keys.admin })).json(),
    ).toMatchObject({
      available: 0,
      lifetime: { expired: 40 },
    })
    clock.set('2026-01-10T04:00:00Z')
  })
})

describe('ledger check', () => {
  it('leaves a ledger that ledger check finds consistent', async () => {
    const report = await expectLedgerConsistent(t)
    const members = await t.services.db
      .selectFrom('members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(report).toMatchObject({ members_checked: Number(members.n), differences: [] })
  })
})
