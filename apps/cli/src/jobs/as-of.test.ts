import { describe, expect, it } from 'vitest'
import { parseAsOf } from './as-of.js'

describe('parseAsOf', () => {
  it('reads UTC and offset times to the same instant', () => {
    expect(parseAsOf('2025-03-01T00:00:00Z')?.toISOString()).toBe('2025-03-01T00:00:00.000Z')
    expect(parseAsOf('2025-03-01T08:00:00+08:00')?.toISOString()).toBe('2025-03-01T00:00:00.000Z')
    expect(parseAsOf('2025-02-28T19:30-04:30')?.toISOString()).toBe('2025-03-01T00:00:00.000Z')
    expect(parseAsOf('2025-03-01T00:00:00.250Z')?.toISOString()).toBe('2025-03-01T00:00:00.250Z')
  })

  it.each([
    'tomorrow',
    '',
    '2025-03-01',
    '2025-03-01T00:00:00',
    '2025-02-30T00:00:00Z',
    '2025-13-01T00:00:00Z',
    '2025-03-01T24:30:00Z',
    '2025-03-01T00:00:00+25:00',
    '1740787200',
  ])('rejects %j', (text) => {
    expect(parseAsOf(text)).toBeUndefined()
  })
})
