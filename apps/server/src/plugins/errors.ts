import { AppError, type ErrorCode, type FieldError } from '@loyalbase/core'
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify'
import fp from 'fastify-plugin'

export const PROBLEM_TYPE = 'application/problem+json; charset=utf-8'

export function problemBody(error: AppError) {
  return {
    type: `urn:loyalbase:error:${error.code}`,
    title: error.title,
    status: error.status,
    code: error.code,
    detail: error.detail,
    ...(error.errors ? { errors: error.errors } : {}),
  }
}

export function sendProblem(reply: FastifyReply, error: AppError) {
  return reply
    .code(error.status)
    .type(PROBLEM_TYPE)
    .send(JSON.stringify(problemBody(error)))
}

interface AjvError {
  instancePath: string
  keyword: string
  message?: string
  params: Record<string, unknown>
}

/**
 * `/items/0/sku` → `items[0].sku`; a missing or unknown property, or a union's tag, names
 * itself. The body as a whole is `body`.
 */
function fieldPath(prefix: string, error: AjvError): string {
  let path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce(
      (acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part),
      '',
    )
  const named =
    error.params.missingProperty ??
    error.params.additionalProperty ??
    (error.keyword === 'discriminator' ? error.params.tag : undefined)
  if (typeof named === 'string') path = path ? `${path}.${named}` : named
  return path || prefix
}

function fieldMessage(error: AjvError): string {
  if (error.keyword === 'additionalProperties') return 'is not a known field'
  if (error.keyword === 'required') return 'is required'
  if (error.keyword === 'discriminator') {
    if (error.params.error === 'mapping') return 'is not one of the allowed types'
    return error.params.tagValue === undefined ? 'is required' : 'must be string'
  }
  return error.message ?? 'is invalid'
}

export function validationProblem(context: string, errors: AjvError[]): AppError {
  const seen = new Set<string>()
  const fields: FieldError[] = []
  for (const error of errors) {
    // anyOf/oneOf repeat their branches' errors; keep one line per path and message.
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf' || error.keyword === 'if') continue
    const item = { path: fieldPath(context, error), message: fieldMessage(error) }
    const id = `${item.path}\u0001${item.message}`
    if (!seen.has(id)) fields.push(item)
    seen.add(id)
  }
  // A nullable field reports "must be null" beside the real complaint; keep the real one.
  const pruned = fields.filter(
    (f) => f.message !== 'must be null' || !fields.some((o) => o.path === f.path && o !== f),
  )
  fields.splice(0, fields.length, ...pruned)
  const first = fields[0]
  const detail = first
    ? `${first.path ? `${first.path}: ` : ''}${first.message}`
    : 'The request is invalid.'
  return new AppError('invalid_request', detail, fields)
}

const FASTIFY_CODES: Record<string, [ErrorCode, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ['payload_too_large', 'The request body is larger than 1 MB.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['unsupported_media_type', 'Send the body as application/json.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['invalid_request', 'The JSON body is empty.'],
  FST_ERR_CTP_INVALID_JSON_BODY: ['invalid_request', 'The body is not valid JSON.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [
    'invalid_request',
    'Content-Length does not match the body.',
  ],
}

/** One shape for every error: application/problem+json; a 500 keeps its details in the log. */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((raw: FastifyError & { validationContext?: string }, request, reply) => {
    if (raw instanceof AppError) return sendProblem(reply, raw)
    if (raw.validation) {
      return sendProblem(
        reply,
        validationProblem(raw.validationContext ?? 'body', raw.validation as AjvError[]),
      )
    }
    const mapped = raw.code ? FASTIFY_CODES[raw.code] : undefined
    if (mapped) return sendProblem(reply, new AppError(mapped[0], mapped[1]))
    if (raw.statusCode && raw.statusCode >= 400 && raw.statusCode < 500) {
      request.log.info({ err: raw }, 'client error')
      const code: ErrorCode = raw.statusCode === 404 ? 'not_found' : 'invalid_request'
      return sendProblem(reply, new AppError(code, raw.message))
    }
    request.log.error({ err: raw }, 'unhandled error')
    return sendProblem(
      reply,
      new AppError('internal_error', `An unexpected error occurred (request ${request.id}).`),
    )
  })

  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      new AppError('not_found', `No route ${request.method} ${request.url.split('?')[0]}.`),
    ),
  )
})
