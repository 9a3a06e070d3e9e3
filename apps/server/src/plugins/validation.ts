import { AppError, type FieldError } from '@loyalbase/core'
import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import { fullFormats } from 'ajv-formats/dist/formats.js'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

const rfc3339 = fullFormats['date-time'] as { validate: (text: string) => boolean }

/** The years a date-time may fall in (UTC): four digits, and room for a few years of arithmetic. */
export const DATE_TIME_YEARS = { min: 1000, max: 9999 } as const

/**
 * RFC 3339, as ajv-formats checks it, and an instant the rest of the app can hold. ajv-formats
 * lets a leap second (`23:59:60`) through, which `new Date()` cannot represent (Invalid Date,
 * then a 500). Years 1000–9999 only: an offset can carry 9999 into 10000, which `toISOString()`
 * writes as `+010000`; year 0 does not exist in PostgreSQL; PGlite reads years below 100 back as
 * 19xx or 20xx; and the jobs step back days or years from `as_of`.
 */
export function isDateTime(text: string): boolean {
  if (!rfc3339.validate(text)) return false
  const ms = Date.parse(text)
  if (!Number.isFinite(ms)) return false
  const year = new Date(ms).getUTCFullYear()
  return year >= DATE_TIME_YEARS.min && year <= DATE_TIME_YEARS.max
}

/**
 * Bodies are typed strictly: no coercion, no silent removal of unknown fields, no defaults
 * written into what the client sent. Query strings and path parameters arrive as text, so
 * they are coerced to the schema's scalar types.
 */
export const validationPlugin = fp(async (app: FastifyInstance) => {
  const strict = new Ajv({
    allErrors: true,
    coerceTypes: false,
    removeAdditional: false,
    useDefaults: false,
    strict: false,
  })
  const lenient = new Ajv({
    allErrors: true,
    coerceTypes: true,
    removeAdditional: false,
    useDefaults: true,
    strict: false,
  })
  for (const ajv of [strict, lenient]) {
    addFormats(ajv)
    ajv.addFormat('date-time', { type: 'string', validate: isDateTime })
  }
  app.setValidatorCompiler(({ schema, httpPart }) => {
    // A file upload (routes/imports.ts): its parser spools the body to a file; nothing to check.
    if (httpPart === 'body' && (schema as { contentMediaType?: string }).contentMediaType)
      return () => true
    const ajv = httpPart === 'body' ? strict : lenient
    return ajv.compile(schema)
  })
})

export interface AjvError {
  instancePath: string
  schemaPath: string
  keyword: string
  message?: string
  params: Record<string, unknown>
}

const errorId = (e: AjvError) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`
const depth = (instancePath: string) => instancePath.split('/').length

/** One "must be one of" for the literals that were not matched (all at one path). */
function oneOf(misses: AjvError[]): AjvError | undefined {
  const [first] = misses
  if (!first || misses.some((e) => e.instancePath !== first.instancePath)) return undefined
  const allowed = [...new Set(misses.map((e) => String(e.params.allowedValue)))]
  return { ...first, keyword: 'enum', message: `must be one of: ${allowed.join(', ')}` }
}

/**
 * `allErrors` reports every branch of a union. A union of literals becomes one "must be one
 * of"; a tagged union (`{ type: 'rolling', … }`) is narrowed to the branch whose tag matches,
 * or to a "must be one of" on the tag; an untagged one to the only branch whose shape (fields,
 * type) the value has; otherwise the errors every branch shares are kept, when there are any.
 */
function narrowUnions(input: AjvError[]): AjvError[] {
  let errors = input
  const unions = input
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .sort((a, b) => b.schemaPath.length - a.schemaPath.length)
  for (const union of unions) {
    const base = `${union.schemaPath}/`
    const branches = new Map<string, AjvError[]>()
    for (const e of errors) {
      if (!e.schemaPath.startsWith(base)) continue
      const index = e.schemaPath.slice(base.length).split('/')[0] as string
      branches.set(index, [...(branches.get(index) ?? []), e])
    }
    if (branches.size < 2) continue
    const all = [...branches.values()]
    const literalMiss = (e: AjvError) =>
      e.keyword === 'const' && e.instancePath === union.instancePath
    const tagMiss = (e: AjvError) =>
      e.keyword === 'const' && depth(e.instancePath) === depth(union.instancePath) + 1
    const survivors = all.filter((branch) => !branch.some(tagMiss))
    // A branch the value does not have the shape of: a field missing or unknown, or another type.
    const shapeMiss = (e: AjvError) =>
      e.instancePath === union.instancePath &&
      (e.keyword === 'required' || e.keyword === 'additionalProperties' || e.keyword === 'type')
    const shaped = survivors.filter((branch) => !branch.some(shapeMiss))
    let kept: AjvError[] | undefined
    if (all.every((branch) => branch.every(literalMiss))) {
      const merged = oneOf(all.flat())
      kept = merged && [merged]
    } else if (survivors.length === 1) {
      kept = survivors[0]
    } else if (shaped.length === 1) {
      // An untagged union (`{ days } | { starts_at, ends_at }`): the one branch whose fields the
      // value has is the one meant, and its errors are the ones to name.
      kept = shaped[0]
    } else if (survivors.length === 0) {
      const merged = oneOf(all.flatMap((branch) => branch.filter(tagMiss)))
      kept = merged && [merged]
    } else {
      const shared = survivors.reduce((acc, branch) => {
        const ids = new Set(branch.map(errorId))
        return acc.filter((e) => ids.has(errorId(e)))
      })
      if (shared.length > 0) kept = shared
    }
    if (!kept) continue
    const dropped = new Set(all.flat())
    for (const e of kept) dropped.delete(e)
    errors = errors.filter((e) => !dropped.has(e) && e !== union)
    errors.push(...kept.filter((e) => !errors.includes(e)))
  }
  return errors
}

/**
 * `/items/0/sku` → `items[0].sku`; a missing or unknown property names itself. The part as a
 * whole is named by its context (`body`, `querystring`, `params`).
 */
function fieldPath(context: string, error: AjvError): string {
  let path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce(
      (acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part),
      '',
    )
  const named = error.params.missingProperty ?? error.params.additionalProperty
  if (typeof named === 'string') path = path ? `${path}.${named}` : named
  return path || context
}

function fieldMessage(error: AjvError): string {
  if (error.keyword === 'additionalProperties') return 'is not a known field'
  if (error.keyword === 'required') return 'is required'
  return error.message ?? 'is invalid'
}

/** A schema failure as `400 invalid_request`, one `{ path, message }` per failing field. */
export function validationProblem(context: string, errors: AjvError[]): AppError {
  const seen = new Set<string>()
  const fields: FieldError[] = []
  for (const error of narrowUnions(errors)) {
    // A union that could not be narrowed repeats its branches' errors; `if` adds nothing.
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf' || error.keyword === 'if') continue
    const item = { path: fieldPath(context, error), message: fieldMessage(error) }
    const id = `${item.path}\u0001${item.message}`
    if (!seen.has(id)) fields.push(item)
    seen.add(id)
  }
  // A union branch that expected another type ("must be null", "must be string") is noise
  // beside the real complaint about the same field or a field inside it; keep the real one.
  const within = (inner: string, outer: string) =>
    inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`)
  const typeNoise = (f: FieldError) =>
    /^must be (null|string|number|integer|boolean|object|array)$/.test(f.message)
  const pruned = fields.filter(
    (f) =>
      !typeNoise(f) ||
      !fields.some(
        (o) =>
          o !== f &&
          within(o.path, f.path) &&
          (!typeNoise(o) || (f.message === 'must be null' && o.path === f.path)),
      ),
  )
  const first = pruned[0]
  const detail = first
    ? `${first.path ? `${first.path}: ` : ''}${first.message}`
    : 'The request is invalid.'
  return new AppError('invalid_request', detail, pruned)
}
