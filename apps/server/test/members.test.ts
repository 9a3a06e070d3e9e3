import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createMember,
  createProgram,
  createTestApp,
  type TestApp,
  type TestProgram,
} from './support/index.js'

let t: TestApp
let program: TestProgram
let other: TestProgram

beforeAll(async () => {
  t = await createTestApp()
  program = await createProgram(t)
  other = await createProgram(t, { name: 'Other program' })
})
afterAll(() => t.close())

describe('POST /v1/members', () => {
  it('creates a member with every field of the member object', async () => {
    const res = await t.call('POST', '/v1/members', {
      key: program.keys.server,
      body: {
        external_id: 'u-1001',
        name: '王芳',
        phone: '13800000000',
        email: 'wang.fang@example.com',
        birthday: '1990-05-17',
        attributes: { city: '上海' },
      },
    })
    expect(res.statusCode).toBe(201)
    const member = res.json()
    expect(member.id).toMatch(/^mem_[0-9A-Z]{26}$/)
    expect(member).toMatchObject({
      external_id: 'u-1001',
      name: '王芳',
      phone: '13800000000',
      email: 'wang.fang@example.com',
      birthday: '1990-05-17',
      status: 'active',
      attributes: { city: '上海' },
      tier: { key: 'member', name: '会员' },
      points: { available: 0, pending: 0 },
      growth: 0,
      lifetime_spend: 0,
      orders_count: 0,
    })
    expect(member.referral_code).toMatch(/^[0-9A-Z]{8,}$/)
    expect(Object.keys(member).sort()).toEqual(
      [
        'id',
        'external_id',
        'name',
        'phone',
        'email',
        'birthday',
        'status',
        'joined_at',
        'attributes',
        'referral_code',
        'tier',
        'points',
        'growth',
        'lifetime_spend',
        'orders_count',
      ].sort(),
    )
    expect(new Date(member.joined_at).toISOString()).toBe(member.joined_at)
    expect(member.tier.since).toBe(member.joined_at)
  })
})

describe('member validation', () => {
  const bad = async (body: Record<string, unknown>, path: string) => {
    const res = await t.call('POST', '/v1/members', {
      key: program.keys.admin,
      body: { external_id: `v-${Math.random()}`, ...body },
    })
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toContain('application/problem+json')
    const problem = res.json()
    expect(problem.code).toBe('invalid_request')
    expect(problem.errors.map((e: { path: string }) => e.path)).toContain(path)
  }
  const good = async (body: Record<string, unknown>) => {
    const res = await t.call('POST', '/v1/members', {
      key: program.keys.admin,
      body: { external_id: `g-${Math.random()}`, ...body },
    })
    expect(res.statusCode, res.body).toBe(201)
    return res.json()
  }

  it('accepts mainland mobiles and E.164 numbers, refuses others', async () => {
    expect((await good({ phone: '13912345678' })).phone).toBe('13912345678')
    expect((await good({ phone: '+8613912345678' })).phone).toBe('+8613912345678')
    await bad({ phone: '12345' }, 'phone')
    await bad({ phone: '23912345678' }, 'phone')
    await bad({ phone: '+0123' }, 'phone')
    await bad({ phone: 13912345678 }, 'phone')
  })

  it('accepts full and year-less birthdays that exist', async () => {
    expect((await good({ birthday: '2000-02-29' })).birthday).toBe('2000-02-29')
    expect((await good({ birthday: '--02-29' })).birthday).toBe('--02-29')
    expect((await good({ birthday: '--12-31' })).birthday).toBe('--12-31')
    await bad({ birthday: '2023-02-29' }, 'birthday')
    await bad({ birthday: '--02-30' }, 'birthday')
    await bad({ birthday: '--13-01' }, 'birthday')
    await bad({ birthday: '1990/05/17' }, 'birthday')
  })

  it('checks email, lengths and types strictly', async () => {
    await bad({ email: 'not-an-email' }, 'email')
    await bad({ email: `${'a'.repeat(250)}@example.com` }, 'email')
    await bad({ name: 'n'.repeat(201) }, 'name')
    expect((await good({ name: 'n'.repeat(200) })).name).toHaveLength(200)
    const long = await t.call('POST', '/v1/members', {
      key: program.keys.admin,
      body: { external_id: 'x'.repeat(129) },
    })
    expect(long.json().errors[0].path).toBe('external_id')
    const numeric = await t.call('POST', '/v1/members', {
      key: program.keys.admin,
      body: { external_id: 12345 },
    })
    expect(numeric.statusCode).toBe(400)
    expect(numeric.json().errors).toEqual([{ path: 'external_id', message: 'must be string' }])
    await bad({ nickname: 'x' }, 'nickname')
  })

  it('limits attributes to 16 KB and 8 levels', async () => {
    await good({ attributes: { blob: 'x'.repeat(16 * 1024 - 20) } })
    await bad({ attributes: { blob: 'x'.repeat(16 * 1024) } }, 'attributes')
    const nest = (depth: number): unknown => (depth === 0 ? 1 : { a: nest(depth - 1) })
    await good({ attributes: nest(8) as Record<string, unknown> })
    await bad({ attributes: nest(9) as Record<string, unknown> }, 'attributes')
  })

  it('refuses birthdays and join dates in the future', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000)
    // Two days on is a later day in every time zone.
    await bad(
      { birthday: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10) },
      'birthday',
    )
    await bad({ birthday: `${tomorrow.getUTCFullYear() + 1}-01-01` }, 'birthday')
    await bad({ joined_at: tomorrow.toISOString() }, 'joined_at')
    await bad({ joined_at: '2999-01-01T00:00:00Z' }, 'joined_at')
    const patched = await t.call('PATCH', `/v1/members/${(await good({})).id}`, {
      key: program.keys.admin,
      body: { birthday: '2999-12-31' },
    })
    expect(patched.statusCode).toBe(400)
    expect(patched.json().errors[0].path).toBe('birthday')
    // Today, the past, and a birthday without a year are fine.
    await good({ joined_at: new Date(Date.now() - 1000).toISOString() })
    await good({ birthday: '--12-31', joined_at: '2020-02-29T10:00:00+08:00' })
  })

  it('refuses an external_id in the form of a member id, which would hide a member', async () => {
    const m = await good({})
    await bad({ external_id: m.id }, 'external_id')
    await bad({ external_id: 'mem_01JZZZZZZZZZZZZZZZZZZZZZZZ' }, 'external_id')
    await bad({ external_id: 'MEM_01jabcdefghjkmnpqrstvwxyz0' }, 'external_id')
    // Other ids that merely start alike are the merchant's own business.
    expect((await good({ external_id: 'mem_12345' })).external_id).toBe('mem_12345')
    const found = await t.call('GET', `/v1/members/${m.id}`, { key: program.keys.readonly })
    expect(found.json().id).toBe(m.id)
  })

  it('refuses text with U+0000 or an unpaired surrogate', async () => {
    const zero = await t.call('POST', '/v1/members', {
      key: program.keys.admin,
      body: '{"external_id":"z-1","name":"a\\u0000b"}',
    })
    expect(zero.statusCode).toBe(400)
    expect(zero.json().errors[0].path).toBe('name')
    const surrogate = await t.call('POST', '/v1/members', {
      key: program.keys.admin,
      body: '{"external_id":"z-2","attributes":{"note":"\\ud800"}}',
    })
    expect(surrogate.statusCode).toBe(400)
    expect(surrogate.json().errors[0].path).toBe('attributes.note')
  })
})

describe('duplicates and referrals', () => {
  it('answers 409 member_exists for a second external_id', async () => {
    await createMember(t, program.keys.admin, { external_id: 'dup-1' })
    const res = await t.call('POST', '/v1/members', {
      key: program.keys.admin,
      body: { external_id: 'dup-1' },
    })
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('member_exists')
  })

  it('lets another program use the same external_id', async () => {
    await createMember(t, program.keys.admin, { external_id: 'shared-ext' })
    const res = await t.call('POST', '/v1/members', {
      key: other.keys.admin,
      body: { external_id: 'shared-ext' },
    })
    expect(res.statusCode).toBe(201)
  })

  it('gives unique, random referral codes and links referred_by', async () => {
    const codes = new Set<string>()
    for (let i = 0; i < 20; i++)
      codes.add((await createMember(t, program.keys.admin)).referral_code)
    expect(codes.size).toBe(20)
    const referrer = await createMember(t, program.keys.admin)
    const referred = await t.call('POST', '/v1/members', {
      key: program.keys.admin,
      body: { external_id: 'referred-1', referred_by: referrer.referral_code },
    })
    expect(referred.statusCode).toBe(201)
    const unknown = await t.call('POST', '/v1/members', {
      key: program.keys.admin,
      body: { external_id: 'referred-2', referred_by: 'NOSUCHCODE' },
    })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().errors).toEqual([
      { path: 'referred_by', message: 'is not a known referral code' },
    ])
    const foreign = await t.call('POST', '/v1/members', {
      key: other.keys.admin,
      body: { external_id: 'referred-3', referred_by: referrer.referral_code },
    })
    expect(foreign.statusCode).toBe(400)
  })
})

describe('GET and PATCH /v1/members/{member}', () => {
  it('finds a member by id or by external_id', async () => {
    const member = await createMember(t, program.keys.admin, {
      external_id: 'find-me',
      name: '李娜',
    })
    const byId = await t.call('GET', `/v1/members/${member.id}`, { key: program.keys.readonly })
    const byExt = await t.call('GET', '/v1/members/find-me', { key: program.keys.readonly })
    expect(byId.statusCode).toBe(200)
    expect(byExt.json()).toEqual(byId.json())
    const missing = await t.call('GET', '/v1/members/nobody', { key: program.keys.readonly })
    expect(missing.statusCode).toBe(404)
    expect(missing.json().code).toBe('not_found')
  })

  it('patches fields, clears with null and merges attributes', async () => {
    const member = await createMember(t, program.keys.admin, {
      name: '张伟',
      email: 'zw@example.com',
      attributes: { city: '北京', vip: true },
    })
    const res = await t.call('PATCH', `/v1/members/${member.id}`, {
      key: program.keys.server,
      body: {
        name: '张伟伟',
        email: null,
        birthday: '--06-01',
        attributes: { vip: null, size: 'M' },
      },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      name: '张伟伟',
      email: null,
      birthday: '--06-01',
      attributes: { city: '北京', size: 'M' },
    })
    expect(res.json().attributes).not.toHaveProperty('vip')
    const bad = await t.call('PATCH', `/v1/members/${member.id}`, {
      key: program.keys.server,
      body: { external_id: 'changed' },
    })
    expect(bad.statusCode).toBe(400)
    const readonly = await t.call('PATCH', `/v1/members/${member.id}`, {
      key: program.keys.readonly,
      body: { name: 'x' },
    })
    expect(readonly.statusCode).toBe(403)
  })

  it('keeps every concurrent attribute patch (no lost update)', async () => {
    const member = await createMember(t, program.keys.admin)
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.call('PATCH', `/v1/members/${member.id}`, {
          key: program.keys.server,
          body: { attributes: { [`k${i}`]: i } },
        }),
      ),
    )
    expect(responses.every((r) => r.statusCode === 200)).toBe(true)
    const final = await t.call('GET', `/v1/members/${member.id}`, { key: program.keys.admin })
    expect(Object.keys(final.json().attributes)).toHaveLength(30)
  })
})

describe('GET /v1/members', () => {
  it('searches, filters by tier and pages with a cursor', async () => {
    const fresh = await createProgram(t, { name: 'List program' })
    for (let i = 0; i < 25; i++) {
      await createMember(t, fresh.keys.admin, {
        external_id: `list-${String(i).padStart(2, '0')}`,
        name: i % 5 === 0 ? `陈${i}` : `周${i}`,
        phone: `138000000${String(i).padStart(2, '0')}`,
      })
    }
    const first = await t.call('GET', '/v1/members?limit=10', { key: fresh.keys.readonly })
    expect(first.statusCode).toBe(200)
    const page1 = first.json()
    expect(page1.data).toHaveLength(10)
    expect(page1.data[0].external_id).toBe('list-24')
    const page2 = (
      await t.call('GET', `/v1/members?limit=10&cursor=${page1.next_cursor}`, {
        key: fresh.keys.readonly,
      })
    ).json()
    const page3 = (
      await t.call('GET', `/v1/members?limit=10&cursor=${page2.next_cursor}`, {
        key: fresh.keys.readonly,
      })
    ).json()
    expect(page3.data).toHaveLength(5)
    expect(page3.next_cursor).toBeNull()
    const all = [...page1.data, ...page2.data, ...page3.data].map(
      (m: { external_id: string }) => m.external_id,
    )
    expect(new Set(all).size).toBe(25)
    expect(
      (await t.call('GET', '/v1/members', { key: fresh.keys.readonly })).json().data,
    ).toHaveLength(20)

    const byName = (
      await t.call('GET', `/v1/members?query=${encodeURIComponent('陈')}`, {
        key: fresh.keys.readonly,
      })
    ).json()
    expect(byName.data.map((m: { name: string }) => m.name).sort()).toEqual([
      '陈0',
      '陈10',
      '陈15',
      '陈20',
      '陈5',
    ])
    const byPhone = (
      await t.call('GET', '/v1/members?query=13800000007', { key: fresh.keys.readonly })
    ).json()
    expect(byPhone.data.map((m: { external_id: string }) => m.external_id)).toEqual(['list-07'])
    const wildcard = (
      await t.call('GET', '/v1/members?query=%25', { key: fresh.keys.readonly })
    ).json()
    expect(wildcard.data).toHaveLength(0)

    expect(
      (
        await t.call('GET', '/v1/members?tier=member&limit=100', { key: fresh.keys.readonly })
      ).json().data,
    ).toHaveLength(25)
    expect(
      (await t.call('GET', '/v1/members?tier=gold', { key: fresh.keys.readonly })).json().data,
    ).toHaveLength(0)
    expect(
      (await t.call('GET', '/v1/members?limit=101', { key: fresh.keys.readonly })).statusCode,
    ).toBe(400)
    expect(
      (await t.call('GET', '/v1/members?cursor=garbage', { key: fresh.keys.readonly })).statusCode,
    ).toBe(400)
    expect(
      (await t.call('GET', '/v1/members?segment=seg_1', { key: fresh.keys.readonly })).statusCode,
    ).toBe(404)

    // Another program's key sees none of these members.
    const foreign = (
      await t.call('GET', '/v1/members?query=list-&limit=100', { key: program.keys.admin })
    ).json()
    expect(foreign.data).toHaveLength(0)
  })
})
