import { describe, expect, it } from 'vitest'
import { en } from '../../i18n/en'
import { zhCN } from '../../i18n/zh-CN'
import {
  auditPeriods,
  deliveryRate,
  describeBenefitConfig,
  describeQuota,
  describeRemaining,
  describeResets,
} from './benefit-text'

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

describe('benefit text', () => {
  it('says a quota per period, or that there is none', () => {
    expect(describeQuota({ count: 2, period: 'month' }, zh.t)).toBe('2 次 / 月')
    expect(describeQuota({ count: 2, period: 'month' }, english.t)).toBe('2 per month')
    expect(describeQuota({ count: 1, period: 'week' }, zh.t)).toBe('1 次 / 周')
    expect(describeQuota(null, zh.t)).toBe('不限次数')
    expect(describeQuota(null, english.t)).toBe('Unlimited')
  })

  it('says what a discount or a multiplier gives', () => {
    const discount = { type: 'discount' as const, config: { percent_off: 5 } }
    expect(describeBenefitConfig(discount, zh)).toBe('9.5 折')
    expect(describeBenefitConfig(discount, english)).toBe('5% off')
    const capped = { type: 'discount' as const, config: { percent_off: 10, max_amount: 5000 } }
    expect(describeBenefitConfig(capped, zh)).toBe('9 折，最多减 ¥50')
    const multiplier = { type: 'points_multiplier' as const, config: { multiplier: 2 } }
    expect(describeBenefitConfig(multiplier, zh)).toBe('×2 积分')
    expect(describeBenefitConfig(multiplier, english)).toBe('×2 points')
    expect(
      describeBenefitConfig({ type: 'points_multiplier', config: { multiplier: 1.5 } }, zh),
    ).toBe('×1.5 积分')
    expect(describeBenefitConfig({ type: 'free_shipping', config: {} }, zh)).toBeNull()
  })

  it('says what is left this period and when it resets, in the program’s time zone', () => {
    expect(describeRemaining({ count: 2, remaining: 1, period: 'month' }, zh.t)).toBe(
      '本月剩余 1 / 2 次',
    )
    expect(describeRemaining({ count: 2, remaining: 1, period: 'month' }, english.t)).toBe(
      '1 of 2 left this month',
    )
    expect(describeRemaining({ count: 3, remaining: 0, period: 'week' }, zh.t)).toBe(
      '本周剩余 0 / 3 次',
    )
    expect(describeRemaining({ count: 3, remaining: 3 }, zh.t)).toBe('本期剩余 3 / 3 次')
    // 1 April 2026, 00:00 in Shanghai is still 31 March in UTC.
    expect(describeResets('2026-03-31T16:00:00.000Z', zh)).toBe('2026年4月1日 重置')
    expect(describeResets('2026-03-31T16:00:00.000Z', english)).toBe('Resets on Apr 1, 2026')
  })

  it('names the audit’s periods, newest first, by the program’s calendar', () => {
    // 1 March 2026, 01:00 in Shanghai (still February in UTC).
    const now = new Date('2026-02-28T17:00:00Z')
    const months = auditPeriods('month', now, 3, zh)
    expect(months.map((p) => p.start)).toEqual([
      '2026-02-28T16:00:00.000Z',
      '2026-01-31T16:00:00.000Z',
      '2025-12-31T16:00:00.000Z',
    ])
    expect(months[0]?.end).toBe('2026-03-31T16:00:00.000Z')
    expect(months.map((p) => p.label)).toEqual(['2026年3月', '2026年2月', '2026年1月'])
    expect(auditPeriods('month', now, 1, english)[0]?.label).toBe('March 2026')
    const weeks = auditPeriods('week', now, 2, zh)
    // Monday 23 February and 16 February.
    expect(weeks.map((p) => p.start)).toEqual([
      '2026-02-22T16:00:00.000Z',
      '2026-02-15T16:00:00.000Z',
    ])
    expect(weeks[0]?.label).toBe('2月23日 起的一周')
    expect(auditPeriods('year', now, 2, english).map((p) => p.label)).toEqual(['2026', '2025'])
  })

  it('gives the share of the entitled who used it', () => {
    expect(deliveryRate({ entitled: 8, used: 5 }, 'en')).toBe('62.5%')
    expect(deliveryRate({ entitled: 0, used: 0 }, 'en')).toBeNull()
  })
})
