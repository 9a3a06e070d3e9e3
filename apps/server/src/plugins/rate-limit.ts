import rateLimit from '@fastify/rate-limit'
import { AppError } from '@loyalbase/core'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'

function clientKey(request: FastifyRequest): string {
  const identity = request.identity
  if (identity.kind === 'program') return `key:${identity.keyId}`
  if (identity.kind === 'portal') return `member:${identity.program.id}:${identity.memberId}`
  if (identity.kind === 'platform') return 'platform'
  return `ip:${request.ip}`
}

/**
 * Per-key request rate (`LOYALBASE_RATE_LIMIT` a second) with the IETF draft headers. The
 * window is kept in each process's memory: behind a load balancer each process allows the rate.
 */
export const rateLimitPlugin = fp(async (app: FastifyInstance, opts: { max: number }) => {
  await app.register(rateLimit, {
    global: true,
    max: opts.max,
    timeWindow: 1000,
    // After auth (onRequest) has named the key, before the body is parsed or validated: a
    // client over its rate is refused without spending work on what it sent.
    hook: 'preParsing',
    enableDraftSpec: true,
    keyGenerator: clientKey,
    errorResponseBuilder: (_request, context) =>
      new AppError(
        'rate_limited',
        `Rate limit of ${context.max} requests per second exceeded; retry in ${context.after}.`,
      ),
  })
})
