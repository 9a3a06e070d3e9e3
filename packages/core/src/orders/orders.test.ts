import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cumulativeShare, reversalFor } from './orders.js'

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
            const step = reversalFor(earned, reversed, refunded, part, amount)
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
    expect(reversalFor(129, 0, 0, 5000, 12900)).toBe(50)
    expect(cumulativeShare(10, 1, 3)).toBe(3)
    expect(cumulativeShare(10, 3, 3)).toBe(10)
    expect(cumulativeShare(7, 0, 0)).toBe(7)
  })
})
