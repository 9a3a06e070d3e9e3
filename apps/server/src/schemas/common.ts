import { type TSchema, Type } from 'typebox'

/** Shared schemas, registered once so that OpenAPI names them as components. */
export const ZProblem = Type.Object(
  {
    type: Type.String({ format: 'uri', description: '`urn:loyalbase:error:<code>`' }),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'A stable error code, e.g. `member_exists`' }),
    detail: Type.String(),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          path: Type.String({ description: 'The field, as `items[0].sku`' }),
          message: Type.String(),
        }),
      ),
    ),
  },
  { $id: 'Problem', description: 'An RFC 9457 problem document' },
)

export const ProblemRef = Type.Ref('Problem')

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Bad input (`invalid_request`), with `errors` naming each field',
  401: 'No key, or an unknown, revoked or expired one (`unauthorized`)',
  403: 'The key’s kind or role may not do this (`forbidden`)',
  404: 'No such resource in this program (`not_found`)',
  409: 'Conflict with the current state or an earlier request',
  413: 'The body is larger than 1 MB (`payload_too_large`)',
  415: 'The body is not JSON (`unsupported_media_type`)',
  422: 'Well-formed, but the current state refuses it',
  429: 'Too many requests (`rate_limited`); see `Retry-After`',
  503: 'The database is not reachable (`unavailable`)',
}

/** A problem response in the OpenAPI document: `application/problem+json`. */
export function problemResponse(status: number) {
  return {
    description: ERROR_DESCRIPTIONS[status] ?? 'A problem',
    content: { 'application/problem+json': { schema: ProblemRef } },
  }
}

/** Error responses every authenticated route may give, plus the ones named. */
export function errorResponses(...statuses: number[]) {
  const all = new Set([400, 401, 403, 404, 429, ...statuses])
  return Object.fromEntries(
    [...all].sort((a, b) => a - b).map((status) => [status, problemResponse(status)]),
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
