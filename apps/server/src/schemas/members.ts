import { BIRTHDAY_PATTERN, PHONE_PATTERN } from '@loyalbase/core'
import { Type } from 'typebox'
import { ZTimestamp } from './common.js'

const nullable = <T extends ReturnType<typeof Type.String>>(schema: T) =>
  Type.Union([schema, Type.Null()])

const PHONE = PHONE_PATTERN
const BIRTHDAY = BIRTHDAY_PATTERN

const fields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  phone: Type.String({ pattern: PHONE, description: 'Mainland mobile or E.164' }),
  email: Type.String({ format: 'email', maxLength: 254 }),
  birthday: Type.String({ pattern: BIRTHDAY, description: 'YYYY-MM-DD or --MM-DD' }),
}

export const ZAttributes = Type.Record(Type.String(), Type.Unknown(), {
  description: 'Free-form; at most 16 KB as JSON and 8 levels deep',
})

export const ZMember = Type.Object(
  {
    id: Type.String(),
    external_id: Type.String(),
    name: Type.Union([Type.String(), Type.Null()]),
    phone: Type.Union([Type.String(), Type.Null()]),
    email: Type.Union([Type.String(), Type.Null()]),
    birthday: Type.Union([Type.String(), Type.Null()]),
    status: Type.String(),
    joined_at: ZTimestamp,
    attributes: ZAttributes,
    referral_code: Type.String(),
    tier: Type.Object({ key: Type.String(), name: Type.String(), since: ZTimestamp }),
    points: Type.Object({ available: Type.Integer(), pending: Type.Integer() }),
    growth: Type.Integer(),
    lifetime_spend: Type.Integer(),
    orders_count: Type.Integer(),
  },
  { $id: 'Member' },
)

export const ZMemberCreate = Type.Object(
  {
    external_id: Type.String({ minLength: 1, maxLength: 128 }),
    name: Type.Optional(nullable(fields.name)),
    phone: Type.Optional(nullable(fields.phone)),
    email: Type.Optional(nullable(fields.email)),
    birthday: Type.Optional(nullable(fields.birthday)),
    joined_at: Type.Optional(
      Type.String({ format: 'date-time', description: 'Defaults to now; for imports' }),
    ),
    attributes: Type.Optional(ZAttributes),
    referred_by: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: 'A referral code' }),
    ),
  },
  { additionalProperties: false },
)

export const ZMemberPatch = Type.Object(
  {
    name: Type.Optional(nullable(fields.name)),
    phone: Type.Optional(nullable(fields.phone)),
    email: Type.Optional(nullable(fields.email)),
    birthday: Type.Optional(nullable(fields.birthday)),
    attributes: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        description: 'Merged into the stored attributes; a key set to null is removed',
      }),
    ),
  },
  { additionalProperties: false },
)

export const ZMemberParams = Type.Object({
  member: Type.String({ minLength: 1, maxLength: 128, description: 'mem_… id or external_id' }),
})

export const ZPortalSessionCreate = Type.Object(
  {
    locale: Type.Optional(Type.String({ minLength: 2, maxLength: 35 })),
    return_url: Type.Optional(Type.String({ format: 'uri', maxLength: 2048 })),
  },
  { additionalProperties: false },
)

export const ZPortalSession = Type.Object({
  url: Type.String(),
  token: Type.String(),
  expires_at: ZTimestamp,
})
