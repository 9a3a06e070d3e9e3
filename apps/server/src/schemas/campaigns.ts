import { Type } from 'typebox'
import { ZPageQuery, ZTimestamp } from './common.js'

const closed = { additionalProperties: false }
const ZId = Type.String({ minLength: 1, maxLength: 64 })

export const ZCampaignTrigger = Type.Union(
  [
    Type.Object({ type: Type.Literal('member_joined') }, closed),
    Type.Object(
      {
        type: Type.Literal('birthday'),
        days_before: Type.Optional(
          Type.Integer({
            minimum: 0,
            maximum: 60,
            description: 'Reward this many days before the birthday (default 0: on the day)',
          }),
        ),
      },
      closed,
    ),
    Type.Object(
      {
        type: Type.Literal('tier_upgraded'),
        tier: Type.Optional(
          Type.String({ minLength: 1, maxLength: 64, description: 'Only upgrades to this tier' }),
        ),
      },
      closed,
    ),
    Type.Object(
      {
        type: Type.Literal('inactive'),
        days: Type.Integer({
          minimum: 1,
          maximum: 3_650,
          description: 'Days without an order (or, without orders, since joining)',
        }),
      },
      closed,
    ),
    Type.Object(
      {
        type: Type.Literal('scheduled'),
        at: ZTimestamp,
        segment: Type.String({ minLength: 1, maxLength: 64, description: '`seg_…`' }),
      },
      closed,
    ),
  ],
  { description: 'What makes a member eligible (docs/campaigns.md)' },
)

export const ZCampaignReward = Type.Union([
  Type.Object(
    { type: Type.Literal('coupon'), template: Type.String({ minLength: 1, maxLength: 64 }) },
    closed,
  ),
  Type.Object(
    { type: Type.Literal('points'), points: Type.Integer({ minimum: 1, maximum: 10_000_000 }) },
    closed,
  ),
])

const ZBudgetFields = {
  max_rewards: Type.Optional(
    Type.Union([Type.Integer({ minimum: 1, maximum: 1_000_000_000 }), Type.Null()]),
  ),
  max_cost: Type.Optional(
    Type.Union([
      Type.Integer({
        minimum: 1,
        maximum: 1_000_000_000_000,
        description:
          'Minor units: points at their checkout value, coupons at the most they can take off',
      }),
      Type.Null(),
    ]),
  ),
}

const ZCampaignName = Type.String({ minLength: 1, maxLength: 200 })

export const ZCampaignCreate = Type.Object(
  {
    name: ZCampaignName,
    trigger: ZCampaignTrigger,
    reward: ZCampaignReward,
    budget: Type.Optional(Type.Object(ZBudgetFields, closed)),
    holdout_percent: Type.Optional(
      Type.Number({
        minimum: 0,
        maximum: 90,
        description:
          'Percent of the audience held out as a control group (default 0), at most two decimals',
      }),
    ),
    starts_at: Type.Optional(ZTimestamp),
    ends_at: Type.Optional(Type.Union([ZTimestamp, Type.Null()])),
  },
  closed,
)

export const ZCampaignPatch = Type.Object(
  {
    name: Type.Optional(ZCampaignName),
    active: Type.Optional(Type.Boolean()),
    budget: Type.Optional(Type.Object(ZBudgetFields, closed)),
    ends_at: Type.Optional(Type.Union([ZTimestamp, Type.Null()])),
  },
  closed,
)

export const ZCampaign = Type.Object(
  {
    id: Type.String({ description: '`cmp_…`' }),
    name: Type.String(),
    trigger: ZCampaignTrigger,
    reward: ZCampaignReward,
    budget: Type.Object({
      max_rewards: Type.Union([Type.Integer(), Type.Null()]),
      max_cost: Type.Union([Type.Integer(), Type.Null()]),
    }),
    holdout_percent: Type.Number(),
    starts_at: ZTimestamp,
    ends_at: Type.Union([ZTimestamp, Type.Null()]),
    active: Type.Boolean(),
    used: Type.Object(
      { rewards: Type.Integer(), cost: Type.Integer() },
      { description: 'The budget used: rewards given and their cost at issue' },
    ),
    created_at: ZTimestamp,
    updated_at: ZTimestamp,
  },
  { $id: 'Campaign' },
)

export const ZCampaignParams = Type.Object({ id: ZId })
export const ZCampaignListQuery = Type.Object({ ...ZPageQuery })

export const ZCampaignReportQuery = Type.Object({
  window_days: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 365,
      default: 30,
      description: 'Days of revenue counted after each member was assigned',
    }),
  ),
})

export const ZCampaignReport = Type.Object({
  rewards_issued: Type.Integer(),
  cost: Type.Integer({
    description:
      'Minor units: points given at their checkout value, coupons at what orders took off',
  }),
  redeemed: Type.Integer({
    description: 'Coupons used; for points, rewarded members who spent points since',
  }),
  treated: Type.Integer(),
  holdout: Type.Integer(),
  revenue_per_treated: Type.Integer(),
  revenue_per_holdout: Type.Integer(),
  uplift: Type.Integer({ description: 'revenue_per_treated − revenue_per_holdout, minor units' }),
  uplift_interval: Type.Union(
    [Type.Array(Type.Integer(), { minItems: 2, maxItems: 2 }), Type.Null()],
    {
      description:
        '[low, high]: the 95 % confidence interval of the uplift (Welch); null with fewer than 2 in a group',
    },
  ),
  verdict: Type.Union([
    Type.Literal('effective'),
    Type.Literal('no_significant_difference'),
    Type.Literal('negative'),
    Type.Literal('too_few_members'),
  ]),
  window_days: Type.Integer(),
  over_budget: Type.Integer(),
  refused: Type.Integer(),
  pending: Type.Integer(),
  timeline: Type.Array(
    Type.Object({ date: Type.String(), treated: Type.Integer(), holdout: Type.Integer() }),
    { description: 'Cumulative revenue per member of each group, by local day' },
  ),
})

export const ZCampaignPreviewBody = Type.Object({ trigger: ZCampaignTrigger }, closed)
export const ZAudiencePreview = Type.Object({
  count: Type.Integer({ minimum: 0 }),
  basis: Type.Union([
    Type.Literal('now'),
    Type.Literal('last_30_days'),
    Type.Literal('next_30_days'),
  ]),
})
