import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '../shared/app-error.js'
import {
  assertLadder,
  downgradeTarget,
  dueReview,
  nextTier,
  periodStart,
  qualifyingTier,
  retainBy,
  type TierLadder,
  tierIndex,
  windowRange,
} from './ladder.js'

const ladderArb = fc
  .uniqueArray(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 0, maxLength: 6 })
  .map((thresholds): TierLadder => {
    const sorted = [0, ...thresholds.sort((a, b) => a - b)]
    return {
      metric: 'spend',
      window: { type: 'lifetime' },
      downgrade: { type: 'period_end' },
      tiers: sorted.map((threshold, i) => ({ key: `t${i}`, name: `T${i}`, threshold })),
    }
  })

describe('qualifyingTier', () => {
  it('is monotone in the metric', () => {
    fc.assert(
      fc.property(ladderArb, fc.nat(20_000_000), fc.nat(20_000_000), (ladder, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a]
        expect(tierIndex(ladder, qualifyingTier(ladder, low).key)).toBeLessThanOrEqual(
          tierIndex(ladder, qualifyingTier(ladder, high).key),
        )
      }),
    )
  })

  it('is the highest tier whose threshold the metric reaches', () => {
    fc.assert(
      fc.property(ladderArb, fc.nat(20_000_000), (ladder, value) => {
        const tier = qualifyingTier(ladder, value)
        expect(tier.threshold).toBeLessThanOrEqual(value)
        const above = ladder.tiers[tierIndex(ladder, tier.key) + 1]
        if (above) expect(above.threshold).toBeGreaterThan(value)
      }),
    )
  })

  it('gives a next tier with what remains, or none at the top', () => {
    fc.assert(
      fc.property(ladderArb, fc.nat(20_000_000), (ladder, value) => {
        const tier = qualifyingTier(ladder, value)
        const next = nextTier(ladder, tier.key, value)
        if (next) expect(next.remaining).toBe(next.threshold - value)
        else expect(tierIndex(ladder, tier.key)).toBe(ladder.tiers.length - 1)
      }),
    )
  })
})

describe('downgradeTarget', () => {
  it('never goes up, lands on the qualifying tier, and evaluating twice changes nothing', () => {
    fc.assert(
      fc.property(
        ladderArb,
        fc.nat(10),
        fc.nat(20_000_000),
        fc.option(fc.integer({ min: 1, max: 3 })),
        (ladder, pick, value, steps) => {
          const l: TierLadder = {
            ...ladder,
            downgrade: { type: 'period_end', ...(steps ? { steps } : {}) },
          }
          const current = l.tiers[pick % l.tiers.length]?.key as string
          const qualifying = qualifyingTier(l, value).key
          const target = downgradeTarget(l, current, qualifying)
          expect(tierIndex(l, target)).toBeLessThanOrEqual(tierIndex(l, current))
          expect(tierIndex(l, target)).toBeGreaterThanOrEqual(
            Math.min(tierIndex(l, qualifying), tierIndex(l, current)),
          )
          if (!steps)
            expect(target).toBe(
              tierIndex(l, qualifying) < tierIndex(l, current) ? qualifying : current,
            )
          else expect(tierIndex(l, current) - tierIndex(l, target)).toBeLessThanOrEqual(steps)
          // Idempotent once the member stands where the rule put it and qualifies there.
          if (!steps) expect(downgradeTarget(l, target, qualifying)).toBe(target)
        },
      ),
    )
  })
})

describe('assertLadder', () => {
  it('accepts rising ladders from 0 and refuses the rest', () => {
    fc.assert(
      fc.property(ladderArb, (ladder) => {
        expect(() => assertLadder(ladder)).not.toThrow()
      }),
    )
    const base: TierLadder = {
      metric: 'spend',
      window: { type: 'lifetime' },
      downgrade: { type: 'never' },
      tiers: [],
    }
    expect(() => assertLadder({ ...base, tiers: [{ key: 'a', name: 'A', threshold: 1 }] })).toThrow(
      AppError,
    )
    expect(() =>
      assertLadder({
        ...base,
        tiers: [
          { key: 'a', name: 'A', threshold: 0 },
          { key: 'b', name: 'B', threshold: 0 },
        ],
      }),
    ).toThrow(/greater than 0/)
  })
})

describe('periods and windows', () => {
  it('starts years, quarters and months at local midnight', () => {
    const at = new Date('2026-05-20T10:00:00Z')
    expect(periodStart('year', at, 'Asia/Shanghai').toISOString()).toBe('2025-12-31T16:00:00.000Z')
    expect(periodStart('quarter', at, 'Asia/Shanghai').toISOString()).toBe(
      '2026-03-31T16:00:00.000Z',
    )
    expect(periodStart('month', at, 'America/New_York').toISOString()).toBe(
      '2026-05-01T04:00:00.000Z',
    )
  })

  it('reviews the last period end whose grace has passed', () => {
    const ladder: TierLadder = {
      metric: 'spend',
      window: { type: 'calendar_year' },
      downgrade: { type: 'period_end', grace_days: 10 },
      tiers: [],
    }
    expect(dueReview(ladder, new Date('2027-01-05T00:00:00Z'), 'UTC')?.end.toISOString()).toBe(
      '2026-01-01T00:00:00.000Z',
    )
    expect(dueReview(ladder, new Date('2027-01-11T00:00:00Z'), 'UTC')?.end.toISOString()).toBe(
      '2027-01-01T00:00:00.000Z',
    )
    expect(dueReview({ ...ladder, downgrade: { type: 'never' } }, new Date(), 'UTC')).toBeNull()
  })

  it('counts a calendar year from its first instant in the program’s zone', () => {
    const range = windowRange(
      { type: 'calendar_year' },
      new Date('2026-03-01T00:00:00Z'),
      'Asia/Shanghai',
    )
    expect(range.from?.toISOString()).toBe('2025-12-31T15:59:59.999Z')
  })

  it('tells what keeps the tier, and by when', () => {
    const ladder: TierLadder = {
      metric: 'spend',
      window: { type: 'rolling', months: 12 },
      downgrade: { type: 'period_end', grace_days: 5 },
      tiers: [
        { key: 'a', name: 'A', threshold: 0 },
        { key: 'b', name: 'B', threshold: 100 },
      ],
    }
    expect(retainBy(ladder, 'b', new Date('2026-01-31T23:00:00Z'), 'UTC')).toEqual({
      threshold: 100,
      by: '2026-02-06T00:00:00.000Z',
    })
    expect(retainBy(ladder, 'a', new Date(), 'UTC')).toBeNull()
  })
})
