import { fixedClock } from '@loyalbase/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createMember,
  createPeerApp,
  createProgram,
  createTestApp,
  expectLedgerConsistent,
  type TestApp,
  type TestProgram,
} from './support/index.js'

/*
 * Orders of one member racing each other, on the real clock: the order that crosses a
 * threshold upgrades whatever the interleaving, and the member's history never runs backwards.
 */

let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const LADDER = [
  { key: 'normal', name: '普通会员', threshold: 0 },
  { key: 'silver', name: '银卡', threshold: 100_000 },
  { key: 'gold', name: '金卡', threshold: 500_000 },
  { key: 'diamond', name: '钻石', threshold: 2_000_000 },
]

async function shop(window: Record<string, unknown>) {
  const p = await createProgram(t, { name: 'Racing' })
  const rule = await t.call('POST', '/v1/earning-rules', {
    key: p.keys.admin,
    body: {
      name: '1 point per yuan',
      trigger: 'order.completed',
      reward: { type: 'per_amount', points: 1, per: 100 },
    },
  })
  expect(rule.statusCode, rule.body).toBe(201)
  const ladder = await t.call('PUT', '/v1/tiers', {
    key: p.keys.admin,
    body: { metric: 'spend', window, downgrade: { type: 'never' }, tiers: LADDER },
  })
  expect(ladder.statusCode, ladder.body).toBe(200)
  await t.services.jobs.settle()
  return p
}

const order = (p: TestProgram, body: Record<string, unknown>, call = t.call) =>
  call('POST', '/v1/orders', { key: p.keys.server, body })

describe('windowed tiers under parallel orders', () => {
  for (const window of [{ type: 'rolling', months: 12 }, { type: 'calendar_year' }]) {
    it(`upgrades in the order that crosses the threshold (${window.type})`, async () => {
      const p = await shop(window)
      // Several trials: each is four parallel orders of 30,000 against a 100,000 threshold.
      for (let trial = 0; trial < 8; trial++) {
        const m = await createMember(t, p.keys.admin)
        const results = await Promise.all(
          [1, 2, 3, 4].map((i) =>
            order(p, { id: `${window.type}-${trial}-${i}`, member: m.id, amount: 30_000 }),
          ),
        )
        for (const res of results) expect(res.statusCode, res.body).toBe(201)
        const changes = results.map((res) => res.json().effects.tier_change).filter(Boolean)
        expect(changes).toEqual([{ from: 'normal', to: 'silver' }])
        const status = await t.call('GET', `/v1/members/${m.id}/tier`, { key: p.keys.readonly })
        expect(status.json()).toMatchObject({
          tier: { key: 'silver' },
          metric: { value: 120_000 },
          next: { key: 'gold', remaining: 380_000 },
        })
      }
      await expectLedgerConsistent(t)
    })
  }

  it('counts every order committed before, even one stamped later than this one', async () => {
    // Another server whose clock steps back between orders: each order is stamped earlier
    // than the one committed before it, as happens when a later request takes the lock first.
    const p = await shop({ type: 'rolling', months: 12 })
    const clock = fixedClock('2026-06-01T12:00:10Z')
    const peer = await createPeerApp(t, { clock })
    try {
      const m = await createMember(t, p.keys.admin)
      const results = []
      for (let i = 1; i <= 4; i++) {
        clock.set(new Date(Date.parse('2026-06-01T12:00:10Z') - i * 1000))
        results.push(await order(p, { id: `back-${i}`, member: m.id, amount: 30_000 }, peer.call))
      }
      expect(results.map((r) => r.json().effects.tier_change)).toEqual([
        null,
        null,
        null,
        { from: 'normal', to: 'silver' },
      ])
    } finally {
      await peer.close()
    }
  })
})

describe("a member's history under parallel orders", () => {
  it('stamps entries under the member lock, so their times follow their order', async () => {
    const p = await shop({ type: 'lifetime' })
    const m = await createMember(t, p.keys.admin)
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        order(p, { id: `hist-${i}`, member: m.id, amount: 1_000 + i }),
      ),
    )
    for (const res of results) expect(res.statusCode, res.body).toBe(201)
    const page = await t.call('GET', `/v1/members/${m.id}/points/transactions?limit=100`, {
      key: p.keys.readonly,
    })
    const entries: { id: string; created_at: string; balance_after: number }[] = page.json().data
    expect(entries).toHaveLength(24)
    // Newest first, by id: each entry's time is no later than the one listed before it, and
    // the running balance falls as the list goes back in time.
    for (let i = 1; i < entries.length; i++) {
      const [newer, older] = [entries[i - 1], entries[i]] as [
        (typeof entries)[number],
        (typeof entries)[number],
      ]
      expect(older.id < newer.id).toBe(true)
      expect(Date.parse(older.created_at)).toBeLessThanOrEqual(Date.parse(newer.created_at))
      expect(older.balance_after).toBeLessThan(newer.balance_after)
    }
  })
})

describe('what another server changed', () => {
  it('refuses an order with a key revoked on another server, and applies a new policy at once', async () => {
    const p = await shop({ type: 'lifetime' })
    const m = await createMember(t, p.keys.admin)
    const peer = await createPeerApp(t)
    try {
      // The peer has seen the key and the program, and kept the member's snapshot.
      const first = await order(p, { id: 'peer-1', member: m.id, amount: 10_000 }, peer.call)
      expect(first.json().effects).toMatchObject({ points_earned: 100, points_status: 'available' })
      const policy = await t.call('PATCH', '/v1/program', {
        key: p.keys.admin,
        body: { points_policy: { pending_days: 7 } },
      })
      expect(policy.statusCode).toBe(200)
      const second = await order(p, { id: 'peer-2', member: m.id, amount: 10_000 }, peer.call)
      expect(second.json().effects).toMatchObject({ points_earned: 100, points_status: 'pending' })
      // A refund here moves the member; the peer's kept snapshot is refused and read again.
      await t.call('POST', '/v1/orders/peer-1/refunds', {
        key: p.keys.server,
        body: { id: 'peer-1-r', amount: 10_000 },
      })
      const third = await order(p, { id: 'peer-3', member: m.id, amount: 10_000 }, peer.call)
      expect(third.statusCode, third.body).toBe(201)
      const balance = await t.call('GET', `/v1/members/${m.id}/points`, { key: p.keys.readonly })
      expect(balance.json()).toMatchObject({ available: 0, pending: 200 })
      const keys = await t.call('GET', '/v1/api-keys', { key: p.keys.admin })
      const server = keys.json().data.find((k: { role: string }) => k.role === 'server')
      const revoked = await t.call('DELETE', `/v1/api-keys/${server.id}`, { key: p.keys.admin })
      expect(revoked.statusCode).toBeLessThan(300)
      const refused = await order(p, { id: 'peer-4', member: m.id, amount: 10_000 }, peer.call)
      expect(refused.statusCode).toBe(401)
      const stored = await t.call('GET', '/v1/orders/peer-4', { key: p.keys.readonly })
      expect(stored.statusCode).toBe(404)
    } finally {
      await peer.close()
    }
    await expectLedgerConsistent(t)
  })
})

describe('many members racing for one budget', () => {
  it('pays a rule exactly up to its budget when 30 members order at once', async () => {
    // Orders of different members are written together in one statement; the plans that
    // would overrun the budget are refused by the write, and those orders are computed again
    // without the rule. Every order succeeds; the rule pays exactly ten of them.
    const p = await createProgram(t, { name: 'Budget race' })
    const rule = await t.call('POST', '/v1/earning-rules', {
      key: p.keys.admin,
      body: {
        name: '100 points while the budget lasts',
        trigger: 'order.completed',
        reward: { type: 'fixed', points: 100 },
        limits: { total_budget: 1_000 },
      },
    })
    expect(rule.statusCode, rule.body).toBe(201)
    const members = await Promise.all(
      Array.from({ length: 30 }, () => createMember(t, p.keys.admin)),
    )
    const results = await Promise.all(
      members.map((m, i) => order(p, { id: `budget-${i}`, member: m.id, amount: 5_000 })),
    )
    for (const res of results) expect(res.statusCode, res.body).toBe(201)
    const earned = results.map((res) => res.json().effects.points_earned as number)
    expect(earned.filter((points) => points === 100)).toHaveLength(10)
    expect(earned.filter((points) => points === 0)).toHaveLength(20)
    const saved = await t.call('GET', `/v1/earning-rules/${rule.json().id}`, { key: p.keys.admin })
    expect(saved.json().budget_used).toBe(1_000)
    await expectLedgerConsistent(t)
  })
})
