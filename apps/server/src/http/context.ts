import {
  AppError,
  fingerprintOf,
  type IdempotencyClaim,
  type PortalIdentity,
  type ProgramContext,
  type StoredResponse,
} from '@loyalbase/core'
import type { FastifyReply, FastifyRequest } from 'fastify'

/** The calling program key's program (routes behind `auth: program`). */
export function programOf(request: FastifyRequest): ProgramContext {
  const identity = request.identity
  if (identity.kind !== 'program') throw new AppError('forbidden', 'A program key is required.')
  return identity.program
}

/** The calling program key's id: writes that depend on it check it is still live. */
export function keyIdOf(request: FastifyRequest): string | undefined {
  const identity = request.identity
  return identity.kind === 'program' ? identity.keyId : undefined
}

export function portalOf(request: FastifyRequest): PortalIdentity {
  const identity = request.identity
  if (identity.kind !== 'portal')
    throw new AppError('unauthorized', 'A portal session is required.')
  return identity
}

export function actorOf(request: FastifyRequest): string {
  const identity = request.identity
  if (identity.kind === 'program') return `key:${identity.keyId}`
  return identity.kind
}

const MAX_KEY_LENGTH = 255

/**
 * The request's `Idempotency-Key`, if any, with a fingerprint of what it asks (method, route,
 * path parameters and body): a replay must ask the very same thing.
 */
export function idempotencyClaim(request: FastifyRequest): IdempotencyClaim | undefined {
  const header = request.headers['idempotency-key']
  if (header === undefined) return undefined
  const key = Array.isArray(header) ? header[0] : header
  if (!key || key.length > MAX_KEY_LENGTH) {
    throw AppError.invalid('Idempotency-Key', `must be 1 to ${MAX_KEY_LENGTH} characters`)
  }
  const scope = `${request.method} ${request.routeOptions.url}`
  return { scope, key, fingerprint: fingerprintOf([scope, request.params, request.body ?? null]) }
}

/**
 * A portal request's `Idempotency-Key`, scoped to the session's member: portal paths name no
 * member, and two members' keys must never meet in the program's key store.
 */
export function portalIdempotencyClaim(request: FastifyRequest): IdempotencyClaim | undefined {
  const claim = idempotencyClaim(request)
  if (!claim) return undefined
  const scope = `${claim.scope} ${portalOf(request).memberId}`
  return { scope, key: claim.key, fingerprint: fingerprintOf([scope, request.body ?? null]) }
}

/** Sends a stored response byte for byte (first answers and replays alike). */
export function sendStored(reply: FastifyReply, stored: StoredResponse): FastifyReply {
  if (stored.replayed) reply.header('idempotent-replayed', 'true')
  return reply.code(stored.status).type('application/json; charset=utf-8').send(stored.body)
}
