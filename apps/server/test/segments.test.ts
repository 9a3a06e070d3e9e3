import { fixedClock } from '@loyalbase/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createMember,
  createProgram,
  createTestApp,
  type TestApp,
  type TestProgram,
} from './support/index.js'

/*
 * Segments over HTTP (docs/segments.md), on both engines: the api.md example, every field and
 * operator, attributes of each JSON type, birthdays with and without a year, the last order's
 * day, errors with their paths, pagination that meets every member once, and isolation.
 */

// 12:00 in Shanghai on 2026-05-01, the programs' default time zone.
const clock = fixedClock('2026-05-01T04:00:00Z')

let t: TestApp
let p: TestProgram
const ids: Record<string, string> = {}

interface Segment {
  id: string
  name: string
  condition: unknown
  created_at: string
  updated_at: string
  count?: number
}

beforeAll(async () => {
  t = await createTestApp({ clock })
  p = await createProgram(t, { name: 'Segments' })
  const people: [string, Record<string, unknown>][] = [
    ['ann', { birthday: '1990-05-20', attributes: { city: 'Shanghai', visits: 12, vip: true } }],
    ['bob', { birthday: '--05-02', attributes: { city: 'Beijing', visits: '12', tags: ['tea'] } }],
    ['cat', { birthday: '1985-12-01', attributes: { city: 'Shanghai', visits: 3, vip: false } }],
    ['dan', { attributes: {} }],
  ]
  for (const [name, body] of people) {
    ids[name] = (await createMember(t, p.keys.admin, { external_id: name, ...body })).id
  }
  // Tiers, balances and counters as the ledger and tier jobs would have left them.
  const db = t.db.database.db
  const set = (name: string, values: Record<string, unknown>) =>
    db
      .updateTable('members')
      .set(values)
      .where('program_id', '=', p.id)
      .where('id', '=', ids[name] as string)
      .execute()
  await set('ann', { tier_key: 'gold', points_available: 1500, points_pending: 20, growth: 900 })
  await set('bob', { tier_key: 'silver', points_available: 300, status: 'blocked' })
  await set('cat', { tier_key: 'gold', points_available: 50, joined_at: '2025-01-01T00:00:00Z' })
  // ann ordered yesterday (local), cat 40 days ago, bob and dan never.
  const order = async (name: string, id: string, amount: number, occurredAt: string) => {
    const res = await t.call('POST', '/v1/orders', {
      key: p.keys.server,
      body: { id, member: ids[name], amount, occurred_at: occurredAt },
    })
    expect(res.statusCode).toBe(201)
  }
  await order('ann', 'a1', 120_000, '2026-04-30T15:00:00Z') // 23:00 local, 2026-04-30
  await order('ann', 'a2', 30_000, '2026-03-01T04:00:00Z')
  await order('cat', 'c1', 8_000, '2026-03-22T04:00:00Z')
})
afterAll(() => t.close())

async function create(body: Record<string, unknown>, key = p.keys.admin) {
  return t.call('POST', '/v1/segments', { key, body })
}

/** The external ids of the members a condition selects now, through preview. */
async function who(condition: unknown): Promise<string[]> {
  const res = await t.call('POST', '/v1/segments/preview', {
    key: p.keys.admin,
    body: { condition },
  })
  expect(res.statusCode, res.body).toBe(200)
  const body = res.json<{ count: number; sample: { external_id: string }[] }>()
  expect(body.count).toBe(body.sample.length)
  return body.sample.map((m) => m.external_id).sort()
}

describe('segments', () => {
  it('creates the api.md example, reads it with its count and lists its members', async () => {
    const condition = {
      and: [
        { in: [{ var: 'tier' }, ['gold', 'platinum']] },
        { '>=': [{ var: 'lifetime_spend' }, 100000] },
      ],
    }
    const res = await create({ name: 'Gold spenders', condition })
    expect(res.statusCode).toBe(201)
    const segment = res.json<Segment>()
    expect(segment).toEqual({
      id: expect.stringMatching(/^seg_[0-9A-Z]{26}$/),
      name: 'Gold spenders',
      condition,
      created_at: '2026-05-01T04:00:00.000Z',
      updated_at: '2026-05-01T04:00:00.000Z',
    })
    const got = await t.call('GET', `/v1/segments/${segment.id}`, { key: p.keys.readonly })
    expect(got.json()).toEqual({ ...segment, count: 1 })
    const members = await t.call('GET', `/v1/segments/${segment.id}/members`, {
      key: p.keys.readonly,
    })
    expect(members.statusCode).toBe(200)
    const page = members.json()
    expect(page.count).toBe(1)
    expect(page.next_cursor).toBeNull()
    const member = await t.call('GET', `/v1/members/${ids.ann}`, { key: p.keys.readonly })
    expect(page.data).toEqual([member.json()])
  })

  it('narrows GET /v1/members to a segment, with the other filters and paging', async () => {
    const res = await create({ name: 'Gold', condition: { '==': [{ var: 'tier' }, 'gold'] } })
    expect(res.statusCode, res.body).toBe(201)
    const id = res.json<Segment>().id
    const list = async (query: string) => {
      const r = await t.call('GET', `/v1/members?segment=${id}${query}`, { key: p.keys.readonly })
      expect(r.statusCode, r.body).toBe(200)
      return r.json() as { data: { id: string }[]; next_cursor: string | null }
    }
    const all = await list('')
    expect(all.data.map((m) => m.id).sort()).toEqual([ids.ann, ids.cat].sort())
    const first = await list('&limit=1')
    expect(first.data).toHaveLength(1)
    const second = await list(`&limit=1&cursor=${first.next_cursor}`)
    expect([...first.data, ...second.data].map((m) => m.id).sort()).toEqual(
      [ids.ann, ids.cat].sort(),
    )
    expect((await list('&tier=silver')).data).toEqual([])
    const unknown = await t.call('GET', '/v1/members?segment=seg_unknown', { key: p.keys.readonly })
    expect(unknown.statusCode).toBe(404)
  })

  it('reads every field', async () => {
    expect(await who({ '==': [{ var: 'tier' }, 'gold'] })).toEqual(['ann', 'cat'])
    expect(await who({ '==': [{ var: 'status' }, 'blocked'] })).toEqual(['bob'])
    expect(await who({ '>': [{ var: 'points' }, 100] })).toEqual(['ann', 'bob'])
    expect(await who({ '>': [{ var: 'pending_points' }, 0] })).toEqual(['ann'])
    expect(await who({ '>=': [{ var: 'lifetime_spend' }, 150000] })).toEqual(['ann'])
    expect(await who({ '==': [{ var: 'orders_count' }, 1] })).toEqual(['cat'])
    expect(await who({ '>=': [{ var: 'growth' }, 900] })).toEqual(['ann'])
    expect(await who({ '>': [{ var: 'days_since_joined' }, 400] })).toEqual(['cat'])
    expect(await who({ '==': [{ var: 'days_since_joined' }, 0] })).toEqual(['ann', 'bob', 'dan'])
  })

  it('counts days since the last order on the program’s local days; none is null', async () => {
    expect(await who({ '==': [{ var: 'days_since_last_order' }, 1] })).toEqual(['ann'])
    expect(await who({ '==': [{ var: 'days_since_last_order' }, 40] })).toEqual(['cat'])
    expect(await who({ '>': [{ var: 'days_since_last_order' }, 30] })).toEqual(['cat'])
    expect(await who({ '<': [{ var: 'days_since_last_order' }, 30] })).toEqual(['ann'])
    expect(await who({ '==': [{ var: 'days_since_last_order' }, null] })).toEqual(['bob', 'dan'])
    expect(
      await who({
        or: [
          { '==': [{ var: 'days_since_last_order' }, null] },
          { '>': [{ var: 'days_since_last_order' }, 30] },
        ],
      }),
    ).toEqual(['bob', 'cat', 'dan'])
  })

  it('reads the birthday month with or without a year', async () => {
    expect(await who({ '==': [{ var: 'birthday_month' }, 5] })).toEqual(['ann', 'bob'])
    expect(await who({ '==': [{ var: 'birthday_month' }, 12] })).toEqual(['cat'])
    expect(await who({ '<=': [5, { var: 'birthday_month' }, 12] })).toEqual(['ann', 'bob', 'cat'])
    expect(await who({ '==': [{ var: 'birthday_month' }, null] })).toEqual(['dan'])
  })

  it('compares attributes by their JSON type; a missing key is null', async () => {
    expect(await who({ '>': [{ var: 'attributes.visits' }, 5] })).toEqual(['ann'])
    expect(await who({ '==': [{ var: 'attributes.visits' }, '12'] })).toEqual(['bob'])
    expect(await who({ '==': [{ var: 'attributes.visits' }, 12] })).toEqual(['ann'])
    expect(await who({ '==': [{ var: 'attributes.vip' }, true] })).toEqual(['ann'])
    expect(await who({ '!=': [{ var: 'attributes.vip' }, true] })).toEqual(['bob', 'cat', 'dan'])
    expect(await who({ '==': [{ var: 'attributes.vip' }, null] })).toEqual(['bob', 'dan'])
    expect(await who({ '===': [{ var: 'attributes.city' }, 'Shanghai'] })).toEqual(['ann', 'cat'])
    expect(await who({ '!==': [{ var: 'attributes.city' }, 'Shanghai'] })).toEqual(['bob', 'dan'])
    expect(await who({ '<': [{ var: 'attributes.city' }, 'C'] })).toEqual(['bob'])
    expect(await who({ '<=': [1, { var: 'attributes.visits' }, 3] })).toEqual(['cat'])
    expect(await who({ in: ['hai', { var: 'attributes.city' }] })).toEqual(['ann', 'cat'])
    expect(await who({ in: ['tea', { var: 'attributes.tags' }] })).toEqual(['bob'])
    expect(await who({ in: [{ var: 'attributes.city' }, ['Beijing', null]] })).toEqual([
      'bob',
      'dan',
    ])
  })

  it('combines with and, or and !', async () => {
    expect(
      await who({
        and: [
          { '==': [{ var: 'tier' }, 'gold'] },
          { '!': { '==': [{ var: 'attributes.vip' }, true] } },
        ],
      }),
    ).toEqual(['cat'])
    expect(
      await who({
        or: [{ '==': [{ var: 'tier' }, 'silver'] }, { '<': [{ var: 'points' }, 60] }],
      }),
    ).toEqual(['bob', 'cat', 'dan'])
    expect(await who({ '!': [{ in: ['S', { var: 'attributes.city' }] }] })).toEqual(['bob', 'dan'])
  })

  it('answers 400 with the path of each problem', async () => {
    const res = await create({
      name: 'Bad',
      condition: {
        and: [
          { '==': [{ var: 'favourite' }, 1] },
          { '>': [{ var: 'rfm_segment' }, 'x'] },
          { '<': [{ var: 'points' }] },
        ],
      },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({
      code: 'invalid_request',
      errors: [
        {
          path: 'condition.and[0].==[0].var',
          message: expect.stringMatching(/^unknown field "favourite"/),
        },
        {
          path: 'condition.and[1].>[0].var',
          message: 'rfm_segment arrives with analytics (RFM scoring); segments cannot use it yet',
        },
        { path: 'condition.and[2].<', message: '"<" takes 2 arguments, or 3 for between' },
      ],
    })
    const unknownOp = await t.call('POST', '/v1/segments/preview', {
      key: p.keys.admin,
      body: { condition: { or: [{ nope: [] }] } },
    })
    expect(unknownOp.statusCode).toBe(400)
    expect(unknownOp.json().errors).toEqual([
      { path: 'condition.or[0].nope', message: 'unknown operator "nope"' },
    ])
    const patch = await t.call('PATCH', `/v1/segments/${(await anySegment()).id}`, {
      key: p.keys.admin,
      body: { condition: { '==': [{ var: 'points' }, 'ten'] } },
    })
    expect(patch.statusCode).toBe(400)
    expect(patch.json().errors).toEqual([
      { path: 'condition.==[1]', message: 'points is a number: compare it with a number' },
    ])
    expect(
      (await create({ name: ' ', condition: { '==': [{ var: 'tier' }, 'x'] } })).statusCode,
    ).toBe(400)
  })

  it('changes, lists and deletes; only admin keys write', async () => {
    const a = (
      await create({ name: 'A', condition: { '==': [{ var: 'tier' }, 'gold'] } })
    ).json<Segment>()
    clock.set('2026-05-01T04:00:01Z')
    const patched = await t.call('PATCH', `/v1/segments/${a.id}`, {
      key: p.keys.admin,
      body: { name: 'A2', condition: { '==': [{ var: 'tier' }, 'silver'] } },
    })
    expect(patched.json()).toEqual({
      ...a,
      name: 'A2',
      condition: { '==': [{ var: 'tier' }, 'silver'] },
      updated_at: '2026-05-01T04:00:01.000Z',
    })
    const list = await t.call('GET', '/v1/segments?limit=1&with_counts=true', {
      key: p.keys.readonly,
    })
    expect(list.json().data).toEqual([{ ...patched.json(), count: 1 }])
    expect(list.json().next_cursor).toEqual(expect.any(String))
    const plain = await t.call('GET', '/v1/segments?limit=1', { key: p.keys.readonly })
    expect(plain.json().data[0]).not.toHaveProperty('count')
    for (const key of [p.keys.server, p.keys.readonly]) {
      expect(
        (await create({ name: 'x', condition: { '==': [{ var: 'tier' }, 'x'] } }, key)).statusCode,
      ).toBe(403)
      expect((await t.call('DELETE', `/v1/segments/${a.id}`, { key })).statusCode).toBe(403)
    }
    expect((await t.call('DELETE', `/v1/segments/${a.id}`, { key: p.keys.admin })).statusCode).toBe(
      204,
    )
    expect((await t.call('GET', `/v1/segments/${a.id}`, { key: p.keys.admin })).statusCode).toBe(
      404,
    )
    expect((await t.call('DELETE', `/v1/segments/${a.id}`, { key: p.keys.admin })).statusCode).toBe(
      404,
    )
    clock.set('2026-05-01T04:00:00Z')
  })

  it('pages through every member exactly once, with the same count on each page', async () => {
    const own = await createProgram(t, { name: 'Paging' })
    for (let i = 0; i < 23; i++) {
      await createMember(t, own.keys.admin, { attributes: { n: i } })
    }
    const segment = (
      await create(
        { name: 'Odd', condition: { '==': [{ '%': [{ var: 'attributes.n' }, 2] }, 1] } },
        own.keys.admin,
      )
    ).json()
    // `%` is not a segment operator.
    expect(segment.errors).toEqual([
      {
        path: 'condition.==',
        message: 'compares one field ({"var": "…"}) with one literal value',
      },
    ])
    const even = (
      await create(
        { name: 'Most', condition: { '>=': [{ var: 'attributes.n' }, 3] } },
        own.keys.admin,
      )
    ).json<Segment>()
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const url: string = `/v1/segments/${even.id}/members?limit=6${cursor ? `&cursor=${cursor}` : ''}`
      const page = (await t.call('GET', url, { key: own.keys.readonly })).json()
      expect(page.count).toBe(20)
      expect(page.data.length).toBeLessThanOrEqual(6)
      seen.push(...page.data.map((m: { id: string }) => m.id))
      cursor = page.next_cursor
    } while (cursor)
    expect(seen.length).toBe(20)
    expect(new Set(seen).size).toBe(20)
    expect([...seen].sort()).toEqual(seen)
  })

  it('keeps programs apart: another program’s segment is 404, its members never counted', async () => {
    const other = await createProgram(t, { name: 'Other' })
    const mine = await anySegment()
    for (const [method, url, body] of [
      ['GET', `/v1/segments/${mine.id}`, undefined],
      ['GET', `/v1/segments/${mine.id}/members`, undefined],
      ['PATCH', `/v1/segments/${mine.id}`, { name: 'x' }],
      ['DELETE', `/v1/segments/${mine.id}`, undefined],
    ] as const) {
      const res = await t.call(method, url, { key: other.keys.admin, ...(body ? { body } : {}) })
      expect(res.statusCode).toBe(404)
    }
    const everyone = await t.call('POST', '/v1/segments/preview', {
      key: other.keys.admin,
      body: { condition: { '>=': [{ var: 'points' }, 0] } },
    })
    expect(everyone.json()).toEqual({ count: 0, sample: [] })
  })
})

async function anySegment(): Promise<Segment> {
  const list = await t.call('GET', '/v1/segments', { key: p.keys.admin })
  return list.json().data[0]
}
