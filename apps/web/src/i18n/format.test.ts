import { describe, expect, it } from 'vitest'
import {
  currencyFractionDigits,
  formatBytes,
  formatDateTime,
  formatExpiryDate,
  formatMoney,
  formatMoneyShort,
  formatNumber,
  formatSignedNumber,
  toMajorUnits,
  toMinorUnits,
} from './format'

describe('formatMoney', () => {
  it('turns minor units into the currency amount', () => {
    expect(formatMoney(12900, 'CNY', 'zh-CN')).toBe('¥129.00')
    expect(formatMoney(5, 'USD', 'en')).toBe('$0.05')
  })

  it('follows the currency’s own number of minor units', () => {
    expect(currencyFractionDigits('CNY')).toBe(2)
    expect(currencyFractionDigits('JPY')).toBe(0)
    expect(formatMoney(1500, 'JPY', 'en')).toBe('¥1,500')
  })

  it('does not throw on an unknown currency code', () => {
    expect(() => formatMoney(100, 'NOT-A-CODE', 'en')).not.toThrow()
  })
})

describe('formatMoneyShort', () => {
  it('drops the minor units only when there are none', () => {
    expect(formatMoneyShort(380000, 'CNY', 'zh-CN')).toBe('¥3,800')
    expect(formatMoneyShort(1250, 'CNY', 'en')).toBe('¥12.50')
    expect(formatMoneyShort(1500, 'JPY', 'en')).toBe('¥1,500')
  })
})

describe('formatNumber and formatDateTime', () => {
  it('groups digits by locale', () => {
    expect(formatNumber(1234567, 'en')).toBe('1,234,567')
  })

  it('shows instants in the given time zone', () => {
    const text = formatDateTime('2024-01-01T03:15:00Z', 'en', 'Asia/Shanghai')
    expect(text).toContain('11:15')
  })

  it('falls back to the raw value when the date is not valid', () => {
    expect(formatDateTime('not a date', 'en')).toBe('not a date')
  })
})

describe('formatSignedNumber', () => {
  it('shows the direction of a movement', () => {
    expect(formatSignedNumber(1200, 'en')).toBe('+1,200')
    expect(formatSignedNumber(-59, 'zh-CN')).toBe('-59')
    expect(formatSignedNumber(0, 'en')).toBe('0')
  })
})

describe('toMinorUnits and toMajorUnits', () => {
  it('converts what a person types to what the API takes, without float noise', () => {
    expect(toMinorUnits(129, 'CNY')).toBe(12900)
    expect(toMinorUnits(0.29, 'CNY')).toBe(29)
    expect(toMinorUnits(19.99, 'USD')).toBe(1999)
    expect(toMinorUnits(1500, 'JPY')).toBe(1500)
    expect(toMajorUnits(12900, 'CNY')).toBe(129)
  })
})

describe('formatExpiryDate', () => {
  it('shows the last valid day for an expiry at midnight', () => {
    // 2028-01-01T00:00 in Shanghai: "the end of 2027".
    expect(formatExpiryDate('2027-12-31T16:00:00.000Z', 'en', 'Asia/Shanghai')).toBe('Dec 31, 2027')
  })

  it('keeps the day of an expiry during the day', () => {
    expect(formatExpiryDate('2027-03-01T02:00:00.000Z', 'en', 'Asia/Shanghai')).toBe('Mar 1, 2027')
  })
})

describe('formatBytes', () => {
  it('says a size in the largest unit that leaves at least 1', () => {
    expect(formatBytes(512, 'en')).toMatch(/^512\s?\S+$/)
    expect(formatBytes(1536, 'en')).toMatch(/^1\.5\s?kB$/)
    expect(formatBytes(200 * 1024 * 1024, 'zh-CN')).toMatch(/^200\s?MB$/)
    expect(formatBytes(3 * 1024 ** 4, 'en')).toMatch(/^3,072\s?GB$/)
    expect(formatBytes(-1, 'en')).toMatch(/^0\s?\S+$/)
  })
})
