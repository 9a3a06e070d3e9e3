import { fixedClock } from '@loyalbase/core'
import { afterAll, beforeAll, expect } from 'vitest'
import { createMember, createProgram, type TestProgram } from './factories.js'
import { createTestApp, type TestApp } from './test-app.js'

/*
 * The benefits tests' program (benefits.test.ts, benefit-orders.test.ts): an app on a clock
 * fixed at Monday 2 March 2026, 10:00 in Shanghai, a ladder `member` → `gold` (spend 1,000,000,
 * so orders in the tests never upgrade anyone), one earning rule (1 point per yuan), and gold
 * members made by a manual override. `benefitsProgram()` registers the calling file's set-up
 * and tear-down; the helpers act on that file's app and program.
 */

export const BENEFITS_START = '2026-03-02T02:00:00Z'

export function benefitsProgram() {
  const clock = fixedClock(BENEFITS_START)
  const on = {} as { t: TestApp; p: TestProgram }
  beforeAll(async () => {
    on.t = await createTestApp({ clock })
    on.p = await createProgram(on.t, { name: 'Benefits' })
    const ladder = await on.t.call('PUT', '/v1/tiers', {
      key: on.p.keys.admin,
      body: {
        metric: 'spend',
        window: { type: 'lifetime' },
        downgrade: { type: 'never' },
        tiers: [
          { key: 'member', name: '会员', threshold: 0 },
          { key: 'gold', name: '金卡', threshold: 1_000_000 },
        ],
      },
    })
    expect(ladder.statusCode, ladder.body).toBe(200)
    await on.t.services.jobs.settle()
    const rule = await on.t.call('POST', '/v1/earning-rules', {
      key: on.p.keys.admin,
      body: {
        name: '1 point per yuan',
        trigger: 'order.completed',
        reward: { type: 'per_amount', points: 1, per: 100 },
      },
    })
    expect(rule.statusCode, rule.body).toBe(201)
  })
  afterAll(() => on.t.close())

  return {
    on,
    clock,
    async createBenefit(body: Record<string, unknown>) {
      const res = await on.t.call('POST', '/v1/benefits', { key: on.p.keys.admin, body })
      expect(res.statusCode, res.body).toBe(201)
      return res.json<{ id: string; key: string }>()
    },
    /** A new member moved to `gold` by hand (or left in `member`). */
    async member(tier: 'gold' | 'member' = 'gold') {
      const m = await createMember(on.t, on.p.keys.admin)
      if (tier === 'gold') {
        const res = await on.t.call('PUT', `/v1/members/${m.id}/tier`, {
          key: on.p.keys.admin,
          body: { tier: 'gold', reason: 'test' },
        })
        expect(res.statusCode, res.body).toBe(200)
      }
      return m
    },
    use: (member: string, key: string, body: Record<string, unknown> = {}) =>
      on.t.call('POST', `/v1/members/${member}/benefits/${key}/uses`, {
        key: on.p.keys.server,
        body,
      }),
    benefitsOf: async (member: string) => {
      const res = await on.t.call('GET', `/v1/members/${member}/benefits`, {
        key: on.p.keys.readonly,
      })
      expect(res.statusCode, res.body).toBe(200)
      return res.json<
        {
          key: string
          quota: { count: number; used: number; remaining: number; resets_at: string } | null
        }[]
      >()
    },
    order: (body: Record<string, unknown>) =>
      on.t.call('POST', '/v1/orders', { key: on.p.keys.server, body }),
  }
}
