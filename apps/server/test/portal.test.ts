import { fixedClock } from '@loyalbase/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createMember,
  createProgram,
  createTestApp,
  type TestApp,
  type TestProgram,
} from './support/index.js'

const clock = fixedClock('2026-03-01T08:00:00Z')
let t: TestApp
let program: TestProgram

beforeAll(async () => {
  t = await createTestApp({ clock })
  program = await createProgram(t, { name: '悦享会' })
})
afterAll(() => t.close())

describe('member portal sessions', () => {
  it('opens the portal as the member for an hour', async () => {
    const member = await createMember(t, program.keys.admin, { name: '林晨' })
    const res = await t.call('POST', `/v1/members/${member.external_id}/portal-sessions`, {
      key: program.keys.server,
      body: { locale: 'en' },
    })
    expect(res.statusCode).toBe(201)
    const session = res.json()
    expect(session.token).toMatch(/^lb_ps_/)
    expect(session.expires_at).toBe('2026-03-01T09:00:00.000Z')
    expect(session.url).toMatch(/^http:\/\/localhost(:\d+)?\/portal#token=lb_ps_/)
    expect(new URLSearchParams(session.url.split('#')[1]).get('token')).toBe(session.token)

    const me = await t.call('GET', '/v1/portal/me', { key: session.token })
    expect(me.statusCode).toBe(200)
    expect(me.json()).toMatchObject({
      member: { id: member.id, name: '林晨', tier: { key: 'member' }, points: { available: 0 } },
      program: { id: program.id, name: '悦享会', currency: 'CNY' },
      locale: 'en',
    })

    // The token reaches this member's portal and nothing else.
    expect((await t.call('GET', '/v1/members', { key: session.token })).statusCode).toBe(403)
    expect(
      (await t.call('GET', `/v1/members/${member.id}`, { key: session.token })).statusCode,
    ).toBe(403)
    expect((await t.call('GET', '/v1/programs', { key: session.token })).statusCode).toBe(403)

    clock.set('2026-03-01T09:00:01Z')
    const expired = await t.call('GET', '/v1/portal/me', { key: session.token })
    expect(expired.statusCode).toBe(401)
    expect(expired.json().code).toBe('unauthorized')
    clock.set('2026-03-01T08:00:00Z')
  })

  it('is for admin and server keys only, and for members of the key’s program', async () => {
    const member = await createMember(t, program.keys.admin)
    const readonly = await t.call('POST', `/v1/members/${member.id}/portal-sessions`, {
      key: program.keys.readonly,
      body: {},
    })
    expect(readonly.statusCode).toBe(403)
    const admin = await t.call('POST', `/v1/members/${member.id}/portal-sessions`, {
      key: program.keys.admin,
    })
    expect(admin.statusCode).toBe(201)
    const unknown = await t.call('POST', '/v1/members/nobody/portal-sessions', {
      key: program.keys.admin,
      body: {},
    })
    expect(unknown.statusCode).toBe(404)
    const badUrl = await t.call('POST', `/v1/members/${member.id}/portal-sessions`, {
      key: program.keys.admin,
      body: { return_url: 'not a url' },
    })
    expect(badUrl.statusCode).toBe(400)
    expect(badUrl.json().errors[0].path).toBe('return_url')
  })

  it('answers 401 to a made-up portal token', async () => {
    const res = await t.call('GET', '/v1/portal/me', { key: 'lb_ps_made-up-token' })
    expect(res.statusCode).toBe(401)
  })
})

describe('portal points', () => {
  it('shows the session member’s balance and history, nobody else’s', async () => {
    const member = await createMember(t, program.keys.admin)
    const other = await createMember(t, program.keys.admin)
    await t.call('POST', `/v1/members/${member.id}/points/adjustments`, {
      key: program.keys.admin,
      body: { points: 120, reason: '欢迎礼' },
    })
    await t.call('POST', `/v1/members/${other.id}/points/adjustments`, {
      key: program.keys.admin,
      body: { points: 999, reason: 'other' },
    })
    const session = (
      await t.call('POST', `/v1/members/${member.id}/portal-sessions`, { key: program.keys.server })
    ).json()
    const balance = await t.call('GET', '/v1/portal/points', { key: session.token })
    expect(balance.json()).toMatchObject({
      available: 120,
      pending: 0,
      lifetime: { adjusted: 120 },
    })
    const history = await t.call('GET', '/v1/portal/points/transactions', { key: session.token })
    expect(history.json().data).toHaveLength(1)
    expect(history.json().data[0]).toMatchObject({ type: 'adjust', points: 120, note: '欢迎礼' })
    expect((await t.call('GET', '/v1/portal/points', { key: program.keys.admin })).statusCode).toBe(
      403,
    )
  })
})

describe('portal tier', () => {
  it('shows the member’s tier with the ladder for the progress bar', async () => {
    const p = await createProgram(t, { name: 'Tiered portal' })
    await t.call('PUT', '/v1/tiers', {
      key: p.keys.admin,
      body: {
        metric: 'spend',
        window: { type: 'lifetime' },
        downgrade: { type: 'never' },
        tiers: [
          { key: 'normal', name: '普通会员', threshold: 0 },
          { key: 'gold', name: '金卡', threshold: 500_000, color: '#d4a017' },
        ],
      },
    })
    await t.services.jobs.settle()
    const m = await createMember(t, p.keys.admin)
    await t.call('POST', '/v1/orders', {
      key: p.keys.server,
      body: { id: 'pt-1', member: m.id, amount: 120_000 },
    })
    const session = (
      await t.call('POST', `/v1/members/${m.id}/portal-sessions`, { key: p.keys.server })
    ).json()
    const res = await t.call('GET', '/v1/portal/tier', { key: session.token })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      tier: { key: 'normal', name: '普通会员' },
      metric: { type: 'spend', value: 120_000 },
      next: { key: 'gold', name: '金卡', threshold: 500_000, remaining: 380_000 },
      metric_type: 'spend',
      ladder: [{ key: 'normal' }, { key: 'gold', color: '#d4a017' }],
    })
  })
})

describe('portal coupons', () => {
  it('lists the session member’s coupons by status with what each does, nobody else’s', async () => {
    const p = await createProgram(t, { name: 'Coupon portal' })
    const template = (
      await t.call('POST', '/v1/coupon-templates', {
        key: p.keys.admin,
        body: {
          name: '满 300 减 50',
          discount: { type: 'amount', amount_off: 5000 },
          min_spend: 30000,
          applies_to: { categories: ['shoes'] },
          validity: { days: 7 },
        },
      })
    ).json()
    const member = await createMember(t, p.keys.admin)
    const other = await createMember(t, p.keys.admin)
    const issue = (to: string) =>
      t.call('POST', `/v1/members/${to}/coupons`, {
        key: p.keys.admin,
        body: { template: template.id },
      })
    const mine = (await issue(member.id)).json()
    await issue(other.id)
    const session = (
      await t.call('POST', `/v1/members/${member.id}/portal-sessions`, { key: p.keys.server })
    ).json()

    const me = await t.call('GET', '/v1/portal/me', { key: session.token })
    expect(me.json().program.points_policy).toEqual({ redeem_rate: 100, max_redeem_percent: 50 })

    const usable = await t.call('GET', '/v1/portal/coupons?status=active', { key: session.token })
    expect(usable.statusCode).toBe(200)
    expect(usable.json()).toEqual({
      data: [
        {
          ...mine,
          terms: {
            name: '满 300 减 50',
            discount: { type: 'amount', amount_off: 5000 },
            min_spend: 30000,
            applies_to: { categories: ['shoes'] },
            stackable: false,
          },
        },
      ],
      next_cursor: null,
    })
    for (const status of ['redeemed', 'expired']) {
      const none = await t.call('GET', `/v1/portal/coupons?status=${status}`, {
        key: session.token,
      })
      expect(none.json().data).toEqual([])
    }
    // After its last day the coupon is under expired, and no longer usable.
    clock.set('2026-03-20T00:00:00Z')
    const fresh = (
      await t.call('POST', `/v1/members/${member.id}/portal-sessions`, { key: p.keys.server })
    ).json()
    const expired = await t.call('GET', '/v1/portal/coupons?status=expired', { key: fresh.token })
    expect(
      expired.json().data.map((c: { id: string; status: string }) => [c.id, c.status]),
    ).toEqual([[mine.id, 'expired']])
    const none = await t.call('GET', '/v1/portal/coupons?status=active', { key: fresh.token })
    expect(none.json().data).toEqual([])
    clock.set('2026-03-01T08:00:00Z')

    expect((await t.call('GET', '/v1/portal/coupons', { key: p.keys.admin })).statusCode).toBe(403)
    const bad = await t.call('GET', '/v1/portal/coupons?status=unassigned', { key: session.token })
    expect(bad.statusCode).toBe(400)
  })
})
