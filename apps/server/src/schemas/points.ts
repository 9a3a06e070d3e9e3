import { Type } from 'typebox'
import { ZTimestamp } from './common.js'

const ZSource = Type.Object({ kind: Type.String(), id: Type.String() })

export const ZPointTransaction = Type.Object(
  {
    id: Type.String(),
    type: Type.Union([
      Type.Literal('earn'),
      Type.Literal('release'),
      Type.Literal('redeem'),
      Type.Literal('expire'),
      Type.Literal('reverse'),
      Type.Literal('adjust'),
    ]),
    points: Type.Integer({ description: 'Signed: positive adds, negative takes away' }),
    balance_after: Type.Integer({ description: 'Available points after this entry' }),
    source: ZSource,
    rule_id: Type.Optional(Type.String()),
    expires_at: Type.Optional(ZTimestamp),
    note: Type.Optional(Type.String()),
    created_at: ZTimestamp,
  },
  { $id: 'PointTransaction' },
)

export const ZPointsBalance = Type.Object({
  available: Type.Integer(),
  pending: Type.Integer(),
  expiring: Type.Array(Type.Object({ points: Type.Integer(), expires_at: ZTimestamp })),
  lifetime: Type.Object({
    earned: Type.Integer(),
    redeemed: Type.Integer(),
    expired: Type.Integer(),
    reversed: Type.Integer(),
    adjusted: Type.Integer({ description: 'Net of positive and negative adjustments' }),
  }),
})

export const ZPointsExplain = Type.Object({
  available: Type.Integer(),
  pending: Type.Integer(),
  lots: Type.Array(
    Type.Object({
      id: Type.String(),
      status: Type.Union([Type.Literal('available'), Type.Literal('pending')]),
      earned: Type.Integer(),
      remaining: Type.Integer(),
      earned_at: ZTimestamp,
      expires_at: Type.Union([ZTimestamp, Type.Null()]),
      source: ZSource,
      rule: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
    }),
  ),
})

export const ZAdjustment = Type.Object(
  {
    points: Type.Integer({ not: { const: 0 }, minimum: -1_000_000_000, maximum: 1_000_000_000 }),
    reason: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
)

export const ZRedemption = Type.Object(
  {
    points: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  },
  { additionalProperties: false },
)
