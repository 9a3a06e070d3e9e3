import { describe, expect, it } from 'vitest'
import { currencyFractionDigits, formatDateTime, formatMoney, formatNumber } from './format'

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
