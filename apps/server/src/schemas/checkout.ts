import { MAX_AMOUNT, MAX_POINTS } from '@loyalbase/core'
import { Type } from 'typebox'
import { ZOrderItem } from './orders.js'

const ZMoney = Type.Integer({ minimum: 0, maximum: MAX_AMOUNT, description: 'Minor units' })

export const ZQuoteRequest = Type.Object(
  {
    member: Type.String({ minLength: 1, maxLength: 128, description: 'mem_… id or external_id' }),
    items: Type.Array(ZOrderItem, { minItems: 1, maxItems: 500 }),
    shipping_fee: Type.Optional(ZMoney),
    coupon_codes: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 20 }),
    ),
    points_to_redeem: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_POINTS })),
    channel: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
)

const ZRefusal = Type.Union(
  [
    Type.Literal('invalid'),
    Type.Literal('not_started'),
    Type.Literal('expired'),
    Type.Literal('min_spend_not_met'),
    Type.Literal('no_eligible_items'),
    Type.Literal('not_stackable'),
    Type.Literal('duplicate'),
  ],
  {
    description:
      'Why a coupon does not apply; `invalid` covers unknown, used and other members’ codes alike',
  },
)

const ZCouponVerdict = Type.Object({
  id: Type.Union([Type.String(), Type.Null()]),
  code: Type.String(),
  template: Type.Union([Type.String(), Type.Null()]),
  applicable: Type.Boolean(),
  reason: Type.Optional(ZRefusal),
  amount: Type.Optional(Type.Integer({ description: 'What it takes off this basket on its own' })),
})

export const ZQuote = Type.Object({
  subtotal: Type.Integer({ description: 'Σ quantity × unit_price, minor units' }),
  discounts: Type.Array(
    Type.Object({
      source: Type.Union([Type.Literal('tier'), Type.Literal('coupon'), Type.Literal('benefit')]),
      id: Type.String(),
      amount: Type.Integer(),
    }),
  ),
  shipping_fee: Type.Integer(),
  shipping_discount: Type.Integer(),
  points_redeemed: Type.Integer(),
  points_value: Type.Integer({ description: 'What the redeemed points pay, minor units' }),
  total: Type.Integer({ description: 'What the member pays, minor units' }),
  points_to_earn: Type.Integer({ description: 'What an order of this total would earn' }),
  benefits_used: Type.Array(Type.String(), {
    description: 'Keys of the tier’s benefits the order would use (docs/benefits.md)',
  }),
  applicable_coupons: Type.Array(ZCouponVerdict, {
    description:
      'Each of the member’s active coupons: whether it applies to this basket, or why not',
  }),
  coupons_refused: Type.Array(ZCouponVerdict, {
    description: 'The request’s own codes that were not applied, with the reason',
  }),
})
