import { describe, expect, it } from 'vitest'
import { en } from '../../i18n/en'
import { zhCN } from '../../i18n/zh-CN'
import { describeDiscount, describeScope, describeValidity, zheRate } from './coupon-text'

/** A tiny `t` over a resource tree, enough for these messages. */
function translator(messages: object) {
  return (key: string, options: Record<string, unknown> = {}) => {
    const found = key.split('.').reduce<unknown>((node, part) => {
      return node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined
    }, messages)
    if (typeof found !== 'string') return key
    return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options[name] ?? ''))
  }
}

const zh = { t: translator(zhCN), locale: 'zh-CN', currency: 'CNY', timeZone: 'Asia/Shanghai' }
const english = { t: translator(en), locale: 'en', currency: 'CNY', timeZone: 'Asia/Shanghai' }
const terms = (discount: Parameters<typeof describeDiscount>[0]['discount'], min?: number) => ({
  discount,
  min_spend: min ?? null,
  applies_to: null,
})

describe('coupon text', () => {
  it('names a percentage the Chinese way, by what is paid', () => {
    expect(zheRate(10)).toBe('9')
    expect(zheRate(20)).toBe('8')
    expect(zheRate(15)).toBe('8.5')
    expect(zheRate(12.5)).toBe('8.75')
  })

  it('says what a discount takes off, in both languages', () => {
    const amount = terms({ type: 'amount', amount_off: 5000 }, 30000)
    expect(describeDiscount(amount, zh)).toBe('满 ¥300 减 ¥50')
    expect(describeDiscount(amount, english)).toBe('¥50 off orders over ¥300')
    const percent = terms({ type: 'percent', percent_off: 10, max_amount: 5000 })
    expect(describeDiscount(percent, zh)).toBe('9 折，最多减 ¥50')
    expect(describeDiscount(percent, english)).toBe('10% off, up to ¥50')
    expect(describeDiscount(terms({ type: 'percent', percent_off: 20 }, 9950), zh)).toBe(
      '满 ¥99.50 打 8 折',
    )
    expect(describeDiscount(terms({ type: 'free_shipping' }), zh)).toBe('免运费')
    expect(describeDiscount(terms({ type: 'free_shipping' }, 9900), english)).toBe(
      'Free shipping on orders over ¥99',
    )
  })

  it('says what it applies to and for how long, in the program’s time zone', () => {
    expect(describeScope({ applies_to: null }, zh.t)).toBe('全场通用')
    expect(describeScope({ applies_to: { categories: ['shoes'], skus: ['S-1'] } }, english.t)).toBe(
      'On categories shoes; SKUs S-1',
    )
    expect(describeValidity({ days: 7 }, zh)).toBe('发放后 7 天内有效')
    // 1 March 00:00 to 1 April 00:00 in Shanghai: the last day is 31 March.
    expect(
      describeValidity(
        { starts_at: '2026-02-28T16:00:00.000Z', ends_at: '2026-03-31T16:00:00.000Z' },
        english,
      ),
    ).toBe('Mar 1, 2026 to Mar 31, 2026')
  })
})
