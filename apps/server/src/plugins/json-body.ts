import { AppError } from '@loyalbase/core'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import sjson from 'secure-json-parse'

/**
 * How deeply a JSON body may nest (`{}` is one level). Far above what any field allows
 * (attributes 8 levels, rule conditions 32, plus the fields around them), and low enough that
 * nothing downstream (Ajv, the domain's own checks, serialisation) can overflow the stack on it.
 */
export const MAX_JSON_DEPTH = 64

const TEXT_RULE = 'must not contain U+0000 or unpaired surrogates'
const DEPTH_RULE = `must nest at most ${MAX_JSON_DEPTH} levels deep`

/** A field the text or depth rules refuse: its path (`items[0].sku`, '' for the whole value). */
export interface JsonProblem {
  path: string
  message: string
}

// PostgreSQL cannot store U+0000 in text or jsonb, and an unpaired surrogate is not Unicode.
const illFormed = (text: string) => text.includes('\u0000') || !text.isWellFormed()

interface Frame {
  value: Record<string, unknown> | unknown[]
  path: string
  keys: string[] | undefined
  next: number
}

function frame(value: object, path: string): Frame {
  return Array.isArray(value)
    ? { value, path, keys: undefined, next: 0 }
    : { value: value as Record<string, unknown>, path, keys: Object.keys(value), next: 0 }
}

/**
 * The first string (value or key) with U+0000 or an unpaired surrogate, or the first container
 * nested deeper than `maxDepth`, in document order. Walked with an explicit stack rather than by
 * recursion: a body thousands of levels deep is an answer, not a stack overflow.
 */
export function findBadJson(value: unknown, maxDepth = MAX_JSON_DEPTH): JsonProblem | undefined {
  if (typeof value === 'string') {
    return illFormed(value) ? { path: '', message: TEXT_RULE } : undefined
  }
  if (value === null || typeof value !== 'object') return undefined
  const stack = [frame(value, '')]
  for (let top = stack.at(-1); top; top = stack.at(-1)) {
    const index = top.next++
    let path: string
    let child: unknown
    if (top.keys) {
      if (index >= top.keys.length) {
        stack.pop()
        continue
      }
      const key = top.keys[index] as string
      path = top.path ? `${top.path}.${key}` : key
      if (illFormed(key)) return { path, message: TEXT_RULE }
      child = (top.value as Record<string, unknown>)[key]
    } else {
      const items = top.value as unknown[]
      if (index >= items.length) {
        stack.pop()
        continue
      }
      path = `${top.path}[${index}]`
      child = items[index]
    }
    if (typeof child === 'string') {
      if (illFormed(child)) return { path, message: TEXT_RULE }
    } else if (child !== null && typeof child === 'object') {
      if (stack.length >= maxDepth) return { path, message: DEPTH_RULE }
      stack.push(frame(child, path))
    }
  }
  return undefined
}

function refusal(problem: JsonProblem, whole: string): AppError {
  const path = problem.path || whole
  return new AppError('invalid_request', `${path}: ${problem.message}`, [
    { path, message: problem.message },
  ])
}

/**
 * JSON bodies: parsed strictly (no `__proto__` tricks); text that PostgreSQL cannot store or
 * that is not valid Unicode, and nesting deeper than `MAX_JSON_DEPTH`, are refused with the
 * path of the field before validation runs. Path and query parameters get the same text rule.
 * Other media types are 415. A body left out, or sent empty, is read as `{}`: a `POST` whose
 * fields are all optional needs none, and a missing required field is named like any other.
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
      const bad = findBadJson(parsed)
      if (bad) return done(refusal(bad, 'body'))
      done(null, parsed)
    },
  )
  app.addHook('preValidation', async (request) => {
    // Every route, whatever its schema: a NUL in `/v1/members/a%00b` would otherwise reach
    // PostgreSQL and fail there. Both parts are flat (name → text, or a repeated name's list).
    const params = findBadJson(request.params)
    if (params) throw refusal(params, 'params')
    const query = findBadJson(request.query)
    if (query) throw refusal(query, 'querystring')
    if (request.body === undefined && request.routeOptions.schema?.body) request.body = {}
  })
})
