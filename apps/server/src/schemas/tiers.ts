import { Type } from 'typebox'
import { ZTimestamp } from './common.js'

const strict = { additionalProperties: false }

const ZTierDefinition = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z][a-z0-9_-]{0,31}$', description: 'Stable key, e.g. gold' }),
    name: Type.String({ minLength: 1, maxLength: 50, description: 'Display name, e.g. 金卡' }),
    threshold: Type.Integer({
      minimum: 0,
      maximum: 1_000_000_000_000_000,
      description: 'Metric needed; the first tier is 0',
    }),
    name_en: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    color: Type.Optional(Type.String({ pattern: '^#[0-9a-fA-F]{6}$', description: 'Card colour' })),
  },
  strict,
)

const ZWindow = Type.Union([
  Type.Object({ type: Type.Literal('lifetime') }, strict),
  Type.Object(
    { type: Type.Literal('rolling'), months: Type.Integer({ minimum: 1, maximum: 120 }) },
    strict,
  ),
  Type.Object({ type: Type.Literal('calendar_year') }, strict),
])

const ZDowngrade = Type.Union([
  Type.Object({ type: Type.Literal('never') }, strict),
  Type.Object(
    {
      type: Type.Literal('period_end'),
      grace_days: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
      steps: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
      period: Type.Optional(
        Type.Union([Type.Literal('month'), Type.Literal('quarter'), Type.Literal('year')], {
          description:
            'How often members are reviewed; default year (calendar years, lifetime) or month (rolling)',
        }),
      ),
    },
    strict,
  ),
])

const ladderFields = {
  metric: Type.Union([
    Type.Literal('spend'),
    Type.Literal('points_earned'),
    Type.Literal('growth'),
    Type.Literal('orders'),
  ]),
  window: ZWindow,
  downgrade: ZDowngrade,
  tiers: Type.Array(ZTierDefinition, { minItems: 1, maxItems: 20 }),
}

export const ZTierLadderInput = Type.Object(ladderFields, strict)

export const ZTierLadder = Type.Object(ladderFields, { $id: 'TierLadder' })

export const ZTierLadderSaved = Type.Object({
  ...ladderFields,
  reevaluation: Type.Object({ job: Type.String(), run_id: Type.String() }),
})

export const ZTierStatus = Type.Object({
  tier: Type.Object({ key: Type.String(), name: Type.String() }),
  since: ZTimestamp,
  metric: Type.Object({
    type: Type.String(),
    value: Type.Integer(),
    window: Type.Object({ type: Type.String(), months: Type.Optional(Type.Integer()) }),
  }),
  next: Type.Union([
    Type.Object({
      key: Type.String(),
      name: Type.String(),
      threshold: Type.Integer(),
      remaining: Type.Integer(),
    }),
    Type.Null(),
  ]),
  retain: Type.Union([Type.Object({ threshold: Type.Integer(), by: ZTimestamp }), Type.Null()]),
  override: Type.Union([
    Type.Object({ until: Type.Union([ZTimestamp, Type.Null()]) }),
    Type.Null(),
  ]),
  history: Type.Array(
    Type.Object({
      from: Type.String(),
      to: Type.String(),
      at: ZTimestamp,
      reason: Type.String(),
      note: Type.Optional(Type.String()),
    }),
  ),
})

export const ZTierOverride = Type.Object(
  {
    tier: Type.String({ minLength: 1, maxLength: 32 }),
    until: Type.Optional(ZTimestamp),
    reason: Type.String({ minLength: 1, maxLength: 500 }),
  },
  strict,
)

export const ZTierDistribution = Type.Object({
  tiers: Type.Array(
    Type.Object({ key: Type.String(), name: Type.String(), count: Type.Integer() }),
  ),
})
