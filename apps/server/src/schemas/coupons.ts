import { MAX_AMOUNT, MAX_BULK_CODES, MAX_COUPON_LIMIT, MAX_VALIDITY_DAYS } from '@loyalbase/core'
import { type TSchema, Type } from 'typebox'
import { ZPageQuery, ZTimestamp } from './common.js'

const closed = { additionalProperties: false }
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

const money = (description: string) =>
  Type.Integer({ minimum: 1, maximum: MAX_AMOUNT, description: `${description}, in minor units` })

export const ZCouponDiscount = Type.Union(
  [
    Type.Object(
      {
        type: Type.Literal('percent'),
        percent_off: Type.Number({
          minimum: 1,
          maximum: 100,
          description: 'Percent off the covered items, 1 to 100, at most 4 decimals',
        }),
        max_amount: Type.Optional(money('The most the discount takes off')),
      },
      closed,
    ),
    Type.Object({ type: Type.Literal('amount'), amount_off: money('Taken off') }, closed),
    Type.Object({ type: Type.Literal('free_shipping') }, closed),
  ],
  {
    description:
      '`percent`: `percent_off` % of the covered items, rounded down, at most `max_amount`; ' +
      '`amount`: `amount_off`, at most what the covered items cost; `free_shipping`: the ' +
      'shipping fee.',
  },
)

const ZText = Type.String({ minLength: 1, maxLength: 128 })

export const ZCouponScope = Type.Object(
  {
    categories: Type.Optional(Type.Array(ZText, { maxItems: 1000 })),
    skus: Type.Optional(Type.Array(ZText, { maxItems: 1000 })),
  },
  {
    ...closed,
    description: 'Items in any of the categories or with any of the SKUs; none given: every item',
  },
)

export const ZCouponValidity = Type.Union(
  [
    Type.Object(
      {
        days: Type.Integer({
          minimum: 1,
          maximum: MAX_VALIDITY_DAYS,
          description:
            'From issue (a bulk code: from its claim) to the end of the program’s local day this ' +
            'many days later',
        }),
      },
      closed,
    ),
    Type.Object(
      {
        starts_at: ZTimestamp,
        ends_at: Type.String({ format: 'date-time', description: 'Exclusive; after starts_at' }),
      },
      closed,
    ),
  ],
  { description: '`{ days }` counted from each issue, or one window for every coupon' },
)

const limit = (description: string) =>
  Type.Integer({ minimum: 1, maximum: MAX_COUPON_LIMIT, description })

const terms = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  discount: ZCouponDiscount,
  min_spend: Type.Integer({
    minimum: 0,
    maximum: MAX_AMOUNT,
    description: 'The covered items must cost at least this (minor units) for the coupon to apply',
  }),
  applies_to: ZCouponScope,
  validity: ZCouponValidity,
  per_member_limit: limit(
    'Coupons of this template one member may ever get (redeemed and expired ones included)',
  ),
  total_limit: limit('Coupons of this template in all, bulk codes included'),
  stackable: Type.Boolean({ description: 'May be used on one order with other coupons' }),
}

export const ZCouponTemplate = Type.Object(
  {
    id: Type.String({ description: '`cpt_…`' }),
    name: terms.name,
    discount: terms.discount,
    min_spend: nullable(terms.min_spend),
    applies_to: nullable(terms.applies_to),
    validity: terms.validity,
    per_member_limit: nullable(terms.per_member_limit),
    total_limit: nullable(terms.total_limit),
    stackable: terms.stackable,
    active: Type.Boolean({ description: 'An inactive template issues nothing' }),
    issued: Type.Integer({
      description: 'Coupons issued and bulk codes requested so far, against `total_limit`',
    }),
    created_at: ZTimestamp,
    updated_at: ZTimestamp,
  },
  { $id: 'CouponTemplate' },
)

export const ZCouponTemplateCreate = Type.Object(
  {
    name: terms.name,
    discount: terms.discount,
    min_spend: Type.Optional(terms.min_spend),
    applies_to: Type.Optional(terms.applies_to),
    validity: terms.validity,
    per_member_limit: Type.Optional(terms.per_member_limit),
    total_limit: Type.Optional(terms.total_limit),
    stackable: Type.Optional(Type.Boolean({ default: false })),
  },
  closed,
)

export const ZCouponTemplatePatch = Type.Object(
  {
    name: Type.Optional(terms.name),
    active: Type.Optional(
      Type.Boolean({ description: '`false`: no more coupons, bulk codes or claims' }),
    ),
  },
  { ...closed, description: 'A template’s terms never change; its name and switch do' },
)

export const ZCouponTemplateParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64, description: '`cpt_…`' }),
})

export const ZCouponTemplateQuery = Type.Object({
  active: Type.Optional(Type.Boolean()),
  ...ZPageQuery,
})

const statuses = <T extends string>(...names: T[]) => Type.Union(names.map((n) => Type.Literal(n)))

export const ZCoupon = Type.Object(
  {
    id: Type.String({ description: '`cpn_…`' }),
    code: Type.String({
      description: '16 characters of Crockford base32 in groups of four: `XXXX-XXXX-XXXX-XXXX`',
    }),
    template: Type.String({ description: 'The template’s id' }),
    member: nullable(Type.String({ description: 'The member’s id; null for an unassigned code' })),
    status: Type.Union(
      [
        Type.Literal('unassigned'),
        Type.Literal('active'),
        Type.Literal('redeemed'),
        Type.Literal('expired'),
      ],
      { description: '`expired`: active, and `expires_at` has passed' },
    ),
    starts_at: nullable(ZTimestamp),
    expires_at: nullable(ZTimestamp),
    issued_at: nullable(ZTimestamp),
    redeemed_at: nullable(ZTimestamp),
    order: nullable(Type.String({ description: 'The order that redeemed it, while redeemed' })),
    created_at: ZTimestamp,
  },
  { $id: 'Coupon' },
)

export const ZCouponIssue = Type.Object(
  {
    template: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: 'Issue a new coupon of it' }),
    ),
    code: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: 'Claim this unassigned bulk code (case, dashes and spaces do not matter)',
      }),
    ),
  },
  { ...closed, description: 'Give exactly one of `template` and `code`' },
)

export const ZMemberCouponQuery = Type.Object({
  status: Type.Optional(statuses('active', 'redeemed', 'expired')),
  ...ZPageQuery,
})

export const ZBulkCodes = Type.Object(
  { count: Type.Integer({ minimum: 1, maximum: MAX_BULK_CODES }) },
  closed,
)

export const ZBulkCodesStarted = Type.Object({
  run_id: Type.String({ description: 'The job run: `GET /v1/job-runs/{id}` shows its progress' }),
  job: Type.String(),
  template: Type.String(),
  count: Type.Integer(),
})

export const ZTemplateCodesQuery = Type.Object({
  status: Type.Optional(statuses('unassigned', 'active', 'redeemed', 'expired')),
  format: Type.Optional(
    Type.Union([Type.Literal('json'), Type.Literal('csv')], {
      description: '`csv`: every code (paging ignored) as text/csv',
    }),
  ),
  ...ZPageQuery,
})

export const ZCouponSearchQuery = Type.Object({
  code: Type.String({
    minLength: 1,
    maxLength: 64,
    description: 'A coupon code, with or without dashes, any case',
  }),
})
