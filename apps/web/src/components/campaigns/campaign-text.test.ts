import { describe, expect, it } from 'vitest'
import type { Campaign } from '../../api/campaigns'
import { en } from '../../i18n/en'
import { zhCN } from '../../i18n/zh-CN'
import {
  budgetPercent,
  campaignStatus,
  describeBudget,
  describeReward,
  describeTrigger,
  formatSignedMoney,
} from './campaign-text'
import { intervalSide, upliftScale } from './uplift-scale'

/** A tiny `t` over a resource tree, enough for these messages (plurals by `_other`). */
function translator(messages: object) {
  return (key: string, options: Record<string, unknown> = {}) => {
    const find = (path: string) =>
      path.split('.').reduce<unknown>((node, part) => {
        return node && typeof node === 'object'
          ? (node as Record<string, unknown>)[part]
          : undefined
      }, messages)
    const found = find(key) ?? find(`${key}_other`)
    if (typeof found !== 'string') return key
    return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options[name] ?? ''))
  }
}

const names = {
  segmentName: (id: string) => (id === 'seg_1' ? '金卡会员' : undefined),
  tierName: (key: string) => (key === 'gold' ? '金卡' : undefined),
  templateName: (id: string) => (id === 'cpt_1' ? '满 300 减 50' : undefined),
}
const zh = {
  t: translator(zhCN),
  locale: 'zh-CN',
  currency: 'CNY',
  timeZone: 'Asia/Shanghai',
  ...names,
}
const english = {
  t: translator(en),
  locale: 'en',
  currency: 'CNY',
  timeZone: 'Asia/Shanghai',
  ...names,
}

const campaign = (overrides: Partial<Campaign>): Campaign => ({
  id: 'cmp_1',
  name: 'Test',
  trigger: { type: 'member_joined' },
  reward: { type: 'points', points: 100 },
  budget: { max_rewards: null, max_cost: null },
  holdout_percent: 10,
  starts_at: '2027-01-01T00:00:00Z',
  ends_at: null,
  active: true,
  used: { rewards: 0, cost: 0 },
  created_at: '2027-01-01T00:00:00Z',
  updated_at: '2027-01-01T00:00:00Z',
  ...overrides,
})

describe('campaign text', () => {
  it('says who a trigger rewards, in both languages', () => {
    expect(describeTrigger({ type: 'member_joined' }, zh)).toBe('新会员入会')
    expect(describeTrigger({ type: 'birthday' }, zh)).toBe('会员生日当天')
    expect(describeTrigger({ type: 'birthday', days_before: 3 }, zh)).toBe('会员生日前 3 天')
    expect(describeTrigger({ type: 'birthday', days_before: 3 }, english)).toBe(
      '3 days before the member’s birthday',
    )
    expect(describeTrigger({ type: 'tier_upgraded', tier: 'gold' }, zh)).toBe('会员升级到金卡')
    expect(describeTrigger({ type: 'tier_upgraded', tier: 'vip' }, english)).toBe(
      'A member is upgraded to vip',
    )
    expect(describeTrigger({ type: 'inactive', days: 1000 }, zh)).toBe('连续 1,000 天未下单')
    const scheduled = { type: 'scheduled', at: '2027-02-01T01:00:00Z', segment: 'seg_1' } as const
    expect(describeTrigger(scheduled, zh)).toMatch(/^2027年2月1日 09:00 向人群「金卡会员」发放$/)
    expect(describeTrigger({ ...scheduled, segment: 'seg_x' }, english)).toContain(
      '(unknown segment)',
    )
  })

  it('says what a reward gives', () => {
    expect(describeReward({ type: 'points', points: 2000 }, zh)).toBe('送 2,000 积分')
    expect(describeReward({ type: 'points', points: 2000 }, english)).toBe('2,000 points')
    expect(describeReward({ type: 'coupon', template: 'cpt_1' }, zh)).toBe('发券「满 300 减 50」')
    expect(describeReward({ type: 'coupon', template: 'cpt_9' }, english)).toBe('Coupon (cpt_9)')
  })

  it('says how much of the budget is used, by the nearer limit', () => {
    const limited = campaign({
      budget: { max_rewards: 1000, max_cost: 500000 },
      used: { rewards: 100, cost: 400000 },
    })
    expect(budgetPercent(limited)).toBe(80)
    expect(describeBudget(limited, zh)).toEqual(['100 / 1,000 份', '¥4,000 / ¥5,000'])
    expect(describeBudget(limited, english)).toEqual(['100 / 1,000 rewards', '¥4,000 / ¥5,000'])
    const open = campaign({ used: { rewards: 3, cost: 150 } })
    expect(budgetPercent(open)).toBeNull()
    expect(describeBudget(open, zh)).toEqual(['已发 3 份', '已用 ¥1.50'])
    expect(
      budgetPercent(
        campaign({ budget: { max_rewards: 7, max_cost: null }, used: { rewards: 7, cost: 0 } }),
      ),
    ).toBe(100)
  })

  it('says where a campaign stands', () => {
    const now = new Date('2027-06-01T00:00:00Z')
    expect(campaignStatus(campaign({}), now)).toBe('running')
    expect(campaignStatus(campaign({ active: false }), now)).toBe('off')
    expect(campaignStatus(campaign({ starts_at: '2027-07-01T00:00:00Z' }), now)).toBe('scheduled')
    expect(campaignStatus(campaign({ ends_at: '2027-05-01T00:00:00Z' }), now)).toBe('ended')
  })

  it('signs an uplift', () => {
    expect(formatSignedMoney(3120, 'CNY', 'zh-CN')).toBe('+¥31.20')
    expect(formatSignedMoney(-640, 'CNY', 'zh-CN')).toBe('−¥6.40')
    expect(formatSignedMoney(0, 'CNY', 'zh-CN')).toBe('¥0.00')
    expect(formatSignedMoney(-640, 'CNY', 'en')).toMatch(/^−\S*¥6\.40$/)
  })

  it('places an interval against zero', () => {
    const across = upliftScale(-100, 300, 100)
    expect(across.low).toBeLessThan(across.zero)
    expect(across.zero).toBeLessThan(across.uplift)
    expect(across.uplift).toBeLessThan(across.high)
    expect(across.low).toBeGreaterThan(0)
    expect(across.high).toBeLessThan(100)
    const above = upliftScale(640, 5600, 3120)
    expect(above.zero).toBeLessThan(above.low)
    expect(upliftScale(0, 0, 0).zero).toBe(50)
    expect(intervalSide(640, 5600)).toBe('above')
    expect(intervalSide(-5600, -640)).toBe('below')
    expect(intervalSide(-1, 1)).toBe('across')
  })
})
