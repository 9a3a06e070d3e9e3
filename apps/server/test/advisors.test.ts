import { DOMAIN_EVENT_SCHEMAS, fixedClock } from '@loyalbase/core'
import { Value } from 'typebox/value'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createMember,
  createProgram,
  createTestApp,
  expectProblem,
  goldLadder,
  insertBenefit,
  type TestApp,
  type TestProgram,
} from './support/index.js'

/*
 * Dedicated advisors (专属客服) over HTTP, on both engines (docs/advisors-and-early-access.md):
 * a member reaching a tier with `dedicated_service` gets the least-loaded advisor with room in
 * the transaction of the tier change, whatever makes it; loads stay balanced under parallel
 * upgrades; removal reassigns; leaving the tier releases; the waiting get the next room.
 */

const clock = fixedClock('2026-03-01T02:00:00Z')
let t: TestApp

beforeAll(async () => {
  t = await createTestApp({ clock })
})
afterAll(() => t.close())

interface Advisor {
  id: string
  name: string
  contact: string
  capacity: number
  load: number
  active: boolean
}

/** A program with the gold ladder whose `gold` and `black` tiers carry dedicated service. */
async function dedicatedProgram(): Promise<TestProgram> {
  const p = await createProgram(t, { name: 'Advisors' })
  await goldLadder(t, p)
  await insertBenefit(t, p, { type: 'dedicated_service', tiers: ['gold', 'black'] })
  return p
}

async function addAdvisor(p: TestProgram, body: Record<string, unknown>): Promise<Advisor> {
  const res = await t.call('POST', '/v1/advisors', {
    key: p.keys.admin,
    body: { name: 'Advisor', contact: '400-800-8888', capacity: 10, ...body },
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

let orders = 0
async function upgrade(p: TestProgram, member: string, amount = 10_000) {
  orders++
  const res = await t.call('POST', '/v1/orders', {
    key: p.keys.server,
    body: { id: `adv-order-${orders}`, member, amount },
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

async function advisors(p: TestProgram): Promise<Advisor[]> {
  const res = await t.call('GET', '/v1/advisors?limit=100', { key: p.keys.readonly })
  expect(res.statusCode, res.body).toBe(200)
  return res.json().data
}

const loads = async (p: TestProgram) => (await advisors(p)).map((a) => a.load)

async function advisorOf(p: TestProgram, member: string): Promise<string | null> {
  const res = await t.call('GET', `/v1/members/${member}/advisor`, { key: p.keys.readonly })
  if (res.statusCode === 404) return null
  expect(res.statusCode, res.body).toBe(200)
  return res.json().id
}

/** The assignments as stored, and each advisor's load counted from them. */
async function assignmentsOf(p: TestProgram) {
  const rows = await t.db.database.db
    .selectFrom('advisor_assignments')
    .select(['member_id', 'advisor_id'])
    .where('program_id', '=', p.id)
    .execute()
  const counted = new Map<string, number>()
  for (const row of rows) counted.set(row.advisor_id, (counted.get(row.advisor_id) ?? 0) + 1)
  return { rows, counted }
}

/** Every advisor's `load` is the number of members assigned to it, and within capacity. */
async function expectLoadsTrue(p: TestProgram) {
  const { counted } = await assignmentsOf(p)
  for (const a of await advisors(p)) expect(a.load, a.id).toBe(counted.get(a.id) ?? 0)
}

describe('advisors', () => {
  it('creates, lists, reads, changes and removes an advisor (api.md shape)', async () => {
    const p = await createProgram(t, { name: 'Advisor CRUD' })
    const created = await t.call('POST', '/v1/advisors', {
      key: p.keys.admin,
      body: { name: '王顾问', contact: 'wechat: wang-vip', capacity: 50 },
    })
    expect(created.statusCode, created.body).toBe(201)
    const advisor = created.json()
    expect(advisor).toEqual({
      id: expect.stringMatching(/^adv_[0-9A-Z]{26}$/),
      name: '王顾问',
      contact: 'wechat: wang-vip',
      capacity: 50,
      load: 0,
      active: true,
      created_at: '2026-03-01T02:00:00.000Z',
      updated_at: '2026-03-01T02:00:00.000Z',
    })
    const got = await t.call('GET', `/v1/advisors/${advisor.id}`, { key: p.keys.readonly })
    expect(got.json()).toEqual(advisor)
    expect(await advisors(p)).toEqual([advisor])
    const patched = await t.call('PATCH', `/v1/advisors/${advisor.id}`, {
      key: p.keys.admin,
      body: { name: '王经理', capacity: 40, active: false },
    })
    expect(patched.statusCode, patched.body).toBe(200)
    expect(patched.json()).toMatchObject({ name: '王经理', capacity: 40, active: false, load: 0 })
    const removed = await t.call('DELETE', `/v1/advisors/${advisor.id}`, { key: p.keys.admin })
    expect(removed.statusCode).toBe(204)
    expectProblem(
      await t.call('GET', `/v1/advisors/${advisor.id}`, { key: p.keys.readonly }),
      404,
      'not_found',
    )
  })

  it('refuses bad bodies and non-admin keys', async () => {
    const p = await createProgram(t, { name: 'Advisor input' })
    for (const body of [
      { name: 'A', contact: 'x' },
      { name: 'A', contact: 'x', capacity: -1 },
      { name: 'A', contact: 'x', capacity: 1.5 },
      { name: '', contact: 'x', capacity: 1 },
      { name: 'A', contact: 'x', capacity: 1, load: 3 },
    ]) {
      expectProblem(
        await t.call('POST', '/v1/advisors', { key: p.keys.admin, body }),
        400,
        'invalid_request',
      )
    }
    const blank = expectProblem(
      await t.call('POST', '/v1/advisors', {
        key: p.keys.admin,
        body: { name: '  ', contact: 'x', capacity: 1 },
      }),
      400,
      'invalid_request',
    )
    expect(blank.errors).toEqual([{ path: 'name', message: 'must not be blank' }])
    expectProblem(
      await t.call('POST', '/v1/advisors', {
        key: p.keys.server,
        body: { name: 'A', contact: 'x', capacity: 1 },
      }),
      403,
      'forbidden',
    )
  })

  it('replays a creation with the same Idempotency-Key', async () => {
    const p = await createProgram(t, { name: 'Advisor replay' })
    const call = () =>
      t.call('POST', '/v1/advisors', {
        key: p.keys.admin,
        body: { name: 'A', contact: 'x', capacity: 3 },
        headers: { 'idempotency-key': 'adv-1' },
      })
    const first = await call()
    const again = await call()
    expect(again.statusCode).toBe(201)
    expect(again.body).toBe(first.body)
    expect(await advisors(p)).toHaveLength(1)
  })
})

describe('assignment with the tier change', () => {
  it('gives an upgraded member an advisor in the order’s transaction, and records it', async () => {
    const p = await dedicatedProgram()
    const advisor = await addAdvisor(p, { name: '李顾问', contact: '138 0000 0001' })
    const m = await createMember(t, p.keys.admin)
    expectProblem(
      await t.call('GET', `/v1/members/${m.id}/advisor`, { key: p.keys.readonly }),
      404,
      'not_found',
    )
    const placed = await upgrade(p, m.id)
    expect(placed.effects.tier_change).toEqual({ from: 'member', to: 'gold' })
    const res = await t.call('GET', `/v1/members/${m.external_id}/advisor`, {
      key: p.keys.readonly,
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({ id: advisor.id, name: '李顾问', contact: '138 0000 0001' })
    expect(await loads(p)).toEqual([1])
    const events = await t.db.database.db
      .selectFrom('outbox_events')
      .selectAll()
      .where('program_id', '=', p.id)
      .where('type', '=', 'advisor.assigned')
      .execute()
    expect(events).toHaveLength(1)
    expect(events[0]?.id).toMatch(/^evt_[0-9A-HJKMNP-TV-Z]{26}$/)
    expect(events[0]?.member_id).toBe(m.id)
    expect(events[0]?.data).toEqual({ member: m.id, advisor: advisor.id })
    expect(Value.Check(DOMAIN_EVENT_SCHEMAS['advisor.assigned'], events[0]?.data)).toBe(true)
    // A further order that keeps the tier changes nothing; a move up within dedicated tiers
    // keeps the same advisor.
    await upgrade(p, m.id, 100)
    await upgrade(p, m.id, 100_000)
    expect(await advisorOf(p, m.id)).toBe(advisor.id)
    expect(await loads(p)).toEqual([1])
  })

  it('balances 12 parallel upgrades over 3 advisors of capacity 10: loads 4/4/4', async () => {
    const p = await dedicatedProgram()
    for (let i = 0; i < 3; i++) await addAdvisor(p, { name: `A${i}`, capacity: 10 })
    const members = await Promise.all(
      Array.from({ length: 12 }, () => createMember(t, p.keys.admin)),
    )
    await Promise.all(members.map((m) => upgrade(p, m.id)))
    expect(await loads(p)).toEqual([4, 4, 4])
    for (const m of members) expect(await advisorOf(p, m.id)).not.toBeNull()
    await expectLoadsTrue(p)
  })

  it('keeps loads within 1 under parallel upgrades to unequal advisors, and skips full ones', async () => {
    const p = await dedicatedProgram()
    const small = await addAdvisor(p, { name: 'Small', capacity: 2 })
    await addAdvisor(p, { name: 'Big 1', capacity: 100 })
    await addAdvisor(p, { name: 'Big 2', capacity: 100 })
    const members = await Promise.all(
      Array.from({ length: 20 }, () => createMember(t, p.keys.admin)),
    )
    await Promise.all(members.map((m) => upgrade(p, m.id)))
    const after = await advisors(p)
    expect(after.find((a) => a.id === small.id)?.load).toBe(2)
    expect(after.map((a) => a.load).sort((a, b) => a - b)).toEqual([2, 9, 9])
    await expectLoadsTrue(p)
  })

  it('lets members wait when no advisor has room, and serves them when one is added', async () => {
    const p = await dedicatedProgram()
    const first = await addAdvisor(p, { capacity: 1 })
    const a = await createMember(t, p.keys.admin)
    const b = await createMember(t, p.keys.admin)
    const c = await createMember(t, p.keys.admin)
    clock.set('2026-03-01T03:00:00Z')
    await upgrade(p, a.id)
    clock.set('2026-03-01T04:00:00Z')
    await upgrade(p, c.id)
    clock.set('2026-03-01T05:00:00Z')
    await upgrade(p, b.id)
    clock.set('2026-03-01T02:00:00Z')
    expect(await advisorOf(p, a.id)).toBe(first.id)
    expect(await advisorOf(p, b.id)).toBeNull()
    expect(await advisorOf(p, c.id)).toBeNull()
    // One place: the member who reached the tier first of those waiting (c) gets it.
    const second = await addAdvisor(p, { capacity: 1 })
    expect(second.load).toBe(1)
    expect(await advisorOf(p, c.id)).toBe(second.id)
    expect(await advisorOf(p, b.id)).toBeNull()
    // More capacity serves the rest.
    const patched = await t.call('PATCH', `/v1/advisors/${second.id}`, {
      key: p.keys.admin,
      body: { capacity: 5 },
    })
    expect(patched.json().load).toBe(2)
    expect(await advisorOf(p, b.id)).toBe(second.id)
    await expectLoadsTrue(p)
  })

  it('releases a member who leaves the tier by an override, and gives the place to whoever waits', async () => {
    const p = await dedicatedProgram()
    const advisor = await addAdvisor(p, { capacity: 1 })
    const a = await createMember(t, p.keys.admin)
    const b = await createMember(t, p.keys.admin)
    await upgrade(p, a.id)
    await upgrade(p, b.id)
    expect(await advisorOf(p, a.id)).toBe(advisor.id)
    expect(await advisorOf(p, b.id)).toBeNull()
    const down = await t.call('PUT', `/v1/members/${a.id}/tier`, {
      key: p.keys.admin,
      body: { tier: 'member', reason: 'test: leaves the tier' },
    })
    expect(down.statusCode, down.body).toBe(200)
    expect(await advisorOf(p, a.id)).toBeNull()
    expect(await advisorOf(p, b.id)).toBe(advisor.id)
    expect(await loads(p)).toEqual([1])
    const released = await t.db.database.db
      .selectFrom('outbox_events')
      .select(['data'])
      .where('program_id', '=', p.id)
      .where('type', '=', 'advisor.released')
      .execute()
    expect(released.map((e) => e.data)).toEqual([{ member: a.id, advisor: advisor.id }])
    // An override up into a dedicated tier assigns too (here: nobody has room).
    await t.call('PUT', `/v1/members/${a.id}/tier`, {
      key: p.keys.admin,
      body: { tier: 'black', reason: 'test: VIP' },
    })
    expect(await advisorOf(p, a.id)).toBeNull()
    await addAdvisor(p, { capacity: 1 })
    expect(await advisorOf(p, a.id)).not.toBeNull()
    await expectLoadsTrue(p)
  })

  it('reassigns a removed advisor’s members to those with room; the rest wait', async () => {
    const p = await dedicatedProgram()
    const x = await addAdvisor(p, { name: 'X', capacity: 4 })
    const y = await addAdvisor(p, { name: 'Y', capacity: 3 })
    const members = []
    for (let i = 0; i < 6; i++) {
      const m = await createMember(t, p.keys.admin)
      await upgrade(p, m.id)
      members.push(m)
    }
    expect(await loads(p)).toEqual([3, 3])
    const ofX = await t.call('GET', `/v1/advisors/${x.id}/members?limit=2`, {
      key: p.keys.readonly,
    })
    expect(ofX.statusCode, ofX.body).toBe(200)
    const page1 = ofX.json()
    expect(page1.data).toHaveLength(2)
    expect(page1.data[0]).toMatchObject({ tier: 'gold', assigned_at: expect.any(String) })
    const page2 = (
      await t.call('GET', `/v1/advisors/${x.id}/members?limit=2&cursor=${page1.next_cursor}`, {
        key: p.keys.readonly,
      })
    ).json()
    expect(page2.next_cursor).toBeNull()
    const xMembers = [...page1.data, ...page2.data].map((m: { id: string }) => m.id)
    expect(xMembers).toHaveLength(3)

    const removed = await t.call('DELETE', `/v1/advisors/${x.id}`, { key: p.keys.admin })
    expect(removed.statusCode, removed.body).toBe(204)
    // Y had room for none of X's three: they wait.
    expect(await loads(p)).toEqual([3])
    for (const m of xMembers) expect(await advisorOf(p, m)).toBeNull()
    const z = await addAdvisor(p, { name: 'Z', capacity: 2 })
    expect(z.load).toBe(2)
    await t.call('PATCH', `/v1/advisors/${y.id}`, { key: p.keys.admin, body: { capacity: 4 } })
    for (const m of members) expect(await advisorOf(p, m.id)).not.toBeNull()
    expect(await loads(p)).toEqual([4, 2])
    await expectLoadsTrue(p)
  })

  it('keeps an inactive advisor’s members and gives it no new ones', async () => {
    const p = await dedicatedProgram()
    const a = await addAdvisor(p, { name: 'A', capacity: 5 })
    const b = await addAdvisor(p, { name: 'B', capacity: 5 })
    const m1 = await createMember(t, p.keys.admin)
    await upgrade(p, m1.id)
    expect(await advisorOf(p, m1.id)).toBe(a.id)
    await t.call('PATCH', `/v1/advisors/${a.id}`, { key: p.keys.admin, body: { active: false } })
    const m2 = await createMember(t, p.keys.admin)
    const m3 = await createMember(t, p.keys.admin)
    await upgrade(p, m2.id)
    await upgrade(p, m3.id)
    expect(await advisorOf(p, m1.id)).toBe(a.id)
    expect(await advisorOf(p, m2.id)).toBe(b.id)
    expect(await advisorOf(p, m3.id)).toBe(b.id)
  })

  it('follows benefit changes and ladder changes, and serves a new member of a dedicated entry tier', async () => {
    const p = await createProgram(t, { name: 'Benefit follows' })
    await goldLadder(t, p)
    await addAdvisor(p, { capacity: 10 })
    const m = await createMember(t, p.keys.admin)
    await upgrade(p, m.id)
    expect(await advisorOf(p, m.id)).toBeNull()
    // The benefit appears: lb_assign_advisors (the benefits service's call) serves the tier.
    const benefit = await insertBenefit(t, p, { type: 'dedicated_service', tiers: ['gold'] })
    expect(await advisorOf(p, m.id)).not.toBeNull()
    // Switched off (PATCH /v1/benefits/{key}): released in the change's transaction.
    const off = await t.call('PATCH', `/v1/benefits/${benefit}`, {
      key: p.keys.admin,
      body: { active: false },
    })
    expect(off.statusCode, off.body).toBe(200)
    expect(await advisorOf(p, m.id)).toBeNull()
    // A benefit on the entry tier: a new member is served at once.
    await insertBenefit(t, p, { type: 'dedicated_service', tiers: ['member'] })
    const fresh = await createMember(t, p.keys.admin)
    expect(await advisorOf(p, fresh.id)).not.toBeNull()
    await expectLoadsTrue(p)
    // Another benefit type never assigns.
    const q = await createProgram(t, { name: 'No dedicated' })
    await goldLadder(t, q)
    await insertBenefit(t, q, { type: 'free_shipping', tiers: ['gold'] })
    await addAdvisor(q, { capacity: 10 })
    const n = await createMember(t, q.keys.admin)
    await upgrade(q, n.id)
    expect(await advisorOf(q, n.id)).toBeNull()
  })

  it('serves the upgrades of a ladder change (PUT /v1/tiers re-evaluation)', async () => {
    const p = await dedicatedProgram()
    await addAdvisor(p, { capacity: 10 })
    const m = await createMember(t, p.keys.admin)
    await upgrade(p, m.id, 5_000)
    expect(await advisorOf(p, m.id)).toBeNull()
    const res = await t.call('PUT', '/v1/tiers', {
      key: p.keys.admin,
      body: {
        metric: 'spend',
        window: { type: 'lifetime' },
        downgrade: { type: 'never' },
        tiers: [
          { key: 'member', name: '会员', threshold: 0 },
          { key: 'gold', name: '金卡', threshold: 1_000 },
        ],
      },
    })
    expect(res.statusCode, res.body).toBe(200)
    await t.services.jobs.settle()
    const tier = await t.call('GET', `/v1/members/${m.id}/tier`, { key: p.keys.readonly })
    expect(tier.json().tier.key).toBe('gold')
    expect(await advisorOf(p, m.id)).not.toBeNull()
  })

  it('keeps every invariant when upgrades, overrides and advisor changes race', async () => {
    const p = await dedicatedProgram()
    const a = await addAdvisor(p, { name: 'A', capacity: 5 })
    await addAdvisor(p, { name: 'B', capacity: 5 })
    await addAdvisor(p, { name: 'C', capacity: 5 })
    const members = await Promise.all(
      Array.from({ length: 24 }, () => createMember(t, p.keys.admin)),
    )
    // Six start in the tier, to be sent down by overrides during the storm.
    for (const m of members.slice(0, 6)) await upgrade(p, m.id)
    const calls: Promise<unknown>[] = [
      ...members.slice(6).map((m) => upgrade(p, m.id)),
      ...members.slice(0, 6).map((m) =>
        t.call('PUT', `/v1/members/${m.id}/tier`, {
          key: p.keys.admin,
          body: { tier: 'member', reason: 'storm' },
        }),
      ),
      t.call('DELETE', `/v1/advisors/${a.id}`, { key: p.keys.admin }),
      t.call('POST', '/v1/advisors', {
        key: p.keys.admin,
        body: { name: 'D', contact: 'x', capacity: 4 },
      }),
    ]
    const answers = await Promise.all(calls)
    for (const answer of answers.slice(18) as { statusCode: number; body: string }[])
      expect(answer.statusCode, answer.body).toBeLessThan(300)
    await expectLoadsTrue(p)
    const { rows } = await assignmentsOf(p)
    const assigned = new Set(rows.map((r) => r.member_id))
    // Eligible: the 18 upgraded in the storm; the 6 sent down hold no advisor.
    for (const m of members.slice(0, 6)) expect(assigned.has(m.id), m.id).toBe(false)
    // Room B 5 + C 5 + D 4 = 14 for 18: all full, and 4 wait.
    expect(rows).toHaveLength(14)
    for (const advisor of await advisors(p)) expect(advisor.load).toBe(advisor.capacity)
  })
})
