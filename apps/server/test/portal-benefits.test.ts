import { beforeAll, describe, expect, it } from 'vitest'
import { benefitsProgram, type TestApp, type TestProgram } from './support/index.js'

/*
 * The portal's benefits: the session member's tier's benefits with what is left this period,
 * the same answer as `GET /v1/members/{member}/benefits`, and nobody else's.
 */

const { on, clock, createBenefit, member, use, benefitsOf } = benefitsProgram()
let t: TestApp
let p: TestProgram
beforeAll(async () => {
  ;({ t, p } = on)
  await createBenefit({
    key: 'free-ship',
    name: '每月免邮',
    type: 'free_shipping',
    tiers: ['gold'],
    quota: { count: 2, period: 'month' },
  })
  await createBenefit({
    key: 'gold-discount',
    name: '金卡 95 折',
    type: 'discount',
    tiers: ['gold'],
    config: { percent_off: 5 },
  })
  await createBenefit({
    key: 'lounge',
    name: 'Lounge',
    type: 'custom',
    tiers: ['gold'],
    active: false,
  })
  await createBenefit({
    key: 'birthday-gift',
    name: '生日礼',
    type: 'custom',
    tiers: ['member', 'gold'],
    quota: { count: 1, period: 'year' },
  })
})

async function portalToken(memberId: string) {
  const res = await t.call('POST', `/v1/members/${memberId}/portal-sessions`, {
    key: p.keys.server,
    body: {},
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json<{ token: string }>().token
}

const portalBenefits = (token: string) => t.call('GET', '/v1/portal/benefits', { key: token })

describe('GET /v1/portal/benefits', () => {
  it('shows the session member’s benefits with what is left this period', async () => {
    const gold = await member('gold')
    const token = await portalToken(gold.id)
    const before = await portalBenefits(token)
    expect(before.statusCode, before.body).toBe(200)
    expect(before.json()).toEqual([
      {
        key: 'birthday-gift',
        name: '生日礼',
        type: 'custom',
        config: {},
        // 1 January 2027, 00:00 in Shanghai.
        quota: {
          count: 1,
          used: 0,
          remaining: 1,
          resets_at: '2026-12-31T16:00:00.000Z',
          period: 'year',
        },
      },
      {
        key: 'free-ship',
        name: '每月免邮',
        type: 'free_shipping',
        config: {},
        // 1 April 2026, 00:00 in Shanghai.
        quota: {
          count: 2,
          used: 0,
          remaining: 2,
          resets_at: '2026-03-31T16:00:00.000Z',
          period: 'month',
        },
      },
      {
        key: 'gold-discount',
        name: '金卡 95 折',
        type: 'discount',
        config: { percent_off: 5 },
        quota: null,
      },
    ])

    expect((await use(gold.id, 'free-ship', { reference: 'ticket-1' })).statusCode).toBe(201)
    const after = await portalBenefits(token)
    expect(after.json().find((b: { key: string }) => b.key === 'free-ship').quota).toEqual({
      count: 2,
      used: 1,
      remaining: 1,
      resets_at: '2026-03-31T16:00:00.000Z',
      period: 'month',
    })
    // The console's view of the member, with each quota's period.
    const inConsole = await benefitsOf(gold.id)
    expect(after.json()).toEqual(
      inConsole.map((b) => ({
        ...b,
        quota: b.quota && { ...b.quota, period: expect.any(String) },
      })),
    )
  })

  it('starts afresh in the next period, by the program’s calendar', async () => {
    const gold = await member('gold')
    const token = await portalToken(gold.id)
    expect((await use(gold.id, 'free-ship')).statusCode).toBe(201)
    expect((await use(gold.id, 'free-ship')).statusCode).toBe(201)
    const spent = (await portalBenefits(token)).json()
    expect(spent.find((b: { key: string }) => b.key === 'free-ship').quota).toMatchObject({
      used: 2,
      remaining: 0,
    })
    try {
      // 1 April, 00:00 in Shanghai (a new session: the first one has expired).
      clock.set('2026-03-31T16:00:00Z')
      const token2 = await portalToken(gold.id)
      const april = (await portalBenefits(token2)).json()
      expect(april.find((b: { key: string }) => b.key === 'free-ship').quota).toEqual({
        count: 2,
        used: 0,
        remaining: 2,
        resets_at: '2026-04-30T16:00:00.000Z',
        period: 'month',
      })
    } finally {
      clock.set('2026-03-02T02:00:00Z')
    }
  })

  it('shows a member of another tier only that tier’s benefits', async () => {
    const plain = await member('member')
    const res = await portalBenefits(await portalToken(plain.id))
    expect(res.statusCode).toBe(200)
    expect(res.json().map((b: { key: string }) => b.key)).toEqual(['birthday-gift'])
  })

  it('is for portal tokens only, and a token reaches no other member’s benefits', async () => {
    const gold = await member('gold')
    const other = await member('gold')
    const token = await portalToken(gold.id)
    expect((await portalBenefits(p.keys.admin)).statusCode).toBe(403)
    expect((await portalBenefits('lb_ps_made-up-token')).statusCode).toBe(401)
    const notMine = await t.call('GET', `/v1/members/${other.id}/benefits`, { key: token })
    expect(notMine.statusCode).toBe(403)
    const noUse = await t.call('POST', `/v1/members/${gold.id}/benefits/free-ship/uses`, {
      key: token,
      body: {},
    })
    expect(noUse.statusCode).toBe(403)
  })
})
