import { createServices, fixedClock } from '@loyalbase/core'
import { buildApp } from '@loyalbase/server'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { FailedAuthThrottle } from '../src/plugins/auth.js'
import {
  createMember,
  createProgram,
  createTestApp,
  createTestDb,
  TEST_ADMIN_KEY,
  type TestApp,
  type TestProgram,
} from './support/index.js'

// api.md "Conventions" (Auth), "Programs and keys" and "Rate limits and limits".

const T0 = '2025-03-01T08:00:00.000Z'
const clock = fixedClock(T0)
let t: TestApp
let program: TestProgram
let other: TestProgram

beforeAll(async () => {
  t = await createTestApp({ clock })
  program = await createProgram(t)
  other = await createProgram(t, { name: 'Other' })
})
afterAll(() => t.close())

type Res = Awaited<ReturnType<TestApp['call']>>

function expectProblem(res: Res, status: number, code: string, detail?: string) {
  expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8')
  expect(res.json()).toMatchObject({ status, code, ...(detail ? { detail } : {}) })
  expect(res.statusCode).toBe(status)
}

async function newKey(role: 'admin' | 'server' | 'readonly', programId = program.id) {
  const res = await t.call('POST', `/v1/programs/${programId}/api-keys`, {
    key: t.adminKey,
    body: { name: `${role} extra`, role },
  })
  expect(res.statusCode).toBe(201)
  return res.json<{ id: string; key: string; prefix: string }>()
}

describe('who may call', () => {
  it('answers 401 without a key, with a malformed header or with an unknown key', async () => {
    const bare = await t.call('GET', '/v1/members')
    expectProblem(bare, 401, 'unauthorized', 'Send a key as "Authorization: Bearer <key>".')
    expect(bare.headers['www-authenticate']).toBe('Bearer realm="loyalbase"')
    const basic = await t.call('GET', '/v1/members', { headers: { authorization: 'Basic eDp5' } })
    expectProblem(basic, 401, 'unauthorized')
    for (const key of ['lb_sk_unknown', `${program.keys.admin}x`, 'lb_ps_unknown']) {
      const res = await t.call('GET', '/v1/members', { key })
      expectProblem(res, 401, 'unauthorized', 'The key is unknown, revoked or expired.')
    }
    expectProblem(await t.call('GET', '/v1/programs'), 401, 'unauthorized')
  })

  it('keeps the platform admin key to programs and keys', async () => {
    const res = await t.call('GET', '/v1/members', { key: t.adminKey })
    expectProblem(res, 403, 'forbidden', 'This endpoint needs a program key.')
    expectProblem(await t.call('GET', '/v1/program', { key: t.adminKey }), 403, 'forbidden')
    expect((await t.call('GET', '/v1/programs', { key: t.adminKey })).statusCode).toBe(200)
  })

  it('keeps program keys away from the platform routes', async () => {
    for (const key of Object.values(program.keys)) {
      const list = await t.call('GET', '/v1/programs', { key })
      expectProblem(list, 403, 'forbidden', 'This endpoint needs the platform admin key.')
      const create = await t.call('POST', '/v1/programs', { key, body: { name: 'x' } })
      expectProblem(create, 403, 'forbidden')
      const keys = await t.call('GET', `/v1/programs/${program.id}/api-keys`, { key })
      expectProblem(keys, 403, 'forbidden')
    }
  })

  it('lets a readonly key read and nothing else', async () => {
    const key = program.keys.readonly
    expect((await t.call('GET', '/v1/members', { key })).statusCode).toBe(200)
    expect((await t.call('GET', '/v1/program', { key })).statusCode).toBe(200)
    const write = await t.call('POST', '/v1/members', { key, body: { external_id: 'ro-1' } })
    expectProblem(write, 403, 'forbidden', 'A readonly key may only read.')
    const patch = await t.call('PATCH', '/v1/members/anyone', { key, body: { name: 'x' } })
    expectProblem(patch, 403, 'forbidden')
  })

  it('keeps server and readonly keys out of configuration', async () => {
    const adminOnly: [string, string, unknown][] = [
      ['PATCH', '/v1/program', { name: 'Renamed' }],
      ['POST', '/v1/api-keys', { name: 'k', role: 'admin' }],
      ['GET', '/v1/api-keys', undefined],
      ['DELETE', '/v1/api-keys/key_01JAAAAAAAAAAAAAAAAAAAAAAA', undefined],
      ['POST', '/v1/jobs/housekeeping/run', {}],
      ['GET', '/v1/jobs', undefined],
    ]
    for (const key of [program.keys.server, program.keys.readonly]) {
      for (const [method, url, body] of adminOnly) {
        const res = await t.call(method as 'GET', url, { key, body })
        expectProblem(res, 403, 'forbidden')
      }
    }
    const patch = await t.call('PATCH', '/v1/program', {
      key: program.keys.server,
      body: { name: 'Renamed' },
    })
    expect(patch.json().detail).toBe('This endpoint needs a key with role admin.')
    expect((await t.call('GET', '/v1/program', { key: program.keys.admin })).json().name).toBe(
      'Test program',
    )
  })

  it('keeps portal tokens to the portal and program keys out of it', async () => {
    const member = await createMember(t, program.keys.server)
    const session = await t.call('POST', `/v1/members/${member.id}/portal-sessions`, {
      key: program.keys.server,
      body: {},
    })
    const token = session.json<{ token: string }>().token
    expectProblem(await t.call('GET', '/v1/members', { key: token }), 403, 'forbidden')
    expectProblem(await t.call('GET', '/v1/programs', { key: token }), 403, 'forbidden')
    const me = await t.call('GET', '/v1/portal/me', { key: program.keys.admin })
    expectProblem(me, 403, 'forbidden', 'This endpoint needs a portal session.')
    expect((await t.call('GET', '/v1/portal/me', { key: token })).statusCode).toBe(200)
  })
})

describe('keys', () => {
  it('lists keys with their prefix and never the key itself', async () => {
    const created = await newKey('server')
    expect(created.key).toMatch(/^lb_sk_[A-Za-z0-9_-]{32}$/)
    expect(created.prefix).toBe(created.key.slice(0, 12))
    const res = await t.call('GET', `/v1/programs/${program.id}/api-keys`, { key: t.adminKey })
    expect(res.statusCode).toBe(200)
    expect(res.body).not.toContain(created.key)
    for (const secret of Object.values(program.keys)) expect(res.body).not.toContain(secret)
    const listed = res.json<{ data: Record<string, unknown>[] }>().data
    expect(listed.find((k) => k.id === created.id)).toEqual({
      id: created.id,
      name: 'server extra',
      role: 'server',
      prefix: created.prefix,
      created_at: T0,
      last_used_at: null,
    })
    for (const key of listed) {
      expect(Object.keys(key).sort()).toEqual(
        ['created_at', 'id', 'last_used_at', 'name', 'prefix', 'role'].sort(),
      )
    }
    const own = await t.call('GET', '/v1/api-keys', { key: program.keys.admin })
    expect(own.json()).toEqual(res.json())
  })

  it('records when a key was last used', async () => {
    const created = await newKey('readonly')
    clock.set('2025-03-01T09:15:00.000Z')
    expect((await t.call('GET', '/v1/program', { key: created.key })).statusCode).toBe(200)
    const lastUsed = async () => {
      const res = await t.call('GET', '/v1/api-keys', { key: program.keys.admin })
      return res
        .json<{ data: { id: string; last_used_at: string | null }[] }>()
        .data.find((k) => k.id === created.id)?.last_used_at
    }
    expect(await lastUsed()).toBe('2025-03-01T09:15:00.000Z')
    // A hint for operators, written at most once a minute per key.
    clock.set('2025-03-01T09:15:30.000Z')
    await t.call('GET', '/v1/program', { key: created.key })
    expect(await lastUsed()).toBe('2025-03-01T09:15:00.000Z')
    clock.set('2025-03-01T09:17:00.000Z')
    await t.call('GET', '/v1/program', { key: created.key })
    expect(await lastUsed()).toBe('2025-03-01T09:17:00.000Z')
  })

  it('revokes a key at once through the platform routes', async () => {
    const created = await newKey('admin')
    expect((await t.call('GET', '/v1/program', { key: created.key })).statusCode).toBe(200)
    const url = `/v1/programs/${program.id}/api-keys/${created.id}`
    const revoked = await t.call('DELETE', url, { key: t.adminKey })
    expect(revoked.statusCode).toBe(204)
    expect(revoked.body).toBe('')
    expectProblem(await t.call('GET', '/v1/program', { key: created.key }), 401, 'unauthorized')
    expectProblem(await t.call('DELETE', url, { key: t.adminKey }), 404, 'not_found')
    const listed = await t.call('GET', `/v1/programs/${program.id}/api-keys`, { key: t.adminKey })
    expect(listed.json().data.map((k: { id: string }) => k.id)).not.toContain(created.id)
  })

  it('lets a program admin key create and revoke its own program’s keys only', async () => {
    const res = await t.call('POST', '/v1/api-keys', {
      key: program.keys.admin,
      body: { name: 'till 3', role: 'server' },
    })
    expect(res.statusCode).toBe(201)
    const created = res.json<{ id: string; key: string; role: string }>()
    expect(created.role).toBe('server')
    expect((await t.call('GET', '/v1/members', { key: created.key })).statusCode).toBe(200)

    const foreign = await t.call('DELETE', `/v1/api-keys/${created.id}`, { key: other.keys.admin })
    expectProblem(foreign, 404, 'not_found')
    const viaOther = await t.call('DELETE', `/v1/programs/${other.id}/api-keys/${created.id}`, {
      key: t.adminKey,
    })
    expectProblem(viaOther, 404, 'not_found')
    expect((await t.call('GET', '/v1/members', { key: created.key })).statusCode).toBe(200)

    const revoked = await t.call('DELETE', `/v1/api-keys/${created.id}`, {
      key: program.keys.admin,
    })
    expect(revoked.statusCode).toBe(204)
    expectProblem(await t.call('GET', '/v1/members', { key: created.key }), 401, 'unauthorized')
  })

  it('answers 404 for the keys of an unknown program', async () => {
    const url = '/v1/programs/prog_01JAAAAAAAAAAAAAAAAAAAAAAA/api-keys'
    expectProblem(await t.call('GET', url, { key: t.adminKey }), 404, 'not_found')
    const created = await t.call('POST', url, {
      key: t.adminKey,
      body: { name: 'x', role: 'admin' },
    })
    expectProblem(created, 404, 'not_found')
  })

  it('refuses an unknown role', async () => {
    const res = await t.call('POST', `/v1/programs/${program.id}/api-keys`, {
      key: t.adminKey,
      body: { name: 'x', role: 'owner' },
    })
    expectProblem(res, 400, 'invalid_request')
    expect(res.json().errors).toEqual([
      { path: 'role', message: 'must be one of: admin, server, readonly' },
    ])
  })
})

describe('failed authentication throttle', () => {
  const throttleClock = fixedClock(T0)
  let a: TestApp
  let key: string
  beforeAll(async () => {
    a = await createTestApp({ clock: throttleClock })
    key = (await createProgram(a)).keys.readonly
  })
  afterAll(() => a.close())

  const attempt = (remoteAddress: string, token = 'lb_sk_guess') =>
    a.call('GET', '/v1/members', { key: token, remoteAddress })

  it('answers 429 past 20 failures a minute from one address, and valid keys still work', async () => {
    for (let i = 1; i <= 20; i++) {
      expect((await attempt('198.51.100.7')).statusCode).toBe(401)
    }
    // No key at all is a failure too.
    const limited = await a.call('GET', '/v1/members', { remoteAddress: '198.51.100.7' })
    expectProblem(limited, 429, 'rate_limited')
    expect(limited.headers['retry-after']).toBe('60')
    throttleClock.set('2025-03-01T08:00:45.000Z')
    const later = await attempt('198.51.100.7')
    expectProblem(later, 429, 'rate_limited')
    expect(later.headers['retry-after']).toBe('15')

    expect((await attempt('198.51.100.7', key)).statusCode).toBe(200)
    expect((await attempt('198.51.100.8')).statusCode).toBe(401)
    // Public routes need no key and count nothing.
    expect((await a.call('GET', '/healthz', { remoteAddress: '198.51.100.7' })).statusCode).toBe(
      200,
    )

    throttleClock.set('2025-03-01T08:01:00.000Z')
    expectProblem(await attempt('198.51.100.7'), 401, 'unauthorized')
  })
})

describe('FailedAuthThrottle', () => {
  it('keeps memory bounded when many addresses fail at once', () => {
    const throttle = new FailedAuthThrottle(() => 0, 100)
    for (let i = 0; i < 1000; i++) throttle.fail(`10.1.${i >> 8}.${i & 255}`)
    expect(throttle.size).toBeLessThanOrEqual(100)
    // The newest addresses are still counted: 20 failures, then a wait.
    for (let i = 1; i < 20; i++) expect(throttle.fail('10.1.3.231')).toBeUndefined()
    expect(throttle.fail('10.1.3.231')).toBe(60)
  })
})

describe('per-key rate limit', () => {
  let a: TestApp
  let keys: { admin: string; server: string }
  beforeAll(async () => {
    a = await createTestApp({ rateLimit: 3 })
    // Made through the services: three calls a second leave no room for the setup itself.
    const created = await a.services.programs.create({ name: 'Rate' })
    const programId = JSON.parse(created.body).id
    const make = async (role: 'admin' | 'server') =>
      JSON.parse((await a.services.apiKeys.create(programId, { name: role, role })).body).key
    keys = { admin: await make('admin'), server: await make('server') }
  })
  afterAll(() => a.close())
  afterEach(() => {
    vi.useRealTimers()
  })

  it('answers the 4th request within a second with 429 and the IETF draft headers', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2025-03-01T08:00:00.000Z') })
    for (const remaining of ['2', '1', '0']) {
      const ok = await a.call('GET', '/v1/program', { key: keys.admin })
      expect(ok.statusCode).toBe(200)
      expect(ok.headers['ratelimit-limit']).toBe('3')
      expect(ok.headers['ratelimit-remaining']).toBe(remaining)
      expect(ok.headers['ratelimit-reset']).toBe('1')
    }
    const limited = await a.call('GET', '/v1/program', { key: keys.admin })
    expectProblem(limited, 429, 'rate_limited')
    expect(limited.headers['retry-after']).toBe('1')
    expect(limited.headers['ratelimit-limit']).toBe('3')
    expect(limited.headers['ratelimit-remaining']).toBe('0')
    expect(limited.headers['ratelimit-reset']).toBe('1')
    for (const name of Object.keys(limited.headers)) expect(name).not.toMatch(/^x-ratelimit/)

    // A body is not even read once the key is over its rate.
    const write = await a.call('POST', '/v1/members', { key: keys.admin, body: { bad: 1 } })
    expectProblem(write, 429, 'rate_limited')

    // Each key has its own rate.
    expect((await a.call('GET', '/v1/program', { key: keys.server })).statusCode).toBe(200)

    vi.setSystemTime(new Date('2025-03-01T08:00:01.000Z'))
    const next = await a.call('GET', '/v1/program', { key: keys.admin })
    expect(next.statusCode).toBe(200)
    expect(next.headers['ratelimit-remaining']).toBe('2')
  })
})

describe('behind a trusted proxy (LOYALBASE_TRUST_PROXY)', () => {
  it('counts failures per X-Forwarded-For client only when the proxy is trusted', async () => {
    const db = await createTestDb()
    const services = createServices(db.database.db, fixedClock(T0))
    await services.platform.ensureAdminKey(TEST_ADMIN_KEY)
    const app = await buildApp(services, {
      rateLimit: 10_000,
      trustProxy: ['10.0.0.1'],
      logLevel: 'silent',
      webDist: undefined,
    })
    try {
      const call = (remoteAddress: string, client: string, key = 'lb_sk_guess') =>
        app.inject({
          method: 'GET',
          url: '/v1/programs',
          remoteAddress,
          headers: { authorization: `Bearer ${key}`, 'x-forwarded-for': client },
        })
      for (let i = 0; i < 21; i++) await call('10.0.0.1', '203.0.113.5')
      expect((await call('10.0.0.1', '203.0.113.5')).statusCode).toBe(429)
      // Another client behind the same proxy is not held back.
      expect((await call('10.0.0.1', '203.0.113.6')).statusCode).toBe(401)
      expect((await call('10.0.0.1', '203.0.113.5', TEST_ADMIN_KEY)).statusCode).toBe(200)
      // An untrusted peer's header is ignored: it is counted by its own address.
      for (let i = 0; i < 21; i++) await call('10.0.0.2', '203.0.113.7')
      expect((await call('10.0.0.2', '203.0.113.8')).statusCode).toBe(429)
      expect((await call('10.0.0.3', '203.0.113.7')).statusCode).toBe(401)
    } finally {
      await app.close()
      await db.drop()
    }
  })
})
