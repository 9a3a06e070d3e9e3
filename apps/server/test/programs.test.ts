import { fixedClock } from '@loyalbase/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createProgram, createTestApp, type TestApp, type TestProgram } from './support/index.js'

// api.md "Programs and keys": the platform admin key creates programs and their keys; a
// program key reads and (admin) updates its own program.

const T0 = '2025-03-01T08:00:00.000Z'
let t: TestApp
let program: TestProgram

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock(T0) })
  program = await createProgram(t, { name: 'Main' })
})
afterAll(() => t.close())

const DEFAULT_POLICY = {
  expiry: { type: 'none' },
  pending_days: 0,
  redeem_rate: 100,
  max_redeem_percent: 50,
  allow_negative: false,
}

type Res = Awaited<ReturnType<TestApp['call']>>

function expectInvalid(res: Res, errors: { path: string; message: string }[]) {
  expect(res.statusCode).toBe(400)
  expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8')
  expect(res.json()).toMatchObject({ code: 'invalid_request', errors })
  expect(res.json().errors).toHaveLength(errors.length)
}

const createProgramCall = (body: unknown, headers: Record<string, string> = {}) =>
  t.call('POST', '/v1/programs', { key: t.adminKey, body, headers })

const patchProgram = (body: unknown, key = program.keys.admin) =>
  t.call('PATCH', '/v1/program', { key, body })

describe('POST /v1/programs', () => {
  it('creates a program with the documented defaults', async () => {
    const res = await createProgramCall({ name: '悦享会' })
    expect(res.statusCode).toBe(201)
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
    const created = res.json()
    expect(created.id).toMatch(/^prog_[0-9A-Z]{26}$/)
    expect(created).toEqual({
      id: created.id,
      name: '悦享会',
      currency: 'CNY',
      timezone: 'Asia/Shanghai',
      locale: 'zh-CN',
      points_policy: DEFAULT_POLICY,
      webhook_private_targets: false,
      created_at: T0,
    })
  })

  it('takes a currency, time zone and locale', async () => {
    const res = await createProgramCall({
      name: 'US store',
      currency: 'USD',
      timezone: 'America/New_York',
      locale: 'en-US',
    })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({
      currency: 'USD',
      timezone: 'America/New_York',
      locale: 'en-US',
      points_policy: DEFAULT_POLICY,
    })
  })

  it('refuses an unknown time zone, currency or locale, naming the field', async () => {
    expectInvalid(await createProgramCall({ name: 'x', timezone: 'Mars/Olympus_Mons' }), [
      { path: 'timezone', message: '"Mars/Olympus_Mons" is not an IANA time zone' },
    ])
    expectInvalid(await createProgramCall({ name: 'x', currency: 'XYZ' }), [
      { path: 'currency', message: '"XYZ" is not an ISO 4217 currency code' },
    ])
    expectInvalid(await createProgramCall({ name: 'x', currency: 'cny' }), [
      { path: 'currency', message: 'must match pattern "^[A-Z]{3}$"' },
    ])
    expectInvalid(await createProgramCall({ name: 'x', locale: 'not a locale' }), [
      { path: 'locale', message: '"not a locale" is not a BCP 47 locale' },
    ])
  })

  it('refuses a missing name, an empty one and unknown fields', async () => {
    expectInvalid(await createProgramCall({}), [{ path: 'name', message: 'is required' }])
    expectInvalid(await createProgramCall({ name: '' }), [
      { path: 'name', message: 'must NOT have fewer than 1 characters' },
    ])
    expectInvalid(await createProgramCall({ name: 'x', points_policy: {} }), [
      { path: 'points_policy', message: 'is not a known field' },
    ])
  })

  it('replays an Idempotency-Key byte for byte and refuses it for another body', async () => {
    const headers = { 'idempotency-key': 'create-program-1' }
    const first = await createProgramCall({ name: 'Once', currency: 'HKD' }, headers)
    expect(first.statusCode).toBe(201)
    expect(first.headers['idempotent-replayed']).toBeUndefined()
    const again = await createProgramCall({ currency: 'HKD', name: 'Once' }, headers)
    expect(again.statusCode).toBe(201)
    expect(again.body).toBe(first.body)
    expect(again.headers['content-type']).toBe(first.headers['content-type'])
    expect(again.headers['idempotent-replayed']).toBe('true')

    const conflict = await createProgramCall({ name: 'Twice' }, headers)
    expect(conflict.statusCode).toBe(409)
    expect(conflict.json()).toMatchObject({ code: 'idempotency_conflict' })

    const all = await t.call('GET', '/v1/programs?limit=100', { key: t.adminKey })
    const named = all.json().data.filter((p: { name: string }) => p.name === 'Once')
    expect(named).toEqual([first.json()])
  })
})

describe('GET /v1/programs', () => {
  it('lists programs oldest first, by pages', async () => {
    const all = await t.call('GET', '/v1/programs', { key: t.adminKey })
    expect(all.statusCode).toBe(200)
    const body = all.json<{ data: { id: string }[]; next_cursor: string | null }>()
    expect(Object.keys(body).sort()).toEqual(['data', 'next_cursor'])
    expect(body.next_cursor).toBeNull()
    expect(body.data.length).toBeGreaterThanOrEqual(4)
    expect(body.data[0]?.id).toBe(program.id)
    const ids = body.data.map((p) => p.id)
    expect([...ids].sort()).toEqual(ids)

    const walked: string[] = []
    let cursor: string | null = null
    do {
      const url: string = `/v1/programs?limit=3${cursor ? `&cursor=${cursor}` : ''}`
      const page = (await t.call('GET', url, { key: t.adminKey })).json()
      expect(page.data.length).toBeLessThanOrEqual(3)
      walked.push(...page.data.map((p: { id: string }) => p.id))
      cursor = page.next_cursor
    } while (cursor)
    expect(walked).toEqual(ids)
  })
})

describe('program keys', () => {
  it('creates a key shown once, with its role', async () => {
    const res = await t.call('POST', `/v1/programs/${program.id}/api-keys`, {
      key: t.adminKey,
      body: { name: 'POS', role: 'server' },
    })
    expect(res.statusCode).toBe(201)
    const created = res.json()
    expect(created).toEqual({
      id: expect.stringMatching(/^key_[0-9A-Z]{26}$/),
      name: 'POS',
      role: 'server',
      prefix: created.key.slice(0, 12),
      created_at: T0,
      last_used_at: null,
      key: expect.stringMatching(/^lb_sk_[A-Za-z0-9_-]{32}$/),
    })
    const me = await t.call('GET', '/v1/program', { key: created.key })
    expect(me.json().id).toBe(program.id)
  })

  it('never stores a key for replay: Idempotency-Key is not honoured here', async () => {
    const call = () =>
      t.call('POST', `/v1/programs/${program.id}/api-keys`, {
        key: t.adminKey,
        body: { name: 'retry', role: 'readonly' },
        headers: { 'idempotency-key': 'key-1' },
      })
    const a = (await call()).json()
    const b = (await call()).json()
    expect(a.id).not.toBe(b.id)
    expect(a.key).not.toBe(b.key)
    const stored = await t.db.database.db
      .selectFrom('idempotency_keys')
      .select('response_body')
      .execute()
    for (const row of stored) expect(row.response_body).not.toContain('lb_sk_')
  })

  it('answers 404 for an unknown program', async () => {
    const res = await t.call('POST', '/v1/programs/prog_01JAAAAAAAAAAAAAAAAAAAAAAA/api-keys', {
      key: t.adminKey,
      body: { name: 'x', role: 'admin' },
    })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({ code: 'not_found', detail: 'Program not found' })
  })

  it('pages the key list', async () => {
    const fresh = await createProgram(t, { name: 'Keys' })
    const first = await t.call('GET', `/v1/programs/${fresh.id}/api-keys?limit=2`, {
      key: t.adminKey,
    })
    const page1 = first.json()
    expect(page1.data.map((k: { role: string }) => k.role)).toEqual(['admin', 'server'])
    expect(page1.next_cursor).toEqual(expect.any(String))
    const second = await t.call('GET', `/v1/api-keys?limit=2&cursor=${page1.next_cursor}`, {
      key: fresh.keys.admin,
    })
    expect(second.json().data.map((k: { role: string }) => k.role)).toEqual(['readonly'])
    expect(second.json().next_cursor).toBeNull()
  })
})

describe('GET and PATCH /v1/program', () => {
  it('shows the calling key’s program to every role', async () => {
    for (const key of Object.values(program.keys)) {
      const res = await t.call('GET', '/v1/program', { key })
      expect(res.statusCode).toBe(200)
      expect(res.json()).toEqual({
        id: program.id,
        name: 'Main',
        currency: 'CNY',
        timezone: 'Asia/Shanghai',
        locale: 'zh-CN',
        points_policy: DEFAULT_POLICY,
        webhook_private_targets: false,
        created_at: T0,
      })
    }
  })

  it('merges points_policy field by field and replaces expiry whole', async () => {
    const fresh = await createProgram(t, { name: 'Policy' })
    const patch = (body: unknown) => patchProgram(body, fresh.keys.admin)

    const first = await patch({ points_policy: { pending_days: 7, allow_negative: true } })
    expect(first.statusCode).toBe(200)
    expect(first.json().points_policy).toEqual({
      ...DEFAULT_POLICY,
      pending_days: 7,
      allow_negative: true,
    })

    const rolling = await patch({ points_policy: { expiry: { type: 'rolling', months: 12 } } })
    expect(rolling.json().points_policy).toEqual({
      ...DEFAULT_POLICY,
      expiry: { type: 'rolling', months: 12 },
      pending_days: 7,
      allow_negative: true,
    })

    const annual = await patch({
      name: 'Policy 2',
      points_policy: { expiry: { type: 'annual', years_after: 1 }, max_redeem_percent: 30 },
    })
    const expected = {
      ...DEFAULT_POLICY,
      expiry: { type: 'annual', years_after: 1 },
      pending_days: 7,
      max_redeem_percent: 30,
      allow_negative: true,
    }
    expect(annual.json()).toMatchObject({ name: 'Policy 2', points_policy: expected })

    // Read back through a fresh authentication: the change is stored, not just answered.
    const read = await t.call('GET', '/v1/program', { key: fresh.keys.readonly })
    expect(read.json()).toMatchObject({ name: 'Policy 2', points_policy: expected })
    expect((await patch({})).json()).toEqual(read.json())
    expect((await patch({ points_policy: {} })).json()).toEqual(read.json())

    // Other programs keep theirs.
    const main = await t.call('GET', '/v1/program', { key: program.keys.readonly })
    expect(main.json().points_policy).toEqual(DEFAULT_POLICY)
  })

  it('keeps every one of several concurrent policy changes', async () => {
    const fresh = await createProgram(t, { name: 'Concurrent' })
    const patches = [
      { pending_days: 3 },
      { redeem_rate: 50 },
      { max_redeem_percent: 20 },
      { expiry: { type: 'rolling', months: 6 } },
    ]
    const results = await Promise.all(
      patches.map((points_policy) => patchProgram({ points_policy }, fresh.keys.admin)),
    )
    for (const res of results) expect(res.statusCode).toBe(200)
    const read = await t.call('GET', '/v1/program', { key: fresh.keys.readonly })
    expect(read.json().points_policy).toEqual({
      expiry: { type: 'rolling', months: 6 },
      pending_days: 3,
      redeem_rate: 50,
      max_redeem_percent: 20,
      allow_negative: false,
    })
  })

  it('changes name, time zone and locale, and checks them', async () => {
    const fresh = await createProgram(t, { name: 'Settings' })
    const res = await patchProgram(
      { name: 'Renamed', timezone: 'Europe/Berlin', locale: 'de-DE' },
      fresh.keys.admin,
    )
    expect(res.json()).toMatchObject({
      name: 'Renamed',
      timezone: 'Europe/Berlin',
      locale: 'de-DE',
      currency: 'CNY',
    })
    expectInvalid(await patchProgram({ timezone: 'Nowhere/Else' }, fresh.keys.admin), [
      { path: 'timezone', message: '"Nowhere/Else" is not an IANA time zone' },
    ])
  })

  it('refuses unknown fields and bad policy values, naming them', async () => {
    expectInvalid(await patchProgram({ currency: 'USD' }), [
      { path: 'currency', message: 'is not a known field' },
    ])
    expectInvalid(await patchProgram({ points_policy: { expiry_days: 30 } }), [
      { path: 'points_policy.expiry_days', message: 'is not a known field' },
    ])
    expectInvalid(await patchProgram({ points_policy: { expiry: { type: 'weekly' } } }), [
      { path: 'points_policy.expiry.type', message: 'must be one of: none, rolling, annual' },
    ])
    expectInvalid(await patchProgram({ points_policy: { expiry: { type: 'rolling' } } }), [
      { path: 'points_policy.expiry.months', message: 'is required' },
    ])
    expectInvalid(await patchProgram({ points_policy: { expiry: { type: 'none', months: 3 } } }), [
      { path: 'points_policy.expiry.months', message: 'is not a known field' },
    ])
    expectInvalid(await patchProgram({ points_policy: { expiry: { type: 5 } } }), [
      { path: 'points_policy.expiry.type', message: 'must be one of: none, rolling, annual' },
    ])
    expectInvalid(await patchProgram({ points_policy: { expiry: 'none' } }), [
      { path: 'points_policy.expiry', message: 'must be object' },
    ])
    expectInvalid(await patchProgram({ points_policy: { expiry: {} } }), [
      { path: 'points_policy.expiry.type', message: 'is required' },
    ])
    expectInvalid(
      await patchProgram({ points_policy: { max_redeem_percent: 101, redeem_rate: 0 } }),
      [
        { path: 'points_policy.redeem_rate', message: 'must be >= 1' },
        { path: 'points_policy.max_redeem_percent', message: 'must be <= 100' },
      ],
    )
    expectInvalid(await patchProgram({ points_policy: { allow_negative: 'yes' } }), [
      { path: 'points_policy.allow_negative', message: 'must be boolean' },
    ])
    expectInvalid(await patchProgram({ points_policy: null }), [
      { path: 'points_policy', message: 'must be object' },
    ])
    const after = await t.call('GET', '/v1/program', { key: program.keys.readonly })
    expect(after.json().points_policy).toEqual(DEFAULT_POLICY)
  })
})
