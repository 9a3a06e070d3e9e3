import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_AMOUNT, MAX_POINTS } from './limits.js'
import {
  mulDivFloor,
  perAmountUnits,
  percentOf,
  proportionalShare,
  scaleDown,
  spread,
} from './money.js'

const amount = fc.integer({ min: 0, max: MAX_AMOUNT })
const points = fc.integer({ min: 0, max: MAX_POINTS })

describe('money', () => {
  it('multiplies and divides exactly where floats would round', () => {
    // 783474975 × 7103996819 / 106559952285 is exactly 52231665; in floats, 52231664.99…
    expect(mulDivFloor(783_474_975, 7_103_996_819, 106_559_952_285)).toBe(52_231_665)
    fc.assert(
      fc.property(points, amount, fc.integer({ min: 1, max: MAX_AMOUNT }), (a, b, c) => {
        const exact = (BigInt(a) * BigInt(b)) / BigInt(c)
        if (exact > BigInt(Number.MAX_SAFE_INTEGER)) {
          expect(() => mulDivFloor(a, b, c)).toThrow(RangeError)
        } else {
          expect(BigInt(mulDivFloor(a, b, c))).toBe(exact)
        }
      }),
    )
  })

  it('gives proportional shares that never pass the total and add up to it in full', () => {
    fc.assert(
      fc.property(
        points,
        fc.integer({ min: 1, max: MAX_AMOUNT }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
        (total, whole, cuts) => {
          // Cumulative parts from 0 up to the whole.
          const steps = [...cuts.map((c) => c % (whole + 1)), whole].sort((a, b) => a - b)
          let before = 0
          let taken = 0
          for (const part of steps) {
            const share = proportionalShare(total, part, whole)
            expect(share).toBeGreaterThanOrEqual(before)
            expect(share).toBeLessThanOrEqual(total)
            taken += share - before
            before = share
          }
          expect(taken).toBe(total)
        },
      ),
    )
  })

  it('rounds percentages and per-amount rewards down', () => {
    expect(percentOf(12_999, 15)).toBe(1_949)
    expect(percentOf(100, 33.3333)).toBe(33)
    expect(perAmountUnits(12_999, 100, 1)).toBe(129n)
    expect(scaleDown(perAmountUnits(MAX_AMOUNT, 1, MAX_POINTS), 15_000, 10_000, MAX_POINTS)).toBe(
      MAX_POINTS,
    )
    expect(scaleDown(129n, 15_000, 10_000, MAX_POINTS)).toBe(193)
    fc.assert(
      fc.property(amount, fc.integer({ min: 0, max: 100 }), (a, p) => {
        const off = percentOf(a, p)
        expect(off * 100).toBeLessThanOrEqual(a * p)
        expect((off + 1) * 100).toBeGreaterThan(a * p)
      }),
    )
  })

  it('spreads an amount over lines exactly, in proportion, by largest remainder', () => {
    expect(spread(100, [1, 1, 1])).toEqual([34, 33, 33])
    expect(spread(1000, [2990, 0, 7010])).toEqual([299, 0, 701])
    expect(spread(5, [0, 0])).toEqual([0, 0])
    fc.assert(
      fc.property(
        amount,
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 30 }),
        (a, weights) => {
          const parts = spread(a, weights)
          const total = weights.reduce((s, w) => s + w, 0)
          if (total === 0) {
            expect(parts.every((p) => p === 0)).toBe(true)
            return
          }
          expect(parts.reduce((s, p) => s + p, 0)).toBe(a)
          weights.forEach((w, i) => {
            const exact = (a * w) / total
            expect(Math.abs((parts[i] ?? 0) - exact)).toBeLessThan(1 + 1e-6)
            if (w === 0) expect(parts[i]).toBe(0)
          })
        },
      ),
    )
  })
})
