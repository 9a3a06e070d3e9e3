import { beforeAll, describe, expect, it } from 'vitest'
import {
  clock,
  couponsProgram,
  createMember,
  createProgram,
  createTemplate,
  expectInvalid,
  expectProblem,
  issue,
  START,
  type Template,
  type TestApp,
  type TestProgram,
  tenOff,
} from './support/index.js'

/*
 * Coupon templates over HTTP (docs/coupons.md), on both engines: the api.md template, defaults,
 * every bad field's path, who may change them, idempotency, switching off, and pages.
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
