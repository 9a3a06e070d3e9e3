import { LogicEngine } from 'json-logic-engine'
import { AppError } from '../shared/app-error.js'

/** A JsonLogic expression, as stored. */
export type Condition = Record<string, unknown>

/** A compiled condition: true when the rule applies to the context. */
export type CompiledCondition = (context: unknown) => boolean

// One engine for the process: its method table is what "a known operator" means.
const engine = new LogicEngine()
const OPERATORS = new Set(Object.keys(engine.methods))

// `preserve` wraps data, not logic: nothing inside it is an operator.
const DATA_OPERATORS = new Set(['preserve'])

export const MAX_CONDITION_BYTES = 16 * 1024
export const MAX_CONDITION_DEPTH = 32

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** Every problem in a condition, with the path of each (`condition.and[1].foo`). */
export function conditionErrors(
  logic: unknown,
  path = 'condition',
  depth = 0,
): { path: string; message: string }[] {
  if (depth > MAX_CONDITION_DEPTH) {
    return [{ path, message: `nests more than ${MAX_CONDITION_DEPTH} levels deep` }]
  }
  if (Array.isArray(logic)) {
    return logic.flatMap((item, i) => conditionErrors(item, `${path}[${i}]`, depth + 1))
  }
  if (!isPlainObject(logic)) return []
  const keys = Object.keys(logic)
  if (keys.length !== 1) {
    return [{ path, message: 'an operation names exactly one operator, as { "op": [args] }' }]
  }
  const op = keys[0] as string
  const opPath = `${path}.${op}`
  if (!OPERATORS.has(op)) return [{ path: opPath, message: `unknown operator "${op}"` }]
  if (DATA_OPERATORS.has(op)) return []
  return conditionErrors(logic[op], opPath, depth + 1)
}

/**
 * Checks a condition beyond its JSON shape: known operators only, a bounded size, and that the
 * engine can compile it (constant parts are folded at compile time, so `{"/": [1, 0]}` fails
 * here rather than on every order).
 */
export function assertCondition(condition: unknown): void {
  if (!isPlainObject(condition)) {
    throw AppError.invalid('condition', 'must be a JsonLogic object, or null for always')
  }
  const bytes = Buffer.byteLength(JSON.stringify(condition), 'utf8')
  if (bytes > MAX_CONDITION_BYTES) {
    throw AppError.invalid('condition', `must be at most 16 KB as JSON (is ${bytes} bytes)`)
  }
  const errors = conditionErrors(condition)
  if (errors.length > 0) {
    throw new AppError(
      'invalid_request',
      errors.map((e) => `${e.path}: ${e.message}`).join('; '),
      errors,
    )
  }
  try {
    engine.build(condition)
  } catch (error) {
    throw AppError.invalid('condition', `cannot be evaluated: ${describe(error)}`)
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message
  const type = (error as { type?: unknown } | null)?.type
  return typeof type === 'string' ? type : 'an invalid expression'
}

/**
 * Compiles a (validated) condition. Evaluation never throws: a condition that fails at run
 * time (arithmetic on a missing field, an explicit `throw`) does not match, so a bad input
 * can never fail the order or event it is evaluated for.
 */
export function buildCondition(condition: Condition | null): CompiledCondition {
  if (condition === null) return () => true
  const run = engine.build(condition) as (data: unknown) => unknown
  return (context) => {
    try {
      return Boolean(engine.truthy(run(context)))
    } catch {
      return false
    }
  }
}

const CACHE_LIMIT = 10_000
const cache = new Map<string, { version: number; run: CompiledCondition }>()

/**
 * The rule's compiled condition, built once per rule version (id + updated_at) and cached:
 * an order or event evaluates many rules, and building is the expensive part.
 */
export function compileCondition(rule: {
  id: string
  updated_at: Date
  condition: Condition | null
}): CompiledCondition {
  const version = rule.updated_at.getTime()
  const hit = cache.get(rule.id)
  if (hit && hit.version === version) return hit.run
  const run = buildCondition(rule.condition)
  cache.delete(rule.id)
  // Maps iterate in insertion order, so the first key is the least recently built rule.
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string)
  cache.set(rule.id, { version, run })
  return run
}

/** How many compiled conditions are cached (for tests). */
export function compiledConditionCount(): number {
  return cache.size
}
