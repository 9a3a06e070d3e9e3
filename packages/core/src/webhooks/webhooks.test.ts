import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { forbiddenAddress } from './webhook-target.js'
import { retryDelayMs, signatureHeader } from './webhooks.js'

const AT = new Date('2026-12-01T08:00:00Z')

describe('webhook signatures', () => {
  it('are HMAC-SHA256 of "t.body" in hex, as api.md states', () => {
    // echo -n '1796112000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
    expect(signatureHeader('whsec_test', '{"a":1}', AT)).toBe(
      't=1796112000,v1=2cdc5a86eaec7abe5357f8f9527aa8eac62c857862e7b115291b98ee3dcc6af2',
    )
  })
})

describe('retry delays', () => {
  it('start within 10 seconds and grow fourfold up to six hours', () => {
    expect(retryDelayMs(1, 5_000, 0)).toBe(5_000)
    expect(retryDelayMs(1, 5_000, 1)).toBe(4_000)
    expect(retryDelayMs(2, 5_000, 0)).toBe(20_000)
    expect(retryDelayMs(3, 5_000, 0)).toBe(80_000)
    expect(retryDelayMs(20, 5_000, 0)).toBe(6 * 3600_000)
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, r) => {
          const d = retryDelayMs(n, 5_000, r)
          expect(d).toBeGreaterThan(0)
          expect(d).toBeLessThanOrEqual(6 * 3600_000)
          expect(retryDelayMs(n + 1, 5_000, 0)).toBeGreaterThanOrEqual(retryDelayMs(n, 5_000, 0))
        },
      ),
    )
  })

  it('span more than an hour before a delivery gives up (a receiver down an hour loses nothing)', () => {
    let total = 0
    for (let n = 1; n < 15; n++) total += retryDelayMs(n, 5_000, 1)
    expect(total).toBeGreaterThan(24 * 3600_000)
  })
})

describe('forbidden webhook addresses', () => {
  it('are link-local, metadata and unspecified ones, however written', () => {
    for (const a of [
      '169.254.169.254',
      '169.254.0.1',
      'fe80::1',
      '::ffff:169.254.169.254',
      '100.100.100.200',
      'fd00:ec2::254',
      '0.0.0.0',
      '::',
      '224.0.0.1',
    ])
      expect(forbiddenAddress(a), a).not.toBeNull()
    for (const a of ['127.0.0.1', '::1', '10.1.2.3', '192.168.0.1', '172.16.0.1', '8.8.8.8'])
      expect(forbiddenAddress(a), a).toBeNull()
  })
})
