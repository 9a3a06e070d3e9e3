import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createProgram, createTestApp, type TestApp, type TestProgram } from './support/index.js'

let t: TestApp
let program: TestProgram

beforeAll(async () => {
  t = await createTestApp()
  program = await createProgram(t)
})
afterAll(() => t.close())

const create = (key: string, body: unknown, idempotencyKey?: string) =>
  t.call('POST', '/v1/members', {
    key,
    body,
    ...(idempotencyKey ? { headers: { 'idempotency-key': idempotencyKey } } : {}),
  })

async function countMembers(externalId: string) {
  const res = await t.call('GET', `/v1/members?query=${externalId}&limit=100`, {
    key: program.keys.admin,
  })
  return res.json().data.filter((m: { external_id: string }) => m.external_id === externalId).length
}

describe('Idempotency-Key', () => {
  it('replays the first response byte for byte', async () => {
    const body = { external_id: 'idem-1', name: '赵敏', attributes: { b: 2, a: 1 } }
    const first = await create(program.keys.server, body, 'key-1')
    const again = await create(
      program.keys.server,
      { attributes: { a: 1, b: 2 }, name: '赵敏', external_id: 'idem-1' },
      'key-1',
    )
    expect(first.statusCode).toBe(201)
    expect(again.statusCode).toBe(201)
    expect(again.body).toBe(first.body)
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(await countMembers('idem-1')).toBe(1)
  })

  it('answers 409 idempotency_conflict for another body under the same key', async () => {
    await create(program.keys.server, { external_id: 'idem-2' }, 'key-2')
    const other = await create(program.keys.server, { external_id: 'idem-2b' }, 'key-2')
    expect(other.statusCode).toBe(409)
    expect(other.json().code).toBe('idempotency_conflict')
    expect(await countMembers('idem-2b')).toBe(0)
  })

  it('keeps keys per program: another program may use the same key', async () => {
    const second = await createProgram(t, { name: 'Second' })
    await create(program.keys.server, { external_id: 'idem-3' }, 'shared-key')
    const res = await create(second.keys.server, { external_id: 'idem-3' }, 'shared-key')
    expect(res.statusCode).toBe(201)
  })

  it('stores nothing for a failed request, so a corrected retry goes through', async () => {
    await create(program.keys.server, { external_id: 'idem-taken' })
    const failed = await create(program.keys.server, { external_id: 'idem-taken' }, 'key-4')
    expect(failed.statusCode).toBe(409)
    expect(failed.json().code).toBe('member_exists')
    const retried = await create(program.keys.server, { external_id: 'idem-taken' }, 'key-4')
    expect(retried.statusCode).toBe(409)
    expect(retried.json().code).toBe('member_exists')
  })

  it('applies 50 concurrent identical requests once, answering all alike', async () => {
    const body = { external_id: 'idem-race', name: '并发' }
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => create(program.keys.server, body, 'race-key')),
    )
    expect(responses.map((r) => r.statusCode)).toEqual(Array(50).fill(201))
    expect(new Set(responses.map((r) => r.body)).size).toBe(1)
    expect(await countMembers('idem-race')).toBe(1)
  })

  it('without a key, 50 concurrent creates of one external_id make one member and 49 conflicts', async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => create(program.keys.server, { external_id: 'no-key-race' })),
    )
    const statuses = responses.map((r) => r.statusCode).sort()
    expect(statuses.filter((s) => s === 201)).toHaveLength(1)
    expect(statuses.filter((s) => s === 409)).toHaveLength(49)
    expect(await countMembers('no-key-race')).toBe(1)
  })

  it('creates 50 different members concurrently, all of them', async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        create(program.keys.server, { external_id: `bulk-${i}` }, `bulk-key-${i}`),
      ),
    )
    expect(responses.every((r) => r.statusCode === 201)).toBe(true)
    const ids = new Set(responses.map((r) => r.json().id))
    expect(ids.size).toBe(50)
  })

  it('refuses an empty or over-long key', async () => {
    const res = await create(program.keys.server, { external_id: 'idem-5' }, 'k'.repeat(256))
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0].path).toBe('Idempotency-Key')
  })
})
