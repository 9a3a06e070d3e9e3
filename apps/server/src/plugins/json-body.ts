import { AppError } from '@loyalbase/core'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import sjson from 'secure-json-parse'

/** Finds a string (value or key) holding U+0000 or an unpaired surrogate; returns its path. */
export function findIllFormedText(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') {
    return value.includes('\u0000') || !value.isWellFormed() ? path : undefined
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findIllFormedText(value[i], `${path}[${i}]`)
      if (found !== undefined) return found
    }
    return undefined
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key
      if (key.includes('\u0000') || !key.isWellFormed()) return childPath
      const found = findIllFormedText(child, childPath)
      if (found !== undefined) return found
    }
  }
  return undefined
}

/**
 * JSON bodies: parsed strictly (no `__proto__` tricks), and text that PostgreSQL cannot store
 * or that is not valid Unicode is refused with the path of the field. Other media types are
 * 415. A body left out, or sent empty, is read as `{}`: a `POST` whose fields are all optional
 * needs none, and a missing required field is named like any other.
 */
export const jsonBodyPlugin = fp(async (app: FastifyInstance) => {
  // JSON only: a text/plain body would otherwise reach validation as a string (a 400, not 415).
  app.removeAllContentTypeParsers()
  app.addContentTypeParser(
    /^application\/([\w.+-]+\+)?json(;.*)?$/,
    { parseAs: 'string' },
    (_request, body, done) => {
      const text = body as string
      if (text.trim() === '') return done(null, {})
      let parsed: unknown
      try {
        parsed = sjson.parse(text, null, { protoAction: 'error', constructorAction: 'error' })
      } catch (error) {
        const reason = error instanceof Error ? error.message : 'unparseable'
        return done(new AppError('invalid_request', `The body is not valid JSON: ${reason}`))
      }
      const bad = findIllFormedText(parsed)
      if (bad !== undefined) {
        const path = bad || 'body'
        return done(
          new AppError(
            'invalid_request',
            `${path}: text must not contain U+0000 or unpaired surrogates`,
            [{ path, message: 'must not contain U+0000 or unpaired surrogates' }],
          ),
        )
      }
      done(null, parsed)
    },
  )
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined && request.routeOptions.schema?.body) request.body = {}
  })
})
