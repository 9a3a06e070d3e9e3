import { MAX_EARLY_ACCESS_ENTRIES, MAX_HEAD_START_HOURS } from '@loyalbase/core'
import { Type } from 'typebox'
import { ZPageQuery, ZTimestamp } from './common.js'

const closed = { additionalProperties: false }
const nullable = <T extends import('typebox').TSchema>(schema: T) =>
  Type.Union([schema, Type.Null()])

const ZSku = Type.String({ minLength: 1, maxLength: 128, description: 'The product’s SKU' })

export const ZEarlyAccess = Type.Object(
  {
    tier: Type.String({ minLength: 1, maxLength: 64, description: 'A tier key of the ladder' }),
    hours_before: Type.Integer({
      minimum: 1,
      maximum: MAX_HEAD_START_HOURS,
      description: 'The tier’s members may buy this many hours before `public_at`',
    }),
  },
  closed,
)

const earlyAccess = (options: { default?: [] } = {}) =>
  Type.Array(ZEarlyAccess, {
    maxItems: MAX_EARLY_ACCESS_ENTRIES,
    description:
      'Head starts by tier. A tier listed twice has the larger; a tier not listed has none ' +
      '(list every tier that should have one: a head start is not inherited by higher tiers).',
    ...options,
  })

const terms = {
  sku: ZSku,
  name: Type.String({ minLength: 1, maxLength: 200 }),
  public_at: Type.String({ format: 'date-time', description: 'On sale to everyone from then' }),
  early_access: earlyAccess(),
}

export const ZRelease = Type.Object(
  {
    id: Type.String({ description: '`rel_…`' }),
    sku: terms.sku,
    name: terms.name,
    public_at: ZTimestamp,
    early_access: terms.early_access,
    created_at: ZTimestamp,
    updated_at: ZTimestamp,
  },
  { $id: 'Release' },
)

export const ZReleaseCreate = Type.Object(
  {
    sku: terms.sku,
    name: terms.name,
    public_at: terms.public_at,
    early_access: Type.Optional(earlyAccess({ default: [] })),
  },
  closed,
)

export const ZReleasePatch = Type.Object(
  {
    sku: Type.Optional(terms.sku),
    name: Type.Optional(terms.name),
    public_at: Type.Optional(terms.public_at),
    early_access: Type.Optional(terms.early_access),
  },
  { ...closed, description: 'Fields given replace the stored ones whole' },
)

export const ZReleaseParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64, description: '`rel_…`' }),
})

export const ZReleaseQuery = Type.Object({
  upcoming: Type.Optional(Type.Boolean({ description: 'Only releases not yet public' })),
  ...ZPageQuery,
})

export const ZMemberReleaseParams = Type.Object({
  member: Type.String({ minLength: 1, maxLength: 128, description: 'mem_… id or external_id' }),
  sku: ZSku,
})

export const ZReleaseAccess = Type.Object(
  {
    sku: ZSku,
    allowed: Type.Boolean({ description: 'The member may buy the SKU now' }),
    opens_at: nullable(
      Type.String({
        format: 'date-time',
        description:
          'When the SKU opens to the member’s tier (`public_at` less its head start); null ' +
          'when the SKU has no release (it is on sale to everyone)',
      }),
    ),
    public_at: nullable(ZTimestamp),
    tier: Type.String({ description: 'The member’s tier key' }),
    name: nullable(Type.String({ description: 'The release’s name' })),
  },
  { $id: 'ReleaseAccess' },
)

export const ZMemberRelease = Type.Object({
  sku: ZSku,
  name: terms.name,
  public_at: ZTimestamp,
  opens_at: Type.String({ format: 'date-time', description: 'When it opens to the member' }),
  allowed: Type.Boolean({ description: 'The member may buy it now' }),
})
