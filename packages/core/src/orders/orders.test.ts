import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { proportionalShare as cumulativeShare } from '../shared/money.js'
import { refundItemsBeyondOrder, reversalDue } from './orders.js'

describe('refund reversals', () => {
  it('add up to exactly what the order earned once it is refunded in full', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 12 }),
        (earned, amount, weights) => {
          // Split the order amount into refunds by the weights.
          const sum = weights.reduce((a, b) => a + b, 0)
          const parts = weights.map((w) => Math.floor((amount * w) / sum))
          parts[parts.length - 1] = (parts.at(-1) ?? 0) + amount - parts.reduce((a, b) => a + b, 0)
          let refunded = 0
          let reversed = 0
          for (const part of parts) {
            const step = reversalDue(earned, refunded, part, amount)
            expect(step).toBeGreaterThanOrEqual(0)
            reversed += step
            refunded += part
            // Never more than the refunded share, rounded down.
            if (refunded < amount) expect(reversed).toBe(Math.floor((earned * refunded) / amount))
          }
          expect(reversed).toBe(earned)
        },
      ),
    )
  })

  it('reverses in proportion, rounded down', () => {
    expect(reversalDue(129, 0, 5000, 12900)).toBe(50)
    expect(cumulativeShare(10, 1, 3)).toBe(3)
    expect(cumulativeShare(10, 3, 3)).toBe(10)
    expect(cumulativeShare(7, 0, 0)).toBe(7)
  })

  it('computes shares exactly where a float product would round', () => {
    // 783474975 × 7103996819 / 106559952285 is exactly 52231665; in floats, 52231664.99…
    expect(Math.floor((783_474_975 * 7_103_996_819) / 106_559_952_285)).toBe(52_231_664)
    expect(cumulativeShare(783_474_975, 7_103_996_819, 106_559_952_285)).toBe(52_231_665)
    expect(reversalDue(1_000_000_000, 0, 999_999_999_999, 1_000_000_000_000)).toBe(999_999_999)
  })

  it('matches a BigInt oracle for amounts and points up to the documented bounds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 1, max: 1_000_000_000_000 }),
        fc.integer({ min: 0, max: 1_000_000_000_000 }),
        (earned, amount, refundedRaw) => {
          const refunded = refundedRaw % (amount + 1)
          const exact =
            refunded >= amount
              ? BigInt(earned)
              : (BigInt(earned) * BigInt(refunded)) / BigInt(amount)
          expect(cumulativeShare(earned, refunded, amount)).toBe(Number(exact))
        },
      ),
    )
  })
})

describe('refund items', () => {
  const ordered = [
    { sku: 'A', quantity: 2, unit_price: 100 },
    { sku: 'B', quantity: 1, unit_price: 300 },
    { sku: 'A', quantity: 1, unit_price: 100 },
  ]

  it('accepts what the order still has, across earlier refunds', () => {
    expect(refundItemsBeyondOrder(ordered, [], [{ sku: 'A', quantity: 3 }])).toEqual([])
    expect(
      refundItemsBeyondOrder(
        ordered,
        [[{ sku: 'A', quantity: 2 }], null],
        [{ sku: 'A', quantity: 1 }],
      ),
    ).toEqual([])
  })

  it('names unknown SKUs and quantities beyond what is left', () => {
    expect(refundItemsBeyondOrder(ordered, [], [{ sku: 'Z', quantity: 1 }])).toEqual([
      { path: 'items[0].sku', message: 'the order has no item "Z"' },
    ])
    expect(
      refundItemsBeyondOrder(
        ordered,
        [[{ sku: 'B', quantity: 1 }]],
        [
          { sku: 'A', quantity: 2 },
          { sku: 'B', quantity: 1 },
          { sku: 'A', quantity: 2 },
        ],
      ),
    ).toEqual([
      { path: 'items[1].quantity', message: 'the order has 0 of "B" left to refund' },
      { path: 'items[2].quantity', message: 'the order has 1 of "A" left to refund' },
    ])
  })
})
