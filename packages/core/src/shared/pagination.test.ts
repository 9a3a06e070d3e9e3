import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from './app-error.js'
import { newId } from './ids.js'
import { clampLimit, decodeCursor, encodeCursor, toPage } from './pagination.js'

describe('cursors', () => {
  it('round-trip every id', () => {
    fc.assert(
      fc.property(fc.constantFrom('mem', 'prog', 'run', 'txn'), (prefix) => {
        const id = newId(prefix)
        expect(decodeCursor(encodeCursor(id))).toBe(id)
      }),
    )
  })

  it('refuse garbage with a 400', () => {
    expect(() => decodeCursor('garbage')).toThrow(AppError)
    expect(decodeCursor(undefined)).toBeUndefined()
  })
})

describe('toPage', () => {
  it('gives a cursor only when a row beyond the limit was fetched', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 20 }),
        (count, limit) => {
          const rows = Array.from({ length: Math.min(count, limit + 1) }, () => ({
            id: newId('mem'),
          }))
          const page = toPage(rows, limit, (r) => r.id)
          expect(page.data.length).toBe(Math.min(count, limit))
          expect(page.next_cursor === null).toBe(count <= limit)
          if (page.next_cursor) expect(decodeCursor(page.next_cursor)).toBe(page.data.at(-1))
        },
      ),
    )
  })

  it('clamps limits to 1..100 with 20 by default', () => {
    expect(clampLimit(undefined)).toBe(20)
    expect(clampLimit(500)).toBe(100)
    expect(clampLimit(0)).toBe(1)
  })
})

describe('ids', () => {
  it('sort by creation', () => {
    const ids = Array.from({ length: 1000 }, () => newId('mem'))
    expect([...ids].sort()).toEqual(ids)
  })
})
