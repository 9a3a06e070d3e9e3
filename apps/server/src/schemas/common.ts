import { type TSchema, Type } from 'typebox'

/** Shared schemas, registered once so that OpenAPI names them as components. */
export const ZProblem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String(),
    detail: Type.String(),
    errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
  },
  { $id: 'Problem', description: 'An RFC 9457 problem document' },
)

export const ProblemRef = Type.Ref('Problem')

/** Error responses every authenticated route may give. */
export function errorResponses(...statuses: number[]) {
  const all = new Set([400, 401, 403, 404, 429, ...statuses])
  return Object.fromEntries(
    [...all].sort().map((status) => [status, { ...ProblemRef, description: 'Problem' }]),
  )
}

export function ZPage<T extends TSchema>(item: T) {
  return Type.Object({
    data: Type.Array(item),
    next_cursor: Type.Union([Type.String(), Type.Null()]),
  })
}

export const ZPageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
}

export const ZTimestamp = Type.String({ format: 'date-time' })
