import { describe, expect, it } from 'vitest'
import { newIdempotencyKey } from './idempotency'

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('newIdempotencyKey', () => {
  it('builds a version-4 UUID from random bytes', () => {
    const zeros = { getRandomValues: <T extends ArrayBufferView | null>(array: T) => array }
    expect(newIdempotencyKey(zeros as Pick<Crypto, 'getRandomValues'>)).toBe(
      '00000000-0000-4000-8000-000000000000',
    )
    const ones = {
      getRandomValues: <T extends ArrayBufferView | null>(array: T) => {
        if (array instanceof Uint8Array) array.fill(0xff)
        return array
      },
    }
    expect(newIdempotencyKey(ones as Pick<Crypto, 'getRandomValues'>)).toMatch(UUID_V4)
  })

  it('gives a different key each time', () => {
    const source = { getRandomValues: crypto.getRandomValues.bind(crypto) }
    const a = newIdempotencyKey(source)
    expect(a).toMatch(UUID_V4)
    expect(newIdempotencyKey(source)).not.toBe(a)
  })
})
