import { AppError, type ErrorCode } from '@loyalbase/core'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { type AjvError, validationProblem } from './validation.js'

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

const FASTIFY_CODES: Record<string, [ErrorCode, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ['payload_too_large', 'The request body is larger than 1 MB.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['unsupported_media_type', 'Send the body as application/json.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['invalid_request', 'The JSON body is empty.'],
  FST_ERR_CTP_INVALID_JSON_BODY: ['invalid_request', 'The body is not valid JSON.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [
    'invalid_request',
    'Content-Length does not match the body.',
  ],
  FST_ERR_BAD_URL: ['invalid_request', 'The URL is not valid (bad percent-encoding).'],
  FST_ERR_MAX_PARAM_LENGTH: ['invalid_request', 'A path parameter is too long.'],
}

/**
 * Fastify's `frameworkErrors` option: errors raised by the router before any hook runs (a bad
 * URL, an over-long path parameter) answer as problems too, with their request id.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const mapped = (error.code && FASTIFY_CODES[error.code]) || [
    'invalid_request',
    'The request is invalid.',
  ]
  reply.header('x-request-id', request.id)
  return sendProblem(reply, new AppError(mapped[0], mapped[1]))
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
