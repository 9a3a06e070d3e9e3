import { MAX_AMOUNT, MAX_POINTS, MAX_QUANTITY } from '@loyalbase/core'
import { Type } from 'typebox'
import { ZTimestamp } from './common.js'

const ZMerchantId = Type.String({
  minLength: 1,
  maxLength: 128,
  description: 'Your own id, unique per program',
})
const ZMoney = Type.Integer({ minimum: 0, maximum: MAX_AMOUNT, description: 'Minor units' })

export const ZOrderItem = Type.Object(
  {
    sku: Type.String({ minLength: 1, maxLength: 128 }),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    category: Type.Optional(Type.String({ maxLength: 128 })),
    quantity: Type.Integer({ minimum: 1, maximum: MAX_QUANTITY }),
    unit_price: ZMoney,
  },
  { additionalProperties: false },
)

export const ZOrderCreate = Type.Object(
  {
    id: ZMerchantId,
    member: Type.String({ minLength: 1, maxLength: 128, description: 'mem_… id or external_id' }),
    amount: Type.Integer({
      minimum: 0,
      maximum: MAX_AMOUNT,
      description: 'What the member paid, minor units',
    }),
    occurred_at: Type.Optional(ZTimestamp),
    channel: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    shipping_fee: Type.Optional(ZMoney),
    items: Type.Optional(Type.Array(ZOrderItem, { maxItems: 500 })),
    coupon_codes: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 20 }),
    ),
    points_to_redeem: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_POINTS })),
  },
  { additionalProperties: false },
)

const ZRulePayout = Type.Object({
  rule: Type.String(),
  points: Type.Integer(),
  growth: Type.Integer(),
})
const ZTierChange = Type.Union([
  Type.Object({ from: Type.String(), to: Type.String() }),
  Type.Null(),
])

export const ZOrder = Type.Object(
  {
    id: Type.String(),
    member: Type.String(),
    amount: Type.Integer(),
    shipping_fee: Type.Integer(),
    channel: Type.Union([Type.String(), Type.Null()]),
    items: Type.Array(
      Type.Object({
        sku: Type.String(),
        name: Type.Optional(Type.String()),
        category: Type.Optional(Type.String()),
        quantity: Type.Integer(),
        unit_price: Type.Integer(),
      }),
    ),
    discounts: Type.Array(
      Type.Object({
        source: Type.Union([Type.Literal('coupon'), Type.Literal('tier'), Type.Literal('benefit')]),
        id: Type.String({ description: 'The coupon’s id, or the benefit’s' }),
        code: Type.String({ description: 'The coupon’s code, or the benefit’s key' }),
        amount: Type.Integer(),
      }),
      {
        description:
          'What the order’s coupons and the tier’s benefits (a tier discount, free shipping) took off (docs/checkout.md)',
      },
    ),
    occurred_at: ZTimestamp,
    points_earned: Type.Integer(),
    growth_earned: Type.Integer(),
    points_redeemed: Type.Integer({ description: 'Points the member paid with' }),
    points_value: Type.Integer({ description: 'What those points were worth, minor units' }),
    points_returned: Type.Integer({ description: 'Redeemed points its refunds gave back' }),
    refunded_amount: Type.Integer(),
    points_reversed: Type.Integer(),
    growth_reversed: Type.Integer(),
    refunds: Type.Array(
      Type.Object({
        id: Type.String(),
        amount: Type.Integer(),
        points_reversed: Type.Integer(),
        growth_reversed: Type.Integer(),
        points_returned: Type.Integer(),
        created_at: ZTimestamp,
      }),
    ),
    created_at: ZTimestamp,
  },
  { $id: 'Order' },
)

export const ZOrderCreated = Type.Object({
  order: Type.Ref('Order'),
  effects: Type.Object({
    points_earned: Type.Integer(),
    points_status: Type.Union([Type.Literal('pending'), Type.Literal('available')]),
    points_available_at: Type.Optional(ZTimestamp),
    growth_earned: Type.Integer(),
    points_redeemed: Type.Integer(),
    discounts: Type.Array(
      Type.Object({ source: Type.String(), id: Type.String(), amount: Type.Integer() }),
    ),
    coupons_redeemed: Type.Array(Type.String()),
    benefits_used: Type.Array(Type.String(), {
      description: 'Keys of the tier’s benefits the order used (docs/benefits.md)',
    }),
    tier_change: ZTierChange,
    rules: Type.Array(ZRulePayout),
  }),
})

export const ZRefundCreate = Type.Object(
  {
    id: ZMerchantId,
    amount: Type.Integer({
      minimum: 0,
      maximum: MAX_AMOUNT,
      description: 'At least 1, except for an order of amount 0 (paid with points or coupons)',
    }),
    items: Type.Optional(
      Type.Array(
        Type.Object(
          {
            sku: Type.String({ minLength: 1, maxLength: 128 }),
            quantity: Type.Integer({ minimum: 1, maximum: MAX_QUANTITY }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 500 },
      ),
    ),
  },
  { additionalProperties: false },
)

export const ZRefundCreated = Type.Object({
  refund: Type.Object({
    id: Type.String(),
    order: Type.String(),
    member: Type.String(),
    amount: Type.Integer(),
    items: Type.Union([
      Type.Array(Type.Object({ sku: Type.String(), quantity: Type.Integer() })),
      Type.Null(),
    ]),
    created_at: ZTimestamp,
  }),
  effects: Type.Object({
    points_reversed: Type.Integer(),
    points_returned: Type.Integer({ description: 'Redeemed points given back' }),
    growth_reversed: Type.Integer(),
    coupons_restored: Type.Array(Type.String()),
    benefits_returned: Type.Array(Type.String(), {
      description: 'Keys of the benefits whose uses by the order were given back (full refund)',
    }),
    tier_change: ZTierChange,
  }),
})

export const ZEventCreate = Type.Object(
  {
    id: ZMerchantId,
    type: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'Built-in or custom: ^[a-z][a-z0-9_.]*$',
    }),
    member: Type.String({ minLength: 1, maxLength: 128 }),
    occurred_at: Type.Optional(ZTimestamp),
    properties: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
)

export const ZEvent = Type.Object({
  id: Type.String(),
  type: Type.String(),
  member: Type.String(),
  occurred_at: ZTimestamp,
  properties: Type.Record(Type.String(), Type.Unknown()),
  points_earned: Type.Integer(),
  growth_earned: Type.Integer(),
  created_at: ZTimestamp,
})

export const ZEventCreated = Type.Object({
  event: ZEvent,
  effects: Type.Object({
    points_earned: Type.Integer(),
    points_status: Type.Literal('available'),
    growth_earned: Type.Integer(),
    tier_change: ZTierChange,
    rules: Type.Array(ZRulePayout),
  }),
})
