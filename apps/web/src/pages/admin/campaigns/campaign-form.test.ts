import { describe, expect, it } from 'vitest'
import {
  type CampaignFormValues,
  emptyCampaignForm,
  fieldForCampaignPath,
  formToCampaignInput,
  holdoutSplit,
  isUnboundedCoupon,
  isValidDaysBefore,
  isValidHoldout,
  isValidInactiveDays,
  isValidMaxCost,
  isValidMaxRewards,
  isValidRewardPoints,
  previewTrigger,
  rewardCost,
} from './campaign-form'

const ZONE = 'Asia/Shanghai'
const NOW = new Date('2027-01-10T02:30:45Z')
const form = (values: Partial<CampaignFormValues>): CampaignFormValues => ({
  ...emptyCampaignForm(NOW, ZONE),
  name: '生日礼遇',
  ...values,
})

describe('the campaign builder form', () => {
  it('starts with a birthday trigger, 100 points, a 10 % holdout and now as the scheduled time', () => {
    expect(emptyCampaignForm(NOW, ZONE)).toMatchObject({
      triggerType: 'birthday',
      daysBefore: 0,
      rewardType: 'points',
      points: 100,
      holdoutPercent: 10,
      scheduledAt: '2027-01-10T10:30',
    })
  })

  it('sends the trigger, the reward, the budget in minor units and times in the program’s zone', () => {
    expect(
      formToCampaignInput(
        form({
          name: ' 生日礼遇 ',
          daysBefore: 3,
          maxRewards: 1000,
          maxCost: 5000,
          holdoutPercent: 12.5,
          startsAt: '2027-01-01T00:00',
        }),
        'CNY',
        ZONE,
      ),
    ).toEqual({
      name: '生日礼遇',
      trigger: { type: 'birthday', days_before: 3 },
      reward: { type: 'points', points: 100 },
      budget: { max_rewards: 1000, max_cost: 500000 },
      holdout_percent: 12.5,
      starts_at: '2026-12-31T16:00:00.000Z',
    })
  })

  it('sends each trigger with its own fields only, and a coupon reward by template', () => {
    const input = (values: Partial<CampaignFormValues>) =>
      formToCampaignInput(form(values), 'CNY', ZONE)
    expect(input({ triggerType: 'member_joined' }).trigger).toEqual({ type: 'member_joined' })
    expect(input({ triggerType: 'tier_upgraded' }).trigger).toEqual({ type: 'tier_upgraded' })
    expect(input({ triggerType: 'tier_upgraded', tier: 'gold' }).trigger).toEqual({
      type: 'tier_upgraded',
      tier: 'gold',
    })
    expect(input({ triggerType: 'inactive', inactiveDays: 60 }).trigger).toEqual({
      type: 'inactive',
      days: 60,
    })
    expect(
      input({ triggerType: 'scheduled', scheduledAt: '2027-02-01T09:00', segment: 'seg_1' })
        .trigger,
    ).toEqual({ type: 'scheduled', at: '2027-02-01T01:00:00.000Z', segment: 'seg_1' })
    const coupon = input({ rewardType: 'coupon', template: 'cpt_1', endsAt: '2027-03-01T00:00' })
    expect(coupon.reward).toEqual({ type: 'coupon', template: 'cpt_1' })
    expect(coupon.ends_at).toBe('2027-02-28T16:00:00.000Z')
    expect(coupon.budget).toBeUndefined()
  })

  it('previews a trigger only once it is complete and within bounds', () => {
    expect(previewTrigger({ triggerType: 'birthday' }, ZONE)).toEqual({
      type: 'birthday',
      days_before: 0,
    })
    expect(previewTrigger({ triggerType: 'birthday', daysBefore: 61 }, ZONE)).toBeNull()
    expect(previewTrigger({ triggerType: 'inactive' }, ZONE)).toBeNull()
    expect(previewTrigger({ triggerType: 'inactive', inactiveDays: 30 }, ZONE)).toEqual({
      type: 'inactive',
      days: 30,
    })
    expect(
      previewTrigger({ triggerType: 'scheduled', scheduledAt: '2027-02-01T09:00' }, ZONE),
    ).toBeNull()
    expect(
      previewTrigger({ triggerType: 'scheduled', scheduledAt: '', segment: 'seg_1' }, ZONE),
    ).toBeNull()
    expect(
      previewTrigger(
        { triggerType: 'scheduled', scheduledAt: '2027-02-01T09:00', segment: 'seg_1' },
        ZONE,
      ),
    ).toEqual({ type: 'scheduled', at: '2027-02-01T01:00:00.000Z', segment: 'seg_1' })
    expect(previewTrigger({}, ZONE)).toBeNull()
  })

  it('checks what the server checks', () => {
    expect(isValidDaysBefore(0)).toBe(true)
    expect(isValidDaysBefore(60)).toBe(true)
    expect(isValidDaysBefore(61)).toBe(false)
    expect(isValidDaysBefore(1.5)).toBe(false)
    expect(isValidInactiveDays(0)).toBe(false)
    expect(isValidInactiveDays(3650)).toBe(true)
    expect(isValidRewardPoints(10_000_000)).toBe(true)
    expect(isValidRewardPoints(10_000_001)).toBe(false)
    expect(isValidMaxRewards(0)).toBe(false)
    expect(isValidMaxRewards(1)).toBe(true)
    expect(isValidHoldout(0)).toBe(true)
    expect(isValidHoldout(90)).toBe(true)
    expect(isValidHoldout(12.34)).toBe(true)
    expect(isValidHoldout(12.345)).toBe(false)
    expect(isValidHoldout(90.01)).toBe(false)
    expect(isValidHoldout(-1)).toBe(false)
    expect(isValidMaxCost(0.01, 'CNY')).toBe(true)
    expect(isValidMaxCost(0, 'CNY')).toBe(false)
    expect(isValidMaxCost(10_000_000_000, 'CNY')).toBe(true)
    expect(isValidMaxCost(10_000_000_000.01, 'CNY')).toBe(false)
  })

  it('counts a reward against the budget as the server does', () => {
    const context = { currency: 'CNY', redeemRate: 100 }
    // 100 points per yuan: 250 points are worth ¥2.50.
    expect(rewardCost({ type: 'points', points: 250 }, context)).toBe(250)
    expect(rewardCost({ type: 'points', points: 1 }, { ...context, redeemRate: 3 })).toBe(33)
    const coupon = { type: 'coupon', template: 'cpt_1' } as const
    expect(rewardCost(coupon, { ...context, discount: { type: 'amount', amount_off: 5000 } })).toBe(
      5000,
    )
    expect(
      rewardCost(coupon, {
        ...context,
        discount: { type: 'percent', percent_off: 10, max_amount: 800 },
      }),
    ).toBe(800)
    expect(
      rewardCost(coupon, { ...context, discount: { type: 'percent', percent_off: 10 } }),
    ).toBeNull()
    expect(rewardCost(coupon, { ...context, discount: { type: 'free_shipping' } })).toBeNull()
    expect(rewardCost(coupon, context)).toBeNull()
    expect(isUnboundedCoupon({ type: 'free_shipping' })).toBe(true)
    expect(isUnboundedCoupon({ type: 'percent', percent_off: 10 })).toBe(true)
    expect(isUnboundedCoupon({ type: 'percent', percent_off: 10, max_amount: 1 })).toBe(false)
    expect(isUnboundedCoupon({ type: 'amount', amount_off: 1 })).toBe(false)
    expect(isUnboundedCoupon(undefined)).toBe(false)
  })

  it('splits an audience by the holdout share', () => {
    expect(holdoutSplit(60, 10)).toEqual({ treated: 54, holdout: 6 })
    expect(holdoutSplit(0, 10)).toEqual({ treated: 0, holdout: 0 })
    expect(holdoutSplit(7, 0)).toEqual({ treated: 7, holdout: 0 })
  })

  it('puts the server’s problems on their fields', () => {
    expect(fieldForCampaignPath('reward.template')).toBe('template')
    expect(fieldForCampaignPath('trigger.segment')).toBe('segment')
    expect(fieldForCampaignPath('trigger.tier')).toBe('tier')
    expect(fieldForCampaignPath('budget.max_cost')).toBe('maxCost')
    expect(fieldForCampaignPath('/budget/max_rewards')).toBe('maxRewards')
    expect(fieldForCampaignPath('holdout_percent')).toBe('holdoutPercent')
    expect(fieldForCampaignPath('ends_at')).toBe('endsAt')
    expect(fieldForCampaignPath('name')).toBe('name')
    expect(fieldForCampaignPath('Idempotency-Key')).toBeUndefined()
  })
})
