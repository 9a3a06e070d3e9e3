import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  APPOINTMENTS_LADDER,
  appointmentsProgram,
  createProgram,
  expectProblem,
  type TestApp,
  type TestProgram,
} from './support/index.js'

/*
 * Appointments under concurrency (a slot never overbooked, a member never booked twice,
 * cancellations that free a place once), any sequence checked against a model, and the portal's
 * booking (docs/appointments-and-events.md). The api.md examples: appointments.test.ts.
 */

const { on, memberIn, createSlot, book, cancel, slot, eventsOf } = appointmentsProgram()
let t: TestApp
let p: TestProgram
beforeAll(() => {
  ;({ t, p } = on)
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
    await t.call('PUT', '/v1/tiers', { key: other.keys.admin, body: APPOINTMENTS_LADDER })
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
