import { Type } from 'typebox'
import { ZPageQuery, ZTimestamp } from './common.js'

const closed = { additionalProperties: false }

export const ZSegmentCondition = Type.Record(Type.String(), Type.Unknown(), {
  description:
    'JsonLogic over member fields (`tier`, `status`, `points`, `pending_points`, ' +
    '`lifetime_spend`, `orders_count`, `growth`, `days_since_joined`, `days_since_last_order`, ' +
    '`birthday_month`, `unused_benefits` (a list: `{ "in": ["<benefit key>", { "var": "unused_benefits" }] }`), `attributes.<key>`), e.g. `{ ">=": [{ "var": "lifetime_spend" }, 100000] }`; ' +
    'operators and, or, !, ==, !=, ===, !==, <, <=, >, >=, in (docs/segments.md)',
})

const ZSegmentName = Type.String({ minLength: 1, maxLength: 200 })

export const ZSegment = Type.Object(
  {
    id: Type.String({ description: '`seg_…`' }),
    name: ZSegmentName,
    condition: ZSegmentCondition,
    created_at: ZTimestamp,
    updated_at: ZTimestamp,
    count: Type.Optional(
      Type.Integer({
        minimum: 0,
        description:
          'Members matching now: on `GET /v1/segments/{id}`, and in lists with `with_counts=true`',
      }),
    ),
  },
  { $id: 'Segment' },
)

export const ZSegmentCreate = Type.Object(
  { name: ZSegmentName, condition: ZSegmentCondition },
  closed,
)

export const ZSegmentPatch = Type.Object(
  { name: Type.Optional(ZSegmentName), condition: Type.Optional(ZSegmentCondition) },
  closed,
)

export const ZSegmentPreviewBody = Type.Object({ condition: ZSegmentCondition }, closed)

export const ZSegmentParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64, description: '`seg_…`' }),
})

export const ZSegmentQuery = Type.Object({
  with_counts: Type.Optional(
    Type.Boolean({ description: 'Count each segment’s members (a query per segment)' }),
  ),
  ...ZPageQuery,
})

export const ZSegmentMembersQuery = Type.Object({ ...ZPageQuery })
