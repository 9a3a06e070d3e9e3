import { Type } from 'typebox'
import { ZTimestamp } from './common.js'

export const ZExpiryPolicy = Type.Union(
  [
    Type.Object({ type: Type.Literal('none') }, { additionalProperties: false }),
    Type.Object(
      { type: Type.Literal('rolling'), months: Type.Integer({ minimum: 1, maximum: 120 }) },
      { additionalProperties: false },
    ),
    Type.Object(
      { type: Type.Literal('annual'), years_after: Type.Integer({ minimum: 0, maximum: 10 }) },
      { additionalProperties: false },
    ),
  ],
  {
    description:
      '`none`; `rolling`: points expire `months` after they are earned; `annual`: at the end ' +
      'of (earn year + `years_after`).',
  },
)

const pointsPolicyFields = {
  expiry: ZExpiryPolicy,
  pending_days: Type.Integer({ minimum: 0, maximum: 365 }),
  redeem_rate: Type.Integer({
    minimum: 1,
    maximum: 1_000_000,
    description: 'Points worth one major currency unit at checkout',
  }),
  max_redeem_percent: Type.Number({ minimum: 0, maximum: 100 }),
  allow_negative: Type.Boolean(),
}

export const ZPointsPolicy = Type.Object(pointsPolicyFields, { $id: 'PointsPolicy' })
export const ZPointsPolicyPatch = Type.Partial(Type.Object(pointsPolicyFields), {
  additionalProperties: false,
})

export const ZProgram = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    currency: Type.String(),
    timezone: Type.String(),
    locale: Type.String(),
    points_policy: Type.Ref('PointsPolicy'),
    webhook_private_targets: Type.Boolean({
      description:
        'Webhooks may post to link-local and cloud-metadata addresses (169.254.0.0/16, ' +
        'fe80::/10, …); off by default, for SSRF safety',
    }),
    created_at: ZTimestamp,
  },
  { $id: 'Program' },
)

const name = Type.String({ minLength: 1, maxLength: 200 })

export const ZProgramCreate = Type.Object(
  {
    name,
    currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', default: 'CNY' })),
    timezone: Type.Optional(Type.String({ minLength: 1, maxLength: 64, default: 'Asia/Shanghai' })),
    locale: Type.Optional(Type.String({ minLength: 2, maxLength: 35, default: 'zh-CN' })),
  },
  { additionalProperties: false },
)

export const ZProgramPatch = Type.Object(
  {
    name: Type.Optional(name),
    timezone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    locale: Type.Optional(Type.String({ minLength: 2, maxLength: 35 })),
    points_policy: Type.Optional(ZPointsPolicyPatch),
    webhook_private_targets: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)

export const ZKeyRole = Type.Union([
  Type.Literal('admin'),
  Type.Literal('server'),
  Type.Literal('readonly'),
])

export const ZApiKey = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    role: ZKeyRole,
    prefix: Type.String(),
    created_at: ZTimestamp,
    last_used_at: Type.Union([ZTimestamp, Type.Null()]),
  },
  { $id: 'ApiKey' },
)

export const ZApiKeyCreated = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: ZKeyRole,
  prefix: Type.String(),
  created_at: ZTimestamp,
  last_used_at: Type.Union([ZTimestamp, Type.Null()]),
  key: Type.String({ description: 'The secret key; shown once and never again.' }),
})

export const ZApiKeyCreate = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }), role: ZKeyRole },
  { additionalProperties: false },
)
