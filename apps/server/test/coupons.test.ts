import { DOMAIN_EVENT_SCHEMAS } from '@loyalbase/core'
import { Value } from 'typebox/value'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  allCodes,
  CODE,
  type Coupon,
  clock,
  couponsProgram,
  createMember,
  createProgram,
  createTemplate,
  expectProblem,
  generate,
  getTemplate,
  issue,
  issued,
  START,
  type TestApp,
  type TestProgram,
} from './support/index.js'

/*
 * Coupons issued to members over HTTP (docs/coupons.md), on both engines: the api.md examples,
 * the expiry rule, a member's coupons, and limits that hold under concurrent requests. Templates:
 * coupon-templates.test.ts; bulk codes: coupon-codes.test.ts.
 */

const on = couponsProgram()
let t: TestApp
let p: TestProgram
beforeAll(() => {
  ;({ t, p } = on)
})

describe('issuing coupons to members', () => {
  it('answers the api.md shape: a cpn_ id, a code, the template, active, expires_at', async () => {
    const template = await createTemplate({ validity: { days: 7 } })
    const member = await createMember(t, p.keys.admin)
    const coupon = await issued(member.id, { template: template.id })
    expect(coupon).toEqual({
      id: expect.stringMatching(/^cpn_[0-9A-Z]{26}$/),
      code: expect.stringMatching(CODE),
      template: template.id,
      member: member.id,
      status: 'active',
      starts_at: '2026-03-01T02:00:00.000Z',
      // Issued on 1 March (Shanghai): good to the end of 8 March there.
      expires_at: '2026-03-08T16:00:00.000Z',
      issued_at: '2026-03-01T02:00:00.000Z',
      redeemed_at: null,
      order: null,
      created_at: '2026-03-01T02:00:00.000Z',
    })
    expect((await getTemplate(template.id)).issued).toBe(1)
    const list = await t.call('GET', `/v1/members/${member.id}/coupons`, { key: p.keys.readonly })
    expect(list.json()).toEqual({ data: [coupon], next_cursor: null })
  })

  it('counts days to the end of the day in the program’s own time zone', async () => {
    const ny = await createProgram(t, { name: 'New York', timezone: 'America/New_York' })
    const template = await createTemplate({ validity: { days: 1 } }, ny)
    const member = await createMember(t, ny.keys.admin)
    // 22:30 on 6 March in New York (EST): 7 March ends at 05:00 UTC…
    clock.set('2026-03-07T03:30:00Z')
    let res = await t.call('POST', `/v1/members/${member.id}/coupons`, {
      key: ny.keys.server,
      body: { template: template.id },
    })
    expect(res.json().expires_at).toBe('2026-03-08T05:00:00.000Z')
    // …and 8 March, the day the clocks go forward, at 04:00 UTC (EDT): 23 hours later.
    clock.set('2026-03-08T03:30:00Z')
    res = await t.call('POST', `/v1/members/${member.id}/coupons`, {
      key: ny.keys.server,
      body: { template: template.id },
    })
    expect(res.json().expires_at).toBe('2026-03-09T04:00:00.000Z')
    clock.set(START)
  })

  it('gives a window’s coupons the window, and refuses once it has ended', async () => {
    const template = await createTemplate({
      validity: { starts_at: '2026-03-05T00:00:00Z', ends_at: '2026-03-10T00:00:00Z' },
    })
    const member = await createMember(t, p.keys.admin)
    const coupon = await issued(member.external_id, { template: template.id })
    expect(coupon).toMatchObject({
      member: member.id,
      starts_at: '2026-03-05T00:00:00.000Z',
      expires_at: '2026-03-10T00:00:00.000Z',
      issued_at: '2026-03-01T02:00:00.000Z',
    })
    clock.set('2026-03-10T00:00:00Z')
    const late = expectProblem(
      await issue(member.id, { template: template.id }),
      422,
      'coupon_invalid',
    )
    expect(late.detail).toBe('The coupon template’s validity window has ended.')
    clock.set(START)
  })

  it('stops at per_member_limit and total_limit with 422 limit_reached', async () => {
    const perMember = await createTemplate({ per_member_limit: 2 })
    const a = await createMember(t, p.keys.admin)
    const b = await createMember(t, p.keys.admin)
    for (let i = 0; i < 2; i++) await issued(a.id, { template: perMember.id })
    expectProblem(await issue(a.id, { template: perMember.id }), 422, 'limit_reached')
    await issued(b.id, { template: perMember.id })
    const total = await createTemplate({ total_limit: 2 })
    await issued(a.id, { template: total.id })
    await issued(b.id, { template: total.id })
    const full = expectProblem(await issue(b.id, { template: total.id }), 422, 'limit_reached')
    expect(full.detail).toContain('total_limit')
    expect((await getTemplate(total.id)).issued).toBe(2)
  })

  it('counts redeemed and expired coupons toward per_member_limit', async () => {
    const template = await createTemplate({ per_member_limit: 2, validity: { days: 1 } })
    const member = await createMember(t, p.keys.admin)
    const first = await issued(member.id, { template: template.id })
    await t.db.database.db
      .updateTable('coupons')
      .set({ status: 'redeemed', redeemed_at: new Date(START) })
      .where('id', '=', first.id)
      .execute()
    clock.set('2026-03-05T00:00:00Z')
    await issued(member.id, { template: template.id })
    clock.set('2026-03-09T00:00:00Z')
    expectProblem(await issue(member.id, { template: template.id }), 422, 'limit_reached')
    clock.set(START)
  })

  it('refuses a body with neither or both of template and code, an unknown template', async () => {
    const member = await createMember(t, p.keys.admin)
    const template = await createTemplate()
    for (const body of [{}, { template: template.id, code: 'ABCD-EFGH-JKMN-PQRS' }]) {
      const problem = expectProblem(await issue(member.id, body), 400, 'invalid_request')
      expect(problem.errors).toEqual([
        { path: 'template', message: 'give exactly one of template and code' },
      ])
    }
    const unknown = expectProblem(
      await issue(member.id, { template: 'cpt_01JQ0000000000000000000000' }),
      400,
      'invalid_request',
    )
    expect(unknown.errors).toEqual([
      { path: 'template', message: 'is not a coupon template of this program' },
    ])
    expectProblem(await issue('no-such-member', { template: template.id }), 404, 'not_found')
    expectProblem(
      await issue(member.id, { template: template.id }, { key: p.keys.readonly }),
      403,
      'forbidden',
    )
    expect(
      (await issue(member.id, { template: template.id }, { key: p.keys.admin })).statusCode,
    ).toBe(201)
  })

  it('honours an Idempotency-Key: a retry issues nothing more', async () => {
    const template = await createTemplate({ per_member_limit: 5 })
    const member = await createMember(t, p.keys.admin)
    const headers = { 'idempotency-key': `issue-${member.id}` }
    const first = await issue(member.id, { template: template.id }, { headers })
    const again = await issue(member.id, { template: template.id }, { headers })
    expect(first.statusCode).toBe(201)
    expect(again.body).toBe(first.body)
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect((await getTemplate(template.id)).issued).toBe(1)
    expectProblem(
      await issue(member.id, { code: 'ABCD-EFGH-JKMN-PQRS' }, { headers }),
      409,
      'idempotency_conflict',
    )
  })

  it('records coupon.issued in the same transaction, with the payload its schema describes', async () => {
    const template = await createTemplate()
    const member = await createMember(t, p.keys.admin)
    const coupon = await issued(member.id, { template: template.id })
    const rows = await t.db.database.db
      .selectFrom('outbox_events')
      .selectAll()
      .where('program_id', '=', p.id)
      .where('member_id', '=', member.id)
      .where('type', '=', 'coupon.issued')
      .execute()
    expect(rows.map((r) => r.data)).toEqual([
      {
        member: member.id,
        coupon: coupon.id,
        template: template.id,
        code: coupon.code,
        via: 'template',
        starts_at: coupon.starts_at,
        expires_at: coupon.expires_at,
      },
    ])
    expect(Value.Check(DOMAIN_EVENT_SCHEMAS['coupon.issued'], rows[0]?.data)).toBe(true)
    // A refused issue records nothing.
    await t.call('PATCH', `/v1/coupon-templates/${template.id}`, {
      key: p.keys.admin,
      body: { active: false },
    })
    await issue(member.id, { template: template.id })
    const after = await t.db.database.db
      .selectFrom('outbox_events')
      .select('id')
      .where('program_id', '=', p.id)
      .where('member_id', '=', member.id)
      .where('type', '=', 'coupon.issued')
      .execute()
    expect(after).toHaveLength(1)
  })
})

describe('a member’s coupons', () => {
  it('lists by status: active, expired (active past expires_at), redeemed, or all', async () => {
    const template = await createTemplate({ validity: { days: 1 } })
    const member = await createMember(t, p.keys.admin)
    const old = await issued(member.id, { template: template.id })
    clock.set('2026-03-10T02:00:00Z')
    const used = await issued(member.id, { template: template.id })
    const fresh = await issued(member.id, { template: template.id })
    await t.db.database.db
      .updateTable('coupons')
      .set({ status: 'redeemed', redeemed_at: new Date('2026-03-10T02:00:00Z') })
      .where('id', '=', used.id)
      .execute()
    const list = async (query: string) =>
      (
        await t.call('GET', `/v1/members/${member.id}/coupons${query}`, { key: p.keys.readonly })
      ).json()
    const ids = (page: { data: Coupon[] }) => page.data.map((c) => [c.id, c.status])
    expect(ids(await list(''))).toEqual([
      [fresh.id, 'active'],
      [used.id, 'redeemed'],
      [old.id, 'expired'],
    ])
    expect(ids(await list('?status=active'))).toEqual([[fresh.id, 'active']])
    expect(ids(await list('?status=expired'))).toEqual([[old.id, 'expired']])
    expect(ids(await list('?status=redeemed'))).toEqual([[used.id, 'redeemed']])
    const redeemed = (await list('?status=redeemed')).data[0]
    expect(redeemed.redeemed_at).toBe('2026-03-10T02:00:00.000Z')
    expectProblem(
      await t.call('GET', `/v1/members/${member.id}/coupons?status=unassigned`, {
        key: p.keys.readonly,
      }),
      400,
      'invalid_request',
    )
    clock.set(START)
  })

  it('pages the latest issued first, by cursor, and refuses a forged cursor', async () => {
    const template = await createTemplate()
    const member = await createMember(t, p.keys.admin)
    const made: string[] = []
    for (let i = 0; i < 5; i++) {
      clock.set(new Date(Date.parse(START) + i * 60_000))
      made.push((await issued(member.id, { template: template.id })).id)
    }
    clock.set(START)
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const url: string = `/v1/members/${member.id}/coupons?limit=2${cursor ? `&cursor=${cursor}` : ''}`
      const page = (await t.call('GET', url, { key: p.keys.readonly })).json()
      seen.push(...page.data.map((c: Coupon) => c.id))
      cursor = page.next_cursor
    } while (cursor)
    expect(seen).toEqual(made.reverse())
    const forged = expectProblem(
      await t.call('GET', `/v1/members/${member.id}/coupons?cursor=bm9wZQ`, {
        key: p.keys.readonly,
      }),
      400,
      'invalid_request',
    )
    expect(forged.errors).toEqual([{ path: 'cursor', message: 'is not a valid cursor' }])
    expectProblem(
      await t.call('GET', '/v1/members/nobody/coupons', { key: p.keys.readonly }),
      404,
      'not_found',
    )
  })
})

describe('limits under concurrency', () => {
  it('issues exactly 10 of 100 parallel requests against total_limit 10', async () => {
    const template = await createTemplate({ total_limit: 10 })
    const members = []
    for (let i = 0; i < 100; i++) members.push(await createMember(t, p.keys.admin))
    const results = await Promise.all(members.map((m) => issue(m.id, { template: template.id })))
    const statuses = results.map((r) => r.statusCode)
    expect(statuses.filter((s) => s === 201)).toHaveLength(10)
    expect(statuses.filter((s) => s === 422)).toHaveLength(90)
    for (const r of results.filter((x) => x.statusCode === 422))
      expect(r.json().code).toBe('limit_reached')
    expect((await getTemplate(template.id)).issued).toBe(10)
    expect(await allCodes(template.id)).toHaveLength(10)
  })

  it('issues exactly 3 of 20 parallel requests of one member with per_member_limit 3', async () => {
    const template = await createTemplate({ per_member_limit: 3 })
    const member = await createMember(t, p.keys.admin)
    const results = await Promise.all(
      Array.from({ length: 20 }, () => issue(member.id, { template: template.id })),
    )
    const statuses = results.map((r) => r.statusCode)
    expect(statuses.filter((s) => s === 201)).toHaveLength(3)
    expect(
      results.filter((r) => r.statusCode === 422 && r.json().code === 'limit_reached'),
    ).toHaveLength(17)
    expect((await getTemplate(template.id)).issued).toBe(3)
  })

  it('gives one bulk code to exactly one of 20 members claiming it at once', async () => {
    const template = await createTemplate()
    await generate(template.id, 1)
    const [code] = await allCodes(template.id)
    const members = []
    for (let i = 0; i < 20; i++) members.push(await createMember(t, p.keys.admin))
    const results = await Promise.all(members.map((m) => issue(m.id, { code: code?.code })))
    const won = results.filter((r) => r.statusCode === 201)
    expect(won).toHaveLength(1)
    const lost = results.filter((r) => r.statusCode !== 201)
    expect(new Set(lost.map((r) => `${r.statusCode} ${r.body}`)).size).toBe(1)
    expect(lost[0]?.json().code).toBe('coupon_invalid')
    const [after] = await allCodes(template.id)
    expect(after).toMatchObject({ status: 'active', member: won[0]?.json().member })
  })
})
