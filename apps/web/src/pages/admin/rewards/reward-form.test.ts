import { describe, expect, it } from 'vitest'
import type { Reward } from '../../../api/rewards'
import {
  emptyRewardForm,
  rewardFieldFor,
  rewardFormValues,
  rewardInput,
  rewardPatch,
} from './reward-form'

const reward: Reward = {
  id: 'rwd_01',
  name: '保温杯',
  description: '500 ml',
  image_url: null,
  type: 'coupon',
  points_cost: 2000,
  cash_cost: 990,
  stock: 50,
  stock_remaining: 48,
  redeemed: 2,
  tiers: ['gold'],
  per_member_limit: 2,
  coupon_template: 'cpt_01',
  active: true,
  created_at: '2026-03-01T02:00:00.000Z',
  updated_at: '2026-03-01T02:00:00.000Z',
}

describe('the reward form', () => {
  it('sends cash in minor units, empty limits as null, the template only for a coupon', () => {
    const values = {
      ...emptyRewardForm(),
      name: ' 帆布袋 ',
      pointsCost: 1200,
      cashCost: 9.9,
      couponTemplate: 'cpt_01',
    }
    expect(rewardInput(values, 'CNY')).toEqual({
      name: '帆布袋',
      type: 'product',
      points_cost: 1200,
      cash_cost: 990,
      stock: null,
      tiers: [],
      per_member_limit: null,
      active: true,
    })
    expect(rewardInput({ ...values, type: 'coupon' }, 'CNY').coupon_template).toBe('cpt_01')
  })

  it('round-trips a reward through the form into a patch without its type and template', () => {
    const values = rewardFormValues(reward, 'CNY')
    expect(values).toMatchObject({ cashCost: 9.9, stock: 50, perMemberLimit: 2, tiers: ['gold'] })
    expect(rewardPatch({ ...values, stock: null, imageUrl: '' }, 'CNY')).toEqual({
      name: '保温杯',
      points_cost: 2000,
      cash_cost: 990,
      stock: null,
      tiers: ['gold'],
      per_member_limit: 2,
      description: '500 ml',
      image_url: null,
      active: true,
    })
  })

  it('puts a server problem on its field', () => {
    expect(rewardFieldFor('coupon_template')).toBe('couponTemplate')
    expect(rewardFieldFor('/body/points_cost')).toBe('pointsCost')
    expect(rewardFieldFor('tiers[0]')).toBe('tiers')
    expect(rewardFieldFor('unknown')).toBeUndefined()
  })
})
