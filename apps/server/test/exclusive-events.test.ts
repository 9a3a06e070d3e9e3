import { DOMAIN_EVENT_SCHEMAS, type DomainEventType, fixedClock } from '@loyalbase/core'
import fc from 'fast-check'
import type { LightMyRequestResponse } from 'fastify'
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
 * Exclusive events over HTTP (docs/appointments-and-events.md), on both engines: invitations of
 * every eligible member at creation, RSVPs that never pass the capacity under concurrent
 * requests, answers changed both ways, members invited on the fly, the portal's list.
 */

const START = '2026-03-01T02:00:00Z'
const STAMP = '2026-03-01T02:00:00.000Z'
const clock = fixedClock(START)
let t: TestApp

const LADDER = {
  metric: 'spend',
  window: { type: 'lifetime' },
  downgrade: { type: 'never' },
  tiers: [
    { key: 'member', name: '会员', threshold: 0 },
    { key: 'silver', name: '银卡', threshold: 100_000 },
    { key: 'gold', name: '金卡', threshold: 500_000 },
  ],
}

beforeAll(async () => {
  t = await createTestApp({ clock })
})
afterAll(() => t.close())

function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status)
  expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8')
  expect(res.json().code).toBe(code)
  return res.json()
}

/** A program of its own for each test: invitations go to every eligible member of it. */
async function shop(): Promise<TestProgram> {
  const p = await createProgram(t, { name: 'Events' })
  const ladder = await t.call('PUT', '/v1/tiers', { key: p.keys.admin, body: LADDER })
  expect(ladder.statusCode, ladder.body).toBe(200)
  await t.services.jobs.settle()
  return p
}

async function memberIn(p: TestProgram, tier = 'member', body: Record<string, unknown> = {}) {
  const member = await createMember(t, p.keys.admin, body)
  if (tier !== 'member') await setTier(p, member.id, tier)
  return member
}

async function setTier(p: TestProgram, member: string, tier: string) {
  const res = await t.call('PUT', `/v1/members/${member}/tier`, {
    key: p.keys.admin,
    body: { tier, reason: 'test' },
  })
  expect(res.statusCode, res.body).toBe(200)
}

async function createEvent(p: TestProgram, body: Record<string, unknown> = {}) {
  const res = await t.call('POST', '/v1/exclusive-events', {
    key: p.keys.admin,
    body: {
      title: 'Spring preview',
      starts_at: '2026-03-20T19:00:00+08:00',
      capacity: 2,
      tiers: ['gold'],
      ...body,
    },
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

function rsvp(
  p: TestProgram,
  member: string,
  event: string,
  attending: boolean,
  options: { key?: string; headers?: Record<string, string> } = {},
) {
  return t.call(
    'POST',
    `/v1/members/${encodeURIComponent(member)}/exclusive-events/${event}/rsvp`,
    {
      key: options.key ?? p.keys.server,
      body: { attending },
      ...(options.headers ? { headers: options.headers } : {}),
    },
  )
}

async function getEvent(p: TestProgram, id: string) {
  return (await t.call('GET', `/v1/exclusive-events/${id}`, { key: p.keys.readonly })).json()
}

async function invitations(p: TestProgram, id: string, query = '') {
  const res = await t.call('GET', `/v1/exclusive-events/${id}/invitations?limit=100${query}`, {
    key: p.keys.readonly,
  })
  expect(res.statusCode, res.body).toBe(200)
  return res.json().data as { member: string; rsvp: string | null }[]
}

async function domainEvents(p: TestProgram, type: DomainEventType) {
  const rows = await t.db.database.db
    .selectFrom('outbox_events')
    .selectAll()
    .where('program_id', '=', p.id)
    .where('type', '=', type)
    .orderBy('id')
    .execute()
  for (const row of rows) expect(Value.Check(DOMAIN_EVENT_SCHEMAS[type], row.data)).toBe(true)
  return rows.map((row) => row.data)
}

describe('creating an event', () => {
  it('invites every member of its tiers, with the api.md shape and an event.invited each', async () => {
    const p = await shop()
    const gold = await memberIn(p, 'gold', { name: '金' })
    const silver = await memberIn(p, 'silver')
    await memberIn(p, 'member')
    const res = await t.call('POST', '/v1/exclusive-events', {
      key: p.keys.admin,
      body: {
        title: 'Spring preview',
        starts_at: '2026-03-20T19:00:00+08:00',
        capacity: 30,
        tiers: ['gold', 'silver'],
        description: 'The new collection, before anyone else',
        location: 'Shanghai flagship',
      },
    })
    expect(res.statusCode, res.body).toBe(201)
    const event = res.json()
    expect(event).toEqual({
      id: expect.stringMatching(/^exev_[0-9A-Z]{26}$/),
      title: 'Spring preview',
      description: 'The new collection, before anyone else',
      location: 'Shanghai flagship',
      starts_at: '2026-03-20T11:00:00.000Z',
      capacity: 30,
      tiers: ['gold', 'silver'],
      invited: 2,
      attending: 0,
      remaining: 30,
      created_at: STAMP,
      updated_at: STAMP,
    })
    expect(await getEvent(p, event.id)).toEqual(event)
    const list = await t.call('GET', '/v1/exclusive-events', { key: p.keys.readonly })
    expect(list.json()).toEqual({ data: [event], next_cursor: null })
    const invited = await t.call('GET', `/v1/exclusive-events/${event.id}/invitations`, {
      key: p.keys.readonly,
    })
    const pending = (member: { id: string; external_id: string }, tier: string) => ({
      event: event.id,
      member: member.id,
      tier,
      via: 'creation',
      rsvp: null,
      invited_at: STAMP,
      responded_at: null,
    })
    expect(invited.json()).toEqual({
      data: [
        { ...pending(gold, 'gold'), member_external_id: gold.external_id, member_name: '金' },
        { ...pending(silver, 'silver'), member_external_id: silver.external_id, member_name: null },
      ].sort((a, b) => (a.member < b.member ? -1 : 1)),
      next_cursor: null,
    })
    expect(
      (await domainEvents(p, 'event.invited')).sort((a, b) =>
        (a as { member: string }).member < (b as { member: string }).member ? -1 : 1,
      ),
    ).toEqual(
      [gold.id, silver.id].sort().map((member) => ({ member, event: event.id, via: 'creation' })),
    )
    const mine = await t.call('GET', `/v1/members/${gold.external_id}/exclusive-events`, {
      key: p.keys.readonly,
    })
    expect(mine.json()).toEqual({
      data: [{ ...pending(gold, 'gold'), exclusive_event: event }],
      next_cursor: null,
    })
  })

  it('refuses unknown tiers, a start in the past, no places and unknown fields', async () => {
    const p = await shop()
    const base = { title: 'Gala', starts_at: '2026-03-20T19:00:00+08:00', capacity: 2 }
    const cases: [Record<string, unknown>, string][] = [
      [{ tiers: ['platinum'] }, 'tiers[0]'],
      [{ tiers: ['gold', 'gold'] }, 'tiers[1]'],
      [{ tiers: [] }, 'tiers'],
      [{ tiers: ['gold'], starts_at: '2026-02-28T00:00:00Z' }, 'starts_at'],
      [{ tiers: ['gold'], capacity: 0 }, 'capacity'],
      [{ tiers: ['gold'], title: '' }, 'title'],
      [{ tiers: 'gold' }, 'tiers'],
      [{ tiers: ['gold'], dress_code: 'black tie' }, 'dress_code'],
    ]
    for (const [change, path] of cases) {
      const res = await t.call('POST', '/v1/exclusive-events', {
        key: p.keys.admin,
        body: { ...base, ...change },
      })
      const problem = expectProblem(res, 400, 'invalid_request')
      expect(
        problem.errors.map((e: { path: string }) => e.path),
        JSON.stringify(change),
      ).toContain(path)
    }
    expectProblem(
      await t.call('POST', '/v1/exclusive-events', {
        key: p.keys.server,
        body: { ...base, tiers: ['gold'] },
      }),
      403,
      'forbidden',
    )
  })
})

describe('answering', () => {
  it('takes a place with a yes and gives it back with a no, both ways', async () => {
    const p = await shop()
    const a = await memberIn(p, 'gold')
    const event = await createEvent(p, { capacity: 2 })
    const yes = await rsvp(p, a.external_id, event.id, true)
    expect(yes.statusCode, yes.body).toBe(201)
    expect(yes.json()).toEqual({
      event: event.id,
      member: a.id,
      tier: 'gold',
      via: 'creation',
      rsvp: 'yes',
      invited_at: STAMP,
      responded_at: STAMP,
    })
    expect(await getEvent(p, event.id)).toMatchObject({ attending: 1, remaining: 1, invited: 1 })
    // The same answer again changes nothing.
    clock.set('2026-03-02T02:00:00Z')
    const again = await rsvp(p, a.id, event.id, true)
    expect(again.statusCode).toBe(201)
    expect(again.json()).toEqual(yes.json())
    expect(await getEvent(p, event.id)).toMatchObject({ attending: 1 })
    const no = await rsvp(p, a.id, event.id, false)
    expect(no.json()).toMatchObject({ rsvp: 'no', responded_at: '2026-03-02T02:00:00.000Z' })
    expect(await getEvent(p, event.id)).toMatchObject({ attending: 0, remaining: 2 })
    expect((await rsvp(p, a.id, event.id, false)).json().rsvp).toBe('no')
    expect(await getEvent(p, event.id)).toMatchObject({ attending: 0 })
    expect((await rsvp(p, a.id, event.id, true)).json().rsvp).toBe('yes')
    expect(await getEvent(p, event.id)).toMatchObject({ attending: 1 })
    clock.set(START)
    expect(await domainEvents(p, 'event.responded')).toEqual([
      { member: a.id, event: event.id, rsvp: 'yes', previous: null },
      { member: a.id, event: event.id, rsvp: 'no', previous: 'yes' },
      { member: a.id, event: event.id, rsvp: 'yes', previous: 'no' },
    ])
  })

  it('a full event refuses a yes (409 slot_full) until someone says no', async () => {
    const p = await shop()
    const [a, b, c] = [
      await memberIn(p, 'gold'),
      await memberIn(p, 'gold'),
      await memberIn(p, 'gold'),
    ]
    const event = await createEvent(p, { capacity: 2 })
    await rsvp(p, a.id, event.id, true)
    await rsvp(p, b.id, event.id, true)
    const full = expectProblem(await rsvp(p, c.id, event.id, true), 409, 'slot_full')
    expect(full.detail).toBe('The event has no place left.')
    // A no needs no place.
    expect((await rsvp(p, c.id, event.id, false)).statusCode).toBe(201)
    await rsvp(p, a.id, event.id, false)
    expect((await rsvp(p, c.id, event.id, true)).statusCode).toBe(201)
    expectProblem(await rsvp(p, a.id, event.id, true), 409, 'slot_full')
    expect(await getEvent(p, event.id)).toMatchObject({ attending: 2, remaining: 0 })
    const yes = await invitations(p, event.id, '&rsvp=yes')
    expect(yes.map((i) => i.member).sort()).toEqual([b.id, c.id].sort())
    expect((await invitations(p, event.id, '&rsvp=no')).map((i) => i.member)).toEqual([a.id])
    expect(await invitations(p, event.id, '&rsvp=pending')).toEqual([])
  })

  it('refuses a member outside the tiers (403 tier_required), and invites one who reached them', async () => {
    const p = await shop()
    const later = await memberIn(p, 'silver')
    const event = await createEvent(p, { tiers: ['gold'] })
    expect(event.invited).toBe(0)
    const refused = expectProblem(await rsvp(p, later.id, event.id, true), 403, 'tier_required')
    expect(refused.detail).toContain('was not invited')
    await setTier(p, later.id, 'gold')
    const res = await rsvp(p, later.id, event.id, true)
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ via: 'rsvp', tier: 'gold', rsvp: 'yes' })
    expect(await getEvent(p, event.id)).toMatchObject({ invited: 1, attending: 1 })
    expect(await domainEvents(p, 'event.invited')).toEqual([
      { member: later.id, event: event.id, via: 'rsvp' },
    ])
    // An invited member keeps the invitation after leaving the tier.
    await setTier(p, later.id, 'member')
    expect((await rsvp(p, later.id, event.id, false)).statusCode).toBe(201)
  })

  it('takes no answer once the event has started (422 slot_closed)', async () => {
    const p = await shop()
    const a = await memberIn(p, 'gold')
    const event = await createEvent(p)
    clock.set(event.starts_at)
    try {
      expectProblem(await rsvp(p, a.id, event.id, true), 422, 'slot_closed')
    } finally {
      clock.set(START)
    }
  })

  it('honours an Idempotency-Key, checks keys and bodies, hides other programs', async () => {
    const p = await shop()
    const a = await memberIn(p, 'gold')
    const event = await createEvent(p)
    const headers = { 'idempotency-key': `rsvp-${a.id}` }
    const first = await rsvp(p, a.id, event.id, true, { headers })
    const replay = await rsvp(p, a.id, event.id, true, { headers })
    expect(replay.body).toBe(first.body)
    expect(replay.headers['idempotent-replayed']).toBe('true')
    expectProblem(await rsvp(p, a.id, event.id, false, { headers }), 409, 'idempotency_conflict')
    expectProblem(await rsvp(p, a.id, event.id, true, { key: p.keys.readonly }), 403, 'forbidden')
    expectProblem(await rsvp(p, 'nobody', event.id, true), 404, 'not_found')
    expectProblem(await rsvp(p, a.id, 'exev_01JQ0000000000000000000000', true), 404, 'not_found')
    for (const body of [{}, { attending: 'yes' }, { attending: 1 }, { attending: true, x: 1 }]) {
      expectProblem(
        await t.call('POST', `/v1/members/${a.id}/exclusive-events/${event.id}/rsvp`, {
          key: p.keys.server,
          body,
        }),
        400,
        'invalid_request',
      )
    }
    expectProblem(
      await t.call('GET', `/v1/exclusive-events/${event.id}/invitations?rsvp=maybe`, {
        key: p.keys.readonly,
      }),
      400,
      'invalid_request',
    )
    const other = await shop()
    const stranger = await memberIn(other, 'gold')
    const key = other.keys.admin
    for (const url of [
      `/v1/exclusive-events/${event.id}`,
      `/v1/exclusive-events/${event.id}/invitations`,
      `/v1/members/${a.id}/exclusive-events`,
    ]) {
      expectProblem(await t.call('GET', url, { key }), 404, 'not_found')
    }
    expectProblem(await rsvp(other, a.id, event.id, true, { key }), 404, 'not_found')
    expectProblem(await rsvp(other, stranger.id, event.id, true, { key }), 404, 'not_found')
    expect((await t.call('GET', '/v1/exclusive-events', { key })).json().data).toEqual([])
    expect(await getEvent(p, event.id)).toMatchObject({ attending: 1, invited: 1 })
  })
})

describe('under concurrency', () => {
  it('10 yeses for 2 places: exactly 2 attending, 8 slot_full', async () => {
    const p = await shop()
    const members = await Promise.all(Array.from({ length: 10 }, () => memberIn(p, 'gold')))
    const event = await createEvent(p, { capacity: 2 })
    expect(event.invited).toBe(10)
    const answers = await Promise.all(members.map((m) => rsvp(p, m.id, event.id, true)))
    expect(answers.map((r) => r.statusCode).sort()).toEqual([
      201, 201, 409, 409, 409, 409, 409, 409, 409, 409,
    ])
    for (const res of answers.filter((r) => r.statusCode === 409))
      expect(res.json().code).toBe('slot_full')
    expect(await getEvent(p, event.id)).toMatchObject({ attending: 2, remaining: 0 })
    expect(await invitations(p, event.id, '&rsvp=yes')).toHaveLength(2)
  })

  it('one member’s answers racing: the count follows the last one, never doubled', async () => {
    const p = await shop()
    const a = await memberIn(p, 'gold')
    const b = await memberIn(p, 'gold')
    const event = await createEvent(p, { capacity: 3 })
    await Promise.all(Array.from({ length: 6 }, () => rsvp(p, a.id, event.id, true)))
    expect(await getEvent(p, event.id)).toMatchObject({ attending: 1 })
    await Promise.all(Array.from({ length: 8 }, (_, i) => rsvp(p, b.id, event.id, i % 2 === 0)))
    const after = await getEvent(p, event.id)
    const yes = await invitations(p, event.id, '&rsvp=yes')
    expect(after.attending).toBe(yes.length)
    expect(yes.map((i) => i.member)).toContain(a.id)
  })

  it('members reaching the tier and answering at once are each invited once, within capacity', async () => {
    const p = await shop()
    const event = await createEvent(p, { capacity: 3, tiers: ['silver'] })
    const members = await Promise.all(Array.from({ length: 5 }, () => memberIn(p, 'silver')))
    const answers = await Promise.all(
      members.flatMap((m) => [rsvp(p, m.id, event.id, true), rsvp(p, m.id, event.id, true)]),
    )
    // Three members get a place (each asked twice: the same answer again is a 201 too); a yes
    // refused for want of a place leaves no invitation behind.
    expect(answers.map((r) => r.statusCode).sort()).toEqual([
      201, 201, 201, 201, 201, 201, 409, 409, 409, 409,
    ])
    expect(await getEvent(p, event.id)).toMatchObject({ invited: 3, attending: 3 })
    expect(await invitations(p, event.id, '&rsvp=yes')).toHaveLength(3)
    expect(await invitations(p, event.id)).toHaveLength(3)
    expect(await domainEvents(p, 'event.invited')).toHaveLength(3)
  })
})

describe('any sequence of answers', () => {
  it('keeps attending equal to the yes answers, never past capacity', async () => {
    const p = await shop()
    const members = await Promise.all(Array.from({ length: 4 }, () => memberIn(p, 'gold')))
    const step = fc.record({ member: fc.integer({ min: 0, max: 3 }), attending: fc.boolean() })
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const event = await createEvent(p, { capacity: 2 })
        // The model: each member's answer.
        const answers = new Map<number, 'yes' | 'no'>()
        for (const { member, attending } of steps) {
          const res = await rsvp(p, members[member]?.id as string, event.id, attending)
          const yes = [...answers.values()].filter((a) => a === 'yes').length
          if (attending && answers.get(member) !== 'yes' && yes >= 2) {
            expectProblem(res, 409, 'slot_full')
            continue
          }
          expect(res.statusCode, res.body).toBe(201)
          expect(res.json().rsvp).toBe(attending ? 'yes' : 'no')
          answers.set(member, attending ? 'yes' : 'no')
        }
        const attending = [...answers.values()].filter((a) => a === 'yes').length
        expect(await getEvent(p, event.id)).toMatchObject({
          attending,
          remaining: 2 - attending,
          invited: 4,
        })
        expect(await invitations(p, event.id, '&rsvp=yes')).toHaveLength(attending)
      }),
      { numRuns: 15, seed: 29 },
    )
  })
})

describe('in the portal', () => {
  it('lists invitations and eligible events, and answers as the member', async () => {
    const p = await shop()
    const member = await memberIn(p, 'gold')
    const invitedTo = await createEvent(p, { title: 'Invited', tiers: ['gold'] })
    const notForMe = await createEvent(p, { title: 'Silver only', tiers: ['silver'] })
    await setTier(p, member.id, 'silver')
    const session = await t.call('POST', `/v1/members/${member.id}/portal-sessions`, {
      key: p.keys.server,
      body: {},
    })
    const token = session.json().token as string
    const list = await t.call('GET', '/v1/portal/exclusive-events', { key: token })
    expect(list.statusCode, list.body).toBe(200)
    expect(list.json().data).toEqual([
      { exclusive_event: notForMe, invitation: null, eligible: true },
      {
        exclusive_event: invitedTo,
        invitation: expect.objectContaining({ member: member.id, rsvp: null, via: 'creation' }),
        eligible: true,
      },
    ])
    const yes = await t.call('POST', `/v1/portal/exclusive-events/${notForMe.id}/rsvp`, {
      key: token,
      body: { attending: true },
    })
    expect(yes.statusCode, yes.body).toBe(201)
    expect(yes.json()).toMatchObject({ via: 'rsvp', rsvp: 'yes', member: member.id })
    const after = await t.call('GET', '/v1/portal/exclusive-events', { key: token })
    expect(after.json().data[0]).toMatchObject({
      exclusive_event: { id: notForMe.id, attending: 1 },
      invitation: { rsvp: 'yes' },
    })
    const other = await shop()
    const elsewhere = await createEvent(other, { tiers: ['member'] })
    expectProblem(
      await t.call('POST', `/v1/portal/exclusive-events/${elsewhere.id}/rsvp`, {
        key: token,
        body: { attending: true },
      }),
      404,
      'not_found',
    )
  })
})
