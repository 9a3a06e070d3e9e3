import { describe, expect, it } from 'vitest'
import {
  emptyTemplateForm,
  fieldForTemplatePath,
  formToTemplateInput,
  isValidAmount,
  isValidPercent,
} from './template-form'

describe('the coupon template form', () => {
  it('sends amounts in minor units and leaves empty fields out', () => {
    expect(
      formToTemplateInput(
        { ...emptyTemplateForm(), name: ' 满减 ', amountOff: 50, minSpend: 300, days: 7 },
        'CNY',
        'Asia/Shanghai',
      ),
    ).toEqual({
      name: '满减',
      discount: { type: 'amount', amount_off: 5000 },
      min_spend: 30000,
      validity: { days: 7 },
      stackable: false,
    })
  })

  it('sends a percentage with its cap, the scope, limits and a window in the program’s zone', () => {
    expect(
      formToTemplateInput(
        {
          ...emptyTemplateForm(),
          name: 'Shoes',
          discountType: 'percent',
          percentOff: 12.5,
          maxAmount: 49.99,
          categories: ['shoes', ' '],
          skus: ['SKU-1'],
          validityType: 'window',
          startsAt: '2026-03-01T00:00',
          endsAt: '2026-04-01T00:00',
          perMemberLimit: 2,
          totalLimit: 1000,
          stackable: true,
        },
        'CNY',
        'Asia/Shanghai',
      ),
    ).toEqual({
      name: 'Shoes',
      discount: { type: 'percent', percent_off: 12.5, max_amount: 4999 },
      applies_to: { categories: ['shoes'], skus: ['SKU-1'] },
      validity: { starts_at: '2026-02-28T16:00:00.000Z', ends_at: '2026-03-31T16:00:00.000Z' },
      per_member_limit: 2,
      total_limit: 1000,
      stackable: true,
    })
  })

  it('checks what the server checks', () => {
    expect(isValidPercent(1)).toBe(true)
    expect(isValidPercent(100)).toBe(true)
    expect(isValidPercent(33.3333)).toBe(true)
    expect(isValidPercent(0.5)).toBe(false)
    expect(isValidPercent(100.01)).toBe(false)
    expect(isValidPercent(33.33333)).toBe(false)
    expect(isValidAmount(0.01, 'CNY')).toBe(true)
    expect(isValidAmount(0, 'CNY')).toBe(false)
    expect(isValidAmount(0, 'CNY', true)).toBe(true)
    expect(isValidAmount(10_000_000_000.01, 'CNY')).toBe(false)
  })

  it('puts the server’s field problems on their fields', () => {
    expect(fieldForTemplatePath('discount.percent_off', 'days')).toBe('percentOff')
    expect(fieldForTemplatePath('applies_to.skus[3]', 'days')).toBe('skus')
    expect(fieldForTemplatePath('validity.ends_at', 'window')).toBe('endsAt')
    expect(fieldForTemplatePath('validity', 'window')).toBe('startsAt')
    expect(fieldForTemplatePath('validity', 'days')).toBe('days')
    expect(fieldForTemplatePath('elsewhere', 'days')).toBeUndefined()
  })
})
