import { Type } from 'typebox'
import { ZPageQuery, ZTimestamp } from './common.js'

const closed = { additionalProperties: false }

const ZBenefitType = Type.Union(
  [
    Type.Literal('free_shipping'),
    Type.Literal('discount'),
    Type.Literal('points_multiplier'),
    Type.Literal('early_access'),
    Type.Literal('event_invitation'),
    Type.Literal('dedicated_service'),
    Type.Literal('appointment'),
    Type.Literal('custom'),
  ],
  {
    description:
      '`free_shipping` and `discount` (config `{ percent_off, max_amount? }`, source `tier`) are ' +
      'applied by quotes and orders; `points_multiplier` (config `{ multiplier }`) multiplies ' +
      'what each earning rule pays an order; the others are used by hand, by bookings and invitations',
  },
)

const ZQuota = Type.Object(
  {
    count: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    period: Type.Union([Type.Literal('week'), Type.Literal('month'), Type.Literal('year')], {
      description: 'In the program’s time zone; weeks start on Monday',
    }),
  },
  closed,
)

const ZTiers = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
  maxItems: 50,
  description: 'Tier keys of the ladder whose members have the benefit',
})
const ZConfig = Type.Record(Type.String(), Type.Unknown(), {
  description:
    'By type: discount `{ percent_off, max_amount? }`, points_multiplier `{ multiplier }`',
})
const ZName = Type.String({ minLength: 1, maxLength: 200 })

export const ZBenefit = Type.Object(
  {
    id: Type.String({ description: '`ben_…`' }),
    key: Type.String(),
    name: Type.String(),
    type: ZBenefitType,
    tiers: Type.Array(Type.String()),
    quota: Type.Union([ZQuota, Type.Null()]),
    config: ZConfig,
    active: Type.Boolean(),
    created_at: ZTimestamp,
    updated_at: ZTimestamp,
  },
  { $id: 'Benefit' },
)

export const ZBenefitCreate = Type.Object(
  {
    key: Type.String({ minLength: 1, maxLength: 64, description: 'Lower case: `free_ship`, …' }),
    name: ZName,
    type: ZBenefitType,
    tiers: ZTiers,
    quota: Type.Optional(Type.Union([ZQuota, Type.Null()])),
    config: Type.Optional(ZConfig),
    active: Type.Optional(Type.Boolean()),
  },
  closed,
)

export const ZBenefitPatch = Type.Object(
  {
    name: Type.Optional(ZName),
    tiers: Type.Optional(ZTiers),
    quota: Type.Optional(Type.Union([ZQuota, Type.Null()])),
    config: Type.Optional(ZConfig),
    active: Type.Optional(Type.Boolean()),
  },
  closed,
)

export const ZBenefitParams = Type.Object({
  key: Type.String({ minLength: 1, maxLength: 64, description: 'The benefit’s key (or id)' }),
})

export const ZMemberBenefitParams = Type.Object({
  member: Type.String({ minLength: 1, maxLength: 128 }),
  key: Type.String({ minLength: 1, maxLength: 64 }),
})

export const ZMemberBenefit = Type.Object({
  key: Type.String(),
  name: Type.String(),
  type: ZBenefitType,
  config: ZConfig,
  quota: Type.Union([
    Type.Object({
      count: Type.Integer(),
      used: Type.Integer(),
      remaining: Type.Integer(),
      resets_at: ZTimestamp,
    }),
    Type.Null(),
  ]),
})

export const ZBenefitUseCreate = Type.Object(
  {
    reference: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'What the use was for: a visit, a ticket, a booking',
      }),
    ),
  },
  closed,
)

export const ZBenefitUse = Type.Object({
  id: Type.String({ description: '`bus_…`' }),
  benefit: Type.String({ description: 'The benefit’s key' }),
  member: Type.String(),
  tier: Type.String({ description: 'The member’s tier when it was used' }),
  reference: Type.Object({
    kind: Type.String({ description: '`order` or `manual`' }),
    id: Type.Union([Type.String(), Type.Null()]),
  }),
  period: Type.Union([Type.String(), Type.Null()], {
    description: 'The quota period it counted in: `week:2026-12-07`, `month:2026-12`, `year:2026`',
  }),
  amount: Type.Integer({ description: 'What it was worth in minor units (orders)' }),
  used_at: ZTimestamp,
  returned_at: Type.Union([ZTimestamp, Type.Null()], {
    description: 'When it was given back (its order fully refunded)',
  }),
})

export const ZBenefitUseCreated = Type.Object({
  ...ZBenefitUse.properties,
  quota: ZMemberBenefit.properties.quota,
})

export const ZBenefitUsesQuery = Type.Object({
  benefit: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  ...ZPageQuery,
})

export const ZAuditQuery = Type.Object({
  period_start: Type.Optional(
    Type.String({
      minLength: 10,
      maxLength: 40,
      description:
        'Any day or instant of the period to audit: a local date (`2026-12-01`, in the program’s time zone) or a date-time (default now)',
    }),
  ),
})

export const ZAuditMembersQuery = Type.Object({
  period_start: ZAuditQuery.properties.period_start,
  format: Type.Optional(Type.Literal('csv', { description: 'The whole list as CSV' })),
  ...ZPageQuery,
})

export const ZBenefitAudit = Type.Object({
  benefit: Type.String(),
  period: Type.Object({ start: ZTimestamp, end: ZTimestamp }),
  entitled: Type.Integer({ description: 'Members who held an entitled tier in the period' }),
  used: Type.Integer({ description: 'Of them, members with a use kept (not given back)' }),
  uses: Type.Integer({ description: 'Uses recorded in the period' }),
  returned: Type.Integer({ description: 'Of them, uses given back' }),
  unused: Type.Object({ count: Type.Integer() }),
})
