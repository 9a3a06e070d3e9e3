/**
 * Quick-insert conditions for the editor: the api.md examples and a few more, each a
 * JsonLogic object over `{ order | event, member }`. Labels are i18n keys under
 * `rules.templates`.
 */
export type TemplateKey =
  | 'minAmount'
  | 'category'
  | 'channel'
  | 'sku'
  | 'itemsCount'
  | 'combined'
  | 'tier'
  | 'newMember'
  | 'birthday'
  | 'weekend'
  | 'rating'

export interface ConditionTemplate {
  key: TemplateKey
  condition: Record<string, unknown>
}

const ORDER_TEMPLATES: ConditionTemplate[] = [
  { key: 'minAmount', condition: { '>=': [{ var: 'order.amount' }, 10000] } },
  { key: 'category', condition: { in: ['shoes', { var: 'order.categories' }] } },
  { key: 'channel', condition: { '==': [{ var: 'order.channel' }, 'store'] } },
  { key: 'sku', condition: { in: ['SKU-001', { var: 'order.skus' }] } },
  { key: 'itemsCount', condition: { '>=': [{ var: 'order.items_count' }, 3] } },
  {
    key: 'combined',
    condition: {
      and: [
        { '==': [{ var: 'order.channel' }, 'store'] },
        { '>=': [{ var: 'order.amount' }, 20000] },
      ],
    },
  },
]

const EVENT_TEMPLATES: ConditionTemplate[] = [
  { key: 'rating', condition: { '>=': [{ var: 'event.properties.rating' }, 5] } },
]

function memberTemplates(scope: 'order' | 'event'): ConditionTemplate[] {
  return [
    { key: 'tier', condition: { '==': [{ var: 'member.tier' }, 'gold'] } },
    { key: 'newMember', condition: { '<=': [{ var: 'member.days_since_joined' }, 30] } },
    { key: 'birthday', condition: { '==': [{ var: 'member.birthday_this_month' }, true] } },
    // ISO weekday in the program's time zone: 6 Saturday, 7 Sunday.
    { key: 'weekend', condition: { '>=': [{ var: `${scope}.weekday` }, 6] } },
  ]
}

/** The templates that make sense for a trigger: order fields for orders, event ones else. */
export function conditionTemplates(scope: 'order' | 'event'): ConditionTemplate[] {
  return [...(scope === 'order' ? ORDER_TEMPLATES : EVENT_TEMPLATES), ...memberTemplates(scope)]
}
