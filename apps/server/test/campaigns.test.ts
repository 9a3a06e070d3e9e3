import { beforeAll, describe, expect, it } from 'vitest'
import {
  campaign,
  campaignsApp,
  campaignClock as clock,
  created,
  createMember,
  expectLedgerConsistent,
  pointsOf,
  program,
  report,
  runJob,
  type TestApp,
  type TestProgram,
  template,
} from './support/index.js'

/*
 * Campaigns: created and checked, and the triggers the `campaigns` job finds — members joined,
 * birthdays in the program's time zone, inactive members, upgrades and scheduled segments. The
 * budget, the holdout and the report: campaign-rewards.test.ts.
 */

const on = campaignsApp()
let t: TestApp
beforeAll(() => {
  t = on.t
})

describe('POST /v1/campaigns', () => {
  let p: TestProgram
  beforeAll(async () => {
    p = await program('Campaign contract')
  })

  it('creates the api.md example and reads it back', async () => {
    const tpl = await template(p)
    const body = {
      name: '生日礼券',
      trigger: { type: 'birthday', days_before: 3 },
      reward: { type: 'coupon', template: tpl.id },
      budget: { max_rewards: 1_000, max_cost: 500_000 },
      holdout_percent: 10,
    }
    const c = await created(p, body)
    expect(c).toMatchObject({
      ...body,
      budget: { max_rewards: 1_000, max_cost: 500_000 },
      active: true,
      ends_at: null,
      used: { rewards: 0, cost: 0 },
    })
    expect(c.id).toMatch(/^cmp_/)
    const got = await t.call('GET', `/v1/campaigns/${c.id}`, { key: p.keys.readonly })
    expect(got.json()).toEqual(c)
    const list = await t.call('GET', '/v1/campaigns', { key: p.keys.readonly })
    expect(list.json().data.map((x: { id: string }) => x.id)).toContain(c.id)
  })

  it('refuses what cannot run, with the path of the problem', async () => {
    const free = await template(p, { discount: { type: 'free_shipping' } })
    const cases: [Record<string, unknown>, string][] = [
      [{ reward: { type: 'coupon', template: 'cpt_nope' } }, 'reward.template'],
      [
        { trigger: { type: 'scheduled', at: '2027-02-01T00:00:00Z', segment: 'seg_nope' } },
        'trigger.segment',
      ],
      [{ trigger: { type: 'tier_upgraded', tier: 'platinum' } }, 'trigger.tier'],
      [
        { reward: { type: 'coupon', template: free.id }, budget: { max_cost: 10_000 } },
        'budget.max_cost',
      ],
      [{ name: '   ' }, 'name'],
      [{ starts_at: '2027-03-01T00:00:00Z', ends_at: '2027-02-01T00:00:00Z' }, 'ends_at'],
    ]
    for (const [patch, path] of cases) {
      const res = await campaign(p, {
        name: 'Bad',
        trigger: { type: 'member_joined' },
        reward: { type: 'points', points: 10 },
        ...patch,
      })
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400)
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path)
    }
    for (const holdout_percent of [95, 12.345, -1]) {
      const holdout = await campaign(p, {
        name: 'Bad',
        trigger: { type: 'member_joined' },
        reward: { type: 'points', points: 10 },
        holdout_percent,
      })
      expect(holdout.statusCode, holdout.body).toBe(400)
    }
    // Two decimals that binary floating point cannot hold exactly are still two decimals.
    const exact = await created(p, {
      name: 'A third held out',
      trigger: { type: 'member_joined' },
      reward: { type: 'points', points: 10 },
      holdout_percent: 33.33,
    })
    expect(exact.holdout_percent).toBe(33.33)
    const readonly = await campaign(
      p,
      { name: 'x', trigger: { type: 'member_joined' }, reward: { type: 'points', points: 1 } },
      p.keys.readonly,
    )
    expect(readonly.statusCode).toBe(403)
    expect(
      (await t.call('GET', '/v1/campaigns/cmp_nope', { key: p.keys.readonly })).statusCode,
    ).toBe(404)
  })
})

describe('member_joined, from the member.created events', () => {
  it('rewards members who joined after the start, once, however often the job runs', async () => {
    const p = await program('Welcome')
    const before = await createMember(t, p.keys.admin)
    clock.set('2027-01-10T05:00:00Z')
    const c = await created(p, {
      name: 'Welcome points',
      trigger: { type: 'member_joined' },
      reward: { type: 'points', points: 100 },
    })
    clock.set('2027-01-10T05:01:00Z')
    const joined = await Promise.all([1, 2, 3].map(() => createMember(t, p.keys.admin)))
    expect(await runJob(p)).toBe(3)
    expect(await runJob(p)).toBe(0)
    for (const m of joined) expect(await pointsOf(p, m.id)).toBe(100)
    expect(await pointsOf(p, before.id)).toBe(0)
    const txns = (
      await t.call('GET', `/v1/members/${joined[0]?.id}/points/transactions`, {
        key: p.keys.readonly,
      })
    ).json().data
    expect(txns[0]).toMatchObject({
      type: 'earn',
      points: 100,
      source: { kind: 'campaign', id: c.id },
    })
    const r = await report(p, c.id)
    expect(r).toMatchObject({ rewards_issued: 3, treated: 3, holdout: 0, cost: 300 })
    await expectLedgerConsistent(t)
  })
})

describe('birthday, in the program’s time zone', () => {
  it('rewards on the local day, 29 February on 28 February in other years, once a year', async () => {
    clock.set('2027-01-10T07:00:00Z')
    const p = await program('Birthdays')
    const born = async (birthday: string) => (await createMember(t, p.keys.admin, { birthday })).id
    const leap = await born('1992-02-29')
    const feb28 = await born('1990-02-28')
    const march = await born('--03-01')
    await created(p, {
      name: 'Birthday points',
      trigger: { type: 'birthday' },
      reward: { type: 'points', points: 200 },
    })
    // 23:59 on 27 February in Shanghai: not yet.
    expect(await runJob(p, '2027-02-27T15:59:00Z')).toBe(0)
    // 00:30 on 28 February in Shanghai (still the 27th in UTC): both February birthdays.
    expect(await runJob(p, '2027-02-27T16:30:00Z')).toBe(2)
    expect(await runJob(p, '2027-02-28T10:00:00Z')).toBe(0)
    expect(await pointsOf(p, leap)).toBe(200)
    expect(await pointsOf(p, feb28)).toBe(200)
    expect(await pointsOf(p, march)).toBe(0)
    expect(await runJob(p, '2027-03-01T01:00:00Z')).toBe(1)
    // A leap year: 28 February is only the 28th's, 29 February the 29th's.
    expect(await runJob(p, '2028-02-28T04:00:00Z')).toBe(1)
    expect(await pointsOf(p, feb28)).toBe(400)
    expect(await runJob(p, '2028-02-29T04:00:00Z')).toBe(1)
    expect(await pointsOf(p, leap)).toBe(400)
  })
})

describe('inactive N days', () => {
  it('rewards once per spell without orders', async () => {
    clock.set('2027-01-10T08:00:00Z')
    const p = await program('Win-back')
    const m = await createMember(t, p.keys.admin)
    const order = (id: string, at: string) =>
      t.call('POST', '/v1/orders', {
        key: p.keys.server,
        body: { id, member: m.id, amount: 1_000, occurred_at: at },
      })
    expect((await order('wb-1', '2027-01-10T07:00:00Z')).statusCode).toBe(201)
    await created(p, {
      name: 'Come back',
      trigger: { type: 'inactive', days: 30 },
      reward: { type: 'points', points: 300 },
    })
    const base = await pointsOf(p, m.id)
    expect(await runJob(p, '2027-02-08T04:00:00Z')).toBe(0)
    expect(await runJob(p, '2027-02-09T04:00:00Z')).toBe(1)
    expect(await runJob(p, '2027-02-20T04:00:00Z')).toBe(0)
    expect(await pointsOf(p, m.id)).toBe(base + 300)
    clock.set('2027-03-01T04:00:00Z')
    expect((await order('wb-2', '2027-03-01T04:00:00Z')).statusCode).toBe(201)
    expect(await runJob(p, '2027-04-01T04:00:00Z')).toBe(1)
  })
})

describe('tier_upgraded and scheduled', () => {
  it('rewards upgrades to the named tier, from the tier.upgraded events', async () => {
    clock.set('2027-01-10T09:00:00Z')
    const p = await program('Upgrades')
    const ladder = await t.call('PUT', '/v1/tiers', {
      key: p.keys.admin,
      body: {
        metric: 'spend',
        window: { type: 'lifetime' },
        downgrade: { type: 'never' },
        tiers: [
          { key: 'member', name: '会员', threshold: 0 },
          { key: 'silver', name: '银卡', threshold: 10_000 },
          { key: 'gold', name: '金卡', threshold: 50_000 },
        ],
      },
    })
    expect(ladder.statusCode, ladder.body).toBe(200)
    await created(p, {
      name: 'Gold welcome',
      trigger: { type: 'tier_upgraded', tier: 'gold' },
      reward: { type: 'points', points: 1_000 },
    })
    const a = await createMember(t, p.keys.admin)
    const b = await createMember(t, p.keys.admin)
    for (const [id, member, amount] of [
      ['up-a', a.id, 60_000],
      ['up-b', b.id, 20_000],
    ] as const) {
      const res = await t.call('POST', '/v1/orders', {
        key: p.keys.server,
        body: { id, member, amount },
      })
      expect(res.statusCode, res.body).toBe(201)
    }
    const before = [await pointsOf(p, a.id), await pointsOf(p, b.id)]
    expect(await runJob(p)).toBe(1)
    expect(await runJob(p)).toBe(0)
    expect(await pointsOf(p, a.id)).toBe((before[0] ?? 0) + 1_000)
    expect(await pointsOf(p, b.id)).toBe(before[1])
  })

  it('rewards a segment’s members once its time has come', async () => {
    clock.set('2027-01-10T10:00:00Z')
    const p = await program('Scheduled')
    const big = await createMember(t, p.keys.admin, { attributes: { vip: true } })
    const small = await createMember(t, p.keys.admin, { attributes: { vip: false } })
    const seg = await t.call('POST', '/v1/segments', {
      key: p.keys.admin,
      body: { name: 'VIPs', condition: { '==': [{ var: 'attributes.vip' }, true] } },
    })
    expect(seg.statusCode, seg.body).toBe(201)
    const c = await created(p, {
      name: 'Spring gift',
      trigger: { type: 'scheduled', at: '2027-03-01T00:00:00Z', segment: seg.json().id },
      reward: { type: 'points', points: 500 },
    })
    const preview = await t.call('POST', '/v1/campaigns/preview', {
      key: p.keys.admin,
      body: { trigger: c.trigger },
    })
    expect(preview.json(), preview.body).toEqual({ count: 1, basis: 'now' })
    expect(await runJob(p, '2027-02-28T23:00:00Z')).toBe(0)
    expect(await runJob(p, '2027-03-01T00:00:00Z')).toBe(1)
    expect(await runJob(p, '2027-03-02T00:00:00Z')).toBe(0)
    expect(await pointsOf(p, big.id)).toBe(500)
    expect(await pointsOf(p, small.id)).toBe(0)
    // The segment's members were taken at the first run: a member who joins it later is not.
    const patched = await t.call('PATCH', `/v1/members/${small.id}`, {
      key: p.keys.admin,
      body: { attributes: { vip: true } },
    })
    expect(patched.statusCode, patched.body).toBe(200)
    expect(await runJob(p, '2027-03-03T00:00:00Z')).toBe(0)
    expect(await pointsOf(p, small.id)).toBe(0)
  })
})
