import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dueReview, type TierLadder, tierIndex } from '../ladder/ladder.js'
import { type ReviewedMember, type ReviewOutcome, reviewOutcome } from './tier-review.js'

const ladderArb = fc
  .record({
    thresholds: fc.uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), {
      minLength: 0,
      maxLength: 4,
    }),
    steps: fc.option(fc.constant(1), { nil: undefined }),
    never: fc.boolean(),
  })
  .map(
    ({ thresholds, steps, never }): TierLadder => ({
      metric: 'spend',
      window: { type: 'rolling', months: 12 },
      downgrade: never
        ? { type: 'never' }
        : { type: 'period_end', period: 'month', ...(steps ? { steps } : {}) },
      tiers: [0, ...thresholds.sort((a, b) => a - b)].map((threshold, i) => ({
        key: `t${i}`,
        name: `T${i}`,
        threshold,
      })),
    }),
  )

const asOf = new Date('2025-07-02T00:00:00Z')
const TZ = 'Asia/Shanghai'
const review = (ladder: TierLadder) => dueReview(ladder, asOf, TZ)

const memberArb = fc.record({
  tier_key: fc.constantFrom('t0', 't1', 't2', 't3', 't4', 'gone'),
  tier_since: fc.constantFrom(
    new Date('2024-01-01T00:00:00Z'),
    new Date('2025-06-30T15:00:00Z'),
    new Date('2025-07-01T00:00:00Z'),
  ),
  tier_overridden: fc.boolean(),
  tier_override_until: fc.constantFrom(
    null,
    new Date('2025-07-01T00:00:00Z'),
    new Date('2025-08-01T00:00:00Z'),
  ),
  tier_reviewed: fc.constantFrom(null, 'month:2025-06-30T16:00:00.000Z', 'month:older'),
})

const metricsArb = fc.record({
  now: fc.nat(2_000_000),
  atPeriodEnd: fc.nat(2_000_000),
})

/** The outcome applied to the member, as the job writes it. */
function applied(member: ReviewedMember, outcome: ReviewOutcome): ReviewedMember {
  const next = { ...member, tier_reviewed: outcome.reviewed ?? member.tier_reviewed }
  if (!outcome.change) return next
  return {
    ...next,
    tier_key: outcome.change.to,
    tier_since: asOf,
    ...(outcome.change.overridden === false
      ? { tier_overridden: false, tier_override_until: null }
      : {}),
  }
}

describe('reviewOutcome', () => {
  it('is idempotent for an as_of: a second review with the same metrics moves no one', () => {
    fc.assert(
      fc.property(ladderArb, memberArb, metricsArb, (ladder, member, metrics) => {
        const once = applied(member, reviewOutcome(ladder, member, metrics, review(ladder), asOf))
        const twice = reviewOutcome(ladder, once, metrics, review(ladder), asOf)
        expect(twice.change?.to ?? once.tier_key).toBe(once.tier_key)
      }),
    )
  })

  it('upgrades to what the metric earns and never demotes below it', () => {
    fc.assert(
      fc.property(ladderArb, memberArb, metricsArb, (ladder, member, metrics) => {
        const outcome = reviewOutcome(ladder, member, metrics, review(ladder), asOf)
        if (!outcome.change) return
        const before = tierIndex(ladder, member.tier_key)
        const after = tierIndex(ladder, outcome.change.to)
        const earned = ladder.tiers.filter((t) => t.threshold <= metrics.now).length - 1
        if (outcome.change.reason === 'upgrade') expect(after).toBe(earned)
        if (outcome.change.reason === 'downgrade') {
          expect(after).toBeLessThan(before)
          expect(after).toBeGreaterThanOrEqual(earned)
          if (ladder.downgrade.type === 'period_end' && ladder.downgrade.steps === 1) {
            expect(after).toBe(before - 1)
          }
        }
      }),
    )
  })

  it('downgrades only once per period, at its review, and never under an override', () => {
    fc.assert(
      fc.property(ladderArb, memberArb, metricsArb, (ladder, member, metrics) => {
        const due = review(ladder)
        const outcome = reviewOutcome(ladder, member, metrics, due, asOf)
        if (outcome.change?.reason !== 'downgrade') return
        expect(due).not.toBeNull()
        expect(member.tier_reviewed).not.toBe(due?.key)
        expect(member.tier_overridden).toBe(false)
        expect(outcome.reviewed).toBe(due?.key)
      }),
    )
  })

  const ladder: TierLadder = {
    metric: 'spend',
    window: { type: 'rolling', months: 12 },
    downgrade: { type: 'period_end', period: 'month' },
    tiers: [
      { key: 'normal', name: 'N', threshold: 0 },
      { key: 'silver', name: 'S', threshold: 100 },
      { key: 'gold', name: 'G', threshold: 500 },
    ],
  }
  const gold: ReviewedMember = {
    tier_key: 'gold',
    tier_since: new Date('2024-01-01T00:00:00Z'),
    tier_overridden: false,
    tier_override_until: null,
    tier_reviewed: null,
  }
  const due = dueReview(ladder, asOf, TZ)

  it.each([
    [
      'a tier the ladder lost',
      { tier_key: 'vip' },
      { now: 150, atPeriodEnd: 0 },
      'silver',
      'ladder_change',
    ],
    [
      'a lapsed override',
      { tier_overridden: true, tier_override_until: new Date('2025-07-01T00:00:00Z') },
      { now: 150 },
      'silver',
      'override_expired',
    ],
    [
      'an upgrade the metric earns',
      { tier_key: 'normal' },
      { now: 500, atPeriodEnd: 0 },
      'gold',
      'upgrade',
    ],
    ['a downgrade at the review', {}, { now: 20, atPeriodEnd: 120 }, 'silver', 'downgrade'],
  ] as const)('moves for %s', (_, changes, metrics, to, reason) => {
    const outcome = reviewOutcome(ladder, { ...gold, ...changes }, metrics, due, asOf)
    expect(outcome.change).toMatchObject({ to, reason })
  })

  it.each([
    [
      'an override that holds',
      { tier_overridden: true, tier_override_until: new Date('2025-08-01T00:00:00Z') },
    ],
    ['an override without end', { tier_overridden: true }],
    ['a period already reviewed', { tier_reviewed: due?.key ?? '' }],
    ['a tier reached after the period ended', { tier_since: new Date('2025-07-01T00:00:00Z') }],
  ] as const)('keeps the tier for %s', (_, changes) => {
    const outcome = reviewOutcome(
      ladder,
      { ...gold, ...changes },
      { now: 0, atPeriodEnd: 0 },
      due,
      asOf,
    )
    expect(outcome).toEqual({})
  })

  it('marks the review even when the member keeps its tier, by the period or by what came since', () => {
    expect(reviewOutcome(ladder, gold, { now: 0, atPeriodEnd: 600 }, due, asOf)).toEqual({
      reviewed: due?.key,
    })
    expect(reviewOutcome(ladder, gold, { now: 600, atPeriodEnd: 0 }, due, asOf)).toEqual({
      reviewed: due?.key,
    })
  })

  it('asks for the period-end metric only when the review applies', () => {
    expect(() => reviewOutcome(ladder, gold, { now: 0 }, due, asOf)).toThrow(/period-end/)
    expect(
      reviewOutcome(ladder, { ...gold, tier_reviewed: due?.key ?? '' }, { now: 0 }, due, asOf),
    ).toEqual({})
  })
})
