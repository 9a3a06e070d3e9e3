import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { localTime, periodStart } from '../shared/calendar.js'
import {
  assertBenefit,
  type Benefit,
  benefitUsageKey,
  orderBenefitUsageNeeds,
  quotaPeriod,
  quotaPeriodName,
  usableOrderBenefits,
} from './benefits.js'

const TZ = 'Asia/Shanghai'

function benefit(extra: Partial<Benefit>): Benefit {
  return {
    id: 'ben_1',
    key: 'free-ship',
    name: 'Free shipping',
    type: 'free_shipping',
    tiers: ['gold'],
    quota: null,
    config: {},
    active: true,
    ...extra,
  }
}

describe('quota periods', () => {
  it('names weeks by their Monday, months and years, in the program’s time zone', () => {
    // Sunday 8 March 2026, 23:30 in Shanghai: the week of Monday 2 March.
    const sunday = new Date('2026-03-08T15:30:00Z')
    expect(quotaPeriodName('week', sunday, TZ)).toBe('week:2026-03-02')
    // Thirty minutes later, Monday 9 March in Shanghai (still Sunday in UTC).
    const monday = new Date('2026-03-08T16:00:00Z')
    expect(quotaPeriodName('week', monday, TZ)).toBe('week:2026-03-09')
    expect(quotaPeriodName('week', monday, 'UTC')).toBe('week:2026-03-02')
    expect(quotaPeriodName('month', new Date('2026-03-31T16:00:00Z'), TZ)).toBe('month:2026-04')
    expect(quotaPeriodName('year', new Date('2026-12-31T16:00:00Z'), TZ)).toBe('year:2027')
    expect(quotaPeriod('month', sunday, TZ)).toEqual({
      name: 'month:2026-03',
      start: new Date('2026-02-28T16:00:00Z'),
      resets_at: new Date('2026-03-31T16:00:00Z'),
    })
  })

  it('names the period whose first instant is its start, for any instant and zone', () => {
    const zones = ['Asia/Shanghai', 'UTC', 'America/New_York', 'Pacific/Auckland', 'Asia/Kolkata']
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2060-01-01T00:00:00Z') }),
        fc.constantFrom(...zones),
        fc.constantFrom('week' as const, 'month' as const, 'year' as const),
        (at, zone, period) => {
          const { name, start, resets_at } = quotaPeriod(period, at, zone)
          expect(start.getTime()).toBeLessThanOrEqual(at.getTime())
          expect(resets_at.getTime()).toBeGreaterThan(at.getTime())
          // The period's first instant carries the same name, the instant before it another.
          expect(quotaPeriodName(period, start, zone)).toBe(name)
          expect(quotaPeriodName(period, new Date(start.getTime() - 1), zone)).not.toBe(name)
          expect(quotaPeriodName(period, new Date(resets_at.getTime() - 1), zone)).toBe(name)
          const local = localTime(periodStart(period, at, zone), zone)
          if (period === 'week') expect(name).toBe(`week:${local.date}`)
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('usableOrderBenefits', () => {
  const at = new Date('2026-03-02T02:00:00Z')
  it('gives the tier’s order benefits with a use left, one of each type', () => {
    const shipping = benefit({ id: 'ben_s', quota: { count: 2, period: 'month' } })
    const discount = benefit({
      id: 'ben_d',
      key: 'gold-price',
      type: 'discount',
      config: { percent_off: 5 },
    })
    const lounge = benefit({ id: 'ben_l', key: 'lounge', type: 'custom' })
    const all = [shipping, discount, lounge]
    const none = new Map<string, number>()
    expect(usableOrderBenefits(all, 'gold', none, at, TZ)).toEqual({
      free_shipping: { benefit: shipping, period: 'month:2026-03', cap: 2 },
      discount: { benefit: discount, period: null, cap: null },
    })
    expect(usableOrderBenefits(all, 'member', none, at, TZ)).toEqual({})
    const usedUp = new Map([[benefitUsageKey('ben_s', 'month:2026-03'), 2]])
    expect(usableOrderBenefits(all, 'gold', usedUp, at, TZ).free_shipping).toBeUndefined()
    const off = [{ ...shipping, active: false }]
    expect(usableOrderBenefits(off, 'gold', none, at, TZ)).toEqual({})
  })

  it('asks the snapshot for the usage rows of quota’d order benefits only', () => {
    const needs = orderBenefitUsageNeeds(
      [
        benefit({ id: 'ben_s', quota: { count: 2, period: 'week' } }),
        benefit({ id: 'ben_c', type: 'custom', quota: { count: 1, period: 'month' } }),
        benefit({ id: 'ben_d', type: 'discount', config: { percent_off: 5 } }),
      ],
      at,
      TZ,
    )
    expect(needs).toEqual({
      ids: ['ben_s'],
      periods: ['week:2026-03-02'],
      keys: [benefitUsageKey('ben_s', 'week:2026-03-02')],
    })
  })
})

describe('assertBenefit', () => {
  const tiers = ['member', 'gold']
  it('accepts well-formed benefits and refuses the rest with the field’s path', () => {
    expect(() =>
      assertBenefit({ type: 'discount', tiers: ['gold'], config: { percent_off: 12.5 } }, tiers),
    ).not.toThrow()
    const refused = (input: Parameters<typeof assertBenefit>[0]) => {
      try {
        assertBenefit(input, tiers)
      } catch (error) {
        return (error as { errors?: { path: string }[] }).errors?.[0]?.path
      }
      return undefined
    }
    expect(refused({ type: 'custom', tiers: ['platinum'] })).toBe('tiers[0]')
    expect(refused({ type: 'custom', tiers: ['gold', 'gold'] })).toBe('tiers')
    expect(refused({ type: 'discount', tiers: ['gold'], config: { percent_off: 0 } })).toBe(
      'config.percent_off',
    )
    expect(
      refused({ type: 'discount', tiers: [], config: { percent_off: 5, max_amount: 0.5 } }),
    ).toBe('config.max_amount')
    expect(refused({ type: 'points_multiplier', tiers: [], config: { multiplier: 1 } })).toBe(
      'config.multiplier',
    )
    expect(refused({ key: '-x', type: 'custom', tiers: [] })).toBe('key')
  })
})
