import { describe, expect, it } from 'vitest'
import type { EarningRuleInput } from '../../../api/earning-rules'
import { buildPreviewRequest, emptySample, sampleOrder, validationRequest } from './preview-sample'

const draft: EarningRuleInput = {
  name: 'Base',
  trigger: 'order.completed',
  condition: null,
  reward: { type: 'per_amount', points: 1, per: 100 },
  active: false,
}

describe('sampleOrder', () => {
  it('turns yuan into minor units and leaves items out when nothing describes them', () => {
    expect(sampleOrder({ ...emptySample(), amount: 129.9 }, 'CNY')).toEqual({ amount: 12990 })
  })

  it('puts category and SKU on one line priced to the amount', () => {
    const order = sampleOrder(
      { ...emptySample(), amount: 300, channel: ' store ', category: 'shoes', quantity: 2 },
      'CNY',
    )
    expect(order).toEqual({
      amount: 30000,
      channel: 'store',
      items: [{ sku: 'SAMPLE', category: 'shoes', quantity: 2, unit_price: 15000 }],
    })
  })
})

describe('buildPreviewRequest', () => {
  it('previews a paused draft as active, without its name, for a member', () => {
    const built = buildPreviewRequest(draft, { ...emptySample(), member: 'demo-0003' }, 'CNY')
    expect(built).toEqual({
      ok: true,
      request: {
        rule: { trigger: 'order.completed', condition: null, reward: draft.reward, active: true },
        order: { amount: 12900 },
        member: 'demo-0003',
      },
    })
  })

  it('sends an event of the rule type with its properties', () => {
    const eventDraft = { ...draft, trigger: 'review.posted' }
    const built = buildPreviewRequest(
      eventDraft,
      { ...emptySample(), propertiesText: '{"rating": 5}' },
      'CNY',
    )
    expect(built.ok && built.request.event).toEqual({
      type: 'review.posted',
      properties: { rating: 5 },
    })
    expect(
      buildPreviewRequest(eventDraft, { ...emptySample(), propertiesText: '[' }, 'CNY'),
    ).toEqual({
      ok: false,
    })
  })
})

describe('validationRequest', () => {
  it('uses the smallest sample of the right kind', () => {
    expect(validationRequest(draft).order).toEqual({ amount: 0 })
    expect(validationRequest({ ...draft, trigger: 'app.opened' }).event).toEqual({
      type: 'app.opened',
      properties: {},
    })
  })
})
