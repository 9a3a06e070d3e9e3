import { MAX_AMOUNT, MAX_COUPON_LIMIT, MAX_POINTS } from '@loyalbase/core'
import { type TSchema, Type } from 'typebox'
import { ZPageQuery, ZTimestamp } from './common.js'

const closed = { additionalProperties: false }
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

/** Units of one reward in one redemption. */
export const MAX_REDEEM_QUANTITY = 100

const ZRewardType = Type.Union(
  [Type.Literal('product'), Type.Literal('coupon'), Type.Literal('service')],
  {
    description:
      '`product` and `service`: pending until an operator fulfils the redemption; `coupon`: ' +
      'issues a coupon of `coupon_template` and is fulfilled at once',
  },
)

const terms = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.String({ maxLength: 2000 }),
  image_url: Type.String({ maxLength: 2000, description: 'A picture of it for the mall' }),
  points_cost: Type.Integer({ minimum: 1, maximum: MAX_POINTS, description: 'Points for one' }),
  cash_cost: Type.Integer({
    minimum: 0,
    maximum: MAX_AMOUNT,
    description: 'Cash the member also pays for one, in minor units (recorded, not charged)',
  }),
  stock: Type.Integer({
    minimum: 0,
    maximum: MAX_COUPON_LIMIT,
    description: 'The whole allotment; null or left out: unlimited',
  }),
  tiers: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
    maxItems: 50,
    description: 'Tier keys whose members may redeem it; empty or left out: every tier',
  }),
  per_member_limit: Type.Integer({
    minimum: 1,
    maximum: MAX_COUPON_LIMIT,
    description: 'Units one member may redeem in all (cancelled redemptions do not count)',
  }),
}

export const ZRewardEligibility = Type.Object(
  {
    status: Type.Union([
      Type.Literal('available'),
      Type.Literal('insufficient_points'),
      Type.Literal('tier_required'),
      Type.Literal('out_of_stock'),
      Type.Literal('limit_reached'),
      Type.Literal('inactive'),
    ]),
    points_available: Type.Integer({ description: 'The member’s available points' }),
    points_short: Type.Integer({ description: 'Points the member lacks for one; 0 if none' }),
    redeemed_by_member: Type.Integer({
      description: 'Units of it the member redeemed (not cancelled)',
    }),
    limit_remaining: nullable(
      Type.Integer({ description: 'Units the member may still redeem; null: no limit' }),
    ),
  },
  {
    description:
      'What redeeming one would answer for the member now, the first that applies of ' +
      '`inactive`, `tier_required`, `limit_reached`, `out_of_stock`, `insufficient_points`, ' +
      'else `available`',
  },
)

export const ZReward = Type.Object(
  {
    id: Type.String({ description: '`rwd_…`' }),
    name: terms.name,
    description: nullable(terms.description),
    image_url: nullable(terms.image_url),
    type: ZRewardType,
    points_cost: terms.points_cost,
    cash_cost: terms.cash_cost,
    stock: nullable(terms.stock),
    stock_remaining: nullable(
      Type.Integer({
        description:
          '`stock` less the units redeemed (not cancelled), never below 0; null: unlimited',
      }),
    ),
    redeemed: Type.Integer({ description: 'Units redeemed and not cancelled' }),
    tiers: terms.tiers,
    per_member_limit: nullable(terms.per_member_limit),
    coupon_template: nullable(Type.String({ description: 'A coupon reward’s template (`cpt_…`)' })),
    active: Type.Boolean({ description: 'An inactive reward cannot be redeemed' }),
    created_at: ZTimestamp,
    updated_at: ZTimestamp,
    eligibility: Type.Optional(ZRewardEligibility),
  },
  { $id: 'Reward' },
)

export const ZRewardCreate = Type.Object(
  {
    name: terms.name,
    type: ZRewardType,
    points_cost: terms.points_cost,
    cash_cost: Type.Optional(terms.cash_cost),
    stock: Type.Optional(nullable(terms.stock)),
    tiers: Type.Optional(terms.tiers),
    per_member_limit: Type.Optional(nullable(terms.per_member_limit)),
    coupon_template: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: 'Required for a `coupon` reward (and only there): a template of the program',
      }),
    ),
    description: Type.Optional(nullable(terms.description)),
    image_url: Type.Optional(nullable(terms.image_url)),
    active: Type.Optional(Type.Boolean({ default: true })),
  },
  closed,
)

export const ZRewardPatch = Type.Object(
  {
    name: Type.Optional(terms.name),
    description: Type.Optional(nullable(terms.description)),
    image_url: Type.Optional(nullable(terms.image_url)),
    points_cost: Type.Optional(terms.points_cost),
    cash_cost: Type.Optional(terms.cash_cost),
    stock: Type.Optional(
      nullable({
        ...terms.stock,
        description:
          'The new allotment: `stock_remaining` becomes it less the units redeemed, never below 0',
      }),
    ),
    tiers: Type.Optional(terms.tiers),
    per_member_limit: Type.Optional(nullable(terms.per_member_limit)),
    active: Type.Optional(Type.Boolean()),
  },
  {
    ...closed,
    description: 'A reward’s type and coupon template never change; the rest may',
  },
)

export const ZRewardParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64, description: '`rwd_…`' }),
})

export const ZRewardQuery = Type.Object({
  active: Type.Optional(Type.Boolean()),
  member: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 128,
      description: 'A member (`id` or `external_id`): adds each reward’s `eligibility` for it',
    }),
  ),
  ...ZPageQuery,
})

export const ZRewardGetQuery = Type.Object({
  member: ZRewardQuery.properties.member,
})

const ZRedemptionCoupon = Type.Object({
  id: Type.String({ description: '`cpn_…`' }),
  code: Type.String({ description: 'As shown: `XXXX-XXXX-XXXX-XXXX`' }),
})

export const ZRedemptionStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('fulfilled'),
  Type.Literal('cancelled'),
])

export const ZRewardRedemption = Type.Object(
  {
    id: Type.String({ description: '`rdm_…`' }),
    reward: Type.String({ description: 'The reward’s id' }),
    reward_name: Type.String(),
    reward_type: ZRewardType,
    member: Type.String({ description: 'The member’s id' }),
    quantity: Type.Integer({ minimum: 1 }),
    status: Type.Union(
      [Type.Literal('pending'), Type.Literal('fulfilled'), Type.Literal('cancelled')],
      {
        description:
          '`pending` until fulfilled or cancelled; a coupon reward is `fulfilled` at once',
      },
    ),
    points_spent: Type.Integer({ description: 'points_cost × quantity' }),
    cash_cost: Type.Integer({ description: 'cash_cost × quantity, in minor units' }),
    transaction: Type.String({
      description: 'The `redeem` ledger entry (`txn_…`) whose source is this redemption',
    }),
    coupon: nullable(ZRedemptionCoupon),
    coupons: Type.Array(ZRedemptionCoupon, {
      description: 'The coupons a coupon reward issued, one per unit (`coupon` is the first)',
    }),
    note: nullable(Type.String()),
    created_at: ZTimestamp,
    fulfilled_at: nullable(ZTimestamp),
    cancelled_at: nullable(ZTimestamp),
  },
  { $id: 'RewardRedemption' },
)

export const ZRedeem = Type.Object(
  {
    reward: Type.String({ minLength: 1, maxLength: 64, description: 'The reward’s id' }),
    quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_REDEEM_QUANTITY, default: 1 })),
  },
  closed,
)

export const ZRedemptionParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64, description: '`rdm_…`' }),
})

export const ZRedemptionClose = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 500, description: 'Kept on the redemption' })) },
  closed,
)

const ZOrder = Type.Optional(
  Type.Union([Type.Literal('asc'), Type.Literal('desc')], {
    description: '`asc`: oldest first (a queue); `desc` (default): newest first',
  }),
)

export const ZRedemptionQuery = Type.Object({
  status: Type.Optional(ZRedemptionStatus),
  member: Type.Optional(
    Type.String({ minLength: 1, maxLength: 128, description: 'A member’s `id` or `external_id`' }),
  ),
  reward: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  order: ZOrder,
  ...ZPageQuery,
})

export const ZMemberRedemptionQuery = Type.Object({
  status: Type.Optional(ZRedemptionStatus),
  reward: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  order: ZOrder,
  ...ZPageQuery,
})
