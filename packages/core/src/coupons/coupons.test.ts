import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '../shared/app-error.js'
import { localDate } from '../shared/calendar.js'
import { CODE_ALPHABET } from '../shared/ids.js'
import { MAX_AMOUNT } from '../shared/limits.js'
import {
  CODE_LENGTH,
  type CouponTemplateInput,
  couponWindow,
  csvLine,
  decodeIssueCursor,
  encodeIssueCursor,
  formatCode,
  newCouponCode,
  normaliseCode,
  statusAt,
  validateTemplate,
  windowEnded,
} from './coupons.js'

const SHOWN = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/
const code = fc
  .array(fc.constantFrom(...CODE_ALPHABET), { minLength: CODE_LENGTH, maxLength: CODE_LENGTH })
  .map((chars) => chars.join(''))

/** The paths of the errors validateTemplate throws, or [] when it accepts. */
function errorsOf(input: Partial<CouponTemplateInput>): string[] {
  try {
    validateTemplate({
      name: 'T',
      discount: { type: 'free_shipping' },
      validity: { days: 30 },
      ...input,
    } as CouponTemplateInput)
    return []
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    expect(error.code).toBe('invalid_request')
    return (error.errors ?? []).map((e) => e.path)
  }
}

describe('codes', () => {
  it('draws 16 characters of Crockford base32: 80 bits, shown in groups of four', () => {
    expect(Math.log2(CODE_ALPHABET.length) * CODE_LENGTH).toBeGreaterThanOrEqual(60)
    for (let i = 0; i < 1000; i++) {
      const drawn = newCouponCode()
      expect(drawn).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/)
      expect(formatCode(drawn)).toMatch(SHOWN)
    }
  })

  it('draws every character at every position, and never the same code twice', () => {
    const drawn = Array.from({ length: 20_000 }, newCouponCode)
    expect(new Set(drawn).size).toBe(drawn.length)
    for (let position = 0; position < CODE_LENGTH; position++) {
      const seen = new Set(drawn.map((c) => c[position]))
      expect(seen.size).toBe(CODE_ALPHABET.length)
    }
  })

  it('reads back a code however it was typed: case, dashes, spaces, O for 0, I or L for 1', () => {
    fc.assert(
      fc.property(
        code,
        fc.array(fc.boolean(), { minLength: CODE_LENGTH, maxLength: CODE_LENGTH }),
        fc.constantFrom('-', ' ', '', ' - ', '\t'),
        (stored, flips, separator) => {
          const typed = [...stored]
            .map((c, i) => {
              const lower = flips[i] ? c.toLowerCase() : c
              if (c === '0') return flips[i] ? 'o' : 'O'
              if (c === '1') return flips[i] ? 'l' : 'I'
              return lower
            })
            .join('')
          const grouped = typed.match(/.{4}/g)?.join(separator) ?? typed
          expect(normaliseCode(grouped)).toBe(stored)
          expect(normaliseCode(formatCode(stored))).toBe(stored)
          expect(normaliseCode(` ${formatCode(stored).toLowerCase()} `)).toBe(stored)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('finds no code in text that cannot be one', () => {
    for (const text of [
      '',
      '----',
      'ABCD-EFGH-JKMN-PQR', // 15
      'ABCD-EFGH-JKMN-PQRST', // 17
      'ABCD-EFGH-JKMN-PQRU', // U is not in the alphabet
      'ABCD_EFGH_JKMN_PQRS',
      'ABCD-EFGH-JKMN-PQRſ', // a long s would read as S once upper-cased
      'ＡBCD-EFGH-JKMN-PQRS', // a full-width A
      'ABCD-EFGH-JKMN-PQR\u0000',
    ])
      expect(normaliseCode(text), text).toBeNull()
    fc.assert(
      fc.property(fc.string(), (text) => {
        const read = normaliseCode(text)
        if (read !== null) expect(read).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/)
      }),
    )
  })
})

describe('template validation', () => {
  it('takes percentages from 1 to 100 with at most four decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10_000, max: 1_000_000 }), (scaled) => {
        const percent = scaled / 10_000
        expect(errorsOf({ discount: { type: 'percent', percent_off: percent } })).toEqual([])
      }),
    )
    for (const bad of [0, 0.9999, 100.0001, 12.34567, Number.NaN, Number.POSITIVE_INFINITY])
      expect(errorsOf({ discount: { type: 'percent', percent_off: bad } }), String(bad)).toEqual([
        'discount.percent_off',
      ])
  })

  it('takes amounts as integer minor units from 1 to 10^12, and names each bad one', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constant(MAX_AMOUNT),
          fc.maxSafeNat().map((n) => 1 + (n % MAX_AMOUNT)),
        ),
        (amount) => {
          expect(errorsOf({ discount: { type: 'amount', amount_off: amount } })).toEqual([])
          expect(
            errorsOf({ discount: { type: 'percent', percent_off: 10, max_amount: amount } }),
          ).toEqual([])
          expect(errorsOf({ min_spend: amount })).toEqual([])
        },
      ),
    )
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ max: 0 }),
          fc.maxSafeNat().map((n) => MAX_AMOUNT + 1 + (n % MAX_AMOUNT)),
          fc.double({ noInteger: true }),
        ),
        (bad) => {
          expect(errorsOf({ discount: { type: 'amount', amount_off: bad } })).toEqual([
            'discount.amount_off',
          ])
          expect(
            errorsOf({ discount: { type: 'percent', percent_off: 150, max_amount: bad } }),
          ).toEqual(['discount.percent_off', 'discount.max_amount'])
        },
      ),
    )
    expect(errorsOf({ min_spend: 0 })).toEqual([])
    expect(errorsOf({ min_spend: -1, per_member_limit: 0, total_limit: 1.5 })).toEqual([
      'min_spend',
      'per_member_limit',
      'total_limit',
    ])
  })

  it('takes validity as 1 to 3650 days, or a window that ends after it starts', () => {
    expect(errorsOf({ validity: { days: 1 } })).toEqual([])
    expect(errorsOf({ validity: { days: 3650 } })).toEqual([])
    for (const days of [0, 3651, 2.5])
      expect(errorsOf({ validity: { days } })).toEqual(['validity.days'])
    const window = (starts_at: string, ends_at: string) =>
      errorsOf({ validity: { starts_at, ends_at } })
    expect(window('2026-01-01T00:00:00Z', '2026-01-01T00:00:00.001Z')).toEqual([])
    expect(window('2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')).toEqual(['validity.ends_at'])
    expect(window('2026-01-02T00:00:00+08:00', '2026-01-01T15:00:00Z')).toEqual([
      'validity.ends_at',
    ])
    expect(window('soon', 'later')).toEqual(['validity.starts_at', 'validity.ends_at'])
  })
})

describe('validity', () => {
  it('runs `days` from the issue to the end of a local day, a window as it is', () => {
    const at = new Date('2026-03-01T02:00:00Z')
    expect(couponWindow({ days: 7 }, at, 'Asia/Shanghai')).toEqual({
      starts_at: at,
      expires_at: new Date('2026-03-08T16:00:00Z'),
    })
    const window = {
      starts_at: new Date('2026-04-01T00:00:00Z'),
      ends_at: new Date('2026-05-01T00:00:00Z'),
    }
    expect(couponWindow(window, at, 'Asia/Shanghai')).toEqual({
      starts_at: window.starts_at,
      expires_at: window.ends_at,
    })
    expect(windowEnded(window, new Date('2026-04-30T23:59:59.999Z'))).toBe(false)
    expect(windowEnded(window, window.ends_at)).toBe(true)
    expect(windowEnded({ days: 1 }, new Date('2999-01-01T00:00:00Z'))).toBe(false)
  })

  it('never expires a coupon before `days` whole local days have passed, nor a day later', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Asia/Shanghai', 'America/New_York', 'Europe/London', 'America/Santiago'),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2080, 0, 1) }),
        fc.integer({ min: 1, max: 3650 }),
        (zone, ms, days) => {
          const at = new Date(ms)
          const { starts_at, expires_at } = couponWindow({ days }, at, zone)
          expect(starts_at).toEqual(at)
          const span = expires_at.getTime() - at.getTime()
          // At least `days` days of 23 hours, at most `days + 1` of 25.
          expect(span).toBeGreaterThan(days * 23 * 3_600_000)
          expect(span).toBeLessThanOrEqual((days + 1) * 25 * 3_600_000)
          expect(localDate(expires_at, zone)).not.toBe(
            localDate(new Date(expires_at.getTime() - 1), zone),
          )
        },
      ),
      { numRuns: 500 },
    )
  })

  it('shows an active coupon past its expiry as expired, and nothing else', () => {
    const expires = new Date('2026-03-09T00:00:00Z')
    const before = new Date('2026-03-08T23:59:59.999Z')
    expect(statusAt({ status: 'active', expires_at: expires }, before)).toBe('active')
    expect(statusAt({ status: 'active', expires_at: expires }, expires)).toBe('expired')
    expect(statusAt({ status: 'redeemed', expires_at: expires }, expires)).toBe('redeemed')
    expect(statusAt({ status: 'unassigned', expires_at: expires }, expires)).toBe('unassigned')
    expect(statusAt({ status: 'unassigned', expires_at: null }, expires)).toBe('unassigned')
  })
})

describe('presentation', () => {
  it('writes a CSV line per coupon, empty cells for what it has not', () => {
    const base = {
      id: 'cpn_1',
      code: 'ABCD-EFGH-JKMN-PQRS',
      template: 'cpt_1',
      starts_at: null,
      redeemed_at: null,
      order: null,
      created_at: '2026-03-01T00:00:00.000Z',
    }
    expect(
      csvLine({ ...base, member: null, status: 'unassigned', issued_at: null, expires_at: null }),
    ).toBe('ABCD-EFGH-JKMN-PQRS,unassigned,,,')
    expect(
      csvLine({
        ...base,
        member: 'mem_1',
        status: 'active',
        issued_at: '2026-03-01T00:00:00.000Z',
        expires_at: '2026-03-08T16:00:00.000Z',
      }),
    ).toBe('ABCD-EFGH-JKMN-PQRS,active,mem_1,2026-03-01T00:00:00.000Z,2026-03-08T16:00:00.000Z')
  })

  it('round-trips a member list cursor and refuses a forged one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Date.UTC(9999, 0, 1) }),
        fc.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/),
        (ms, ulid) => {
          const id = `cpn_${ulid}`
          expect(decodeIssueCursor(encodeIssueCursor(new Date(ms), id))).toEqual({
            issued_at: new Date(ms),
            id,
          })
        },
      ),
    )
    expect(decodeIssueCursor(undefined)).toBeUndefined()
    for (const forged of ['bm9wZQ', Buffer.from('1.cpn_x').toString('base64url')])
      expect(() => decodeIssueCursor(forged)).toThrow('is not a valid cursor')
  })
})
