import {
  createMember,
  createProgram,
  createTestApp,
  expectForeignKeySeesNothing,
  type TestApp,
  type TestProgram,
} from '@loyalbase/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

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
        'id', 'external_id', 'name', 'phone', 'email', 'birthday', 'status', 'joined_at',
        'attributes', 'referral_code', 'tier', 'points', 'growth', 'lifetime_spend', 'orders_count',
      ].sort(),
    )
    expect(new Date(member.joined_at).toISOString()).toBe(member.joined_at)
    expect(member.tier.since).toBe(member.joined_at)
  })
})

describe('isolation', () => {
  it('answers 404 to another program key on every member route', async () => {
    const member = await createMember(t, program.keys.admin)
    const checked = await expectForeignKeySeesNothing(
      t,
      other.keys.admin,
      { member: member.id, name: 'housekeeping' },
      {
        'PATCH /v1/members/:member': { name: 'x' },
        'POST /v1/members/:member/portal-sessions': {},
        'POST /v1/jobs/:name/run': {},
      },
    )
    expect(checked).toContain('GET /v1/members/:member')
  })
})
