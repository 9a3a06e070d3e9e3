import { DOMAIN_EVENT_SCHEMAS, type DomainEventType, fixedClock } from '@loyalbase/core'
import { Value } from 'typebox/value'
import { afterAll, beforeAll, expect } from 'vitest'
import { createMember, createProgram, type TestProgram } from './factories.js'
import { createTestApp, type TestApp } from './test-app.js'

/*
 * The appointments tests' program (appointments.test.ts, appointments-concurrency.test.ts): an
 * app on a clock fixed at 10:00 in Shanghai on 1 March 2026, a ladder member → silver → gold,
 * and calls that make members of a tier, slots, bookings and cancellations.
 * `appointmentsProgram()` registers the calling file's set-up and tear-down; the helpers act on
 * that file's app and program.
 */

export const APPOINTMENTS_START = '2026-03-01T02:00:00Z'
export const SLOT_ID = /^slot_[0-9A-Z]{26}$/

export const APPOINTMENTS_LADDER = {
  metric: 'spend',
  window: { type: 'lifetime' },
  downgrade: { type: 'never' },
  tiers: [
    { key: 'member', name: '会员', threshold: 0 },
    { key: 'silver', name: '银卡', threshold: 100_000 },
    { key: 'gold', name: '金卡', threshold: 500_000 },
  ],
}

export function appointmentsProgram() {
  const clock = fixedClock(APPOINTMENTS_START)
  const on = {} as { t: TestApp; p: TestProgram }
  beforeAll(async () => {
    on.t = await createTestApp({ clock })
    on.p = await createProgram(on.t, { name: 'Appointments' })
    const ladder = await on.t.call('PUT', '/v1/tiers', {
      key: on.p.keys.admin,
      body: APPOINTMENTS_LADDER,
    })
    expect(ladder.statusCode, ladder.body).toBe(200)
    await on.t.services.jobs.settle()
  })
  afterAll(() => on.t.close())

  let hour = 0
  return {
    on,
    clock,
    async memberIn(tier = 'member', program: TestProgram = on.p) {
      const member = await createMember(on.t, program.keys.admin)
      if (tier !== 'member') {
        const res = await on.t.call('PUT', `/v1/members/${member.id}/tier`, {
          key: program.keys.admin,
          body: { tier, reason: 'test' },
        })
        expect(res.statusCode, res.body).toBe(200)
      }
      return member
    },
    /** A fresh one-hour slot a few days ahead (each later than the one before). */
    async createSlot(body: Record<string, unknown> = {}, program: TestProgram = on.p) {
      hour++
      const starts = new Date(Date.parse('2026-03-05T01:00:00Z') + hour * 3_600_000)
      const res = await on.t.call('POST', '/v1/appointment-slots', {
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
    },
    book(member: string, slot: string, options: { key?: string; headers?: object } = {}) {
      return on.t.call('POST', `/v1/members/${encodeURIComponent(member)}/appointments`, {
        key: options.key ?? on.p.keys.server,
        body: { slot },
        ...(options.headers ? { headers: options.headers as Record<string, string> } : {}),
      })
    },
    cancel(member: string, id: string, key = on.p.keys.server) {
      return on.t.call('DELETE', `/v1/members/${encodeURIComponent(member)}/appointments/${id}`, {
        key,
      })
    },
    async slot(id: string) {
      return (
        await on.t.call('GET', `/v1/appointment-slots/${id}`, { key: on.p.keys.readonly })
      ).json()
    },
    /** The member's domain events of `type`, each checked against its schema. */
    async eventsOf(type: DomainEventType, member: string) {
      const rows = await on.t.db.database.db
        .selectFrom('outbox_events')
        .selectAll()
        .where('program_id', '=', on.p.id)
        .where('member_id', '=', member)
        .where('type', '=', type)
        .orderBy('id')
        .execute()
      for (const row of rows) expect(Value.Check(DOMAIN_EVENT_SCHEMAS[type], row.data)).toBe(true)
      return rows.map((row) => row.data)
    },
  }
}
