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
  DEEP,
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
 * Bulk coupon codes over HTTP (docs/coupons.md), on both engines: made by a job run with
 * progress, exported as CSV, claimed by a member, and codes that give no oracle.
 */

const on = couponsProgram()
let t: TestApp
let p: TestProgram
beforeAll(() => {
  ;({ t, p } = on)
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
