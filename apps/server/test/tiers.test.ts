import { fixedClock } from '@loyalbase/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createMember,
  createProgram,
  createTestApp,
  expectLedgerConsistent,
  type TestApp,
  type TestProgram,
} from './support/index.js'

const clock = fixedClock('2025-06-15T04:00:00Z')
let t: TestApp

beforeAll(async () => {
  t = await createTestApp({ clock })
})
afterAll(() => t.close())

const LADDER = [
  { key: 'normal', name: '普通会员', threshold: 0 },
  { key: 'silver', name: '银卡', threshold: 100_000, name_en: 'Silver', color: '#9ca3af' },
  { key: 'gold', name: '金卡', threshold: 500_000, name_en: 'Gold', color: '#d4a017' },
  { key: 'diamond', name: '钻石', threshold: 2_000_000, name_en: 'Diamond' },
]

async function setLadder(p: TestProgram, ladder: Record<string, unknown>) {
  const res = await t.call('PUT', '/v1/tiers', { key: p.keys.admin, body: ladder })
  expect(res.statusCode, res.body).toBe(200)
  await t.services.jobs.settle()
  return res.json()
}

async function shop(ladder: Record<string, unknown> = {}, rules: Record<string, unknown>[] = []) {
  const p = await createProgram(t, { name: 'Tiered', timezone: 'Asia/Shanghai' })
  for (const rule of rules) {
    expect(
      (await t.call('POST', '/v1/earning-rules', { key: p.keys.admin, body: rule })).statusCode,
    ).toBe(201)
  }
  await setLadder(p, {
    metric: 'spend',
    window: { type: 'lifetime' },
    downgrade: { type: 'never' },
    tiers: LADDER,
    ...ladder,
  })
  return p
}

const order = (p: TestProgram, body: Record<string, unknown>) =>
  t.call('POST', '/v1/orders', { key: p.keys.server, body })
const tier = async (p: TestProgram, m: string) =>
  (await t.call('GET', `/v1/members/${m}/tier`, { key: p.keys.readonly })).json()
const evaluate = (p: TestProgram, as_of: string) =>
  t.call('POST', '/v1/jobs/tier-evaluation/run', { key: p.keys.admin, body: { as_of } })

describe('PUT /v1/tiers', () => {
  it('stores the ladder and refuses ladders that do not start at 0 or do not rise', async () => {
    const p = await createProgram(t)
    const saved = await setLadder(p, {
      metric: 'spend',
      window: { type: 'lifetime' },
      downgrade: { type: 'never' },
      tiers: LADDER,
    })
    expect(saved).toMatchObject({
      metric: 'spend',
      tiers: LADDER,
      reevaluation: { job: 'tier-evaluation' },
    })
    expect((await t.call('GET', '/v1/tiers', { key: p.keys.readonly })).json().tiers).toEqual(
      LADDER,
    )
    const bad = async (tiers: unknown[], path: string, extra: Record<string, unknown> = {}) => {
      const res = await t.call('PUT', '/v1/tiers', {
        key: p.keys.admin,
        body: {
          metric: 'spend',
          window: { type: 'lifetime' },
          downgrade: { type: 'never' },
          tiers,
          ...extra,
        },
      })
      expect(res.statusCode, res.body).toBe(400)
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path)
    }
    await bad([{ key: 'a', name: 'A', threshold: 10 }], 'tiers[0].threshold')
    await bad(
      [
        { key: 'a', name: 'A', threshold: 0 },
        { key: 'b', name: 'B', threshold: 0 },
      ],
      'tiers[1].threshold',
    )
    await bad(
      [
        { key: 'a', name: 'A', threshold: 0 },
        { key: 'a', name: 'B', threshold: 5 },
      ],
      'tiers[1].key',
    )
    await bad([], 'tiers')
    await bad([{ key: 'a', name: 'A', threshold: 0 }], 'metric', { metric: 'visits' })
    await bad([{ key: 'a', name: 'A', threshold: 0 }], 'window.months', {
      window: { type: 'rolling' },
    })
    await bad([{ key: 'a', name: 'A', threshold: 0, extra: 1 }], 'tiers[0].extra')
    expect((await t.call('PUT', '/v1/tiers', { key: p.keys.server, body: {} })).statusCode).toBe(
      403,
    )
  })
})

describe('upgrades', () => {
  it('upgrades at once inside the order, with tier_change, history and internal events', async () => {
    const p = await shop()
    const m = await createMember(t, p.keys.admin)
    const small = await order(p, { id: 'u-1', member: m.id, amount: 50_000 })
    expect(small.json().effects.tier_change).toBeNull()
    const big = await order(p, { id: 'u-2', member: m.id, amount: 460_000 })
    expect(big.json().effects.tier_change).toEqual({ from: 'normal', to: 'gold' })
    const status = await tier(p, m.id)
    expect(status).toMatchObject({
      tier: { key: 'gold', name: '金卡' },
      metric: { type: 'spend', value: 510_000 },
      next: { key: 'diamond', name: '钻石', threshold: 2_000_000, remaining: 1_490_000 },
      retain: null,
      history: [{ from: 'normal', to: 'gold', reason: 'upgrade' }],
    })
    const member = (await t.call('GET', `/v1/members/${m.id}`, { key: p.keys.readonly })).json()
    expect(member.tier).toMatchObject({ key: 'gold', name: '金卡' })
    const outbox = await t.db.database.db
      .selectFrom('outbox_events')
      .select(['type', 'data'])
      .where('program_id', '=', p.id)
      .where('member_id', '=', m.id)
      .orderBy('id')
      .execute()
    expect(outbox.map((e) => e.type)).toEqual(['member.created', 'tier.changed', 'tier.upgraded'])
    expect(outbox[1]?.data).toEqual({ member: m.id, from: 'normal', to: 'gold', reason: 'upgrade' })
  })

  it('makes exactly one tier change for 50 parallel orders crossing a threshold', async () => {
    const p = await shop()
    const m = await createMember(t, p.keys.admin)
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        order(p, { id: `par-${i}`, member: m.id, amount: 3_000 }),
      ),
    )
    const changes = results.map((r) => r.json().effects.tier_change).filter(Boolean)
    expect(changes).toEqual([{ from: 'normal', to: 'silver' }])
    expect((await tier(p, m.id)).history).toHaveLength(1)
  })

  it('applies tier multipliers of earning rules to the live tier', async () => {
    const p = await shop({}, [
      {
        name: '1 pt / ¥1',
        trigger: 'order.completed',
        reward: { type: 'per_amount', points: 1, per: 100 },
        tier_multipliers: { gold: 1.5 },
      },
    ])
    const m = await createMember(t, p.keys.admin)
    expect(
      (await order(p, { id: 'm-1', member: m.id, amount: 500_000 })).json().effects.points_earned,
    ).toBe(5_000)
    expect(
      (await order(p, { id: 'm-2', member: m.id, amount: 10_000 })).json().effects.points_earned,
    ).toBe(150)
  })
})

describe('each metric and window', () => {
  const rules = [
    {
      name: 'pts',
      trigger: 'order.completed',
      reward: { type: 'per_amount', points: 1, per: 100 },
      growth: { type: 'per_amount', points: 2, per: 100 },
    },
    {
      name: 'review',
      trigger: 'review.posted',
      reward: { type: 'fixed', points: 10 },
      growth: { type: 'fixed', points: 7 },
    },
  ]
  const cases = [
    // metric, window, expected value after: 2024-03 ¥100, 2025-01 ¥200, 2025-06 ¥300 + one review in 2025-06
    ['spend', { type: 'lifetime' }, 60_000],
    ['spend', { type: 'rolling', months: 6 }, 50_000],
    ['spend', { type: 'calendar_year' }, 50_000],
    ['orders', { type: 'lifetime' }, 3],
    ['orders', { type: 'rolling', months: 3 }, 1],
    ['orders', { type: 'calendar_year' }, 2],
    ['points_earned', { type: 'lifetime' }, 610],
    ['points_earned', { type: 'rolling', months: 6 }, 510],
    ['points_earned', { type: 'calendar_year' }, 510],
    ['growth', { type: 'lifetime' }, 1_207],
    ['growth', { type: 'rolling', months: 3 }, 607],
    ['growth', { type: 'calendar_year' }, 1_007],
  ] as const
  it.each(cases)('%s over %j', async (metric, window, expected) => {
    const p = await shop(
      {
        metric,
        window,
        tiers: [
          { key: 'normal', name: 'N', threshold: 0 },
          { key: 'vip', name: 'VIP', threshold: expected },
        ],
      },
      [...rules],
    )
    const m = await createMember(t, p.keys.admin)
    await order(p, { id: 'a', member: m.id, amount: 10_000, occurred_at: '2024-03-10T00:00:00Z' })
    await order(p, { id: 'b', member: m.id, amount: 20_000, occurred_at: '2025-01-10T00:00:00Z' })
    const last = await order(p, {
      id: 'c',
      member: m.id,
      amount: 30_000,
      occurred_at: '2025-06-10T00:00:00Z',
    })
    const review = await t.call('POST', '/v1/events', {
      key: p.keys.server,
      body: { id: 'r', type: 'review.posted', member: m.id, occurred_at: '2025-06-11T00:00:00Z' },
    })
    const crossed = [last.json().effects.tier_change, review.json().effects.tier_change].filter(
      Boolean,
    )
    expect(crossed).toEqual([{ from: 'normal', to: 'vip' }])
    expect((await tier(p, m.id)).metric).toEqual({ type: metric, value: expected, window })
  })
})

describe('downgrades at period end', () => {
  async function goldIn2025(downgrade: Record<string, unknown>) {
    clock.set('2025-06-15T04:00:00Z')
    const p = await shop({ window: { type: 'calendar_year' }, downgrade })
    const m = await createMember(t, p.keys.admin)
    await order(p, { id: 'g', member: m.id, amount: 600_000 })
    expect((await tier(p, m.id)).tier.key).toBe('gold')
    return { p, m }
  }

  it('keeps a tier through the next year, then downgrades after the grace', async () => {
    const { p, m } = await goldIn2025({ type: 'period_end', grace_days: 30 })
    expect((await tier(p, m.id)).retain).toEqual({
      threshold: 500_000,
      by: '2026-01-30T16:00:00.000Z',
    })
    clock.set('2026-12-31T00:00:00Z')
    expect((await evaluate(p, '2026-12-31T00:00:00Z')).json()).toEqual({ processed: 0 })
    expect((await evaluate(p, '2027-01-30T15:59:59Z')).json()).toEqual({ processed: 0 })
    expect((await evaluate(p, '2027-01-30T16:00:00Z')).json()).toEqual({ processed: 1 })
    expect((await evaluate(p, '2027-01-30T16:00:00Z')).json()).toEqual({ processed: 0 })
    const status = await tier(p, m.id)
    expect(status.tier.key).toBe('normal')
    expect(status.history[0]).toMatchObject({
      from: 'gold',
      to: 'normal',
      reason: 'downgrade',
      at: '2027-01-30T16:00:00.000Z',
    })
  })

  it('without grace, downgrades at the turn of the year in the program’s time zone, one step when asked', async () => {
    const { p, m } = await goldIn2025({ type: 'period_end', steps: 1 })
    clock.set('2027-01-01T00:00:00Z')
    expect((await evaluate(p, '2026-12-31T15:59:59Z')).json()).toEqual({ processed: 0 })
    expect((await evaluate(p, '2026-12-31T16:00:00Z')).json()).toEqual({ processed: 1 })
    expect((await tier(p, m.id)).tier.key).toBe('silver')
    // One step per period: the same review does not step again.
    expect((await evaluate(p, '2027-03-01T00:00:00Z')).json()).toEqual({ processed: 0 })
    expect((await tier(p, m.id)).tier.key).toBe('silver')
  })

  it('never demotes on a refund; the review does, and an order crossing back up upgrades again', async () => {
    clock.set('2025-06-15T04:00:00Z')
    const p = await shop({ downgrade: { type: 'period_end', period: 'month' } })
    const m = await createMember(t, p.keys.admin)
    await order(p, { id: 'x', member: m.id, amount: 120_000 })
    const refund = await t.call('POST', '/v1/orders/x/refunds', {
      key: p.keys.server,
      body: { id: 'xr', amount: 60_000 },
    })
    expect(refund.json().effects.tier_change).toBeNull()
    expect(await tier(p, m.id)).toMatchObject({
      tier: { key: 'silver' },
      metric: { value: 60_000 },
    })
    clock.set('2025-07-02T00:00:00Z')
    expect((await evaluate(p, '2025-07-02T00:00:00Z')).json()).toEqual({ processed: 1 })
    expect((await tier(p, m.id)).tier.key).toBe('normal')
    const back = await order(p, { id: 'y', member: m.id, amount: 40_000 })
    expect(back.json().effects.tier_change).toEqual({ from: 'normal', to: 'silver' })
  })
})

describe('overrides', () => {
  it('holds a manual tier until it lapses, then returns to the qualifying tier', async () => {
    clock.set('2025-06-15T04:00:00Z')
    const p = await shop({ downgrade: { type: 'period_end' } })
    const m = await createMember(t, p.keys.admin)
    const res = await t.call('PUT', `/v1/members/${m.id}/tier`, {
      key: p.keys.admin,
      body: { tier: 'gold', until: '2025-09-01T00:00:00Z', reason: 'VIP 客户补偿' },
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      tier: { key: 'gold' },
      override: { until: '2025-09-01T00:00:00.000Z' },
      history: [{ from: 'normal', to: 'gold', reason: 'override', note: 'VIP 客户补偿' }],
    })
    expect((await evaluate(p, '2025-08-31T23:59:59Z')).json()).toEqual({ processed: 0 })
    expect((await evaluate(p, '2025-09-01T00:00:00Z')).json()).toEqual({ processed: 1 })
    const after = await tier(p, m.id)
    expect(after).toMatchObject({ tier: { key: 'normal' }, override: null })
    expect(after.history[0]).toMatchObject({
      from: 'gold',
      to: 'normal',
      reason: 'override_expired',
    })

    const unknown = await t.call('PUT', `/v1/members/${m.id}/tier`, {
      key: p.keys.admin,
      body: { tier: 'platinum', reason: 'x' },
    })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().errors[0].path).toBe('tier')
    const server = await t.call('PUT', `/v1/members/${m.id}/tier`, {
      key: p.keys.server,
      body: { tier: 'gold', reason: 'x' },
    })
    expect(server.statusCode).toBe(403)
  })
})

describe('ladder changes', () => {
  it('re-evaluates every member in the background: upgrades now, removed tiers remapped', async () => {
    clock.set('2025-06-15T04:00:00Z')
    const p = await shop()
    const members = []
    for (const amount of [0, 150_000, 700_000]) {
      const m = await createMember(t, p.keys.admin)
      if (amount) await order(p, { id: `l-${m.id}`, member: m.id, amount })
      members.push(m)
    }
    const ladder = {
      metric: 'spend',
      window: { type: 'lifetime' },
      downgrade: { type: 'never' },
      tiers: [
        { key: 'normal', name: '普通会员', threshold: 0 },
        { key: 'plus', name: 'Plus', threshold: 100_000 },
        { key: 'gold', name: '金卡', threshold: 600_000 },
      ],
    }
    const saved = await setLadder(p, ladder)
    const run = (
      await t.call('GET', `/v1/job-runs/${saved.reevaluation.run_id}`, { key: p.keys.admin })
    ).json()
    expect(run).toMatchObject({
      name: 'tier-evaluation',
      trigger: 'manual',
      error: null,
      processed: 1,
      progress: 3,
    })
    expect(run.finished_at).not.toBeNull()
    const keys = await Promise.all(members.map(async (m) => (await tier(p, m.id)).tier.key))
    expect(keys).toEqual(['normal', 'plus', 'gold'])
    expect((await tier(p, members[1]?.id as string)).history[0]).toMatchObject({
      from: 'silver',
      to: 'plus',
      reason: 'ladder_change',
    })
    const distribution = (
      await t.call('GET', '/v1/tiers/distribution', { key: p.keys.readonly })
    ).json()
    expect(distribution.tiers).toEqual([
      { key: 'normal', name: '普通会员', count: 1 },
      { key: 'plus', name: 'Plus', count: 1 },
      { key: 'gold', name: '金卡', count: 1 },
    ])
  })
})

describe('ledger check', () => {
  it('finds every balance, lot and counter in agreement with the ledger after all of the above', async () => {
    const report = await expectLedgerConsistent(t)
    expect(report.differences).toEqual([])
    expect(report.lots_checked).toBeGreaterThan(0)
  })
})
