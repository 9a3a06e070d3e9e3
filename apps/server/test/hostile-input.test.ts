// Hostile input, everywhere: bodies nested thousands deep, U+0000 and lone surrogates in bodies,
// paths and query strings, impossible timestamps, numbers no column holds, over-long text, wrong
// types. Whatever arrives, the answer is a 4xx that names the field, never a 5xx; and every 429
// says when to come back.

import fc from 'fast-check'
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findBadJson, MAX_JSON_DEPTH } from '../src/plugins/json-body.js'
import { isDateTime } from '../src/plugins/validation.js'
import {
  createMember,
  createProgram,
  createTestApp,
  type TestApp,
  type TestProgram,
} from './support/index.js'

let t: TestApp
let program: TestProgram
let member: { id: string; external_id: string }

beforeAll(async () => {
  t = await createTestApp()
  program = await createProgram(t, { name: 'Hostile' })
  member = await createMember(t, program.keys.admin)
})
afterAll(() => t.close())

function expectInvalid(res: LightMyRequestResponse, errors?: { path: string; message: string }[]) {
  expect(res.statusCode, res.body).toBe(400)
  expect(res.json().code).toBe('invalid_request')
  if (errors) expect(res.json().errors).toEqual(errors)
}

/** `levels` containers, each holding the next: `{"a":{"a":…1}}` or `[[…1]]`. */
function nested(levels: number, kind: 'object' | 'array' = 'object'): string {
  const [open, close] = kind === 'object' ? ['{"a":', '}'] : ['[', ']']
  return `${open.repeat(levels)}1${close.repeat(levels)}`
}

const LEAP_SECOND = '2016-12-31T23:59:60Z'
const TEXT_RULE = 'must not contain U+0000 or unpaired surrogates'
const DEPTH_RULE = `must nest at most ${MAX_JSON_DEPTH} levels deep`

describe('deep nesting', () => {
  it('answers 400 to member attributes 5,000 levels deep, naming where the body got too deep', async () => {
    const res = await t.call('POST', '/v1/members', {
      key: program.keys.admin,
      body: `{"external_id":"deep-1","attributes":${nested(5000)}}`,
    })
    // The body is level 1, `attributes` level 2: the first container past the limit is named.
    const path = `attributes${'.a'.repeat(MAX_JSON_DEPTH - 1)}`
    expectInvalid(res, [{ path, message: DEPTH_RULE }])
  })

  it('answers 400 to order items 10,000 arrays deep', async () => {
    const res = await t.call('POST', '/v1/orders', {
      key: program.keys.admin,
      body: `{"id":"deep-order","member":"${member.id}","amount":1,"items":${nested(10_000, 'array')}}`,
    })
    expectInvalid(res, [{ path: `items${'[0]'.repeat(MAX_JSON_DEPTH - 1)}`, message: DEPTH_RULE }])
  })

  it(`lets ${MAX_JSON_DEPTH} levels through to the field's own rules and refuses one more`, async () => {
    const at = (levels: number) =>
      t.call('POST', '/v1/members', {
        key: program.keys.admin,
        body: `{"external_id":"deep-2","attributes":${nested(levels - 1)}}`,
      })
    expectInvalid(await at(MAX_JSON_DEPTH), [
      { path: 'attributes', message: 'must nest at most 8 levels deep' },
    ])
    const over = await at(MAX_JSON_DEPTH + 1)
    expectInvalid(over)
    expect(over.json().errors[0].message).toBe(DEPTH_RULE)
  })

  it('answers 400 to a body of nothing but brackets, just under 1 MB', async () => {
    const levels = 500_000 - 10
    const res = await t.call('POST', '/v1/events', {
      key: program.keys.admin,
      body: nested(levels, 'array').replace('1', ''),
    })
    expectInvalid(res)
  })

  it('walks any depth without recursion', () => {
    let deep: unknown = 'a\u0000b'
    for (let i = 0; i < 1_000_000; i++) deep = [deep]
    expect(findBadJson(deep, Number.POSITIVE_INFINITY)).toEqual({
      path: '[0]'.repeat(1_000_000),
      message: TEXT_RULE,
    })
    expect(findBadJson({ a: [{ b: deep }] })?.message).toBe(DEPTH_RULE)
    expect(findBadJson({ a: ['ok', { '\ud800': 1 }] })).toEqual({
      path: 'a[1].\ud800',
      message: TEXT_RULE,
    })
    expect(findBadJson({ a: [1, null, true, { b: 'fine' }] })).toBeUndefined()
  })
})

describe('path and query parameters get the text rules of bodies', () => {
  it('answers 400 to U+0000 in a path parameter, naming the parameter', async () => {
    const key = program.keys.admin
    const nul = [{ path: 'member', message: TEXT_RULE }]
    expectInvalid(await t.call('GET', '/v1/members/a%00b', { key }), nul)
    expectInvalid(await t.call('PATCH', '/v1/members/a%00b', { key, body: { name: 'x' } }), nul)
    expectInvalid(await t.call('GET', '/v1/orders/a%00b', { key }), [
      { path: 'id', message: TEXT_RULE },
    ])
    expectInvalid(
      await t.call('POST', '/v1/orders/a%00b/refunds', { key, body: { id: 'r-1', amount: 1 } }),
      [{ path: 'id', message: TEXT_RULE }],
    )
    expectInvalid(await t.call('DELETE', '/v1/api-keys/%00', { key }), [
      { path: 'key_id', message: TEXT_RULE },
    ])
    expectInvalid(await t.call('GET', '/v1/programs/%00/api-keys', { key: t.adminKey }), [
      { path: 'id', message: TEXT_RULE },
    ])
  })

  it('answers 400 to U+0000 in a query parameter, its name or a repeated one', async () => {
    const key = program.keys.admin
    expectInvalid(await t.call('GET', '/v1/members?query=%00', { key }), [
      { path: 'query', message: TEXT_RULE },
    ])
    expectInvalid(await t.call('GET', '/v1/members?query=a&query=b%00', { key }), [
      { path: 'query[1]', message: TEXT_RULE },
    ])
    expectInvalid(await t.call('GET', '/v1/members?x%00=1', { key }), [
      { path: 'x\u0000', message: TEXT_RULE },
    ])
    expectInvalid(await t.call('GET', '/v1/earning-rules?trigger=a%00', { key }))
  })

  it('answers 400 to a surrogate or overlong encoding in a path, and never 5xx in a query', async () => {
    const key = program.keys.admin
    for (const bad of ['%ED%A0%80', '%C0%80', '%FF']) {
      expectInvalid(await t.call('GET', `/v1/members/${bad}`, { key }))
      // Undecodable query text is kept as it was sent: well-formed, and looked up as such.
      const listed = await t.call('GET', `/v1/members?query=${bad}`, { key })
      expect(listed.statusCode).toBe(200)
    }
  })
})

describe('impossible timestamps', () => {
  it('keeps RFC 3339 and adds what Date and PostgreSQL can hold', () => {
    for (const ok of [
      '2024-02-29T12:00:00+08:00',
      '2024-02-29t12:00:00z',
      '2024-02-29T12:00:00.123456789Z',
      '1000-01-01T00:00:00Z',
      '9999-12-31T23:59:59.999Z',
    ])
      expect(isDateTime(ok), ok).toBe(true)
    for (const bad of [
      LEAP_SECOND,
      '2016-12-31T23:59:60+00:00',
      '0000-06-01T00:00:00Z',
      '0001-03-04T05:06:07Z',
      '0999-12-31T23:59:59Z',
      '1000-01-01T00:30:00+01:00',
      '9999-12-31T23:59:59-01:00',
      '2023-02-29T00:00:00Z',
      '2024-01-01T24:00:00Z',
      '2024-01-01T00:00:00',
      '2024-01-01',
      '+275760-09-13T00:00:00Z',
    ])
      expect(isDateTime(bad), bad).toBe(false)
  })

  it('answers 400 to a leap second in every date-time field', async () => {
    const key = program.keys.admin
    const format = 'must match format "date-time"'
    const cases: [string, string, unknown, string][] = [
      ['POST', '/v1/members', { external_id: 'leap', joined_at: LEAP_SECOND }, 'joined_at'],
      [
        'POST',
        '/v1/orders',
        { id: 'leap', member: member.id, amount: 1, occurred_at: LEAP_SECOND },
        'occurred_at',
      ],
      [
        'POST',
        '/v1/events',
        { id: 'leap', type: 'review.posted', member: member.id, occurred_at: LEAP_SECOND },
        'occurred_at',
      ],
      ['POST', '/v1/jobs/housekeeping/run', { as_of: LEAP_SECOND }, 'as_of'],
      [
        'PUT',
        `/v1/members/${member.id}/tier`,
        { tier: 'member', reason: 'leap', until: LEAP_SECOND },
        'until',
      ],
      [
        'POST',
        '/v1/earning-rules',
        {
          name: 'leap',
          trigger: 'order.completed',
          reward: { type: 'fixed', points: 1 },
          starts_at: LEAP_SECOND,
        },
        'starts_at',
      ],
      [
        'POST',
        '/v1/earning-rules/preview',
        {
          rule: { trigger: 'order.completed', reward: { type: 'fixed', points: 1 } },
          order: { amount: 100, occurred_at: LEAP_SECOND },
        },
        'order.occurred_at',
      ],
      [
        'POST',
        '/v1/earning-rules/preview',
        {
          rule: { trigger: 'order.completed', reward: { type: 'fixed', points: 1 } },
          member: { joined_at: '9999-12-31T23:59:59-01:00' },
        },
        'member.joined_at',
      ],
    ]
    for (const [method, url, body, path] of cases) {
      const res = await t.call(method as 'POST', url, { key, body })
      expect(res.statusCode, `${method} ${url} ${path}: ${res.body}`).toBe(400)
      expect(res.json().errors).toContainEqual({ path, message: format })
    }
  })
})

describe('every 429 carries Retry-After and the RateLimit headers', () => {
  const RATE_HEADERS = ['retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset']

  it('on the failed-authentication throttle', async () => {
    const attempt = () =>
      t.call('GET', '/v1/members', { key: 'lb_sk_guess', remoteAddress: '192.0.2.77' })
    for (let i = 0; i < 20; i++) expect((await attempt()).statusCode).toBe(401)
    const limited = await attempt()
    expect(limited.statusCode).toBe(429)
    for (const name of RATE_HEADERS) expect(limited.headers).toHaveProperty(name)
    expect(limited.headers['ratelimit-limit']).toBe('20')
    expect(limited.headers['ratelimit-remaining']).toBe('0')
    expect(limited.headers['ratelimit-reset']).toBe(limited.headers['retry-after'])
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60)
  })

  it('on the per-key rate limit', async () => {
    const a = await createTestApp({ rateLimit: 2 })
    try {
      for (let i = 0; i < 2; i++) expect((await a.call('GET', '/healthz')).statusCode).toBe(200)
      const limited = await a.call('GET', '/healthz')
      expect(limited.statusCode).toBe(429)
      for (const name of RATE_HEADERS) expect(limited.headers).toHaveProperty(name)
      expect(limited.headers['ratelimit-limit']).toBe('2')
      expect(limited.headers['ratelimit-remaining']).toBe('0')
      expect(limited.headers['ratelimit-reset']).toBe(limited.headers['retry-after'])
    } finally {
      await a.close()
    }
  })
})

// ---------------------------------------------------------------------------------------------
// Every parameter of every route, walked from /openapi.json: a route added tomorrow is covered
// without being listed here.

interface Schema {
  $ref?: string
  type?: string | string[]
  properties?: Record<string, Schema>
  required?: string[]
  additionalProperties?: boolean | Schema
  items?: Schema
  anyOf?: Schema[]
  oneOf?: Schema[]
  enum?: unknown[]
  const?: unknown
  not?: Schema
  format?: string
  pattern?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  minItems?: number
}

interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie'
  name: string
  required?: boolean
  schema: Schema
}

interface Operation {
  parameters?: Parameter[]
  requestBody?: { content: Record<string, { schema: Schema }> }
}

interface OpenApi {
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, Schema> }
}

/** One request carrying one hostile value in one place. */
interface Probe {
  label: string
  method: string
  url: string
  body?: string
  key?: string
  /** Text and depth rules answer exactly 400 wherever the value is. */
  mustBe400: boolean
}

const LONG = 'x'.repeat(100_000)
const DEEP_OBJECT = nested(5000)
const DEEP_ARRAY = nested(10_000, 'array')

/** Hostile body values by the kind of field, as JSON text (lone surrogates as \u escapes). */
const STRING_VALUES: Record<string, string> = {
  nul: '"a\\u0000b"',
  surrogate: '"a\\ud800b"',
  'low surrogate': '"\\udfff"',
  long: JSON.stringify(LONG),
  'leap second': JSON.stringify(LEAP_SECOND),
  'wrong type': '9007199254740992',
}
const DATE_VALUES: Record<string, string> = {
  'year 0': '"0000-01-01T00:00:00Z"',
  'year 1': '"0001-01-01T00:00:00Z"',
  'year 10000': '"9999-12-31T23:59:59-01:00"',
}
const NUMBER_VALUES: Record<string, string> = {
  '1e308': '1e308',
  '2**53': '9007199254740992',
  '-1': '-1',
  '1.5': '1.5',
  '1e21': '1e21',
  'wrong type': '"1"',
}
const OBJECT_VALUES: Record<string, string> = {
  deep: DEEP_OBJECT,
  'wrong type': '[]',
}
const ARRAY_VALUES: Record<string, string> = {
  deep: DEEP_ARRAY,
  'wrong type': '{}',
}
const BOOLEAN_VALUES: Record<string, string> = { 'wrong type': '"true"' }
/** What a free-form value (attributes, conditions, properties) may be sent. */
const ANY_VALUES: Record<string, string> = {
  ...STRING_VALUES,
  ...NUMBER_VALUES,
  deep: DEEP_OBJECT,
  'deep array': DEEP_ARRAY,
  'nul key': '{"a\\u0000":1}',
  'surrogate key': '{"\\ud800":1}',
  'deep within the body limit': nested(MAX_JSON_DEPTH - 8),
  big: JSON.stringify({ a: LONG }),
}
const TEXT_AND_DEPTH = new Set([
  'nul',
  'surrogate',
  'low surrogate',
  'deep',
  'deep array',
  'nul key',
  'surrogate key',
])

/** Hostile path and query values, percent-encoded as they travel. */
const URL_STRING_VALUES: Record<string, string> = {
  nul: 'a%00b',
  surrogate: '%ED%A0%80',
  overlong: '%C0%80',
  long: LONG,
  'leap second': encodeURIComponent(LEAP_SECOND),
  dots: '..%2F..',
}
const URL_DECODE_ERRORS = new Set(['surrogate', 'overlong'])
const URL_NUMBER_VALUES: Record<string, string> = {
  '1e308': '1e308',
  '2**53': '9007199254740992',
  '-1': '-1',
  '1.5': '1.5',
  '1e21': '1e21',
  'wrong type': 'abc',
  nul: '1%00',
}
const URL_BOOLEAN_VALUES: Record<string, string> = { 'wrong type': 'maybe', nul: 'true%00' }

function typeOf(schema: Schema): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type
}

function hostileBodyValues(schema: Schema): Record<string, string> {
  switch (typeOf(schema)) {
    case 'string':
      return schema.format === 'date-time' ? { ...STRING_VALUES, ...DATE_VALUES } : STRING_VALUES
    case 'integer':
    case 'number':
      return NUMBER_VALUES
    case 'boolean':
      return BOOLEAN_VALUES
    case 'object':
      return OBJECT_VALUES
    case 'array':
      return ARRAY_VALUES
    case 'null':
      return {}
    default:
      return ANY_VALUES
  }
}

function hostileUrlValues(schema: Schema): Record<string, string> {
  const type = typeOf(schema)
  if (type === 'integer' || type === 'number') return URL_NUMBER_VALUES
  if (type === 'boolean') return URL_BOOLEAN_VALUES
  if (schema.format !== 'date-time') return URL_STRING_VALUES
  const dates = Object.entries(DATE_VALUES).map(([kind, json]) => [
    kind,
    encodeURIComponent(JSON.parse(json)),
  ])
  return { ...URL_STRING_VALUES, ...Object.fromEntries(dates) }
}

describe('hostile values in every parameter of every route', () => {
  let doc: OpenApi
  let portalToken: string
  let fixtures: {
    /** Real ids for path parameters, by name, or by a path prefix and name. */
    params: Record<string, string | Record<string, string>>
    /** Real values for body fields that name something that must exist. */
    fields: Record<string, string>
  }
  let seq = 0

  beforeAll(async () => {
    doc = (await t.call('GET', '/openapi.json')).json()
    const key = program.keys.admin
    const post = async (url: string, body: unknown) => {
      const res = await t.call('POST', url, { key, body })
      if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`)
      return res.json()
    }
    await post(`/v1/members/${member.id}/points/adjustments`, {
      points: 1_000_000,
      reason: 'points to spend',
    })
    const rule = await post('/v1/earning-rules', {
      name: 'Fixture rule',
      trigger: 'order.completed',
      reward: { type: 'fixed', points: 1 },
    })
    const order = await post('/v1/orders', { id: 'fixture-order', member: member.id, amount: 1e9 })
    await post('/v1/events', { id: 'fixture-event', type: 'review.posted', member: member.id })
    const spareKey = await post('/v1/api-keys', { name: 'spare', role: 'readonly' })
    const platformSpare = await t.call('POST', `/v1/programs/${program.id}/api-keys`, {
      key: t.adminKey,
      body: { name: 'platform spare', role: 'readonly' },
    })
    await post('/v1/jobs/housekeeping/run', {})
    const template = await post('/v1/coupon-templates', {
      name: 'Fixture coupon',
      discount: { type: 'amount', amount_off: 100 },
      validity: { days: 7 },
    })
    const segment = await post('/v1/segments', {
      name: 'Fixture segment',
      condition: { '>=': [{ var: 'points' }, 0] },
    })
    const slot = await post('/v1/appointment-slots', {
      service: 'Fixture fitting',
      starts_at: '2099-01-01T10:00:00Z',
      ends_at: '2099-01-01T11:00:00Z',
      capacity: 1_000_000,
    })
    const appointment = await post(`/v1/members/${member.id}/appointments`, { slot: slot.id })
    const exclusiveEvent = await post('/v1/exclusive-events', {
      title: 'Fixture gala',
      starts_at: '2099-01-01T10:00:00Z',
      capacity: 1_000_000,
      tiers: ['member'],
    })
    const runs = await t.call('GET', '/v1/jobs/runs', { key })
    portalToken = (await post(`/v1/members/${member.id}/portal-sessions`, {})).token
    fixtures = {
      params: {
        member: member.id,
        name: 'housekeeping',
        key_id: spareKey.id,
        '/v1/programs/': { id: program.id, key_id: platformSpare.json().id },
        '/v1/orders/': { id: order.order.id },
        '/v1/events/': { id: 'fixture-event' },
        '/v1/earning-rules/': { id: rule.id },
        '/v1/coupon-templates/': { id: template.id },
        '/v1/segments/': { id: segment.id },
        '/v1/job-runs/': { id: runs.json().data[0].id },
        '/v1/appointment-slots/': { id: slot.id },
        '/v1/members/{member}/appointments/': { id: appointment.id },
        '/v1/portal/appointments/': { id: appointment.id },
        '/v1/exclusive-events/': { id: exclusiveEvent.id },
        '/v1/members/{member}/exclusive-events/': { id: exclusiveEvent.id },
        '/v1/portal/exclusive-events/': { id: exclusiveEvent.id },
      },
      fields: {
        member: member.id,
        rule: rule.id,
        template: template.id,
        slot: slot.id,
        tier: 'member',
        key: 'member',
        trigger: 'order.completed',
        type: 'review.posted',
      },
    }
  })

  const resolve = (schema: Schema): Schema => {
    if (!schema.$ref) return schema
    const name = schema.$ref.split('/').at(-1) as string
    const target = doc.components.schemas[name]
    if (!target) throw new Error(`unresolved ${schema.$ref}`)
    return resolve(target)
  }

  const branches = (schema: Schema) => (schema.anyOf ?? schema.oneOf ?? []).map(resolve)

  /** A valid value with only the required fields; fresh text each time (ids stay unique). */
  function sample(raw: Schema, field = ''): unknown {
    const schema = resolve(raw)
    const options = branches(schema)
    if (options.length > 0) {
      const first = options.find((o) => typeOf(o) !== 'null') ?? (options[0] as Schema)
      return sample(first, field)
    }
    if ('const' in schema) return schema.const
    if (schema.enum) return schema.enum[0]
    switch (typeOf(schema)) {
      case 'object': {
        const out: Record<string, unknown> = {}
        for (const name of schema.required ?? []) {
          out[name] = sample(schema.properties?.[name] ?? {}, name)
        }
        return out
      }
      case 'array':
        return Array.from({ length: schema.minItems ?? 0 }, () => sample(schema.items ?? {}))
      case 'integer':
      case 'number': {
        const low = schema.minimum ?? (schema.exclusiveMinimum ?? 0) + 1
        let value = Math.min(Math.max(1, low), schema.maximum ?? Number.MAX_SAFE_INTEGER)
        if (schema.not?.enum?.includes(value)) value++
        return value
      }
      case 'boolean':
        return true
      case 'null':
        return null
      case 'string': {
        const fixture = fixtures.fields[field]
        if (fixture !== undefined) return fixture
        if (schema.format === 'date-time') return new Date(Date.now() - 3_600_000).toISOString()
        if (schema.format === 'email') return `u${++seq}@example.com`
        if (schema.format === 'uri') return 'https://example.com/back'
        if (schema.pattern) {
          const [text] = fc.sample(fc.stringMatching(new RegExp(schema.pattern)), {
            numRuns: 1,
            seed: 7,
          })
          return text
        }
        const text = `h${process.pid}-${++seq}`.padEnd(schema.minLength ?? 0, 'x')
        return text.slice(0, schema.maxLength ?? text.length)
      }
      default:
        return 'any'
    }
  }

  /**
   * Every place in a body schema a value can go (each property, each array's item, each union
   * branch, a key of each free-form object), with a way to build a valid body around it.
   */
  function* places(
    raw: Schema,
    label: string,
    build: (value: unknown) => unknown,
    depth = 0,
  ): Generator<{ label: string; schema: Schema; build: (value: unknown) => unknown }> {
    const schema = resolve(raw)
    if (depth > 12) throw new Error(`${label}: schema nests too deeply to walk`)
    const options = branches(schema)
    if (options.length > 0) {
      for (const option of options) yield* places(option, label, build, depth + 1)
      return
    }
    yield { label, schema, build }
    const type = typeOf(schema)
    if (type === 'object') {
      const around = () => sample(schema) as Record<string, unknown>
      for (const [name, child] of Object.entries(schema.properties ?? {})) {
        yield* places(
          child,
          label ? `${label}.${name}` : name,
          (value) => build({ ...around(), [name]: value }),
          depth + 1,
        )
      }
      const extra = schema.additionalProperties
      if (extra !== undefined && extra !== false) {
        yield* places(
          extra === true ? {} : extra,
          `${label}.*`,
          (value) => build({ ...around(), gold: value }),
          depth + 1,
        )
      }
    } else if (type === 'array' && schema.items) {
      yield* places(schema.items, `${label}[0]`, (value) => build([value]), depth + 1)
    }
  }

  function routeKey(path: string, method: string): string | undefined {
    const url = path.replace(/\{(\w+)\}/g, ':$1')
    const route = t.app.routeCatalog.find((r) => r.url === url && r.method === method)
    if (!route) throw new Error(`${method} ${path} is in /openapi.json but not a route`)
    switch (route.auth.kind) {
      case 'platform':
        return t.adminKey
      case 'program':
        return program.keys.admin
      case 'portal':
        return portalToken
      default:
        return undefined
    }
  }

  function paramFixture(path: string, name: string): string {
    const scoped = Object.entries(fixtures.params)
      .filter(([prefix, value]) => typeof value === 'object' && path.startsWith(prefix))
      .sort(([a], [b]) => b.length - a.length)[0]?.[1] as Record<string, string> | undefined
    const plain = fixtures.params[name]
    return scoped?.[name] ?? (typeof plain === 'string' ? plain : 'no-such-id')
  }

  /** Every hostile probe, and each operation's plain request (valid, with real ids). */
  function requests(): { probes: Probe[]; plain: Probe[] } {
    const probes: Probe[] = []
    const plain: Probe[] = []
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [verb, operation] of Object.entries(operations)) {
        const method = verb.toUpperCase()
        const key = routeKey(path, method)
        const params = operation.parameters ?? []
        const bodySchema = operation.requestBody?.content['application/json']?.schema
        const url = (pathValues: Record<string, string>, query: string) =>
          path.replace(/\{(\w+)\}/g, (_, name: string) => pathValues[name] ?? '') +
          (query ? `?${query}` : '')
        const realPath = Object.fromEntries(
          params
            .filter((p) => p.in === 'path')
            .map((p) => [p.name, encodeURIComponent(paramFixture(path, p.name))]),
        )
        const body = () => (bodySchema ? JSON.stringify(sample(bodySchema)) : undefined)
        const route = `${method} ${path}`
        const probe = (label: string, target: string, text: string | undefined, is400: boolean) =>
          probes.push({
            label: `${route} ${label}`,
            method,
            url: target,
            body: text,
            key,
            mustBe400: is400,
          })
        plain.push({
          label: route,
          method,
          url: url(realPath, ''),
          body: body(),
          key,
          mustBe400: false,
        })
        for (const param of params) {
          if (param.in !== 'path' && param.in !== 'query') continue
          const where = `${param.in} ${param.name}`
          for (const [kind, value] of Object.entries(hostileUrlValues(param.schema))) {
            const target =
              param.in === 'path'
                ? url({ ...realPath, [param.name]: value }, '')
                : url(realPath, `${param.name}=${value}`)
            // A path is decoded whole (bad UTF-8 is a bad URL); a query keeps what it cannot decode.
            const is400 = kind === 'nul' || (param.in === 'path' && URL_DECODE_ERRORS.has(kind))
            probe(`${where} = ${kind}`, target, body(), is400)
          }
          if (param.in === 'query') {
            const repeated = `${param.name}=1&${param.name}=2`
            probe(`${where} = repeated`, url(realPath, repeated), body(), false)
          }
        }
        if (!bodySchema) continue
        for (const place of places(bodySchema, '', (value) => value)) {
          for (const [kind, value] of Object.entries(hostileBodyValues(place.schema))) {
            // A marker stands for the hostile JSON text, so that it goes out exactly as written.
            const marker = `\u0001hostile-${++seq}\u0001`
            const text = JSON.stringify(place.build(marker)).replace(
              JSON.stringify(marker),
              () => value,
            )
            probe(
              `body ${place.label || '(whole)'} = ${kind}`,
              url(realPath, ''),
              text,
              TEXT_AND_DEPTH.has(kind),
            )
          }
        }
      }
    }
    // Deleting last: the plain DELETEs remove the spare key and the fixture rule.
    plain.sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'))
    return { probes, plain }
  }

  async function send(all: Probe[], failures: string[]) {
    let next = 0
    const worker = async () => {
      while (next < all.length) {
        const probe = all[next++] as Probe
        const res = await t.app.inject({
          method: probe.method as 'GET',
          url: probe.url,
          headers: {
            ...(probe.key ? { authorization: `Bearer ${probe.key}` } : {}),
            ...(probe.body !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          ...(probe.body !== undefined ? { payload: probe.body } : {}),
        })
        const wrong = res.statusCode >= 500 || (probe.mustBe400 && res.statusCode !== 400)
        if (wrong) failures.push(`${probe.label}: ${res.statusCode} ${res.body.slice(0, 200)}`)
      }
    }
    // A few at a time: enough to interleave transactions, few enough for two cores.
    await Promise.all(Array.from({ length: 4 }, worker))
  }

  it('answers no 5xx, and 400 to bad text and deep nesting, wherever they are sent', async () => {
    const { probes, plain } = requests()
    const routes = new Set(plain.map((p) => p.label))
    expect(routes.size).toBeGreaterThan(40)
    // The walk reaches nested fields, union branches and free-form values.
    for (const place of ['body items[0].sku', 'body reward.per', 'body condition.*']) {
      expect(probes.some((p) => p.label.includes(place))).toBe(true)
    }
    const failures: string[] = []
    await send(probes, failures)
    // What the probes stored (a member, a rule, a ladder, a policy) must not break the plain
    // requests that come after it.
    await send(plain, failures)
    expect(failures, `${failures.length} of ${probes.length + plain.length} requests`).toEqual([])
  })
})
