import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createMember,
  createProgram,
  createTestApp,
  expectLedgerConsistent,
  type TestApp,
} from './support/index.js'

/*
 * Every job run while orders, refunds and referral conversions hit the very members it sweeps.
 * An order locks its member and then the referrer; a job batch locks members in id order. They
 * must never deadlock: every job finishes and reports what it did, every request succeeds, and
 * the ledger is exact afterwards.
 */

let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const DAY = 86_400_000
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString()

describe('jobs under traffic', () => {
  it('finish without deadlock while the same members order, refund and convert referrals', async () => {
    const p = await createProgram(t, { name: 'Busy shop' })
    const setup: [string, string, unknown][] = [
      [
        'PATCH',
        '/v1/program',
        { points_policy: { pending_days: 7, expiry: { type: 'rolling', months: 1 } } },
      ],
      [
        'POST',
        '/v1/earning-rules',
        {
          name: 'Per yuan',
          trigger: 'order.completed',
          reward: { type: 'per_amount', points: 1, per: 100 },
          growth: { type: 'per_amount', points: 1, per: 100 },
        },
      ],
      [
        'POST',
        '/v1/earning-rules',
        { name: 'Check-in', trigger: 'member.checked_in', reward: { type: 'fixed', points: 10 } },
      ],
      [
        'POST',
        '/v1/earning-rules',
        {
          name: 'Referral',
          trigger: 'referral.converted',
          reward: { type: 'fixed', points: 500 },
          limits: { total_budget: 1_000_000 },
        },
      ],
      [
        'PUT',
        '/v1/tiers',
        {
          metric: 'spend',
          window: { type: 'rolling', months: 12 },
          downgrade: { type: 'period_end', grace_days: 0 },
          tiers: [
            { key: 'member', name: '会员', threshold: 0 },
            { key: 'silver', name: '银卡', threshold: 20_000 },
            { key: 'gold', name: '金卡', threshold: 60_000 },
          ],
        },
      ],
    ]
    for (const [method, url, body] of setup) {
      const res = await t.call(method as 'POST', url, { key: p.keys.admin, body })
      expect(res.statusCode, res.body).toBeLessThan(300)
    }
    await t.services.jobs.settle()

    const COUNT = 24
    const referrers: Awaited<ReturnType<typeof createMember>>[] = []
    const friends: Awaited<ReturnType<typeof createMember>>[] = []
    // Check-ins 29 to 22 days ago: lots that fall due one a day over the next eight days, so
    // that each expiry run below, as of one day later than the last, locks every member again
    // (and a refund, which expires what is due now, leaves them for the job).
    const checkIns = async (member: string) => {
      for (let days = 29; days >= 22; days--) {
        const res = await t.call('POST', '/v1/events', {
          key: p.keys.server,
          body: {
            id: `ci-${member}-${days}`,
            type: 'member.checked_in',
            member,
            occurred_at: daysAgo(days),
          },
        })
        expect(res.statusCode, res.body).toBe(201)
      }
    }
    for (let i = 0; i < COUNT; i++) {
      const referrer = await createMember(t, p.keys.admin)
      referrers.push(referrer)
      // Interleaved ids: a job batch holds referrers and friends alike.
      const friend = await createMember(t, p.keys.admin, { referred_by: referrer.referral_code })
      friends.push(friend)
      await checkIns(referrer.id)
      await checkIns(friend.id)
      for (const [id, days] of [
        [`old-${i}`, 40],
        [`recent-${i}`, 10],
      ] as const) {
        const res = await t.call('POST', '/v1/orders', {
          key: p.keys.server,
          body: { id, member: referrer.id, amount: 10_000, occurred_at: daysAgo(days) },
        })
        expect(res.statusCode, res.body).toBe(201)
      }
    }

    const run = (name: string, as_of?: string) =>
      t.call('POST', `/v1/jobs/${name}/run`, {
        key: p.keys.admin,
        ...(as_of ? { body: { as_of } } : {}),
      })
    // The jobs, one after another, all through the traffic.
    const jobs = (async () => {
      const results = []
      for (let days = 1; days <= 8; days++) {
        results.push(await run('points-expiry', daysAgo(-days)))
        results.push(await run('points-release', daysAgo(-days)))
        results.push(await run('tier-evaluation'))
        results.push(await run('housekeeping'))
      }
      return results
    })()
    // The traffic arrives over the jobs' run, a referred member's first order at a time.
    const traffic: ReturnType<typeof t.call>[] = []
    for (const [i, friend] of friends.entries()) {
      traffic.push(
        t.call('POST', '/v1/orders', {
          key: p.keys.server,
          body: { id: `first-${i}`, member: friend.id, amount: 25_000 },
        }),
        t.call('POST', '/v1/orders', {
          key: p.keys.server,
          body: { id: `again-${i}`, member: referrers[i]?.id, amount: 30_000 },
        }),
        t.call('POST', `/v1/orders/recent-${i}/refunds`, {
          key: p.keys.server,
          body: { id: `refund-${i}`, amount: 5_000 },
        }),
      )
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    const [jobResults, trafficResults] = await Promise.all([jobs, Promise.all(traffic)])
    for (const res of jobResults) {
      expect(res.statusCode, res.body).toBe(200)
      expect(typeof res.json().processed).toBe('number')
    }
    for (const res of trafficResults) expect(res.statusCode, res.body).toBe(201)

    // Everything due by the last as_of is done, by the jobs or by the refunds (which expire
    // what is due first), and a further run finds nothing.
    for (const name of ['points-expiry', 'points-release']) await run(name, daysAgo(-8))
    for (const name of ['points-expiry', 'points-release']) {
      expect((await run(name, daysAgo(-8))).json(), name).toEqual({ processed: 0 })
    }
    for (const [i, referrer] of referrers.entries()) {
      const points = await t.call('GET', `/v1/members/${referrer.id}/points`, {
        key: p.keys.readonly,
      })
      // Earned 80 by check-ins and 100 by the old order (both expired), 100 by the recent one
      // (50 reversed by the refund), 300 by the new order (released as of eight days on, past
      // its seven-day return window) and 500 for the referral.
      expect(points.json(), `referrer ${i}`).toMatchObject({
        available: 850,
        pending: 0,
        lifetime: { earned: 1080, expired: 180, reversed: 50 },
      })
    }
    for (const [i, friend] of friends.entries()) {
      const points = await t.call('GET', `/v1/members/${friend.id}/points`, {
        key: p.keys.readonly,
      })
      expect(points.json(), `friend ${i}`).toMatchObject({
        available: 250,
        pending: 0,
        lifetime: { earned: 330, expired: 80 },
      })
    }
    await expectLedgerConsistent(t)
  })
})
