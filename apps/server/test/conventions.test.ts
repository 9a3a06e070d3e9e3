import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createMember,
  createProgram,
  createTestApp,
  type TestApp,
  type TestProgram,
} from './support/index.js'

// api.md "Conventions": one problem shape for every error, strict bodies, lists, health,
// metrics, request ids, and the public documents.

let t: TestApp
let program: TestProgram

beforeAll(async () => {
  t = await createTestApp()
  program = await createProgram(t)
})
afterAll(() => t.close())

const PROBLEM = 'application/problem+json; charset=utf-8'

/** Asserts an RFC 9457 problem with our fields and returns its body. */
function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; json<T>(): T },
  status: number,
  code: string,
) {
  expect(res.headers['content-type']).toBe(PROBLEM)
  const body = res.json<Record<string, unknown>>()
  expect(body).toMatchObject({ type: `urn:loyalbase:error:${code}`, status, code })
  expect(res.statusCode).toBe(status)
  expect(typeof body.title).toBe('string')
  expect(typeof body.detail).toBe('string')
  return body
}

async function postMember(body: unknown) {
  return t.call('POST', '/v1/members', { key: program.keys.admin, body })
}

describe('problems', () => {
  it('answers an unknown route with 404 not_found', async () => {
    const res = await t.call('GET', '/v1/nothing-here', { key: program.keys.admin })
    const body = expectProblem(res, 404, 'not_found')
    expect(body).toEqual({
      type: 'urn:loyalbase:error:not_found',
      title: 'Not found',
      status: 404,
      code: 'not_found',
      detail: 'No route GET /v1/nothing-here.',
    })
  })

  it('answers malformed JSON with 400 invalid_request', async () => {
    const res = await postMember('{"external_id": ')
    const body = expectProblem(res, 400, 'invalid_request')
    expect(body.title).toBe('Invalid request')
    expect(body.detail).toMatch(/^The body is not valid JSON/)
  })

  it('reads a body left out or sent empty as {}', async () => {
    const variants: Record<string, string>[] = [{}, { 'content-type': 'application/json' }]
    for (const headers of variants) {
      const create = await t.call('POST', '/v1/members', { key: program.keys.admin, headers })
      const body = expectProblem(create, 400, 'invalid_request')
      expect(body.errors).toEqual([{ path: 'external_id', message: 'is required' }])
      const patch = await t.call('PATCH', '/v1/program', { key: program.keys.admin, headers })
      expect(patch.statusCode).toBe(200)
      expect(patch.json().id).toBe(program.id)
    }
  })

  it('names the body when it is not an object', async () => {
    for (const json of ['[1]', 'null', '"x"', '7']) {
      const body = expectProblem(await postMember(json), 400, 'invalid_request')
      expect(body.errors).toEqual([{ path: 'body', message: 'must be object' }])
    }
  })

  it('refuses prototype pollution in JSON', async () => {
    const res = await postMember('{"external_id":"p","__proto__":{"admin":true}}')
    const body = expectProblem(res, 400, 'invalid_request')
    expect(body.detail).toBe(
      'The body is not valid JSON: Object contains forbidden prototype property',
    )
  })

  it('names a missing required field', async () => {
    const body = expectProblem(await postMember({ name: 'x' }), 400, 'invalid_request')
    expect(body.errors).toEqual([{ path: 'external_id', message: 'is required' }])
    expect(body.detail).toBe('external_id: is required')
  })

  it('never coerces a number into a string field', async () => {
    const body = expectProblem(await postMember({ external_id: 12345 }), 400, 'invalid_request')
    expect(body.errors).toEqual([{ path: 'external_id', message: 'must be string' }])
  })

  it('rejects an unknown field instead of dropping it', async () => {
    const res = await postMember({ external_id: 'unknown-field', foo: 1 })
    const body = expectProblem(res, 400, 'invalid_request')
    expect(body.errors).toEqual([{ path: 'foo', message: 'is not a known field' }])
  })

  it('names every failing field, nested ones by their dotted path', async () => {
    const res = await t.call('PATCH', '/v1/program', {
      key: program.keys.admin,
      body: { name: '', points_policy: { redeem_rate: '100', pending_days: -1, bar: true } },
    })
    const body = expectProblem(res, 400, 'invalid_request')
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { path: 'name', message: 'must NOT have fewer than 1 characters' },
        { path: 'points_policy.redeem_rate', message: 'must be integer' },
        { path: 'points_policy.pending_days', message: 'must be >= 0' },
        { path: 'points_policy.bar', message: 'is not a known field' },
      ]),
    )
    expect(body.errors).toHaveLength(4)
  })

  it('accepts free-form attributes but not an attributes value of the wrong type', async () => {
    const body = expectProblem(
      await postMember({ external_id: 'attrs', attributes: 'vip' }),
      400,
      'invalid_request',
    )
    expect(body.errors).toEqual([{ path: 'attributes', message: 'must be object' }])
    const ok = await postMember({ external_id: 'attrs', attributes: { any: { thing: [1] } } })
    expect(ok.statusCode).toBe(201)
  })

  it('refuses text with U+0000, naming the field', async () => {
    const body = expectProblem(
      await postMember({ external_id: 'nul', attributes: { note: 'a\u0000b' } }),
      400,
      'invalid_request',
    )
    expect(body.errors).toEqual([
      { path: 'attributes.note', message: 'must not contain U+0000 or unpaired surrogates' },
    ])
  })

  it('refuses an unpaired surrogate, naming the field', async () => {
    // Sent as the JSON escape itself, as a client would.
    const body = expectProblem(
      await postMember('{"external_id":"bad-\\ud800"}'),
      400,
      'invalid_request',
    )
    expect(body.errors).toEqual([
      { path: 'external_id', message: 'must not contain U+0000 or unpaired surrogates' },
    ])
    const paired = await postMember('{"external_id":"ok-\\ud83d\\ude00"}')
    expect(paired.statusCode).toBe(201)
    expect(paired.json().external_id).toBe('ok-😀')
  })

  it('answers a body over 1 MB with 413', async () => {
    const big = { external_id: 'big', attributes: { blob: 'x'.repeat(1024 * 1024) } }
    const body = expectProblem(await postMember(big), 413, 'payload_too_large')
    expect(body.title).toBe('Payload too large')
  })

  it('answers a body that is not JSON with 415', async () => {
    const res = await t.call('POST', '/v1/members', {
      key: program.keys.admin,
      headers: { 'content-type': 'text/plain' },
      body: 'external_id=x',
    })
    expectProblem(res, 415, 'unsupported_media_type')
  })
})

describe('lists', () => {
  it('refuses limit=101 and limit=0, naming limit', async () => {
    for (const limit of ['101', '0', 'ten']) {
      const res = await t.call('GET', `/v1/members?limit=${limit}`, { key: program.keys.admin })
      const body = expectProblem(res, 400, 'invalid_request')
      expect(body.errors).toEqual([{ path: 'limit', message: expect.any(String) }])
    }
  })

  it('refuses a forged cursor', async () => {
    const res = await t.call('GET', '/v1/members?cursor=bm90LWEtY3Vyc29y', {
      key: program.keys.admin,
    })
    const body = expectProblem(res, 400, 'invalid_request')
    expect(body.errors).toEqual([{ path: 'cursor', message: 'is not a valid cursor' }])
  })

  it('pages 20 at a time by default and walks every item once by cursor', async () => {
    const fresh = await createProgram(t, { name: 'Paging' })
    const created = new Set<string>()
    for (let i = 0; i < 23; i++) created.add((await createMember(t, fresh.keys.admin)).id)

    const first = await t.call('GET', '/v1/members', { key: fresh.keys.readonly })
    expect(first.statusCode).toBe(200)
    const page1 = first.json<{ data: { id: string }[]; next_cursor: string | null }>()
    expect(page1.data).toHaveLength(20)
    expect(page1.next_cursor).toEqual(expect.any(String))

    const second = await t.call('GET', `/v1/members?cursor=${page1.next_cursor}`, {
      key: fresh.keys.readonly,
    })
    const page2 = second.json<{ data: { id: string }[]; next_cursor: string | null }>()
    expect(page2.data).toHaveLength(3)
    expect(page2.next_cursor).toBeNull()

    const seen = [...page1.data, ...page2.data].map((m) => m.id)
    expect(new Set(seen)).toEqual(created)
    expect(seen).toHaveLength(23)

    const small = await t.call('GET', '/v1/members?limit=23', { key: fresh.keys.readonly })
    expect(small.json().data).toHaveLength(23)
    expect(small.json().next_cursor).toBeNull()
  })
})

describe('operations', () => {
  it('answers /healthz and /readyz without a key', async () => {
    const health = await t.call('GET', '/healthz')
    expect(health.statusCode).toBe(200)
    expect(health.json()).toEqual({ status: 'ok' })
    const ready = await t.call('GET', '/readyz')
    expect(ready.statusCode).toBe(200)
    expect(ready.json()).toEqual({ status: 'ready' })
  })

  it('counts requests by route template in Prometheus text', async () => {
    await t.call('GET', '/v1/members', { key: program.keys.admin })
    await t.call('GET', '/v1/members/mem_00000000000000000000000000', { key: program.keys.admin })
    await t.call('GET', '/wp-login.php')
    const res = await t.call('GET', '/metrics')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/)
    const text = res.body
    expect(text).toContain('# TYPE loyalbase_http_requests_total counter')
    expect(text).toMatch(
      /^loyalbase_http_requests_total\{method="GET",route="\/v1\/members",status="200"\} \d+$/m,
    )
    expect(text).toMatch(
      /^loyalbase_http_requests_total\{method="GET",route="\/v1\/members\/:member",status="404"\} 1$/m,
    )
    expect(text).not.toContain('mem_00000000000000000000000000')
    expect(text).not.toContain('wp-login')
    expect(text).toContain('# TYPE loyalbase_http_request_duration_seconds histogram')
    expect(text).toMatch(
      /^loyalbase_http_request_duration_seconds_bucket\{le="\+Inf",method="GET",route="\/v1\/members",status="200"\} \d+$/m,
    )
    expect(text).toContain('process_cpu_user_seconds_total')
  })

  it('gives every response an x-request-id and echoes the caller’s', async () => {
    const a = await t.call('GET', '/healthz')
    const b = await t.call('GET', '/v1/nothing', { key: program.keys.admin })
    expect(a.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    expect(b.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id'])
    const echoed = await t.call('GET', '/healthz', { headers: { 'x-request-id': 'req-abc-123' } })
    expect(echoed.headers['x-request-id']).toBe('req-abc-123')
  })

  it('serves /openapi.json and /docs without a key', async () => {
    const doc = await t.call('GET', '/openapi.json')
    expect(doc.statusCode).toBe(200)
    expect(doc.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(doc.json().openapi).toBe('3.1.0')
    const docs = await t.call('GET', '/docs')
    expect(docs.statusCode).toBe(200)
    expect(docs.headers['content-type']).toMatch(/^text\/html/)
    expect(docs.body).toContain('<html')
  })
})

describe('when the database is gone', () => {
  let broken: TestApp
  let key: string
  beforeAll(async () => {
    broken = await createTestApp()
    key = (await createProgram(broken)).keys.admin
    await broken.db.database.close()
  })
  afterAll(async () => {
    await broken.app.close()
    // Closing twice is harmless, and the PostgreSQL test database must still be dropped.
    await broken.db.drop()
  })

  it('answers 500 internal_error without a stack or SQL', async () => {
    const res = await broken.call('GET', '/v1/members', { key })
    const body = expectProblem(res, 500, 'internal_error')
    expect(Object.keys(body).sort()).toEqual(['code', 'detail', 'status', 'title', 'type'])
    expect(body.title).toBe('Internal server error')
    expect(body.detail).toBe(
      `An unexpected error occurred (request ${res.headers['x-request-id']}).`,
    )
    expect(res.body).not.toMatch(/select|api_keys|at .*\.[jt]s|Kysely|driver|destroy/i)
  })

  it('keeps /healthz up and answers /readyz 503 unavailable', async () => {
    expect((await broken.call('GET', '/healthz')).statusCode).toBe(200)
    const body = expectProblem(await broken.call('GET', '/readyz'), 503, 'unavailable')
    expect(body.detail).toBe('The database is not reachable.')
  })
})
