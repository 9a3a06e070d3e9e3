import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson, fingerprintOf } from './idempotency.js'

function shuffleKeys(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, random))
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(() => random() - 0.5)
    return Object.fromEntries(entries.map(([k, v]) => [k, shuffleKeys(v, random)]))
  }
  return value
}

describe('canonicalJson', () => {
  it('is valid JSON that parses back to an equal value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)))
      }),
    )
  })

  it('does not depend on key order, so a replay with reordered keys matches', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer(), (value, seed) => {
        let state = seed
        const random = () => {
          state = (state * 1103515245 + 12345) & 0x7fffffff
          return state / 0x7fffffff
        }
        expect(fingerprintOf(shuffleKeys(value, random))).toBe(fingerprintOf(value))
      }),
    )
  })

  it('tells different requests apart', () => {
    expect(fingerprintOf({ a: 1 })).not.toBe(fingerprintOf({ a: '1' }))
    expect(fingerprintOf({ a: [1, 2] })).not.toBe(fingerprintOf({ a: [2, 1] }))
    expect(fingerprintOf({ a: null })).not.toBe(fingerprintOf({}))
  })
})
