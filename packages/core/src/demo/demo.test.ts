import { describe, expect, it } from 'vitest'
import { assertMemberFields, PHONE_PATTERN } from '../members/members.js'
import { addMonths } from '../shared/calendar.js'
import {
  DEMO_MEMBER_COUNT,
  DEMO_TIME_ZONE,
  type DemoOrder,
  type DemoPlan,
  type DemoStep,
  demoPlan,
} from './demo.js'
import { DemoCalendar } from './demo-calendar.js'
import { demoSubtotal, FREE_SHIPPING_FROM } from './demo-catalog.js'
import { DEMO_LADDER } from './demo-program.js'

/*
 * The demo's plan, before anything is written: deterministic, what api.md promises of it, and
 * made of input the API would accept. demo.service.test.ts writes it and checks the database.
 */

const NOW = new Date('2026-12-08T02:30:00Z')
const plan = demoPlan(NOW)

const ordersOf = (steps: readonly DemoStep[]): DemoOrder[] =>
  steps.flatMap((s) => (s.kind === 'order' ? [s.order] : []))
/** Orders per member, today's checkouts included: what the database will count. */
const orderCounts = (p: DemoPlan) =>
  Object.fromEntries(
    p.timelines.map((t) => [
      t.member,
      t.steps.filter((s) => s.kind === 'order' || s.kind === 'checkout').length,
    ]),
  )

describe('the demo plan', () => {
  it('is the same on any day it starts, at any hour, but for instants relative to it', () => {
    const withoutTimes = (p: DemoPlan) =>
      p.timelines.map((t) => ({
        member: t.member,
        orders: ordersOf(t.steps).map(({ occurred_at: _, ...order }) => order),
        steps: t.steps.map((s) => (s.kind === 'event' ? s.event.type : s.kind)),
      }))
    const people = (p: DemoPlan) =>
      p.members
        .map(({ joined_at: _, birthday: __, ...person }) => person)
        .sort((a, b) => a.external_id.localeCompare(b.external_id))
    // Just after midnight and just before it in Shanghai, a leap day, another year.
    for (const at of ['2026-12-07T16:10:00Z', '2027-02-28T15:55:00Z', '2028-02-29T04:00:00Z']) {
      const other = demoPlan(new Date(at))
      expect(orderCounts(other)).toEqual(orderCounts(plan))
      expect(withoutTimes(other)).toEqual(withoutTimes(plan))
      expect(people(other)).toEqual(people(plan))
      expect(other.members.map((m) => m.external_id)).toEqual(
        plan.members.map((m) => m.external_id),
      )
    }
    // The same instant gives the very same plan.
    expect(demoPlan(NOW)).toEqual(plan)
  })

  it('has what api.md promises: members, a year of orders, one-off buyers and regulars', () => {
    expect(plan.members).toHaveLength(DEMO_MEMBER_COUNT)
    expect(DEMO_MEMBER_COUNT).toBeGreaterThanOrEqual(500)
    expect(DEMO_LADDER.tiers).toHaveLength(4)
    const yearAgo = addMonths(NOW, -12).getTime()
    const orders = plan.timelines.flatMap((t) => ordersOf(t.steps))
    const inYear = orders.filter((o) => new Date(o.occurred_at).getTime() > yearAgo)
    expect(inYear.length).toBe(orders.length)
    const counts = Object.values(orderCounts(plan))
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(2_000)
    expect(counts.filter((c) => c === 1).length / counts.length).toBeGreaterThan(0.15)
    expect(counts.filter((c) => c >= 8).length / counts.length).toBeGreaterThan(0.03)
    // And some who never bought: members who joined in a shop and stayed away.
    expect(counts.filter((c) => c === 0).length).toBeGreaterThan(0)
  })

  it('gives the birthday campaign an audience: birthdays today and in the coming month', () => {
    const calendar = new DemoCalendar(NOW, DEMO_TIME_ZONE)
    const monthDays = (days: number[]) => days.map((d) => calendar.date(-d).slice(5))
    const today = monthDays([0])
    const coming = monthDays([...Array(30).keys()])
    const birthdays = plan.members.flatMap((m) => (m.birthday ? [m.birthday.slice(-5)] : []))
    expect(birthdays.filter((b) => today.includes(b)).length).toBeGreaterThanOrEqual(3)
    expect(birthdays.filter((b) => coming.includes(b)).length).toBeGreaterThanOrEqual(20)
    expect(birthdays.length).toBeLessThan(plan.members.length)
  })

  it('asks only what the API accepts: unique people, real dates, nothing in the future', () => {
    const unique = (values: unknown[]) => new Set(values).size === values.length
    expect(unique(plan.members.map((m) => m.external_id))).toBe(true)
    expect(unique(plan.members.map((m) => m.phone))).toBe(true)
    expect(unique(plan.members.flatMap((m) => (m.email ? [m.email] : [])))).toBe(true)
    const joined = new Map(plan.members.map((m) => [m.external_id, Date.parse(m.joined_at)]))
    for (const member of plan.members) {
      expect(member.phone).toMatch(new RegExp(PHONE_PATTERN))
      expect(() => assertMemberFields(member, NOW, DEMO_TIME_ZONE)).not.toThrow()
      if (member.referrer)
        expect(joined.get(member.referrer)).toBeLessThanOrEqual(Date.parse(member.joined_at))
    }
    const ids = plan.timelines.flatMap((t) =>
      t.steps.flatMap((s) =>
        s.kind === 'order' ? [s.order.id] : s.kind === 'checkout' ? [s.checkout.id] : [],
      ),
    )
    expect(unique(ids)).toBe(true)
    for (const { member, steps } of plan.timelines) {
      const since = joined.get(member) as number
      const orders = new Map(ordersOf(steps).map((o) => [o.id, o]))
      for (const step of steps) {
        if (step.kind === 'order' || step.kind === 'event') {
          const at = Date.parse(
            step.kind === 'order' ? step.order.occurred_at : step.event.occurred_at,
          )
          expect(at).toBeGreaterThanOrEqual(since)
          expect(at).toBeLessThan(NOW.getTime())
        }
        if (step.kind === 'event' && step.event.type === 'review.posted') {
          const order = orders.get(step.event.properties.order as string) as DemoOrder
          expect(Date.parse(step.event.occurred_at)).toBeGreaterThanOrEqual(
            Date.parse(order.occurred_at),
          )
        }
        if (step.kind === 'refund') {
          expect(step.refund.amount).toBeLessThanOrEqual(orders.get(step.order)?.amount ?? 0)
        }
      }
    }
  })

  it('prices back-dated orders as the shop does: a small one ships free twice a month', () => {
    for (const { steps } of plan.timelines) {
      const small: number[] = []
      for (const order of ordersOf(steps)) {
        expect(order.amount).toBe(demoSubtotal(order.items))
        if (order.shipping_fee === undefined) continue
        expect(demoSubtotal(order.items)).toBeLessThan(FREE_SHIPPING_FROM)
        small.push(Date.parse(order.occurred_at))
      }
      // No three small orders within 31 days: none can share a calendar month.
      small.forEach((at, i) => {
        const third = small[i + 2]
        if (third !== undefined) expect(third - at).toBeGreaterThan(31 * 86_400_000)
      })
    }
  })
})
