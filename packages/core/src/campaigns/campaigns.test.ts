import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  birthdaysOn,
  groupStats,
  holdoutBucket,
  isHeldOut,
  MIN_GROUP,
  rewardCostAtIssue,
  welchUplift,
} from './campaigns.js'

/** A seeded generator (mulberry32), so every run draws the same samples. */
function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

function normal(rand: () => number, mean: number, sd: number) {
  const u = 1 - rand()
  const v = rand()
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
}

function statsOf(values: number[]) {
  const sum = values.reduce((s, x) => s + x, 0)
  const squares = values.reduce((s, x) => s + x * x, 0)
  return groupStats(values.length, sum, squares)
}

describe('holdout', () => {
  it('puts a member in the same bucket every time, and independently across campaigns', () => {
    expect(holdoutBucket('cmp_a', 'mem_1')).toBe(holdoutBucket('cmp_a', 'mem_1'))
    // md5("cmp_a:mem_1"), first 32 bits, modulo 10,000: the SQL computes the same.
    const buckets = Array.from({ length: 200 }, (_, i) => holdoutBucket('cmp_a', `mem_${i}`))
    const other = Array.from({ length: 200 }, (_, i) => holdoutBucket('cmp_b', `mem_${i}`))
    expect(buckets).not.toEqual(other)
    for (const b of buckets) expect(b >= 0 && b < 10_000).toBe(true)
  })

  it('holds out the asked share within statistical bounds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.string({ minLength: 1 }),
        (percent, campaign) => {
          const n = 20_000
          let held = 0
          for (let i = 0; i < n; i++) if (isHeldOut(campaign, `mem_${i}`, percent)) held++
          const p = percent / 100
          const sd = Math.sqrt((p * (1 - p)) / n)
          // Five standard deviations: a false alarm about once in 3.5 million runs.
          expect(Math.abs(held / n - p)).toBeLessThan(5 * sd)
        },
      ),
      { numRuns: 20 },
    )
    expect(isHeldOut('cmp_x', 'mem_1', 0)).toBe(false)
  })
})

describe('birthdays', () => {
  it('rewards a 29 February birthday on 28 February in other years, once a year', () => {
    expect(birthdaysOn('2027-02-28', 0)).toEqual({
      days: ['02-28', '02-29'],
      occasion: 'birthday:2027',
    })
    expect(birthdaysOn('2028-02-28', 0)).toEqual({ days: ['02-28'], occasion: 'birthday:2028' })
    expect(birthdaysOn('2028-02-29', 0)).toEqual({ days: ['02-29'], occasion: 'birthday:2028' })
    expect(birthdaysOn('2027-03-01', 0)).toEqual({ days: ['03-01'], occasion: 'birthday:2027' })
  })

  it('counts days_before across months and years, naming the year of the birthday', () => {
    expect(birthdaysOn('2026-12-31', 1)).toEqual({ days: ['01-01'], occasion: 'birthday:2027' })
    expect(birthdaysOn('2027-02-21', 7)).toEqual({
      days: ['02-28', '02-29'],
      occasion: 'birthday:2027',
    })
  })

  it('rewards every birthday on exactly one day of each year', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2024, max: 2031 }),
        fc.constantFrom(0, 0, 1, 7, 30),
        (year, before) => {
          const seen = new Map<string, number>()
          const day = new Date(Date.UTC(year, 0, 1))
          while (day.getUTCFullYear() === year) {
            const today = day.toISOString().slice(0, 10)
            const { days, occasion } = birthdaysOn(today, before)
            for (const d of days)
              seen.set(`${occasion}:${d}`, (seen.get(`${occasion}:${d}`) ?? 0) + 1)
            day.setUTCDate(day.getUTCDate() + 1)
          }
          for (const count of seen.values()) expect(count).toBe(1)
          if (before === 0) {
            // On the day itself: all 366 month-days, 29 February included, in the year's occasion.
            expect(seen.size).toBe(366)
            for (const key of seen.keys()) expect(key.startsWith(`birthday:${year}:`)).toBe(true)
          }
        },
      ),
      { numRuns: 10 },
    )
  })
})

describe('the cost of a reward against the budget', () => {
  const value = (points: number) => Math.floor(points / 1) // 1 point = 1 minor unit
  it('values points at checkout and coupons at the most they take off', () => {
    expect(rewardCostAtIssue({ type: 'points', points: 500 }, null, value)).toBe(500)
    expect(
      rewardCostAtIssue(
        { type: 'coupon', template: 't' },
        { type: 'amount', amount_off: 1_000 },
        value,
      ),
    ).toBe(1_000)
    expect(
      rewardCostAtIssue(
        { type: 'coupon', template: 't' },
        { type: 'percent', max_amount: 2_000 },
        value,
      ),
    ).toBe(2_000)
    expect(
      rewardCostAtIssue(
        { type: 'coupon', template: 't' },
        { type: 'percent', max_amount: null },
        value,
      ),
    ).toBeNull()
    expect(
      rewardCostAtIssue({ type: 'coupon', template: 't' }, { type: 'free_shipping' }, value),
    ).toBeNull()
  })
})

describe('the uplift and its interval (Welch)', () => {
  it('matches a worked example', () => {
    // Two groups with known means and variances: se = √(100/50 + 400/80) = √7.
    const u = welchUplift({ n: 50, mean: 110, variance: 100 }, { n: 80, mean: 100, variance: 400 })
    expect(u.uplift).toBe(10)
    const half = (u.interval?.[1] ?? 0) - 10
    // df = 7² / (2²/49 + 5²/79) ≈ 123.8; t(0.975, 123.8) ≈ 1.979.
    expect(half).toBeCloseTo(1.979 * Math.sqrt(7), 2)
    expect(u.verdict).toBe('effective')
  })

  it('covers a known effect about 95 % of the time', () => {
    const rand = random(20261207)
    const effect = 15
    let covered = 0
    const runs = 2_000
    for (let r = 0; r < runs; r++) {
      const treated = Array.from({ length: 40 }, () => normal(rand, 100 + effect, 30))
      const holdout = Array.from({ length: 60 }, () => normal(rand, 100, 60))
      const { interval } = welchUplift(statsOf(treated), statsOf(holdout))
      if (interval && interval[0] <= effect && effect <= interval[1]) covered++
    }
    // Binomial sd at 95 % over 2,000 runs is 0.49 %: ±1.5 % is three of them.
    expect(covered / runs).toBeGreaterThan(0.935)
    expect(covered / runs).toBeLessThan(0.965)
  })

  it('says too_few_members below the minimum, and tells effects from noise above it', () => {
    const small = welchUplift(
      { n: MIN_GROUP - 1, mean: 500, variance: 1 },
      { n: 100, mean: 0, variance: 1 },
    )
    expect(small.verdict).toBe('too_few_members')
    expect(welchUplift({ n: 1, mean: 5, variance: 0 }, { n: 1, mean: 0, variance: 0 })).toEqual({
      uplift: 5,
      interval: null,
      verdict: 'too_few_members',
    })
    const noise = welchUplift(
      { n: 100, mean: 101, variance: 400 },
      { n: 100, mean: 100, variance: 400 },
    )
    expect(noise.verdict).toBe('no_significant_difference')
    const worse = welchUplift(
      { n: 100, mean: 80, variance: 100 },
      { n: 100, mean: 100, variance: 100 },
    )
    expect(worse.verdict).toBe('negative')
  })

  it('computes a group’s mean and sample variance from count, sum and sum of squares', () => {
    expect(statsOf([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ n: 8, mean: 5, variance: 32 / 7 })
    expect(groupStats(0, 0, 0)).toEqual({ n: 0, mean: 0, variance: 0 })
  })
})
