import { DOMAIN_EVENT_SCHEMAS, fixedClock } from '@loyalbase/core'
import type { LightMyRequestResponse } from 'fastify'
import { Value } from 'typebox/value'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createMember,
  createProgram,
  createTestApp,
  type TestApp,
  type TestProgram,
} from './support/index.js'

/*
 * Coupon templates, coupons and bulk codes over HTTP (docs/coupons.md), on both engines: the
 * api.md examples, the expiry rule, limits that hold under concurrent requests, codes that give
 * no oracle, and bulk codes made by a job run and exported as CSV.
 */

// 10:00 in Shanghai, the programs' default time zone.
const START = '2026-03-01T02:00:00Z'
const clock = fixedClock(START)
const DEEP = Boolean(process.env.LB_DEEP)
const CODE = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/

let t: TestApp
let p: TestProgram

beforeAll(async () => {
  t = await createTestApp({ clock })
  p = await createProgram(t, { name: 'Coupons' })
})
afterAll(() => t.close())

interface Template {
  id: string
  issued: number
  total_limit: number | null
  active: boolean
  [field: string]: unknown
}
interface Coupon {
  id: string
  code: string
  template: string
  member: string | null
  status: string
  starts_at: string | null
  expires_at: string | null
  issued_at: string | null
}

const tenOff = { type: 'amount', amount_off: 1_000 }

async function createTemplate(
  body: Record<string, unknown> = {},
  program: TestProgram = p,
): Promise<Template> {
  const res = await t.call('POST', '/v1/coupon-templates', {
    key: program.keys.admin,
    body: { name: '¥10 off', discount: tenOff, validity: { days: 30 }, ...body },
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

function issue(
  member: string,
  body: Record<string, unknown>,
  options: { key?: string; headers?: Record<string, string> } = {},
) {
  return t.call('POST', `/v1/members/${encodeURIComponent(member)}/coupons`, {
    key: options.key ?? p.keys.server,
    body,
    ...(options.headers ? { headers: options.headers } : {}),
  })
}

async function issued(member: string, body: Record<string, unknown>): Promise<Coupon> {
  const res = await issue(member, body)
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

async function getTemplate(id: string, program: TestProgram = p): Promise<Template> {
  return (await t.call('GET', `/v1/coupon-templates/${id}`, { key: program.keys.readonly })).json()
}

function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status)
  expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8')
  expect(res.json().code).toBe(code)
  return res.json()
}

async function expectInvalid(body: Record<string, unknown>, paths: string[]) {
  const res = await t.call('POST', '/v1/coupon-templates', {
    key: p.keys.admin,
    body: { name: 'Bad', discount: tenOff, validity: { days: 30 }, ...body },
  })
  const problem = expectProblem(res, 400, 'invalid_request')
  expect(problem.errors.map((e: { path: string }) => e.path).sort()).toEqual([...paths].sort())
}

/** Bulk codes made by a job run: waits for it and answers the run. */
async function generate(template: string, count: number, program: TestProgram = p) {
  const res = await t.call('POST', `/v1/coupon-templates/${template}/codes`, {
    key: program.keys.admin,
    body: { count },
  })
  expect(res.statusCode, res.body).toBe(202)
  await t.services.jobs.settle()
  const run = await t.call('GET', `/v1/job-runs/${res.json().run_id}`, {
    key: program.keys.admin,
  })
  return { started: res.json(), run: run.json() }
}

async function allCodes(template: string, query = ''): Promise<Coupon[]> {
  const out: Coupon[] = []
  let cursor: string | null = null
  do {
    const url: string = `/v1/coupon-templates/${template}/codes?limit=100${query}${
      cursor ? `&cursor=${cursor}` : ''
    }`
    const page = (await t.call('GET', url, { key: p.keys.admin })).json()
    out.push(...page.data)
    cursor = page.next_cursor
  } while (cursor)
  return out
}

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

describe('codes', () => {
  it(`generates ${DEEP ? '100,000' : '2,000'} unique codes in a job run with progress`, async () => {
    const count = DEEP ? 100_000 : 2_000
    const template = await createTemplate({ total_limit: count + 5 })
    const startedAt = Date.now()
    const { started, run } = await generate(template.id, count)
    const took = Date.now() - startedAt
    expect(started).toEqual({
      run_id: expect.stringMatching(/^run_/),
      job: 'coupon-codes',
      template: template.id,
      count,
    })
    expect(run).toMatchObject({
      id: started.run_id,
      name: 'coupon-codes',
      processed: count,
      progress: count,
      error: null,
      finished_at: expect.any(String),
    })
    if (DEEP) expect(took).toBeLessThan(60_000)
    expect((await getTemplate(template.id)).issued).toBe(count)
    const csv = await t.call('GET', `/v1/coupon-templates/${template.id}/codes?format=csv`, {
      key: p.keys.admin,
    })
    const lines = csv.body.trimEnd().split('\n')
    expect(lines).toHaveLength(count + 1)
    const codes = lines.slice(1).map((line) => line.split(',')[0] as string)
    expect(new Set(codes).size).toBe(count)
    for (const code of codes) expect(code).toMatch(CODE)
    for (const line of lines.slice(1)) expect(line).toMatch(/^[0-9A-Z-]{19},unassigned,,,$/)
  })

  it('exports CSV with a header and one line per code, of the status asked', async () => {
    const template = await createTemplate()
    await generate(template.id, 3)
    const member = await createMember(t, p.keys.admin)
    const [first] = await allCodes(template.id)
    const claimed = await issued(member.id, { code: first?.code })
    const csv = await t.call('GET', `/v1/coupon-templates/${template.id}/codes?format=csv`, {
      key: p.keys.admin,
    })
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="${template.id}-codes.csv"`,
    )
    const lines = csv.body.split('\n')
    expect(lines[0]).toBe('code,status,member,issued_at,expires_at')
    expect(lines).toHaveLength(5)
    expect(lines[4]).toBe('')
    expect(lines[1]).toBe(
      `${claimed.code},active,${member.id},${claimed.issued_at},${claimed.expires_at}`,
    )
    const unassigned = await t.call(
      'GET',
      `/v1/coupon-templates/${template.id}/codes?format=csv&status=unassigned`,
      { key: p.keys.admin },
    )
    expect(unassigned.body.trimEnd().split('\n')).toHaveLength(3)
    // Codes are value to whoever holds them: only admin keys list them.
    for (const key of [p.keys.server, p.keys.readonly]) {
      const res = await t.call('GET', `/v1/coupon-templates/${template.id}/codes`, { key })
      expectProblem(res, 403, 'forbidden')
    }
    expectProblem(
      await t.call('GET', '/v1/coupon-templates/cpt_01JQ0000000000000000000000/codes?format=csv', {
        key: p.keys.admin,
      }),
      404,
      'not_found',
    )
  })

  it('lists codes as JSON pages in the order they were made, filtered by status', async () => {
    const template = await createTemplate()
    await generate(template.id, 5)
    const member = await createMember(t, p.keys.admin)
    await issued(member.id, { template: template.id })
    const all = await allCodes(template.id)
    expect(all.map((c) => c.status)).toEqual([
      'unassigned',
      'unassigned',
      'unassigned',
      'unassigned',
      'unassigned',
      'active',
    ])
    expect(all[0]).toMatchObject({
      member: null,
      issued_at: null,
      starts_at: null,
      expires_at: null,
      redeemed_at: null,
    })
    const page = (
      await t.call('GET', `/v1/coupon-templates/${template.id}/codes?limit=4`, {
        key: p.keys.admin,
      })
    ).json()
    expect(page.data.map((c: Coupon) => c.id)).toEqual(all.slice(0, 4).map((c) => c.id))
    expect(page.next_cursor).toEqual(expect.any(String))
    expect(await allCodes(template.id, '&status=active')).toHaveLength(1)
    expect(await allCodes(template.id, '&status=unassigned')).toHaveLength(5)
    expect(await allCodes(template.id, '&status=redeemed')).toHaveLength(0)
  })

  it('claims a code typed in lower case with spaces; its days start at the claim', async () => {
    const template = await createTemplate({ validity: { days: 3 }, per_member_limit: 2 })
    await generate(template.id, 3)
    const codes = await allCodes(template.id)
    const member = await createMember(t, p.keys.admin)
    clock.set('2026-03-02T15:00:00Z') // 23:00 on 2 March in Shanghai
    const typed = String(codes[0]?.code).toLowerCase().replaceAll('-', ' ')
    const coupon = await issued(member.id, { code: typed })
    expect(coupon).toMatchObject({
      id: codes[0]?.id,
      code: codes[0]?.code,
      member: member.id,
      status: 'active',
      issued_at: '2026-03-02T15:00:00.000Z',
      starts_at: '2026-03-02T15:00:00.000Z',
      expires_at: '2026-03-05T16:00:00.000Z',
    })
    const events = await t.db.database.db
      .selectFrom('outbox_events')
      .select('data')
      .where('program_id', '=', p.id)
      .where('member_id', '=', member.id)
      .where('type', '=', 'coupon.issued')
      .execute()
    expect(events.map((e) => e.data)).toEqual([
      expect.objectContaining({ coupon: coupon.id, via: 'code', code: coupon.code }),
    ])
    // A claim counts toward per_member_limit, as an issue does.
    await issued(member.id, { template: template.id })
    expectProblem(await issue(member.id, { code: codes[1]?.code }), 422, 'limit_reached')
    // Bulk codes were counted when they were made: a claim moves nothing.
    expect((await getTemplate(template.id)).issued).toBe(4)
    clock.set(START)
  })

  it('gives a window’s codes the window when they are made', async () => {
    const template = await createTemplate({
      validity: { starts_at: '2026-03-05T00:00:00Z', ends_at: '2026-03-10T00:00:00Z' },
    })
    await generate(template.id, 1)
    const [code] = await allCodes(template.id)
    expect(code).toMatchObject({
      status: 'unassigned',
      starts_at: '2026-03-05T00:00:00.000Z',
      expires_at: '2026-03-10T00:00:00.000Z',
    })
    const member = await createMember(t, p.keys.admin)
    expect(await issued(member.id, { code: code?.code })).toMatchObject({
      starts_at: '2026-03-05T00:00:00.000Z',
      expires_at: '2026-03-10T00:00:00.000Z',
    })
  })

  it('answers a guessed, a malformed, a claimed, a redeemed and a switched-off code alike', async () => {
    const template = await createTemplate()
    const off = await createTemplate()
    await generate(template.id, 3)
    await generate(off.id, 1)
    const [claimed, redeemed] = await allCodes(template.id)
    const [offCode] = await allCodes(off.id)
    const owner = await createMember(t, p.keys.admin)
    await issued(owner.id, { code: claimed?.code })
    await t.db.database.db
      .updateTable('coupons')
      .set({ status: 'redeemed', redeemed_at: new Date(START) })
      .where('id', '=', redeemed?.id as string)
      .execute()
    await t.call('PATCH', `/v1/coupon-templates/${off.id}`, {
      key: p.keys.admin,
      body: { active: false },
    })
    const other = await createProgram(t, { name: 'Other' })
    const foreignTemplate = await createTemplate({}, other)
    await generate(foreignTemplate.id, 1, other)
    const foreign = (
      await t.call('GET', `/v1/coupon-templates/${foreignTemplate.id}/codes`, {
        key: other.keys.admin,
      })
    ).json().data[0].code
    const guesser = await createMember(t, p.keys.admin)
    const answers = []
    for (const code of [
      'ZZZZ-ZZZZ-ZZZZ-ZZZZ',
      'not a code',
      claimed?.code,
      redeemed?.code,
      offCode?.code,
      foreign,
    ]) {
      const res = await issue(guesser.id, { code })
      expect(res.statusCode, `${code}: ${res.body}`).toBe(422)
      answers.push(res.body)
    }
    expect(new Set(answers).size).toBe(1)
    expect(JSON.parse(answers[0] as string)).toEqual({
      type: 'urn:loyalbase:error:coupon_invalid',
      title: 'Coupon invalid',
      status: 422,
      code: 'coupon_invalid',
      detail: 'The coupon code is not valid: it is unknown, already used, or no longer available.',
    })
  })

  it('counts bulk codes against total_limit up front, all or nothing', async () => {
    const template = await createTemplate({ total_limit: 5 })
    await generate(template.id, 3)
    const over = expectProblem(
      await t.call('POST', `/v1/coupon-templates/${template.id}/codes`, {
        key: p.keys.admin,
        body: { count: 3 },
      }),
      422,
      'limit_reached',
    )
    expect(over.detail).toContain('room for 2 more, not 3')
    const a = await createMember(t, p.keys.admin)
    await issued(a.id, { template: template.id })
    await issued(a.id, { template: template.id })
    expectProblem(await issue(a.id, { template: template.id }), 422, 'limit_reached')
    expect((await getTemplate(template.id)).issued).toBe(5)
    expect(await allCodes(template.id)).toHaveLength(5)
  })

  it('replays a bulk request by its Idempotency-Key without making more codes', async () => {
    const template = await createTemplate()
    const call = () =>
      t.call('POST', `/v1/coupon-templates/${template.id}/codes`, {
        key: p.keys.admin,
        body: { count: 2 },
        headers: { 'idempotency-key': `bulk-${template.id}` },
      })
    const first = await call()
    await t.services.jobs.settle()
    const again = await call()
    await t.services.jobs.settle()
    expect(first.statusCode).toBe(202)
    expect(again.statusCode).toBe(202)
    expect(again.body).toBe(first.body)
    expect((await getTemplate(template.id)).issued).toBe(2)
    expect(await allCodes(template.id)).toHaveLength(2)
  })

  it('refuses a bulk count out of range with 400, and server keys with 403', async () => {
    const template = await createTemplate()
    for (const count of [0, 100_001, 1.5, '10']) {
      const res = await t.call('POST', `/v1/coupon-templates/${template.id}/codes`, {
        key: p.keys.admin,
        body: { count },
      })
      const problem = expectProblem(res, 400, 'invalid_request')
      expect(problem.errors.map((e: { path: string }) => e.path)).toEqual(['count'])
    }
    expectProblem(
      await t.call('POST', `/v1/coupon-templates/${template.id}/codes`, {
        key: p.keys.server,
        body: { count: 1 },
      }),
      403,
      'forbidden',
    )
  })

  it('finishes a request whose run stopped, by the coupon-codes job run without one', async () => {
    const template = await createTemplate()
    // A request recorded, as if its process had stopped before its run started.
    await t.db.database.db
      .updateTable('coupon_templates')
      .set({ issued: 7 })
      .where('id', '=', template.id)
      .execute()
    await t.db.database.db
      .insertInto('coupon_code_batches')
      .values({
        program_id: p.id,
        run_id: 'run_01JQ0000000000000000000000',
        template_id: template.id,
        count: 7,
        created_at: new Date(START),
      })
      .execute()
    const run = await t.call('POST', '/v1/jobs/coupon-codes/run', { key: p.keys.admin })
    expect(run.json()).toEqual({ processed: 7 })
    expect(await allCodes(template.id)).toHaveLength(7)
    const again = await t.call('POST', '/v1/jobs/coupon-codes/run', { key: p.keys.admin })
    expect(again.json()).toEqual({ processed: 0 })
  })
})
