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
  expectInvalid,
  expectProblem,
  generate,
  getTemplate,
  issue,
  issued,
  START,
  type Template,
  type TestApp,
  type TestProgram,
  tenOff,
} from './support/index.js'

/*
 * Coupon templates and coupons over HTTP (docs/coupons.md), on both engines: the api.md
 * examples, the expiry rule, and limits that hold under concurrent requests. Bulk codes:
 * coupon-codes.test.ts.
 */

const on = couponsProgram()
let t: TestApp
let p: TestProgram
beforeAll(() => {
  ;({ t, p } = on)
})

describe('coupon templates', () => {
  it('creates the api.md template with every field, and shows it to any key', async () => {
    const body = {
      name: '20% off shoes, up to ¥50',
      discount: { type: 'percent', percent_off: 20, max_amount: 5_000 },
      min_spend: 10_000,
      applies_to: { categories: ['shoes'], skus: ['SKU-1'] },
      validity: { days: 30 },
      per_member_limit: 2,
      total_limit: 1_000,
      stackable: true,
    }
    const res = await t.call('POST', '/v1/coupon-templates', { key: p.keys.admin, body })
    expect(res.statusCode, res.body).toBe(201)
    const template = res.json()
    expect(template.id).toMatch(/^cpt_[0-9A-Z]{26}$/)
    expect(template).toEqual({
      ...body,
      id: template.id,
      active: true,
      issued: 0,
      created_at: START.replace('Z', '.000Z'),
      updated_at: START.replace('Z', '.000Z'),
    })
    const got = await t.call('GET', `/v1/coupon-templates/${template.id}`, {
      key: p.keys.readonly,
    })
    expect(got.json()).toEqual(template)
    const list = await t.call('GET', '/v1/coupon-templates', { key: p.keys.server })
    expect(list.json().data[0]).toEqual(template)
  })

  it('fills the defaults, and keeps a window as instants', async () => {
    const template = await createTemplate({
      discount: { type: 'free_shipping' },
      validity: { starts_at: '2026-03-01T00:00:00+08:00', ends_at: '2026-04-01T00:00:00+08:00' },
    })
    expect(template).toMatchObject({
      discount: { type: 'free_shipping' },
      min_spend: null,
      applies_to: null,
      validity: { starts_at: '2026-02-28T16:00:00.000Z', ends_at: '2026-03-31T16:00:00.000Z' },
      per_member_limit: null,
      total_limit: null,
      stackable: false,
      active: true,
      issued: 0,
    })
  })

  it('answers 400 with the path of every bad field', async () => {
    await expectInvalid({ discount: { type: 'percent', percent_off: 0 } }, ['discount.percent_off'])
    await expectInvalid({ discount: { type: 'percent', percent_off: 100.5 } }, [
      'discount.percent_off',
    ])
    await expectInvalid({ discount: { type: 'percent', percent_off: 12.34567 } }, [
      'discount.percent_off',
    ])
    await expectInvalid({ discount: { type: 'percent', percent_off: 10, max_amount: 0 } }, [
      'discount.max_amount',
    ])
    await expectInvalid({ discount: { type: 'amount', amount_off: 9.5 } }, ['discount.amount_off'])
    await expectInvalid({ discount: { type: 'amount', amount_off: 1e13 } }, ['discount.amount_off'])
    await expectInvalid({ discount: { type: 'coupon' } }, ['discount.type'])
    await expectInvalid({ min_spend: -1 }, ['min_spend'])
    await expectInvalid({ validity: { days: 0 } }, ['validity.days'])
    await expectInvalid({ validity: { days: 3651 } }, ['validity.days'])
    await expectInvalid(
      { validity: { starts_at: '2026-04-01T00:00:00Z', ends_at: '2026-04-01T00:00:00Z' } },
      ['validity.ends_at'],
    )
    await expectInvalid({ validity: { starts_at: '2026-04-01T00:00:00Z', ends_at: 'soon' } }, [
      'validity.ends_at',
    ])
    await expectInvalid({ per_member_limit: 0, total_limit: 2.5 }, [
      'per_member_limit',
      'total_limit',
    ])
    await expectInvalid({ applies_to: { brands: ['x'] } }, ['applies_to.brands'])
    await expectInvalid({ name: '   ' }, ['name'])
    await expectInvalid({ stackable: 'yes', extra: 1 }, ['stackable', 'extra'])
  })

  it('is configuration: only admin keys create or change templates', async () => {
    const body = { name: 'x', discount: tenOff, validity: { days: 1 } }
    for (const key of [p.keys.server, p.keys.readonly]) {
      expectProblem(await t.call('POST', '/v1/coupon-templates', { key, body }), 403, 'forbidden')
    }
  })

  it('replays an Idempotency-Key and refuses it with another body', async () => {
    const headers = { 'idempotency-key': 'template-1' }
    const body = { name: 'Once', discount: tenOff, validity: { days: 1 } }
    const call = (b: unknown) =>
      t.call('POST', '/v1/coupon-templates', { key: p.keys.admin, body: b, headers })
    const first = await call(body)
    const again = await call(body)
    expect(first.statusCode).toBe(201)
    expect(again.body).toBe(first.body)
    expect(again.headers['idempotent-replayed']).toBe('true')
    expectProblem(await call({ ...body, name: 'Twice' }), 409, 'idempotency_conflict')
  })

  it('renames and switches a template; an inactive one issues nothing', async () => {
    const template = await createTemplate()
    const member = await createMember(t, p.keys.admin)
    const patch = (body: unknown) =>
      t.call('PATCH', `/v1/coupon-templates/${template.id}`, { key: p.keys.admin, body })
    clock.set('2026-03-01T03:00:00Z')
    const renamed = await patch({ name: 'Spring ¥10', active: false })
    expect(renamed.statusCode, renamed.body).toBe(200)
    expect(renamed.json()).toMatchObject({
      name: 'Spring ¥10',
      active: false,
      discount: tenOff,
      updated_at: '2026-03-01T03:00:00.000Z',
    })
    const refused = expectProblem(
      await issue(member.id, { template: template.id }),
      422,
      'coupon_invalid',
    )
    expect(refused.detail).toBe('The coupon template is not active: it issues nothing.')
    expectProblem(
      await t.call('POST', `/v1/coupon-templates/${template.id}/codes`, {
        key: p.keys.admin,
        body: { count: 1 },
      }),
      422,
      'coupon_invalid',
    )
    expect((await patch({ active: true })).json().active).toBe(true)
    expect((await issue(member.id, { template: template.id })).statusCode).toBe(201)
    expectProblem(await patch({ discount: tenOff }), 400, 'invalid_request')
    expectProblem(
      await t.call('PATCH', '/v1/coupon-templates/cpt_01JQ0000000000000000000000', {
        key: p.keys.admin,
        body: { name: 'x' },
      }),
      404,
      'not_found',
    )
    clock.set(START)
  })

  it('pages through templates, newest first, and filters by active', async () => {
    const program = await createProgram(t, { name: 'Paging templates' })
    const made: string[] = []
    for (let i = 0; i < 5; i++) made.push((await createTemplate({ name: `T${i}` }, program)).id)
    await t.call('PATCH', `/v1/coupon-templates/${made[0]}`, {
      key: program.keys.admin,
      body: { active: false },
    })
    const first = (
      await t.call('GET', '/v1/coupon-templates?limit=3', { key: program.keys.readonly })
    ).json()
    expect(first.data.map((x: Template) => x.id)).toEqual(made.slice(2).reverse())
    const second = (
      await t.call('GET', `/v1/coupon-templates?limit=3&cursor=${first.next_cursor}`, {
        key: program.keys.readonly,
      })
    ).json()
    expect(second.data.map((x: Template) => x.id)).toEqual(made.slice(0, 2).reverse())
    expect(second.next_cursor).toBeNull()
    const inactive = (
      await t.call('GET', '/v1/coupon-templates?active=false', { key: program.keys.readonly })
    ).json()
    expect(inactive.data.map((x: Template) => x.id)).toEqual([made[0]])
  })
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
