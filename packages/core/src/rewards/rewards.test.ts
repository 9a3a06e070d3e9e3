import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { eligibilityOf, type RewardTerms, stockRemainingFor, unknownTier } from './rewards.js'

const reward = (terms: Partial<RewardTerms> = {}): RewardTerms => ({
  active: true,
  tiers: [],
  per_member_limit: null,
  stock_remaining: null,
  points_cost: 100,
  ...terms,
})
const member = { tier_key: 'silver', points_available: 250 }

describe('eligibilityOf', () => {
  it('answers available with what the member has and may still take', () => {
    expect(eligibilityOf(reward({ per_member_limit: 3 }), member, 1)).toEqual({
      status: 'available',
      points_available: 250,
      points_short: 0,
      redeemed_by_member: 1,
      limit_remaining: 2,
    })
  })

  it('names the most final reason first', () => {
    const all = {
      active: false,
      tiers: ['gold'],
      per_member_limit: 1,
      stock_remaining: 0,
      points_cost: 1000,
    }
    expect(eligibilityOf(reward(all), member, 1).status).toBe('inactive')
    expect(eligibilityOf(reward({ ...all, active: true }), member, 1).status).toBe('tier_required')
    expect(eligibilityOf(reward({ ...all, active: true, tiers: [] }), member, 1).status).toBe(
      'limit_reached',
    )
    expect(
      eligibilityOf(reward({ ...all, active: true, tiers: [], per_member_limit: null }), member, 1)
        .status,
    ).toBe('out_of_stock')
    const poor = eligibilityOf(reward({ points_cost: 1000 }), member, 0)
    expect(poor).toMatchObject({ status: 'insufficient_points', points_short: 750 })
  })

  it('counts the quantity against stock, limit and points', () => {
    const terms = reward({ stock_remaining: 2, per_member_limit: 5 })
    expect(eligibilityOf(terms, member, 0, 2).status).toBe('available')
    expect(eligibilityOf(terms, member, 0, 3).status).toBe('out_of_stock')
    expect(eligibilityOf(terms, member, 4, 2).status).toBe('limit_reached')
    expect(eligibilityOf(reward(), member, 0, 3)).toMatchObject({
      status: 'insufficient_points',
      points_short: 50,
    })
  })

  it('is available exactly when every condition holds (property)', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
        fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        (active, limit, stock, cost, points, taken, quantity, inTier) => {
          const terms = reward({
            active,
            per_member_limit: limit,
            stock_remaining: stock,
            points_cost: cost,
            tiers: inTier ? [] : ['gold'],
          })
          const e = eligibilityOf(
            terms,
            { tier_key: 'silver', points_available: points },
            taken,
            quantity,
          )
          const ok =
            active &&
            inTier &&
            (limit === null || taken + quantity <= limit) &&
            (stock === null || stock >= quantity) &&
            points >= cost * quantity
          expect(e.status === 'available').toBe(ok)
          expect(e.points_short).toBe(Math.max(cost * quantity - points, 0))
        },
      ),
    )
  })
})

describe('stock and tiers', () => {
  it('leaves the allotment less what is taken, never below 0', () => {
    expect(stockRemainingFor(10, 3)).toBe(7)
    expect(stockRemainingFor(2, 3)).toBe(0)
    expect(stockRemainingFor(null, 3)).toBeNull()
  })

  it('finds a tier key that is not on the ladder', () => {
    expect(unknownTier(['silver', 'gold'], ['normal', 'silver', 'gold'])).toBeNull()
    expect(unknownTier(['silver', 'platinum'], ['normal', 'silver'])).toBe('platinum')
  })
})
