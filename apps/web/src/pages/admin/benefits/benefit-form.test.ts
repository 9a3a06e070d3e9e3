import { describe, expect, it } from 'vitest'
import {
  benefitToForm,
  emptyBenefitForm,
  fieldForBenefitPath,
  formToBenefitInput,
  formToBenefitPatch,
  toggleTier,
} from './benefit-form'

describe('benefit form', () => {
  it('sends a free shipping benefit with a monthly quota', () => {
    const input = formToBenefitInput(
      {
        ...emptyBenefitForm(),
        key: ' free_ship ',
        name: ' 每月免邮 ',
        tiers: ['gold'],
        limited: true,
        quotaCount: 2,
        quotaPeriod: 'month',
      },
      'CNY',
    )
    expect(input).toEqual({
      key: 'free_ship',
      name: '每月免邮',
      type: 'free_shipping',
      tiers: ['gold'],
      quota: { count: 2, period: 'month' },
      config: {},
      active: true,
    })
  })

  it('sends a discount’s percent and cap in minor units, a multiplier as it is', () => {
    const base = { ...emptyBenefitForm(), key: 'k', name: 'n' }
    expect(
      formToBenefitInput({ ...base, type: 'discount', percentOff: 5, maxAmount: 49.9 }, 'CNY'),
    ).toMatchObject({ config: { percent_off: 5, max_amount: 4990 }, quota: null })
    expect(
      formToBenefitInput({ ...base, type: 'discount', percentOff: 5, maxAmount: null }, 'CNY')
        .config,
    ).toEqual({ percent_off: 5 })
    expect(
      formToBenefitInput({ ...base, type: 'points_multiplier', multiplier: 2 }, 'CNY').config,
    ).toEqual({ multiplier: 2 })
    // Fields of another type are not sent.
    expect(
      formToBenefitInput({ ...base, type: 'custom', percentOff: 5, multiplier: 2 }, 'CNY').config,
    ).toEqual({})
  })

  it('reads a saved benefit back, and patches all but its key and type', () => {
    const saved = {
      id: 'ben_1',
      key: 'gold-off',
      name: '金卡折扣',
      type: 'discount' as const,
      tiers: ['gold'],
      quota: { count: 4, period: 'week' as const },
      config: { percent_off: 10, max_amount: 5000 },
      active: false,
      created_at: '2026-03-02T02:00:00.000Z',
      updated_at: '2026-03-02T02:00:00.000Z',
    }
    const form = benefitToForm(saved, 'CNY')
    expect(form).toMatchObject({
      percentOff: 10,
      maxAmount: 50,
      limited: true,
      quotaCount: 4,
      quotaPeriod: 'week',
      active: false,
    })
    expect(formToBenefitPatch(form, 'CNY')).toEqual({
      name: '金卡折扣',
      tiers: ['gold'],
      quota: { count: 4, period: 'week' },
      config: { percent_off: 10, max_amount: 5000 },
      active: false,
    })
  })

  it('switches a tier on or off, keeping the ladder’s order', () => {
    const ladder = ['member', 'silver', 'gold']
    expect(toggleTier(['gold'], 'member', true, ladder)).toEqual(['member', 'gold'])
    expect(toggleTier(['member', 'gold'], 'member', false, ladder)).toEqual(['gold'])
    expect(toggleTier(['gold'], 'gold', true, ladder)).toEqual(['gold'])
  })

  it('puts the server’s problems on their fields', () => {
    expect(fieldForBenefitPath('tiers[1]', 'custom')).toBe('tiers')
    expect(fieldForBenefitPath('config.percent_off', 'discount')).toBe('percentOff')
    expect(fieldForBenefitPath('config.multiplier', 'points_multiplier')).toBe('multiplier')
    expect(fieldForBenefitPath('/quota/count', 'custom')).toBe('quotaCount')
    expect(fieldForBenefitPath('colour', 'custom')).toBeUndefined()
  })
})
