import { describe, expect, it } from 'vitest'
import {
  findTier,
  isMoneyMetric,
  isTierMetric,
  progressPercent,
  resolveTier,
  tierLabel,
} from './tier-helpers'

const gold = { key: 'gold', name: '金卡', name_en: 'Gold', threshold: 500000, color: '#d4a017' }
const ladder = [{ key: 'normal', name: '普通会员', threshold: 0 }, gold]

describe('tier helpers', () => {
  it('names a tier in the UI language', () => {
    expect(tierLabel(gold, 'en')).toBe('Gold')
    expect(tierLabel(gold, 'zh-CN')).toBe('金卡')
    // No English name: the Chinese one rather than nothing.
    expect(tierLabel({ key: 'normal', name: '普通会员' }, 'en')).toBe('普通会员')
  })

  it('resolves keys through the ladder, falling back to what is known', () => {
    expect(findTier(ladder, 'gold')?.color).toBe('#d4a017')
    expect(resolveTier(ladder, 'gold', 'x').name_en).toBe('Gold')
    expect(resolveTier(ladder, 'member', '会员')).toEqual({ key: 'member', name: '会员' })
    expect(resolveTier(undefined, 'member')).toEqual({ key: 'member', name: 'member' })
  })

  it('knows the metrics and which are money', () => {
    expect(isTierMetric('growth')).toBe(true)
    expect(isTierMetric('visits')).toBe(false)
    expect(isMoneyMetric('spend')).toBe(true)
    expect(isMoneyMetric('orders')).toBe(false)
  })

  it('measures progress to the next threshold', () => {
    expect(progressPercent(120000, 500000)).toBe(24)
    expect(progressPercent(0, 100000)).toBe(0)
    expect(progressPercent(-500, 100000)).toBe(0)
    expect(progressPercent(499999, 500000)).toBe(99.9)
    expect(progressPercent(5, 0)).toBe(100)
  })
})
