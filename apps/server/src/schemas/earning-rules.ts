import { MAX_AMOUNT, MAX_POINTS, MAX_QUANTITY, MAX_RULE_LIMIT } from '@loyalbase/core'
import { type TSchema, Type } from 'typebox'
import { ZPageQuery, ZTimestamp } from './common.js'

const TRIGGER = '^[a-z][a-z0-9_.]*$'
const closed = { additionalProperties: false }
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

const points = Type.Integer({
  minimum: 0,
  maximum: MAX_POINTS,
  description: 'Points (or growth value), 0 to 10^9',
})
const money = Type.Integer({ minimum: 0, maximum: MAX_AMOUNT, description: 'Minor units' })
// Member facts in a preview: counters that real members reach, far below 2^53.
const fact = Type.Integer({ minimum: 0, maximum: 1_000_000_000_000_000 })

export const ZReward = Type.Union(
  [
    Type.Object(
      {
        type: Type.Literal('per_amount'),
        points,
        per: Type.Integer({
          minimum: 1,
          maximum: MAX_AMOUNT,
          description: 'Minor units per step, e.g. 100 = ¥1',
        }),
      },
      closed,
    ),
    Type.Object({ type: Type.Literal('fixed'), points }, closed),
  ],
  {
    description:
      '`per_amount`: `points` for every whole `per` minor units paid, rounded down; ' +
      '`fixed`: `points` each time the rule matches.',
  },
)

const ZTrigger = Type.String({
  pattern: TRIGGER,
  maxLength: 64,
  description: '`order.completed`, or an event type (`review.posted`, a custom type)',
})

const ZCondition = Type.Record(Type.String(), Type.Unknown(), {
  description:
    'JsonLogic over `{ order | event, member }`, e.g. `{ ">=": [{ "var": "order.amount" }, 10000] }`; ' +
    'null or absent: always',
})

const ZTierMultipliers = Type.Record(
  Type.String(),
  Type.Number({ exclusiveMinimum: 0, maximum: 100 }),
  { description: 'Tier key → multiplier applied to `reward` (not growth), e.g. `{ "gold": 1.5 }`' },
)

const limit = Type.Integer({ minimum: 1, maximum: MAX_RULE_LIMIT })
const ZLimits = Type.Object(
  {
    per_member_per_day: Type.Optional(limit),
    per_member_per_month: Type.Optional(limit),
    per_member_total: Type.Optional(limit),
    total_budget: Type.Optional(limit),
  },
  {
    ...closed,
    description:
      'Caps in points (days and months in the program’s time zone). A reached cap makes the ' +
      'rule pay less or nothing; it never fails the order or event.',
  },
)

const fields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  trigger: ZTrigger,
  condition: nullable(ZCondition),
  reward: ZReward,
  growth: nullable(ZReward),
  tier_multipliers: ZTierMultipliers,
  limits: ZLimits,
  starts_at: nullable(ZTimestamp),
  ends_at: nullable(ZTimestamp),
  active: Type.Boolean(),
}

export const ZEarningRule = Type.Object(
  {
    id: Type.String({ description: '`rule_…`' }),
    ...fields,
    budget_used: Type.Integer({ description: 'Points paid so far against `limits.total_budget`' }),
    created_at: ZTimestamp,
    updated_at: ZTimestamp,
  },
  { $id: 'EarningRule' },
)

export const ZEarningRuleCreate = Type.Object(
  {
    name: fields.name,
    trigger: fields.trigger,
    condition: Type.Optional(fields.condition),
    reward: fields.reward,
    growth: Type.Optional(fields.growth),
    tier_multipliers: Type.Optional(fields.tier_multipliers),
    limits: Type.Optional(fields.limits),
    starts_at: Type.Optional(fields.starts_at),
    ends_at: Type.Optional(fields.ends_at),
    active: Type.Optional(Type.Boolean({ default: true })),
  },
  closed,
)

export const ZEarningRulePatch = Type.Object(
  {
    name: Type.Optional(fields.name),
    trigger: Type.Optional(fields.trigger),
    condition: Type.Optional(fields.condition),
    reward: Type.Optional(fields.reward),
    growth: Type.Optional(fields.growth),
    tier_multipliers: Type.Optional(fields.tier_multipliers),
    limits: Type.Optional(fields.limits),
    starts_at: Type.Optional(fields.starts_at),
    ends_at: Type.Optional(fields.ends_at),
    active: Type.Optional(fields.active),
  },
  { ...closed, description: 'Fields given replace the stored ones whole; null clears' },
)

export const ZEarningRuleParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64, description: '`rule_…`' }),
})

export const ZEarningRuleQuery = Type.Object({
  trigger: Type.Optional(Type.String({ maxLength: 64 })),
  active: Type.Optional(Type.Boolean()),
  ...ZPageQuery,
})

const ZOrderItem = Type.Object(
  {
    sku: Type.String({ minLength: 1, maxLength: 128 }),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    category: Type.Optional(Type.String({ maxLength: 128 })),
    quantity: Type.Integer({ minimum: 1, maximum: MAX_QUANTITY }),
    unit_price: money,
  },
  closed,
)

const ZSampleOrder = Type.Object(
  {
    id: Type.Optional(Type.String({ maxLength: 128 })),
    amount: Type.Integer({
      minimum: 0,
      maximum: MAX_AMOUNT,
      description: 'What the member paid, in minor units',
    }),
    occurred_at: Type.Optional(ZTimestamp),
    channel: Type.Optional(Type.String({ maxLength: 64 })),
    shipping_fee: Type.Optional(money),
    items: Type.Optional(Type.Array(ZOrderItem, { maxItems: 500 })),
  },
  { ...closed, description: 'A sample order, as `POST /v1/orders` takes it' },
)

const ZSampleEvent = Type.Object(
  {
    id: Type.Optional(Type.String({ maxLength: 128 })),
    type: Type.Optional(
      Type.String({ pattern: TRIGGER, maxLength: 64, description: 'Default: the rule’s trigger' }),
    ),
    occurred_at: Type.Optional(ZTimestamp),
    properties: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { ...closed, description: 'A sample event, as `POST /v1/events` takes it' },
)

const ZSampleMember = Type.Object(
  {
    tier: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    joined_at: Type.Optional(ZTimestamp),
    birthday: Type.Optional(Type.String({ pattern: '^([0-9]{4}|-)-[0-9]{2}-[0-9]{2}$' })),
    orders_count: Type.Optional(fact),
    lifetime_spend: Type.Optional(fact),
    growth: Type.Optional(fact),
    points: Type.Optional(
      Type.Integer({ minimum: -1_000_000_000_000_000, maximum: 1_000_000_000_000_000 }),
    ),
    attributes: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { ...closed, description: 'Sample member facts; those not given are a new member’s' },
)

// A rule not saved yet, as the console's editor holds it: a name is not needed to preview.
const ZRuleDraft = Type.Object(
  { ...ZEarningRuleCreate.properties, name: Type.Optional(fields.name) },
  { ...closed, description: 'A rule body, as `POST /v1/earning-rules` takes it' },
)

export const ZEarningRulePreviewRequest = Type.Object(
  {
    rule: Type.Union([
      Type.String({ minLength: 1, maxLength: 64, description: 'A stored rule’s id' }),
      ZRuleDraft,
    ]),
    order: Type.Optional(ZSampleOrder),
    event: Type.Optional(ZSampleEvent),
    member: Type.Optional(
      Type.Union([
        Type.String({ minLength: 1, maxLength: 128, description: 'A member’s id or external_id' }),
        ZSampleMember,
      ]),
    ),
  },
  { ...closed, description: 'Give exactly one of `order` and `event`' },
)

export const ZEarningRulePreview = Type.Object({
  matched: Type.Boolean({ description: 'The rule is live and its condition holds' }),
  points: Type.Integer({ description: 'Points it would pay, limits included' }),
  growth: Type.Integer(),
  points_before_limits: Type.Integer(),
})
