import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '../shared/app-error.js'
import { assertAttributes, isValidBirthday, jsonDepth, mergeAttributes } from './members.js'

const pad = (n: number) => String(n).padStart(2, '0')

describe('isValidBirthday', () => {
  it('accepts exactly the calendar dates (checked against Date)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const date = new Date(Date.UTC(y, m - 1, d))
          const real = date.getUTCMonth() === m - 1
          expect(isValidBirthday(`${y}-${pad(m)}-${pad(d)}`)).toBe(real)
        },
      ),
    )
  })

  it('accepts a year-less day when some year has it (29 February included)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (m, d) => {
        const inLeapYear = new Date(Date.UTC(2000, m - 1, d)).getUTCMonth() === m - 1
        expect(isValidBirthday(`--${pad(m)}-${pad(d)}`)).toBe(inLeapYear)
      }),
    )
    expect(isValidBirthday('--02-29')).toBe(true)
    expect(isValidBirthday('--00-10')).toBe(false)
  })

  it('refuses other shapes', () => {
    for (const text of [
      '1990-5-17',
      '90-05-17',
      '1990/05/17',
      '--5-17',
      '1899-12-31',
      '',
      '1990-05-17T00:00:00Z',
    ]) {
      expect(isValidBirthday(text)).toBe(false)
    }
  })
})

describe('jsonDepth', () => {
  it('counts nesting levels', () => {
    expect(jsonDepth(1)).toBe(0)
    expect(jsonDepth({})).toBe(1)
    expect(jsonDepth({ a: [1, { b: null }] })).toBe(3)
  })

  it('is one more than the deepest child', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(jsonDepth({ wrap: value })).toBe(jsonDepth(value) + 1)
      }),
    )
  })
})

describe('deep values', () => {
  it('measures and refuses any depth without exhausting the stack', () => {
    let deep: unknown = 1
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(jsonDepth(deep)).toBe(100_000)
    expect(() => assertAttributes({ a: deep })).toThrow(/8 levels/)
  })
})

describe('assertAttributes', () => {
  it('allows 8 levels and 16 KB, refuses more', () => {
    const nest = (depth: number): Record<string, unknown> =>
      depth === 1 ? { a: 1 } : { a: nest(depth - 1) }
    expect(() => assertAttributes(nest(8))).not.toThrow()
    expect(() => assertAttributes(nest(9))).toThrow(AppError)
    expect(() => assertAttributes({ s: 'x'.repeat(16 * 1024 - 8) })).not.toThrow()
    expect(() => assertAttributes({ s: 'x'.repeat(16 * 1024) })).toThrow(/16 KB/)
  })
})

describe('mergeAttributes', () => {
  it('sets what the patch sets, removes what it nulls, keeps the rest', () => {
    const attributes = fc.dictionary(
      fc.string({ maxLength: 5 }),
      fc.oneof(fc.integer(), fc.constant(null)),
    )
    fc.assert(
      fc.property(attributes, attributes, (current, patch) => {
        const stored = Object.fromEntries(Object.entries(current).filter(([, v]) => v !== null))
        const merged = mergeAttributes(stored, patch)
        for (const [key, value] of Object.entries(patch)) {
          if (value === null) expect(Object.hasOwn(merged, key)).toBe(false)
          else expect(merged[key]).toBe(value)
        }
        for (const [key, value] of Object.entries(stored)) {
          if (!(key in patch)) expect(merged[key]).toBe(value)
        }
      }),
    )
  })
})
