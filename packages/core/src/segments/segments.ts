import type { MemberRow, SegmentRow } from '@loyalbase/db'
import { LogicEngine } from 'json-logic-engine'
import { type RawBuilder, sql } from 'kysely'
import { assertCondition } from '../rules/index.js'
import { AppError } from '../shared/app-error.js'
import { daysBetween, localDate } from '../shared/calendar.js'

/**
 * Segments (docs/segments.md): a JsonLogic condition over member fields — the earning rules'
 * language and validation — translated to one SQL boolean expression over `members m`, so that
 * the database counts a segment (a million members in seconds), never JavaScript row by row.
 * `evaluateSegment` runs the same condition through json-logic-engine over one member's fields:
 * the oracle the tests hold the translation to.
 */

export type SegmentCondition = Record<string, unknown>

export interface SegmentInput {
  name: string
  condition: SegmentCondition
}

export interface SegmentPatch {
  name?: string
  condition?: SegmentCondition
}

export interface SegmentResource {
  id: string
  name: string
  condition: SegmentCondition
  created_at: string
  updated_at: string
  count?: number
}

export function presentSegment(row: SegmentRow, count?: number): SegmentResource {
  return {
    id: row.id,
    name: row.name,
    condition: row.condition,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    ...(count !== undefined ? { count } : {}),
  }
}

// ---------------------------------------------------------------------------------------------
// Fields

/**
 * `number`: never null; `number?`: null when unknown; `string`: never null; `list`: a list of
 * strings, only looked inside (`"in"`); `json`: any.
 */
type FieldKind = 'number' | 'number?' | 'string' | 'list' | 'json'

const FIELD_KINDS = {
  tier: 'string',
  status: 'string',
  points: 'number',
  pending_points: 'number',
  lifetime_spend: 'number',
  orders_count: 'number',
  growth: 'number',
  days_since_joined: 'number',
  days_since_last_order: 'number?',
  birthday_month: 'number?',
  unused_benefits: 'list',
} as const satisfies Record<string, Exclude<FieldKind, 'json'>>

type CoreField = keyof typeof FIELD_KINDS

export const SEGMENT_FIELDS = [...Object.keys(FIELD_KINDS), 'attributes.<key>'] as const

export const SEGMENT_OPERATORS = [
  'and',
  'or',
  '!',
  '==',
  '!=',
  '===',
  '!==',
  '>',
  '>=',
  '<',
  '<=',
  'in',
] as const

type Field =
  | { kind: Exclude<FieldKind, 'json'>; name: CoreField }
  | { kind: 'json'; path: string[] }

/** What a condition knows of one member (`evaluateSegment`'s data). */
export interface SegmentFacts {
  tier: string
  status: string
  points: number
  pending_points: number
  lifetime_spend: number
  orders_count: number
  growth: number
  days_since_joined: number
  days_since_last_order: number | null
  birthday_month: number | null
  /**
   * Keys of the tier's benefits the member has not used in their current period (its quota
   * period, a month without quota): docs/benefits.md, "Delivery audit".
   */
  unused_benefits: string[]
  attributes: Record<string, unknown>
}

/** A stored member's facts on the program's local day of `now`. */
export function segmentFactsOf(
  row: MemberRow,
  lastOrderAt: Date | null,
  now: Date,
  timeZone: string,
  unusedBenefits: string[] = [],
): SegmentFacts {
  const today = localDate(now, timeZone)
  return {
    tier: row.tier_key,
    status: row.status,
    points: row.points_available,
    pending_points: row.points_pending,
    lifetime_spend: row.lifetime_spend,
    orders_count: row.orders_count,
    growth: row.growth,
    days_since_joined: daysBetween(localDate(row.joined_at, timeZone), today),
    days_since_last_order:
      lastOrderAt === null ? null : daysBetween(localDate(lastOrderAt, timeZone), today),
    birthday_month: row.birthday === null ? null : Number(row.birthday.slice(-5, -3)),
    unused_benefits: unusedBenefits,
    attributes: row.attributes,
  }
}

// ---------------------------------------------------------------------------------------------
// Parsing: the condition's tree, checked

type Scalar = number | string | boolean | null
type Ordering = '<' | '<=' | '>' | '>='

type Node =
  | { kind: 'and' | 'or'; items: Node[] }
  | { kind: 'not'; item: Node }
  | { kind: 'eq'; field: Field; value: Scalar }
  | { kind: 'order'; op: Ordering; field: Field; value: number | string }
  | { kind: 'between'; op: '<' | '<='; low: number | string; field: Field; high: number | string }
  | { kind: 'one_of'; field: Field; values: Scalar[] }
  | { kind: 'contains'; field: Field; value: Exclude<Scalar, null> }

interface Problem {
  path: string
  message: string
}

const FLIP: Record<Ordering, Ordering> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' }

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function isScalar(value: unknown): value is Scalar {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  )
}

function isVar(value: unknown): value is { var: unknown } {
  return isPlainObject(value) && Object.keys(value).length === 1 && 'var' in value
}

function onlyKey(value: Record<string, unknown>): string {
  return Object.keys(value)[0] as string
}

class Parser {
  problems: Problem[] = []

  fail(path: string, message: string): undefined {
    this.problems.push({ path, message })
    return undefined
  }

  condition(logic: unknown, path: string): Node | undefined {
    if (!isPlainObject(logic) || Object.keys(logic).length !== 1) {
      return this.fail(
        path,
        'must be a condition: a comparison, "in", or "and" / "or" / "!" of conditions',
      )
    }
    const op = onlyKey(logic)
    const opPath = `${path}.${op}`
    const raw = logic[op]
    const args = Array.isArray(raw) ? raw : [raw]
    const argPath = (i: number) => (Array.isArray(raw) ? `${opPath}[${i}]` : opPath)
    switch (op) {
      case 'and':
      case 'or': {
        if (args.length === 0) return this.fail(opPath, `"${op}" takes at least 1 condition`)
        const items = args.map((arg, i) => this.condition(arg, argPath(i)))
        return items.every((item) => item !== undefined)
          ? { kind: op, items: items as Node[] }
          : undefined
      }
      case '!': {
        if (args.length !== 1) return this.fail(opPath, '"!" takes 1 condition')
        const item = this.condition(args[0], argPath(0))
        return item ? { kind: 'not', item } : undefined
      }
      case '==':
      case '===':
      case '!=':
      case '!==': {
        if (args.length !== 2) return this.fail(opPath, `"${op}" takes 2 arguments`)
        const pair = this.pair(args, argPath, opPath)
        if (!pair) return undefined
        const value = this.literal(pair.field, pair.value, pair.valuePath, 'eq')
        if (value === undefined) return undefined
        const eq: Node = { kind: 'eq', field: pair.field, value }
        return op.startsWith('!') ? { kind: 'not', item: eq } : eq
      }
      case '<':
      case '<=':
      case '>':
      case '>=': {
        if (args.length === 3 && (op === '<' || op === '<=')) return this.between(op, args, argPath)
        if (args.length !== 2) {
          return this.fail(
            opPath,
            op === '<' || op === '<='
              ? `"${op}" takes 2 arguments, or 3 for between`
              : `"${op}" takes 2 arguments`,
          )
        }
        const pair = this.pair(args, argPath, opPath)
        if (!pair) return undefined
        const value = this.literal(pair.field, pair.value, pair.valuePath, 'order')
        if (value === undefined) return undefined
        return {
          kind: 'order',
          op: pair.flipped ? FLIP[op] : op,
          field: pair.field,
          value: value as number | string,
        }
      }
      case 'in':
        return this.in(args, argPath, opPath)
      default:
        return this.fail(
          opPath,
          `segments do not support "${op}"; they use ${SEGMENT_OPERATORS.join(', ')}`,
        )
    }
  }

  /** `{"var": "name"}` → the field, or a problem at its path. */
  field(value: unknown, path: string): Field | undefined {
    if (!isVar(value)) return undefined
    const varPath = `${path}.var`
    const arg = Array.isArray(value.var) && value.var.length === 1 ? value.var[0] : value.var
    if (typeof arg !== 'string') {
      return this.fail(varPath, 'names one field as a string, with no default')
    }
    if (arg in FIELD_KINDS) return { kind: FIELD_KINDS[arg as CoreField], name: arg as CoreField }
    if (arg === 'rfm_segment') {
      return this.fail(
        varPath,
        'rfm_segment arrives with analytics (RFM scoring); segments cannot use it yet',
      )
    }
    if (arg.startsWith('attributes.')) {
      const keys = arg.slice('attributes.'.length).split('.')
      if (keys.some((key) => key === '' || /^-\d+$/.test(key))) {
        return this.fail(varPath, `"${arg}": each step after "attributes." is a key or an index`)
      }
      return { kind: 'json', path: keys }
    }
    return this.fail(
      varPath,
      `unknown field "${arg}"; segments read ${SEGMENT_FIELDS.join(', ')}` +
        (arg === 'attributes' ? ' (compare one key of attributes)' : ''),
    )
  }

  /** A comparison's two sides: one field and one literal, either way round. */
  pair(
    args: unknown[],
    argPath: (i: number) => string,
    opPath: string,
  ): { field: Field; value: unknown; valuePath: string; flipped: boolean } | undefined {
    const [a, b] = args
    if (isVar(a) && !isVar(b)) {
      const field = this.field(a, argPath(0))
      return field ? { field, value: b, valuePath: argPath(1), flipped: false } : undefined
    }
    if (isVar(b) && !isVar(a)) {
      const field = this.field(b, argPath(1))
      return field ? { field, value: a, valuePath: argPath(0), flipped: true } : undefined
    }
    return this.fail(opPath, 'compares one field ({"var": "…"}) with one literal value')
  }

  /** A literal of a type the field can be compared with. */
  literal(field: Field, value: unknown, path: string, use: 'eq' | 'order'): Scalar | undefined {
    if (!isScalar(value)) {
      return this.fail(path, 'must be a literal: a number, a string, true, false or null')
    }
    const name = 'name' in field ? field.name : `attributes.${field.path.join('.')}`
    const kind = field.kind
    if (use === 'order' && (value === null || typeof value === 'boolean')) {
      return this.fail(path, 'an ordering compares with a number or a string')
    }
    if (kind === 'number' || kind === 'number?') {
      if (typeof value === 'number') return value
      if (value === null && kind === 'number?') return value
      return this.fail(
        path,
        `${name} is a number${kind === 'number?' ? ' or null' : ''}: compare it with a number`,
      )
    }
    if (kind === 'string') {
      if (typeof value === 'string') return value
      return this.fail(path, `${name} is a string: compare it with a string`)
    }
    if (kind === 'list') {
      return this.fail(
        path,
        `${name} is a list: look inside it with {"in": ["<key>", {"var": "${name}"}]}`,
      )
    }
    return value
  }

  between(op: '<' | '<=', args: unknown[], argPath: (i: number) => string): Node | undefined {
    const [low, middle, high] = args
    if (!isVar(middle) || isVar(low) || isVar(high)) {
      return this.fail(argPath(1), `"${op}" with 3 arguments is low ${op} field ${op} high`)
    }
    const field = this.field(middle, argPath(1))
    if (!field) return undefined
    const lowValue = this.literal(field, low, argPath(0), 'order')
    const highValue = this.literal(field, high, argPath(2), 'order')
    if (lowValue === undefined || highValue === undefined) return undefined
    return {
      kind: 'between',
      op,
      low: lowValue as number | string,
      field,
      high: highValue as number | string,
    }
  }

  in(args: unknown[], argPath: (i: number) => string, opPath: string): Node | undefined {
    if (args.length !== 2) return this.fail(opPath, '"in" takes 2 arguments')
    const [a, b] = args
    if (isVar(a) && Array.isArray(b)) {
      const field = this.field(a, argPath(0))
      if (!field) return undefined
      const values = b.map((item, i) => this.literal(field, item, `${argPath(1)}[${i}]`, 'eq'))
      return values.every((v) => v !== undefined)
        ? { kind: 'one_of', field, values: values as Scalar[] }
        : undefined
    }
    if (isVar(b) && !isVar(a)) {
      const field = this.field(b, argPath(1))
      if (!field) return undefined
      if (field.kind === 'number' || field.kind === 'number?') {
        return this.fail(argPath(1), '"in" looks inside a string or a list, not a number')
      }
      if (field.kind === 'list' && typeof a !== 'string') {
        return this.fail(argPath(0), 'must be a string to look for')
      }
      if (typeof a !== 'string' && !(field.kind === 'json' && isScalar(a) && a !== null)) {
        return this.fail(
          argPath(0),
          field.kind === 'json'
            ? 'must be a string, a number or a boolean to look for'
            : 'must be a string to look for',
        )
      }
      return { kind: 'contains', field, value: a as Exclude<Scalar, null> }
    }
    return this.fail(
      opPath,
      '"in" is [field, [values…]] (one of the values) or [text, field] (the field contains it)',
    )
  }
}

/**
 * Checks a segment's condition: first as the earning rules check theirs (shape, known operators,
 * size, depth, `condition.…` paths), then what a segment can translate — its operators, fields
 * and literals. Every problem is `400 invalid_request` with its path.
 */
export function parseSegmentCondition(condition: unknown): Node {
  assertCondition(condition)
  const parser = new Parser()
  const node = parser.condition(condition, 'condition')
  if (!node || parser.problems.length > 0) {
    const problems = parser.problems
    throw new AppError(
      'invalid_request',
      problems.map((e) => `${e.path}: ${e.message}`).join('; '),
      problems,
    )
  }
  return node
}

// ---------------------------------------------------------------------------------------------
// SQL: a boolean expression over `members m`, never NULL, every value a bound parameter

export interface SegmentSqlContext {
  /** The program's local date today, `YYYY-MM-DD`. */
  today: string
  timeZone: string
}

type Sql = RawBuilder<unknown>

const FALSE = sql<boolean>`false`

function coreColumn(name: CoreField, context: SegmentSqlContext): Sql {
  switch (name) {
    case 'tier':
      return sql.ref('m.tier_key')
    case 'status':
      return sql.ref('m.status')
    case 'points':
      return sql.ref('m.points_available')
    case 'pending_points':
      return sql.ref('m.points_pending')
    case 'lifetime_spend':
      return sql.ref('m.lifetime_spend')
    case 'orders_count':
      return sql.ref('m.orders_count')
    case 'growth':
      return sql.ref('m.growth')
    case 'days_since_joined':
      return sql`(${context.today}::date - (m.joined_at AT TIME ZONE ${context.timeZone}::text)::date)`
    case 'days_since_last_order':
      // The newest order by the (program_id, member_id, occurred_at) index: one probe a member.
      return sql`(${context.today}::date - ((SELECT max(o.occurred_at) FROM orders o WHERE o.program_id = m.program_id AND o.member_id = m.id) AT TIME ZONE ${context.timeZone}::text)::date)`
    case 'birthday_month':
      // `YYYY-MM-DD` and `--MM-DD` both end in MM-DD.
      return sql`(left(right(m.birthday, 5), 2)::int)`
    case 'unused_benefits':
      // The live benefits of the member's tier without a use kept since their period began
      // (the quota period holding today, a month without quota, in the program's time zone).
      return sql`ARRAY(SELECT b.key FROM benefits b
        WHERE b.program_id = m.program_id AND b.deleted_at IS NULL AND b.active
          AND b.tiers ? m.tier_key
          AND NOT EXISTS (SELECT 1 FROM benefit_uses u
            WHERE u.program_id = m.program_id AND u.member_id = m.id AND u.benefit_id = b.id
              AND u.returned_at IS NULL
              AND u.used_at >= (date_trunc(coalesce(b.quota_period, 'month'),
                ${context.today}::date::timestamp) AT TIME ZONE ${context.timeZone}::text)))`
  }
}

function jsonValue(path: string[]): Sql {
  return sql`(m.attributes #> ARRAY[${sql.join(path.map((key) => sql`${key}::text`))}])`
}

function typed(value: number | string | boolean): Sql {
  if (typeof value === 'number') return sql`${String(value)}::numeric`
  if (typeof value === 'boolean') return sql`${value}::boolean`
  return sql`${value}::text`
}

function jsonLiteral(value: Scalar): Sql {
  return sql`${JSON.stringify(value)}::jsonb`
}

function compare(left: Sql, op: Ordering | '=', right: Sql): Sql {
  return sql`${left} ${sql.raw(op)} ${right}`
}

function orderSql(field: Field, op: Ordering, value: number | string, context: SegmentSqlContext) {
  if (field.kind === 'json') {
    const v = jsonValue(field.path)
    if (typeof value === 'number') {
      return sql`(CASE WHEN jsonb_typeof(${v}) = 'number' THEN ${compare(sql`(${v} #>> '{}')::numeric`, op, typed(value))} ELSE false END)`
    }
    return sql`(CASE WHEN jsonb_typeof(${v}) = 'string' THEN ${compare(sql`(${v} #>> '{}') COLLATE "C"`, op, typed(value))} ELSE false END)`
  }
  if (typeof value === 'string') {
    const column = coreColumn((field as { name: CoreField }).name, context)
    return sql`(${compare(sql`${column} COLLATE "C"`, op, typed(value))})`
  }
  const column = coreColumn((field as { name: CoreField }).name, context)
  return sql`coalesce(${compare(column, op, typed(value))}, false)`
}

function eqSql(field: Field, values: Scalar[], context: SegmentSqlContext): Sql {
  if (values.length === 0) return FALSE
  if (field.kind === 'json') {
    return sql`(coalesce(${jsonValue(field.path)}, 'null'::jsonb) IN (${sql.join(values.map(jsonLiteral))}))`
  }
  const column = coreColumn(field.name, context)
  const known = values.filter((v): v is number | string => v !== null)
  const tests: Sql[] = []
  if (known.length > 0)
    tests.push(sql`coalesce(${column} IN (${sql.join(known.map(typed))}), false)`)
  if (known.length < values.length) tests.push(sql`${column} IS NULL`)
  return sql`(${sql.join(tests, sql` OR `)})`
}

function toSql(node: Node, context: SegmentSqlContext): Sql {
  switch (node.kind) {
    case 'and':
    case 'or':
      return sql`(${sql.join(
        node.items.map((item) => toSql(item, context)),
        node.kind === 'and' ? sql` AND ` : sql` OR `,
      )})`
    case 'not':
      return sql`(NOT ${toSql(node.item, context)})`
    case 'eq':
      return eqSql(node.field, [node.value], context)
    case 'one_of':
      return eqSql(node.field, node.values, context)
    case 'order':
      return orderSql(node.field, node.op, node.value, context)
    case 'between':
      return sql`(${orderSql(node.field, FLIP[node.op], node.low, context)} AND ${orderSql(node.field, node.op, node.high, context)})`
    case 'contains': {
      if (node.field.kind === 'list') {
        return sql`(${String(node.value)}::text = ANY(${coreColumn(node.field.name, context)}))`
      }
      if (node.field.kind !== 'json') {
        return sql`(strpos(${coreColumn(node.field.name, context)}, ${String(node.value)}::text) > 0)`
      }
      const v = jsonValue(node.field.path)
      const inString =
        typeof node.value === 'string'
          ? sql`WHEN jsonb_typeof(${v}) = 'string' THEN strpos(${v} #>> '{}', ${node.value}::text) > 0`
          : sql``
      return sql`(CASE ${inString} WHEN jsonb_typeof(${v}) = 'array' THEN EXISTS (SELECT 1 FROM jsonb_array_elements(${v}) AS e WHERE e.value = ${jsonLiteral(node.value)}) ELSE false END)`
    }
  }
}

/**
 * The condition as one SQL boolean over the members table aliased `m`: true or false for every
 * member (never NULL, so `!` is exact), values bound as parameters.
 */
export function segmentSql(condition: unknown, context: SegmentSqlContext): RawBuilder<boolean> {
  return toSql(parseSegmentCondition(condition), context) as RawBuilder<boolean>
}

// ---------------------------------------------------------------------------------------------
// JavaScript: the same condition over one member's facts

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) {
    return (a === null || a === undefined) && (b === null || b === undefined)
  }
  return typeof a === typeof b && typeof a !== 'object' && a === b
}

function ordered(a: unknown, b: unknown, op: Ordering): boolean {
  const same =
    (typeof a === 'number' && typeof b === 'number') ||
    (typeof a === 'string' && typeof b === 'string')
  if (!same) return false
  const x = a as number | string
  const y = b as number | string
  switch (op) {
    case '<':
      return x < y
    case '<=':
      return x <= y
    case '>':
      return x > y
    case '>=':
      return x >= y
  }
}

// The rules' engine with comparisons made strict, as SQL compares: values of different types
// (or a missing one) are never ordered and never equal, except that missing equals null.
const engine = new LogicEngine()
for (const op of ['==', '===']) {
  engine.addMethod(op, ([a, b]: unknown[]) => jsonEqual(a, b), { deterministic: true })
}
for (const op of ['!=', '!==']) {
  engine.addMethod(op, ([a, b]: unknown[]) => !jsonEqual(a, b), { deterministic: true })
}
for (const op of ['<', '<=', '>', '>='] as const) {
  engine.addMethod(
    op,
    (args: unknown[]) =>
      args.length === 3
        ? ordered(args[0], args[1], op) && ordered(args[1], args[2], op)
        : ordered(args[0], args[1], op),
    { deterministic: true },
  )
}
engine.addMethod(
  'in',
  ([a, b]: unknown[]) => {
    if (Array.isArray(b)) return b.some((item) => jsonEqual(a, item))
    return typeof a === 'string' && typeof b === 'string' && b.includes(a)
  },
  { deterministic: true },
)

// A path into attributes steps into objects (by key) and arrays (by index) only, as jsonb's
// `#>` does: never into a string's characters or its length, as JavaScript's `var` would.
engine.addMethod(
  'attribute',
  ([facts, ...keys]: unknown[]) => {
    let value = (facts as SegmentFacts).attributes as unknown
    for (const key of keys as string[]) {
      if (Array.isArray(value) && /^\d+$/.test(key)) value = value[Number(key)]
      else if (isPlainObject(value) && Object.hasOwn(value, key)) value = value[key]
      else return null
    }
    return value ?? null
  },
  { deterministic: false },
)

/** `{"var": "attributes.a.b"}` → `{"attribute": [{"var": ""}, "a", "b"]}`. */
function withAttributePaths(logic: unknown): unknown {
  if (Array.isArray(logic)) return logic.map(withAttributePaths)
  if (!isPlainObject(logic)) return logic
  const name = isVar(logic) && Array.isArray(logic.var) ? logic.var[0] : logic.var
  if (isVar(logic) && typeof name === 'string' && name.startsWith('attributes.')) {
    return { attribute: [{ var: '' }, ...name.slice('attributes.'.length).split('.')] }
  }
  return Object.fromEntries(Object.entries(logic).map(([k, x]) => [k, withAttributePaths(x)]))
}

/** Whether one member is in the segment: the same condition, in JavaScript (the tests' oracle). */
export function evaluateSegment(condition: unknown, facts: SegmentFacts): boolean {
  parseSegmentCondition(condition)
  const run = engine.build(withAttributePaths(condition)) as (data: unknown) => unknown
  return Boolean(engine.truthy(run(facts)))
}
