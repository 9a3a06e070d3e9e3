import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { daysBetween, isBirthday, localTime } from '../shared/calendar.js'
import { buildEventContext, buildOrderContext, type MemberFacts } from './rule-context.js'

const TZ = 'Asia/Shanghai'
const member: MemberFacts = {
  id: 'mem_1',
  tier: 'gold',
  joined_at: new Date('2026-01-01T00:00:00+08:00'),
  birthday: '--05-17',
  orders_count: 3,
  lifetime_spend: 50000,
  growth: 500,
  points: 120,
  attributes: { city: '上海' },
}

describe('contexts', () => {
  it('derives order fields once: categories, skus, items_count, local time', () => {
    const ctx = buildOrderContext(
      {
        id: 'o-1',
        amount: 12900,
        channel: 'app',
        items: [
          { sku: 'A', category: 'shoes', quantity: 2, unit_price: 5000 },
          { sku: 'B', category: 'shoes', quantity: 1, unit_price: 2900 },
          { sku: 'A', quantity: 1, unit_price: 0 },
        ],
        occurred_at: '2026-05-16T17:30:00Z',
      },
      member,
      new Date('2030-01-01T00:00:00Z'),
      TZ,
    )
    expect(ctx.order).toMatchObject({
      id: 'o-1',
      amount: 12900,
      subtotal: 12900,
      channel: 'app',
      shipping_fee: 0,
      categories: ['shoes'],
      skus: ['A', 'B'],
      items_count: 4,
      occurred_at: '2026-05-16T17:30:00.000Z',
      local_date: '2026-05-17',
      weekday: 7,
      hour: 1,
    })
    expect(ctx.member).toEqual({
      id: 'mem_1',
      tier: 'gold',
      days_since_joined: 136,
      orders_count: 3,
      lifetime_spend: 50000,
      growth: 500,
      points: 120,
      attributes: { city: '上海' },
      birthday_today: true,
      birthday_this_month: true,
    })
  })

  it('uses now when the order or event gives no time', () => {
    const now = new Date('2026-03-01T04:00:00Z')
    expect(buildOrderContext({ amount: 1 }, member, now, TZ).order.occurred_at).toBe(
      now.toISOString(),
    )
    const event = buildEventContext(
      { type: 'review.posted', properties: { stars: 5 } },
      member,
      now,
      TZ,
    )
    expect(event.event).toMatchObject({
      type: 'review.posted',
      properties: { stars: 5 },
      local_date: '2026-03-01',
    })
    expect(event.member.birthday_today).toBe(false)
  })

  it('puts a 29 February birthday on 28 February in other years', () => {
    expect(isBirthday('2000-02-29', '2027-02-28')).toBe(true)
    expect(isBirthday('2000-02-29', '2028-02-28')).toBe(false)
    expect(isBirthday('2000-02-29', '2028-02-29')).toBe(true)
    expect(isBirthday('--12-31', '2026-12-31')).toBe(true)
    expect(isBirthday(null, '2026-12-31')).toBe(false)
  })

  it('counts days between local dates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 5000 }),
        (start, n) => {
          const from = new Date(Date.UTC(1990, 0, 1) + start * 86_400_000)
          const to = new Date(from.getTime() + n * 86_400_000)
          expect(daysBetween(localTime(from, 'UTC').date, localTime(to, 'UTC').date)).toBe(n)
        },
      ),
    )
  })
})
