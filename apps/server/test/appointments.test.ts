import { beforeAll, describe, expect, it } from 'vitest'
import {
  APPOINTMENTS_START,
  appointmentsProgram,
  createMember,
  createProgram,
  expectProblem,
  SLOT_ID,
  type TestApp,
  type TestProgram,
} from './support/index.js'

/*
 * Appointments over HTTP (docs/appointments-and-events.md), on both engines: the api.md
 * examples, slots, tier gating, bookings and cancellations. Under concurrency, against a model,
 * and in the portal: appointments-concurrency.test.ts.
 */

const { on, clock, memberIn, createSlot, book, cancel, slot, eventsOf } = appointmentsProgram()
let t: TestApp
let p: TestProgram
beforeAll(() => {
  ;({ t, p } = on)
})

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
      id: expect.stringMatching(SLOT_ID),
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
        cancelled_at: APPOINTMENTS_START.replace('Z', '.000Z'),
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
      clock.set(APPOINTMENTS_START)
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
