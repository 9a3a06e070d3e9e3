import { AppError, type Services } from '@loyalbase/core'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Identity } from '../http/identity.js'
import { sendProblem } from './errors.js'

const FAILURE_WINDOW_MS = 60_000
const FAILURES_ALLOWED = 20

/**
 * Counts failed authentications per client address. Past 20 in a minute the address gets 429
 * instead of 401 until its minute is over; valid keys from it go on working.
 */
export class FailedAuthThrottle {
  private readonly windows = new Map<string, { count: number; resetAt: number }>()
  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxTracked = 100_000,
  ) {}

  /** How many addresses are being counted. */
  get size(): number {
    return this.windows.size
  }

  /** Records a failure; returns the seconds to wait when the address is over its limit. */
  fail(address: string): number | undefined {
    const now = this.now()
    let window = this.windows.get(address)
    if (!window || window.resetAt <= now) {
      // Re-inserted, so that the map stays in the order the windows opened.
      this.windows.delete(address)
      if (this.windows.size >= this.maxTracked) this.sweep(now)
      window = { count: 0, resetAt: now + FAILURE_WINDOW_MS }
      this.windows.set(address, window)
    }
    window.count++
    return window.count > FAILURES_ALLOWED ? Math.ceil((window.resetAt - now) / 1000) : undefined
  }

  /**
   * Drops closed windows, then (when many addresses fail at once) the oldest open ones down to
   * 90 %: memory stays bounded whatever the number of addresses, and sweeps stay rare.
   */
  private sweep(now: number) {
    for (const [address, window] of this.windows)
      if (window.resetAt <= now) this.windows.delete(address)
    const keep = Math.floor(this.maxTracked * 0.9)
    for (const address of this.windows.keys()) {
      if (this.windows.size <= keep) break
      this.windows.delete(address)
    }
  }
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization
  if (!header) return undefined
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
  return match?.[1]
}

async function identify(
  services: Services,
  token: string,
  remembered: boolean,
): Promise<Identity | undefined> {
  if (services.platform.isAdminKey(token)) return { kind: 'platform' }
  if (token.startsWith('lb_ps_')) {
    const session = await services.portalSessions.authenticate(token)
    return session && { kind: 'portal', ...session }
  }
  const key = await services.apiKeys.authenticate(token, { remembered })
  return key && { kind: 'program', ...key }
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Decides 401 / 403 before any body is read, from the route's `config.auth`. */
export const authPlugin = fp(async (app: FastifyInstance, opts: { services: Services }) => {
  // The services' clock, so that tests can step through the minute.
  const throttle = new FailedAuthThrottle(() => opts.services.clock.now().getTime())
  app.decorateRequest('identity', null as never)

  async function reject(request: FastifyRequest, reply: FastifyReply, detail: string) {
    const wait = throttle.fail(request.ip)
    if (wait !== undefined) {
      // The same headers as the per-key limit's 429, so that one client-side handler reads both.
      reply.header('retry-after', String(wait))
      reply.header('ratelimit-limit', String(FAILURES_ALLOWED))
      reply.header('ratelimit-remaining', '0')
      reply.header('ratelimit-reset', String(wait))
      return sendProblem(
        reply,
        new AppError('rate_limited', 'Too many failed authentications; retry later.'),
      )
    }
    reply.header('www-authenticate', 'Bearer realm="loyalbase"')
    return sendProblem(reply, new AppError('unauthorized', detail))
  }

  app.addHook('onRequest', async (request, reply) => {
    request.identity = { kind: 'anonymous' }
    const required = request.routeOptions.config.auth ?? { kind: 'public' }
    if (required.kind === 'public') return
    const token = bearerToken(request)
    if (!token) return reject(request, reply, 'Send a key as "Authorization: Bearer <key>".')
    const identity = await identify(
      opts.services,
      token,
      required.kind === 'program' && required.rechecked === true,
    )
    if (!identity) return reject(request, reply, 'The key is unknown, revoked or expired.')
    request.identity = identity
    if (identity.kind !== required.kind) {
      const needs = {
        platform: 'the platform admin key',
        program: 'a program key',
        portal: 'a portal session',
      }
      return sendProblem(
        reply,
        new AppError('forbidden', `This endpoint needs ${needs[required.kind]}.`),
      )
    }
    if (identity.kind === 'program' && required.kind === 'program') {
      if (identity.role === 'readonly' && !READ_METHODS.has(request.method)) {
        return sendProblem(reply, new AppError('forbidden', 'A readonly key may only read.'))
      }
      if (required.roles && !required.roles.includes(identity.role)) {
        return sendProblem(
          reply,
          new AppError(
            'forbidden',
            `This endpoint needs a key with role ${required.roles.join(' or ')}.`,
          ),
        )
      }
    }
  })
})
