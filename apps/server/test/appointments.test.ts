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
 * Appointments over HTTP (docs/appointments-and-events.md), on both engines: the api.md
 * examples, tier gating, a slot never overbooked and a member never booked twice under
 * concurrent requests, cancellations that free a place once, the portal's booking.
 */

// 10:00 in Shanghai.
const START = '2026-03-01T02:00:00Z'
const clock = fixedClock(START)
const SLOT = /^slot_[0-9A-Z]{26}$/
let t: TestApp
let p: TestProgram

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
  p = await createProgram(t, { name: 'Appointments' })
  const ladder = await t.call('PUT', '/v1/tiers', { key: p.keys.admin, body: LADDER })
  expect(ladder.statusCode, ladder.body).toBe(200)
  await t.services.jobs.settle()
})
afterAll(() => t.close())

function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status)
  expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8')
  expect(res.json().code).toBe(code)
  return res.json()
}

async function memberIn(tier = 'member', program: TestProgram = p) {
  const member = await createMember(t, program.keys.admin)
  if (tier !== 'member') {
    const res = await t.call('PUT', `/v1/members/${member.id}/tier`, {
      key: program.keys.admin,
      body: { tier, reason: 'test' },
    })
    expect(res.statusCode, res.body).toBe(200)
  }
  return member
}

let hour = 0
/** A fresh one-hour slot a few days ahead (each later than the one before). */
async function createSlot(body: Record<string, unknown> = {}, program: TestProgram = p) {
  hour++
  const starts = new Date(Date.parse('2026-03-05T01:00:00Z') + hour * 3_600_000)
  const res = await t.call('POST', '/v1/appointment-slots', {
    key: program.keys.admin,
    body: {
      service: 'personal_styling',
      starts_at: starts.toISOString(),
      ends_at: new Date(starts.getTime() + 3_600_000).toISOString(),
      capacity: 3,
      ...body,
    },
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

function book(member: string, slot: string, options: { key?: string; headers?: object } = {}) {
  return t.call('POST', `/v1/members/${encodeURIComponent(member)}/appointments`, {
    key: options.key ?? p.keys.server,
    body: { slot },
    ...(options.headers ? { headers: options.headers as Record<string, string> } : {}),
  })
}

function cancel(member: string, id: string, key = p.keys.server) {
  return t.call('DELETE', `/v1/members/${encodeURIComponent(member)}/appointments/${id}`, { key })
}

async function slot(id: string) {
  return (await t.call('GET', `/v1/appointment-slots/${id}`, { key: p.keys.readonly })).json()
}

async function eventsOf(type: DomainEventType, member: string) {
  const rows = await t.db.database.db
    .selectFrom('outbox_events')
    .selectAll()
    .where('program_id', '=', p.id)
    .where('member_id', '=', member)
    .where('type', '=', type)
    .orderBy('id')
    .execute()
  for (const row of rows) expect(Value.Check(DOMAIN_EVENT_SCHEMAS[type], row.data)).toBe(true)
  return rows.map((row) => row.data)
}

describe('appointment slots', () => {
  it('creates a slot with the api.md shape and lists slots by start time', async () => {
    const res = await t.call('POST', '/v1/appointment-slots', {
      key: p.keys.admin,
      body: {
        service: 'fitting',
        starts_at: '2026-04-01T10:00:00+08:00',
        ends_at: '2026-04-01T11:00:00+08:00',
        capacity: 2,
        tiers: ['gold', 'silver'],
      },
    })
    expect(res.statusCode, res.body).toBe(201)
    const created = res.json()
    expect(created).toEqual({
      id: expect.stringMatching(SLOT),
      service: 'fitting',
      starts_at: '2026-04-01T02:00:00.000Z',
      ends_at: '2026-04-01T03:00:00.000Z',
      capacity: 2,
      booked: 0,
      remaining: 2,
      tiers: ['gold', 'silver'],
      created_at: '2026-03-01T02:00:00.000Z',
      updated_at: '2026-03-01T02:00:00.000Z',
    })
    expect(await slot(created.id)).toEqual(created)
    const later = await t.call('POST', '/v1/appointment-slots', {
      key: p.keys.admin,
      body: {
        service: 'fitting',
        starts_at: '2026-04-02T10:00:00+08:00',
        ends_at: '2026-04-02T11:00:00+08:00',
        capacity: 1,
      },
    })
    expect(later.json().tiers).toBeNull()
    const other = await t.call('POST', '/v1/appointment-slots', {
      key: p.keys.admin,
      body: {
        service: 'tailoring',
        starts_at: '2026-04-01T09:00:00+08:00',
        ends_at: '2026-04-01T09:30:00+08:00',
        capacity: 1,
      },
    })
    const april = '?from=2026-04-01T00:00:00%2B08:00&to=2026-04-03T00:00:00%2B08:00'
    const first = await t.call('GET', `/v1/appointment-slots${april}&limit=2`, {
      key: p.keys.readonly,
    })
    expect(first.json().data.map((s: { id: string }) => s.id)).toEqual([
      other.json().id,
      created.id,
    ])
    const next = await t.call(
      'GET',
      `/v1/appointment-slots${april}&limit=2&cursor=${first.json().next_cursor}`,
      { key: p.keys.readonly },
    )
    expect(next.json()).toEqual({ data: [later.json()], next_cursor: null })
    const fittings = await t.call('GET', `/v1/appointment-slots${april}&service=fitting`, {
      key: p.keys.readonly,
    })
    expect(fittings.json().data.map((s: { id: string }) => s.id)).toEqual([
      created.id,
      later.json().id,
    ])
  })

  it('refuses an end before the start, no capacity, unknown tiers and unknown fields', async () => {
    const base = {
      service: 'fitting',
      starts_at: '2026-04-01T10:00:00+08:00',
      ends_at: '2026-04-01T11:00:00+08:00',
      capacity: 2,
    }
    const cases: [Record<string, unknown>, string][] = [
      [{ ends_at: '2026-04-01T10:00:00+08:00' }, 'ends_at'],
      [{ capacity: 0 }, 'capacity'],
      [{ capacity: 1.5 }, 'capacity'],
      [{ capacity: '3' }, 'capacity'],
      [{ tiers: ['platinum'] }, 'tiers[0]'],
      [{ tiers: ['gold', 'gold'] }, 'tiers[1]'],
      [{ tiers: [] }, 'tiers'],
      [{ service: '' }, 'service'],
      [{ starts_at: 'tomorrow' }, 'starts_at'],
      [{ colour: 'red' }, 'colour'],
    ]
    for (const [change, path] of cases) {
      const res = await t.call('POST', '/v1/appointment-slots', {
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
      await t.call('POST', '/v1/appointment-slots', { key: p.keys.server, body: base }),
      403,
      'forbidden',
    )
  })

  it('changes a slot, never below the places booked, and deletes it with its bookings', async () => {
    const s = await createSlot({ capacity: 3 })
    const a = await memberIn()
    const b = await memberIn()
    const booked = (await book(a.id, s.id)).json()
    await book(b.id, s.id)
    const low = await t.call('PATCH', `/v1/appointment-slots/${s.id}`, {
      key: p.keys.admin,
      body: { capacity: 1 },
    })
    expect(expectProblem(low, 400, 'invalid_request').errors).toEqual([
      { path: 'capacity', message: 'must not be below the 2 place(s) already booked' },
    ])
    const patched = await t.call('PATCH', `/v1/appointment-slots/${s.id}`, {
      key: p.keys.admin,
      body: { capacity: 2, service: 'fitting', tiers: ['gold'] },
    })
    expect(patched.json()).toMatchObject({
      capacity: 2,
      booked: 2,
      remaining: 0,
      service: 'fitting',
      tiers: ['gold'],
    })
    const backwards = await t.call('PATCH', `/v1/appointment-slots/${s.id}`, {
      key: p.keys.admin,
      body: { ends_at: s.starts_at },
    })
    expectProblem(backwards, 400, 'invalid_request')
    const cleared = await t.call('PATCH', `/v1/appointment-slots/${s.id}`, {
      key: p.keys.admin,
      body: { tiers: null },
    })
    expect(cleared.json().tiers).toBeNull()

    const deleted = await t.call('DELETE', `/v1/appointment-slots/${s.id}`, { key: p.keys.admin })
    expect(deleted.statusCode).toBe(200)
    expect(deleted.json()).toEqual({ id: s.id, deleted: true, bookings_cancelled: 2 })
    expectProblem(
      await t.call('GET', `/v1/appointment-slots/${s.id}`, { key: p.keys.admin }),
      404,
      'not_found',
    )
    expectProblem(
      await t.call('DELETE', `/v1/appointment-slots/${s.id}`, { key: p.keys.admin }),
      404,
      'not_found',
    )
    const mine = await t.call('GET', `/v1/members/${a.id}/appointments`, { key: p.keys.readonly })
    expect(mine.json().data).toEqual([
      {
        ...booked,
        status: 'cancelled',
        service: 'fitting',
        cancelled_by: 'staff',
        cancelled_at: START.replace('Z', '.000Z'),
      },
    ])
    expect(await eventsOf('appointment.cancelled', a.id)).toEqual([
      { member: a.id, appointment: booked.id, slot: s.id, by: 'staff', slot_deleted: true },
    ])
    expectProblem(await book(a.id, s.id), 400, 'invalid_request')
  })
})

describe('booking and cancelling', () => {
  it('books a place with the api.md shape and records appointment.booked', async () => {
    const s = await createSlot({ capacity: 2 })
    const member = await memberIn()
    const res = await book(member.external_id, s.id)
    expect(res.statusCode, res.body).toBe(201)
    const appointment = res.json()
    expect(appointment).toEqual({
      id: expect.stringMatching(/^apt_[0-9A-Z]{26}$/),
      slot: s.id,
      member: member.id,
      status: 'booked',
      service: 'personal_styling',
      starts_at: s.starts_at,
      ends_at: s.ends_at,
      booked_by: 'staff',
      booked_at: '2026-03-01T02:00:00.000Z',
      cancelled_by: null,
      cancelled_at: null,
    })
    expect(await slot(s.id)).toMatchObject({ booked: 1, remaining: 1 })
    const list = await t.call('GET', `/v1/members/${member.id}/appointments`, {
      key: p.keys.readonly,
    })
    expect(list.json()).toEqual({ data: [appointment], next_cursor: null })
    const bookings = await t.call('GET', `/v1/appointment-slots/${s.id}/bookings`, {
      key: p.keys.readonly,
    })
    expect(bookings.json()).toEqual({
      data: [{ ...appointment, member_external_id: member.external_id, member_name: null }],
      next_cursor: null,
    })
    expect(await eventsOf('appointment.booked', member.id)).toEqual([
      {
        member: member.id,
        appointment: appointment.id,
        slot: s.id,
        service: 'personal_styling',
        starts_at: s.starts_at,
        by: 'staff',
      },
    ])
  })

  it('gates a slot by tier: 403 tier_required outside its tiers', async () => {
    const s = await createSlot({ tiers: ['gold'] })
    const plain = await memberIn('member')
    const silver = await memberIn('silver')
    const gold = await memberIn('gold')
    const refused = expectProblem(await book(plain.id, s.id), 403, 'tier_required')
    expect(refused.detail).toBe('The slot is for the tiers gold; the member is member.')
    expectProblem(await book(silver.id, s.id), 403, 'tier_required')
    expect((await book(gold.id, s.id)).statusCode).toBe(201)
    expect(await slot(s.id)).toMatchObject({ booked: 1 })
  })

  it('refuses a second booking of one slot (409 already_booked) until the first is cancelled', async () => {
    const s = await createSlot()
    const member = await memberIn()
    const first = (await book(member.id, s.id)).json()
    expectProblem(await book(member.id, s.id), 409, 'already_booked')
    expect((await cancel(member.id, first.id)).statusCode).toBe(200)
    const again = await book(member.id, s.id)
    expect(again.statusCode).toBe(201)
    expect(again.json().id).not.toBe(first.id)
    expect(await slot(s.id)).toMatchObject({ booked: 1 })
  })

  it('answers 409 slot_full when no place is left', async () => {
    const s = await createSlot({ capacity: 1 })
    await book((await memberIn()).id, s.id)
    const full = expectProblem(await book((await memberIn()).id, s.id), 409, 'slot_full')
    expect(full.detail).toBe('The slot has no place left.')
  })

  it('cancels once: the place is freed, a second cancel answers the same and frees nothing', async () => {
    const s = await createSlot({ capacity: 2 })
    const member = await memberIn()
    const other = await memberIn()
    const appointment = (await book(member.id, s.id)).json()
    await book(other.id, s.id)
    const res = await cancel(member.external_id, appointment.id)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({
      ...appointment,
      status: 'cancelled',
      cancelled_by: 'staff',
      cancelled_at: '2026-03-01T02:00:00.000Z',
    })
    expect(await slot(s.id)).toMatchObject({ booked: 1, remaining: 1 })
    const twice = await cancel(member.id, appointment.id)
    expect(twice.json()).toEqual(res.json())
    expect(await slot(s.id)).toMatchObject({ booked: 1, remaining: 1 })
    expect(await eventsOf('appointment.cancelled', member.id)).toHaveLength(1)
    expectProblem(await cancel(other.id, appointment.id), 404, 'not_found')
  })

  it('takes no booking or cancellation once the slot has started (422 slot_closed)', async () => {
    const s = await createSlot()
    const member = await memberIn()
    const appointment = (await book(member.id, s.id)).json()
    clock.set(s.starts_at)
    try {
      expectProblem(await book((await memberIn()).id, s.id), 422, 'slot_closed')
      expectProblem(await cancel(member.id, appointment.id), 422, 'slot_closed')
    } finally {
      clock.set(START)
    }
  })

  it('honours an Idempotency-Key: a retry books nothing more', async () => {
    const s = await createSlot()
    const member = await memberIn()
    const headers = { 'idempotency-key': `book-${member.id}` }
    const first = await book(member.id, s.id, { headers })
    const again = await book(member.id, s.id, { headers })
    expect(first.statusCode).toBe(201)
    expect(again.statusCode).toBe(201)
    expect(again.body).toBe(first.body)
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(await slot(s.id)).toMatchObject({ booked: 1 })
    const other = await createSlot()
    expectProblem(await book(member.id, other.id, { headers }), 409, 'idempotency_conflict')
  })

  it('checks keys, members and bodies', async () => {
    const s = await createSlot()
    const member = await memberIn()
    expectProblem(await book(member.id, s.id, { key: p.keys.readonly }), 403, 'forbidden')
    expectProblem(await book('no-such-member', s.id), 404, 'not_found')
    const unknown = expectProblem(
      await book(member.id, 'slot_01JQ0000000000000000000000'),
      400,
      'invalid_request',
    )
    expect(unknown.errors).toEqual([
      { path: 'slot', message: 'is not an appointment slot of this program' },
    ])
    for (const body of [{}, { slot: 42 }, { slot: s.id, extra: true }, { slot: '' }]) {
      expectProblem(
        await t.call('POST', `/v1/members/${member.id}/appointments`, {
          key: p.keys.server,
          body,
        }),
        400,
        'invalid_request',
      )
    }
    expectProblem(
      await t.call('GET', `/v1/members/${member.id}/appointments?status=gone`, {
        key: p.keys.readonly,
      }),
      400,
      'invalid_request',
    )
    expectProblem(
      await t.call('GET', '/v1/appointment-slots?cursor=not-a-cursor', { key: p.keys.readonly }),
      400,
      'invalid_request',
    )
  })

  it('hides another program’s slots and bookings: 404', async () => {
    const other = await createProgram(t, { name: 'Other' })
    const s = await createSlot()
    const member = await memberIn()
    const appointment = (await book(member.id, s.id)).json()
    const key = other.keys.admin
    for (const [method, url] of [
      ['GET', `/v1/appointment-slots/${s.id}`],
      ['DELETE', `/v1/appointment-slots/${s.id}`],
      ['GET', `/v1/appointment-slots/${s.id}/bookings`],
      ['GET', `/v1/members/${member.id}/appointments`],
      ['DELETE', `/v1/members/${member.id}/appointments/${appointment.id}`],
    ] as const) {
      expectProblem(await t.call(method, url, { key }), 404, 'not_found')
    }
    expectProblem(
      await t.call('PATCH', `/v1/appointment-slots/${s.id}`, { key, body: { capacity: 9 } }),
      404,
      'not_found',
    )
    // The other program's own member cannot book this program's slot.
    const stranger = await createMember(t, key)
    expectProblem(await book(stranger.id, s.id, { key }), 400, 'invalid_request')
    const list = await t.call('GET', '/v1/appointment-slots', { key })
    expect(list.json()).toEqual({ data: [], next_cursor: null })
    expect(await slot(s.id)).toMatchObject({ booked: 1, capacity: 3 })
  })
})

describe('under concurrency', () => {
  it('10 members booking a 3-place slot: exactly 3 booked, 7 slot_full', async () => {
    const s = await createSlot({ capacity: 3 })
    const members = await Promise.all(Array.from({ length: 10 }, () => memberIn()))
    const answers = await Promise.all(members.map((m) => book(m.id, s.id)))
    const statuses = answers.map((res) => res.statusCode).sort()
    expect(statuses).toEqual([201, 201, 201, 409, 409, 409, 409, 409, 409, 409])
    for (const res of answers.filter((r) => r.statusCode === 409))
      expect(res.json().code).toBe('slot_full')
    expect(await slot(s.id)).toMatchObject({ booked: 3, remaining: 0 })
    const rows = await t.db.database.db
      .selectFrom('appointments')
      .select('member_id')
      .where('program_id', '=', p.id)
      .where('slot_id', '=', s.id)
      .where('status', '=', 'booked')
      .execute()
    expect(rows).toHaveLength(3)
  })

  it('one member booking one slot 6 times at once: one booking, 5 already_booked', async () => {
    const s = await createSlot({ capacity: 5 })
    const member = await memberIn()
    const answers = await Promise.all(Array.from({ length: 6 }, () => book(member.id, s.id)))
    expect(answers.filter((r) => r.statusCode === 201)).toHaveLength(1)
    for (const res of answers.filter((r) => r.statusCode !== 201))
      expectProblem(res, 409, 'already_booked')
    expect(await slot(s.id)).toMatchObject({ booked: 1 })
  })

  it('6 cancellations of one booking at once free its place once', async () => {
    const s = await createSlot({ capacity: 3 })
    const member = await memberIn()
    const others = [await memberIn(), await memberIn()]
    const appointment = (await book(member.id, s.id)).json()
    for (const other of others) await book(other.id, s.id)
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => cancel(member.id, appointment.id)),
    )
    for (const res of answers) {
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json().status).toBe('cancelled')
    }
    expect(await slot(s.id)).toMatchObject({ booked: 2, remaining: 1 })
    expect(await eventsOf('appointment.cancelled', member.id)).toHaveLength(1)
  })

  it('bookings and cancellations racing with a deletion leave the slot consistent', async () => {
    const s = await createSlot({ capacity: 4 })
    const members = await Promise.all(Array.from({ length: 4 }, () => memberIn()))
    const first = (await book(members[0]?.id as string, s.id)).json()
    await Promise.all([
      ...members.slice(1).map((m) => book(m.id, s.id)),
      cancel(members[0]?.id as string, first.id),
      t.call('DELETE', `/v1/appointment-slots/${s.id}`, { key: p.keys.admin }),
    ])
    const live = await t.db.database.db
      .selectFrom('appointments')
      .select('id')
      .where('program_id', '=', p.id)
      .where('slot_id', '=', s.id)
      .where('status', '=', 'booked')
      .execute()
    expect(live).toEqual([])
    const row = await t.db.database.db
      .selectFrom('appointment_slots')
      .select(['booked', 'deleted_at'])
      .where('program_id', '=', p.id)
      .where('id', '=', s.id)
      .executeTakeFirstOrThrow()
    expect(row.booked).toBe(0)
    expect(row.deleted_at).not.toBeNull()
  })
})

describe('any sequence of bookings and cancellations', () => {
  it('keeps booked equal to the live bookings, never past capacity, each answer as a model says', async () => {
    const members = await Promise.all(Array.from({ length: 4 }, () => memberIn()))
    const step = fc.record({
      member: fc.integer({ min: 0, max: 3 }),
      book: fc.boolean(),
    })
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const s = await createSlot({ capacity: 2 })
        // The model: which members hold a live booking, and its id.
        const live = new Map<number, string>()
        for (const { member, book: booking } of steps) {
          const who = members[member]?.id as string
          if (booking) {
            const res = await book(who, s.id)
            if (live.has(member)) expectProblem(res, 409, 'already_booked')
            else if (live.size >= 2) expectProblem(res, 409, 'slot_full')
            else {
              expect(res.statusCode, res.body).toBe(201)
              live.set(member, res.json().id)
            }
          } else {
            const id = live.get(member)
            if (id === undefined) continue
            expect((await cancel(who, id)).statusCode).toBe(200)
            live.delete(member)
          }
        }
        const now = await slot(s.id)
        expect(now).toMatchObject({ booked: live.size, remaining: 2 - live.size })
        const rows = await t.call('GET', `/v1/appointment-slots/${s.id}/bookings?status=booked`, {
          key: p.keys.readonly,
        })
        expect(
          rows
            .json()
            .data.map((b: { id: string }) => b.id)
            .sort(),
        ).toEqual([...live.values()].sort())
      }),
      { numRuns: 15, seed: 17 },
    )
  })
})

describe('in the portal', () => {
  it('lists bookable slots with the tier rule, books, lists and cancels as the member', async () => {
    const other = await createProgram(t, { name: 'Portal slots' })
    await t.call('PUT', '/v1/tiers', { key: other.keys.admin, body: LADDER })
    const open = await createSlot({ service: 'open' }, other)
    const goldOnly = await createSlot({ service: 'gold only', tiers: ['gold'] }, other)
    const member = await memberIn('silver', other)
    const res = await t.call('POST', `/v1/members/${member.id}/portal-sessions`, {
      key: other.keys.server,
      body: {},
    })
    const token = res.json().token as string
    const slots = await t.call('GET', '/v1/portal/appointment-slots', { key: token })
    expect(slots.statusCode, slots.body).toBe(200)
    expect(slots.json().data).toEqual([
      { ...open, tier_allowed: true, my_appointment: null },
      { ...goldOnly, tier_allowed: false, my_appointment: null },
    ])
    expectProblem(
      await t.call('POST', '/v1/portal/appointments', { key: token, body: { slot: goldOnly.id } }),
      403,
      'tier_required',
    )
    const booked = await t.call('POST', '/v1/portal/appointments', {
      key: token,
      body: { slot: open.id },
    })
    expect(booked.statusCode, booked.body).toBe(201)
    expect(booked.json()).toMatchObject({
      member: member.id,
      status: 'booked',
      booked_by: 'member',
    })
    const after = await t.call('GET', '/v1/portal/appointment-slots', { key: token })
    expect(after.json().data[0]).toMatchObject({ booked: 1, my_appointment: booked.json().id })
    const mine = await t.call('GET', '/v1/portal/appointments', { key: token })
    expect(mine.json().data).toEqual([booked.json()])
    const cancelled = await t.call('DELETE', `/v1/portal/appointments/${booked.json().id}`, {
      key: token,
    })
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelled_by: 'member' })
    // Another member's booking is not the session's: 404.
    const someone = await memberIn('member', other)
    const theirs = await t.call('POST', `/v1/members/${someone.id}/appointments`, {
      key: other.keys.server,
      body: { slot: open.id },
    })
    expectProblem(
      await t.call('DELETE', `/v1/portal/appointments/${theirs.json().id}`, { key: token }),
      404,
      'not_found',
    )
    // A program key is not a portal session.
    expectProblem(
      await t.call('GET', '/v1/portal/appointments', { key: other.keys.admin }),
      403,
      'forbidden',
    )
  })
})
