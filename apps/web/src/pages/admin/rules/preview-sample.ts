import type { EarningRuleInput, RulePreviewRequest, SampleOrder } from '../../../api/earning-rules'
import { ORDER_TRIGGER } from '../../../api/earning-rules'
import { toMinorUnits } from '../../../i18n/format'
import { parseCondition } from './condition'

/** The preview panel's fields: a sample order in yuan, or a sample event's properties. */
export interface SampleFormValues {
  amount: number | null
  channel: string
  category: string
  sku: string
  quantity: number | null
  propertiesText: string
  member: string
}

export function emptySample(): SampleFormValues {
  return {
    amount: 129,
    channel: '',
    category: '',
    sku: '',
    quantity: 1,
    propertiesText: '',
    member: '',
  }
}

/** One line item carries the category and SKU, priced so the items add up to the amount. */
export function sampleOrder(values: SampleFormValues, currency: string): SampleOrder {
  const amount = toMinorUnits(values.amount ?? 0, currency)
  const order: SampleOrder = { amount }
  if (values.channel.trim()) order.channel = values.channel.trim()
  const category = values.category.trim()
  const sku = values.sku.trim()
  if (category || sku) {
    const quantity = Math.max(1, values.quantity ?? 1)
    order.items = [
      {
        sku: sku || 'SAMPLE',
        ...(category ? { category } : {}),
        quantity,
        unit_price: Math.floor(amount / quantity),
      },
    ]
  }
  return order
}

export type PreviewBuild = { ok: true; request: RulePreviewRequest } | { ok: false }

/**
 * The preview request for a draft rule. The draft is previewed as active (a paused rule
 * would never match); the sample is an order for `order.completed`, else an event of the
 * rule's type. Fails only when the event properties are not a JSON object.
 */
export function buildPreviewRequest(
  draft: EarningRuleInput,
  values: SampleFormValues,
  currency: string,
): PreviewBuild {
  const { name: _name, ...rule } = draft
  const request: RulePreviewRequest = { rule: { ...rule, active: true } }
  if (draft.trigger === ORDER_TRIGGER) {
    request.order = sampleOrder(values, currency)
  } else {
    const properties = parseCondition(values.propertiesText)
    if (!properties.ok) return { ok: false }
    request.event = { type: draft.trigger, properties: properties.value ?? {} }
  }
  if (values.member.trim()) request.member = values.member.trim()
  return { ok: true, request }
}

/** The smallest sample that lets the server check a draft rule (used to validate). */
export function validationRequest(draft: EarningRuleInput): RulePreviewRequest {
  const { name: _name, ...rule } = draft
  return draft.trigger === ORDER_TRIGGER
    ? { rule, order: { amount: 0 } }
    : { rule, event: { type: draft.trigger, properties: {} } }
}
