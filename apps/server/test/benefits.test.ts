import { beforeAll, describe, expect, it } from 'vitest'
import { benefitsProgram, type TestApp, type TestProgram } from './support/index.js'

/*
 * Benefits: what each tier is promised, quotas per period in the program's time zone, uses by
 * hand (never past the quota under concurrency), and the delivery audit. Benefits applied by
 * orders and quotes: benefit-orders.test.ts.
 */

const { on, clock, createBenefit, member, use, benefitsOf } = benefitsProgram()
let t: TestApp
let p: TestProgram
beforeAll(() => {
  ;({ t, p } = on)
})

describe('POST /v1/benefits', () => {
  it('creates a benefit for some tiers, as api.md shows it', async () => {
    const res = await t.call('POST', '/v1/benefits', {
      key: p.keys.admin,
      body: {
        key: 'lounge',
        name: '贵宾休息室',
        type: 'custom',
        tiers: ['gold'],
        quota: { count: 2, period: 'month' },
      },
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({
      id: expect.stringMatching(/^ben_/),
      key: 'lounge',
      name: '贵宾休息室',
      type: 'custom',
      tiers: ['gold'],
      quota: { count: 2, period: 'month' },
      config: {},
      active: true,
    })
    const again = await t.call('POST', '/v1/benefits', {
      key: p.keys.admin,
      body: { key: 'lounge', name: 'Again', type: 'custom', tiers: [] },
    })
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('benefit_exists')
  })

  it('refuses unknown tiers, bad configs and unknown fields with 400', async () => {
    const bad = [
      { key: 'x1', name: 'x', type: 'custom', tiers: ['platinum'] },
      { key: 'x2', name: 'x', type: 'discount', tiers: ['gold'] },
      { key: 'x3', name: 'x', type: 'discount', tiers: ['gold'], config: { percent_off: 120 } },
      { key: 'x4', name: 'x', type: 'points_multiplier', tiers: ['gold'], config: {} },
      { key: 'x5', name: 'x', type: 'vip', tiers: ['gold'] },
      {
        key: 'x6',
        name: 'x',
        type: 'custom',
        tiers: ['gold'],
        quota: { count: 0, period: 'month' },
      },
      { key: 'x7', name: 'x', type: 'custom', tiers: ['gold'], colour: 'red' },
      { key: 'Bad Key', name: 'x', type: 'custom', tiers: ['gold'] },
    ]
    for (const body of bad) {
      const res = await t.call('POST', '/v1/benefits', { key: p.keys.admin, body })
      expect(res.statusCode, JSON.stringify(body)).toBe(400)
      expect(res.json().code).toBe('invalid_request')
    }
    const server = await t.call('POST', '/v1/benefits', {
      key: p.keys.server,
      body: { key: 'x8', name: 'x', type: 'custom', tiers: ['gold'] },
    })
    expect(server.statusCode).toBe(403)
  })

  it('lists, reads by key, changes and deletes', async () => {
    const b = await createBenefit({ key: 'parking', name: 'Parking', type: 'custom', tiers: [] })
    const patched = await t.call('PATCH', '/v1/benefits/parking', {
      key: p.keys.admin,
      body: { tiers: ['gold'], quota: { count: 4, period: 'week' } },
    })
    expect(patched.statusCode, patched.body).toBe(200)
    expect(patched.json()).toMatchObject({ tiers: ['gold'], quota: { count: 4, period: 'week' } })
    const byId = await t.call('GET', `/v1/benefits/${b.id}`, { key: p.keys.readonly })
    expect(byId.json().key).toBe('parking')
    const list = await t.call('GET', '/v1/benefits', { key: p.keys.readonly })
    expect(list.json().data.map((x: { key: string }) => x.key)).toContain('parking')
    const gone = await t.call('DELETE', '/v1/benefits/parking', { key: p.keys.admin })
    expect(gone.statusCode).toBe(204)
    expect((await t.call('GET', '/v1/benefits/parking', { key: p.keys.readonly })).statusCode).toBe(
      404,
    )
    // The key is free again.
    await createBenefit({ key: 'parking', name: 'Parking', type: 'custom', tiers: ['gold'] })
  })
})

describe('GET /v1/members/{member}/benefits and uses', () => {
  it('shows the tier’s benefits with what is left this period, and when it resets', async () => {
    await createBenefit({
      key: 'tailor',
      name: 'Tailoring',
      type: 'custom',
      tiers: ['gold'],
      quota: { count: 1, period: 'week' },
    })
    const gold = await member('gold')
    const plain = await member('member')
    const mine = await benefitsOf(gold.id)
    expect(mine.find((b) => b.key === 'tailor')).toEqual({
      key: 'tailor',
      name: 'Tailoring',
      type: 'custom',
      config: {},
      // Monday 9 March, 00:00 in Shanghai.
      quota: { count: 1, used: 0, remaining: 1, resets_at: '2026-03-08T16:00:00.000Z' },
    })
    expect((await benefitsOf(plain.external_id)).find((b) => b.key === 'tailor')).toBeUndefined()

    const used = await use(gold.external_id, 'tailor', { reference: 'visit-1' })
    expect(used.statusCode, used.body).toBe(201)
    expect(used.json()).toMatchObject({
      id: expect.stringMatching(/^bus_/),
      benefit: 'tailor',
      member: gold.id,
      tier: 'gold',
      reference: { kind: 'manual', id: 'visit-1' },
      period: 'week:2026-03-02',
      returned_at: null,
      quota: { count: 1, used: 1, remaining: 0 },
    })
    const none = await use(gold.id, 'tailor')
    expect(none.statusCode).toBe(422)
    expect(none.json().code).toBe('quota_exhausted')
    const notMine = await use(plain.id, 'tailor')
    expect(notMine.statusCode).toBe(403)
    expect(notMine.json().code).toBe('tier_required')
    expect((await use(gold.id, 'no-such-benefit')).statusCode).toBe(404)

    const history = await t.call('GET', `/v1/members/${gold.id}/benefit-uses?benefit=tailor`, {
      key: p.keys.readonly,
    })
    expect(history.json().data).toHaveLength(1)
  })

  it('never passes the quota when many uses arrive at once', async () => {
    await createBenefit({
      key: 'car-wash',
      name: 'Car wash',
      type: 'custom',
      tiers: ['gold'],
      quota: { count: 3, period: 'month' },
    })
    const gold = await member('gold')
    const results = await Promise.all(Array.from({ length: 10 }, () => use(gold.id, 'car-wash')))
    const statuses = results.map((r) => r.statusCode).sort()
    expect(statuses).toEqual([201, 201, 201, 422, 422, 422, 422, 422, 422, 422])
    const left = (await benefitsOf(gold.id)).find((b) => b.key === 'car-wash')
    expect(left?.quota).toMatchObject({ count: 3, used: 3, remaining: 0 })
    const uses = await t.services.db
      .selectFrom('benefit_uses')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('program_id', '=', p.id)
      .where('member_id', '=', gold.id)
      .executeTakeFirstOrThrow()
    expect(Number(uses.n)).toBe(3)
  })

  it('replays a use with the same Idempotency-Key once', async () => {
    await createBenefit({ key: 'gift-wrap', name: 'Gift wrap', type: 'custom', tiers: ['gold'] })
    const gold = await member('gold')
    const headers = { 'idempotency-key': `wrap-${gold.id}` }
    const calls = await Promise.all(
      Array.from({ length: 4 }, () =>
        t.call('POST', `/v1/members/${gold.id}/benefits/gift-wrap/uses`, {
          key: p.keys.server,
          body: {},
          headers,
        }),
      ),
    )
    expect(new Set(calls.map((c) => c.json().id)).size).toBe(1)
    const history = await t.call('GET', `/v1/members/${gold.id}/benefit-uses`, {
      key: p.keys.readonly,
    })
    expect(history.json().data).toHaveLength(1)
  })

  it('counts quotas by the program’s calendar: a month ends at midnight in Shanghai', async () => {
    await createBenefit({
      key: 'monthly-gift',
      name: 'Monthly gift',
      type: 'custom',
      tiers: ['gold'],
      quota: { count: 1, period: 'month' },
    })
    const gold = await member('gold')
    try {
      // 31 March, 23:59 in Shanghai: still March.
      clock.set('2026-03-31T15:59:00Z')
      expect((await use(gold.id, 'monthly-gift')).statusCode).toBe(201)
      expect((await use(gold.id, 'monthly-gift')).statusCode).toBe(422)
      // 1 April, 00:00 in Shanghai (still 31 March in UTC): a new month.
      clock.set('2026-03-31T16:00:00Z')
      const april = await use(gold.id, 'monthly-gift')
      expect(april.statusCode, april.body).toBe(201)
      expect(april.json()).toMatchObject({
        period: 'month:2026-04',
        quota: { used: 1, resets_at: '2026-04-30T16:00:00.000Z' },
      })
    } finally {
      clock.set('2026-03-02T02:00:00Z')
    }
  })
})

describe('GET /v1/benefits/{key}/audit', () => {
  it('counts the entitled, the users, the uses and the unused, and lists the unused', async () => {
    await createBenefit({
      key: 'spa',
      name: 'Spa',
      type: 'custom',
      tiers: ['gold'],
      quota: { count: 5, period: 'month' },
    })
    const a = await member('gold')
    const b = await member('gold')
    await member('member')
    expect((await use(a.id, 'spa')).statusCode).toBe(201)
    expect((await use(a.id, 'spa')).statusCode).toBe(201)
    const audit = await t.call('GET', '/v1/benefits/spa/audit', { key: p.keys.readonly })
    expect(audit.statusCode, audit.body).toBe(200)
    const body = audit.json()
    expect(body.period).toEqual({
      start: '2026-02-28T16:00:00.000Z',
      end: '2026-03-31T16:00:00.000Z',
    })
    // Every gold member of the program is entitled: a, b and those of the tests before.
    const golds = await t.services.db
      .selectFrom('members')
      .select('id')
      .where('program_id', '=', p.id)
      .where('tier_key', '=', 'gold')
      .execute()
    expect(body).toMatchObject({
      benefit: 'spa',
      entitled: golds.length,
      used: 1,
      uses: 2,
      returned: 0,
      unused: { count: golds.length - 1 },
    })
    const unused = await t.call('GET', '/v1/benefits/spa/audit/unused-members?limit=100', {
      key: p.keys.readonly,
    })
    const ids = unused.json().data.map((m: { id: string }) => m.id)
    expect(ids).toContain(b.id)
    expect(ids).not.toContain(a.id)
    expect(ids).toHaveLength(golds.length - 1)
    const csv = await t.call('GET', '/v1/benefits/spa/audit/unused-members?format=csv', {
      key: p.keys.readonly,
    })
    expect(csv.headers['content-type']).toContain('text/csv')
    const lines = csv.body.trim().split('\n')
    expect(lines[0]).toBe('id,external_id,name,phone,email,tier')
    expect(lines).toHaveLength(golds.length)
    // The same members as a segment, for a reminder campaign.
    const segment = await t.call('POST', '/v1/segments/preview', {
      key: p.keys.server,
      body: { condition: { in: ['spa', { var: 'unused_benefits' }] } },
    })
    expect(segment.statusCode, segment.body).toBe(200)
    expect(segment.json().count).toBe(golds.length - 1)
    const misuse = await t.call('POST', '/v1/segments/preview', {
      key: p.keys.server,
      body: { condition: { '==': [{ var: 'unused_benefits' }, 'spa'] } },
    })
    expect(misuse.statusCode).toBe(400)
    // Another month: nobody used it.
    const april = await t.call(
      'GET',
      `/v1/benefits/spa/audit?period_start=${encodeURIComponent('2026-04-10T00:00:00Z')}`,
      { key: p.keys.readonly },
    )
    expect(april.json()).toMatchObject({ used: 0, uses: 0, unused: { count: golds.length } })
    // A local date names the same period: 1 April in Shanghai is April, not March in UTC.
    const firstOfApril = await t.call('GET', '/v1/benefits/spa/audit?period_start=2026-04-01', {
      key: p.keys.readonly,
    })
    expect(firstOfApril.json().period).toEqual({
      start: '2026-03-31T16:00:00.000Z',
      end: '2026-04-30T16:00:00.000Z',
    })
    for (const bad of ['2026-02-30', 'next-month-x']) {
      const refused = await t.call('GET', `/v1/benefits/spa/audit?period_start=${bad}`, {
        key: p.keys.readonly,
      })
      expect(refused.statusCode, bad).toBe(400)
    }
  })
})

describe('an appointment benefit counts bookings', () => {
  it('takes a use per booking within the quota, and a cancellation gives it back', async () => {
    await createBenefit({
      key: 'fitting',
      name: 'Fitting',
      type: 'appointment',
      tiers: ['gold'],
      quota: { count: 1, period: 'month' },
    })
    const slot = async () => {
      const res = await t.call('POST', '/v1/appointment-slots', {
        key: p.keys.admin,
        body: {
          service: 'fitting',
          starts_at: '2026-03-10T02:00:00Z',
          ends_at: '2026-03-10T03:00:00Z',
          capacity: 5,
        },
      })
      expect(res.statusCode, res.body).toBe(201)
      return res.json<{ id: string }>().id
    }
    const [first, second] = [await slot(), await slot()]
    const gold = await member('gold')
    const book = (id: string) =>
      t.call('POST', `/v1/members/${gold.id}/appointments`, {
        key: p.keys.server,
        body: { slot: id },
      })
    const booked = await book(first)
    expect(booked.statusCode, booked.body).toBe(201)
    const uses = await t.call('GET', `/v1/members/${gold.id}/benefit-uses?benefit=fitting`, {
      key: p.keys.readonly,
    })
    expect(uses.json().data).toMatchObject([
      {
        benefit: 'fitting',
        reference: { kind: 'booking', id: booked.json().id },
        returned_at: null,
      },
    ])
    const refused = await book(second)
    expect(refused.statusCode).toBe(422)
    expect(refused.json().code).toBe('quota_exhausted')
    // Refused whole: the second slot kept its places.
    const after = await t.call('GET', `/v1/appointment-slots/${second}`, { key: p.keys.readonly })
    expect(after.json().booked).toBe(0)
    const cancelled = await t.call(
      'DELETE',
      `/v1/members/${gold.id}/appointments/${booked.json().id}`,
      { key: p.keys.server },
    )
    expect(cancelled.statusCode, cancelled.body).toBe(200)
    expect((await benefitsOf(gold.id)).find((b) => b.key === 'fitting')?.quota?.used).toBe(0)
    expect((await book(second)).statusCode).toBe(201)
  })
})
