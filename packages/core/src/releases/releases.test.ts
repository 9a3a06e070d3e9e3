import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { TierLadder } from '../ladder/index.js'
import {
  type EarlyAccess,
  earlyAccessError,
  earlyAccessRefusal,
  headStartHours,
  opensAt,
  type Release,
  releaseAccess,
  releasesBySku,
  validateRelease,
} from './releases.js'

const HOUR = 3_600_000
const PUBLIC = new Date('2026-06-18T02:00:00Z')

function release(sku: string, early_access: EarlyAccess[], public_at = PUBLIC): Release {
  return {
    id: `rel_${sku}`,
    sku,
    name: sku,
    public_at,
    early_access,
    created_at: PUBLIC,
    updated_at: PUBLIC,
  }
}

const ladder: TierLadder = {
  metric: 'spend',
  window: { type: 'lifetime' },
  downgrade: { type: 'never' },
  tiers: [
    { key: 'member', name: '会员', threshold: 0 },
    { key: 'gold', name: '金卡', threshold: 100 },
  ],
}

describe('opening times', () => {
  const shoe = release('shoe', [
    { tier: 'gold', hours_before: 24 },
    { tier: 'black', hours_before: 72 },
    { tier: 'gold', hours_before: 48 },
  ])

  it('opens a tier its largest head start before public_at, and others at public_at', () => {
    expect(headStartHours(shoe, 'gold')).toBe(48)
    expect(opensAt(shoe, 'gold').toISOString()).toBe('2026-06-16T02:00:00.000Z')
    expect(opensAt(shoe, 'black').toISOString()).toBe('2026-06-15T02:00:00.000Z')
    expect(opensAt(shoe, 'member')).toEqual(PUBLIC)
  })

  it('answers a member’s access, and an open SKU without a release', () => {
    const at = new Date('2026-06-17T00:00:00Z')
    expect(releaseAccess('shoe', shoe, 'gold', at)).toEqual({
      sku: 'shoe',
      allowed: true,
      opens_at: '2026-06-16T02:00:00.000Z',
      public_at: '2026-06-18T02:00:00.000Z',
      tier: 'gold',
      name: 'shoe',
    })
    expect(releaseAccess('shoe', shoe, 'member', at).allowed).toBe(false)
    // Exactly at the opening time: allowed.
    expect(releaseAccess('shoe', shoe, 'member', PUBLIC).allowed).toBe(true)
    expect(releaseAccess('hat', undefined, 'member', at)).toEqual({
      sku: 'hat',
      allowed: true,
      opens_at: null,
      public_at: null,
      tier: 'member',
      name: null,
    })
  })

  it('refuses the first SKU of an order not open to the tier, in the order’s order', () => {
    const releases = releasesBySku([
      shoe,
      release('bag', [{ tier: 'gold', hours_before: 1 }]),
      release('old', [], new Date('2020-01-01T00:00:00Z')),
    ])
    const at = new Date('2026-06-17T00:00:00Z')
    expect(earlyAccessRefusal(releases, 'gold', ['old', 'bag', 'shoe'], at)).toEqual({
      sku: 'bag',
      opens_at: new Date('2026-06-18T01:00:00Z'),
    })
    expect(earlyAccessRefusal(releases, 'member', ['hat', 'shoe', 'bag'], at)?.sku).toBe('shoe')
    expect(earlyAccessRefusal(releases, 'gold', ['old', 'shoe', 'hat'], at)).toBeNull()
    expect(earlyAccessRefusal(new Map(), 'gold', ['shoe'], at)).toBeNull()
    const error = earlyAccessError({ sku: 'bag', opens_at: new Date('2026-06-18T01:00:00Z') })
    expect(error.status).toBe(403)
    expect(error.code).toBe('early_access_only')
    expect(error.detail).toBe(
      'SKU "bag" is not on sale to this member until 2026-06-18T01:00:00.000Z.',
    )
  })

  it('validates tiers against the ladder, naming the entry', () => {
    const input = {
      sku: 'shoe',
      name: 'Shoe',
      public_at: PUBLIC.toISOString(),
      early_access: [
        { tier: 'gold', hours_before: 1 },
        { tier: 'platinum', hours_before: 2 },
      ],
    }
    expect(() => validateRelease(input, ladder)).toThrow(
      expect.objectContaining({
        code: 'invalid_request',
        errors: [
          { path: 'early_access[1].tier', message: '"platinum" is not a tier of the ladder' },
        ],
      }),
    )
    expect(() => validateRelease({ ...input, early_access: [] }, ladder)).not.toThrow()
  })
})

describe('early access, properties', () => {
  const tiers = ['member', 'silver', 'gold', 'black']
  const arbEntry = fc.record({
    tier: fc.constantFrom(...tiers),
    hours_before: fc.integer({ min: 1, max: 8_760 }),
  })
  const arbRelease = fc
    .record({
      sku: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      early_access: fc.array(arbEntry, { maxLength: 6 }),
      offsetHours: fc.integer({ min: -200, max: 200 }),
    })
    .map((r) => release(r.sku, r.early_access, new Date(PUBLIC.getTime() + r.offsetHours * HOUR)))
  const arbReleases = fc.array(arbRelease, { maxLength: 5 }).map(releasesBySku)
  const arbSkus = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'z'), { maxLength: 8 })
  const arbAt = fc
    .integer({ min: -10_000 * 60, max: 10_000 * 60 })
    .map((min) => new Date(PUBLIC.getTime() + min * 60_000))
  const arbTier = fc.constantFrom(...tiers)

  it('refuses exactly when some SKU is not yet allowed, and names the first of them', () => {
    fc.assert(
      fc.property(arbReleases, arbTier, arbSkus, arbAt, (releases, tier, skus, at) => {
        const refusal = earlyAccessRefusal(releases, tier, skus, at)
        const accesses = skus.map((sku) => releaseAccess(sku, releases.get(sku), tier, at))
        const first = accesses.find((a) => !a.allowed)
        if (!first) return refusal === null
        return (
          refusal !== null &&
          refusal.sku === first.sku &&
          refusal.opens_at.toISOString() === first.opens_at &&
          refusal.opens_at.getTime() > at.getTime()
        )
      }),
    )
  })

  it('never opens a SKU later than public_at, nor closes it again as time passes', () => {
    fc.assert(
      fc.property(arbRelease, arbTier, arbAt, arbAt, (r, tier, t1, t2) => {
        expect(opensAt(r, tier).getTime()).toBeLessThanOrEqual(r.public_at.getTime())
        const [early, late] = t1 <= t2 ? [t1, t2] : [t2, t1]
        const map = releasesBySku([r])
        // Open at some time: open at every later time.
        if (earlyAccessRefusal(map, tier, [r.sku], early) === null)
          expect(earlyAccessRefusal(map, tier, [r.sku], late)).toBeNull()
        // Everyone may buy once public.
        expect(earlyAccessRefusal(map, tier, [r.sku], r.public_at)).toBeNull()
      }),
    )
  })

  it('gives a tier with more head start an opening no later than a tier with less', () => {
    fc.assert(
      fc.property(arbRelease, arbTier, arbTier, (r, x, y) => {
        const order = Math.sign(headStartHours(r, x) - headStartHours(r, y))
        const opens = Math.sign(opensAt(r, y).getTime() - opensAt(r, x).getTime())
        return order === opens
      }),
    )
  })
})
