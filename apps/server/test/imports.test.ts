import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createProgram,
  createTestApp,
  expectProblem,
  type TestApp,
  type TestProgram,
} from './support/index.js'

/*
 * Imports from the console (docs/import-export.md): a CSV upload answered at once, imported in
 * the background through the API's use cases, followed by its progress, its rejects listed and
 * downloaded.
 */

let t: TestApp
let p: TestProgram

beforeAll(async () => {
  t = await createTestApp()
  p = await createProgram(t, { name: 'Uploads' })
  const rule = await t.call('POST', '/v1/earning-rules', {
    key: p.keys.admin,
    body: {
      name: 'Per yuan',
      trigger: 'order.completed',
      reward: { type: 'per_amount', points: 1, per: 100 },
    },
  })
  expect(rule.statusCode).toBe(201)
})
afterAll(() => t.close())

async function upload(kind: string, csv: string | Buffer, key = p.keys.admin, name = 'file.csv') {
  return t.app.inject({
    method: 'POST',
    url: `/v1/imports?kind=${kind}&file_name=${encodeURIComponent(name)}`,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv' },
    payload: csv,
  })
}

async function finished(id: string) {
  await t.services.imports.settle()
  const res = await t.call('GET', `/v1/imports/${id}`, { key: p.keys.readonly })
  expect(res.statusCode).toBe(200)
  return res.json()
}

describe('CSV imports over HTTP', () => {
  it('import members and orders in the background, with their rejects', async () => {
    const members = await upload(
      'members',
      'external_id,name,phone,email,birthday,joined_at\nu-1,甲,,,,\nu-2,乙,bad,,,\n',
      p.keys.admin,
      '会员.csv',
    )
    expect(members.statusCode, members.body).toBe(202)
    expect(members.json()).toMatchObject({
      id: expect.stringMatching(/^imp_/),
      kind: 'members',
      file_name: '会员.csv',
      status: 'running',
      bytes_total: Buffer.byteLength(
        'external_id,name,phone,email,birthday,joined_at\nu-1,甲,,,,\nu-2,乙,bad,,,\n',
      ),
    })
    expect(await finished(members.json().id)).toMatchObject({
      status: 'done',
      progress: 1,
      records: 2,
      imported: 1,
      unchanged: 0,
      rejected: 1,
      error: null,
      finished_at: expect.any(String),
    })
    const rejects = await t.call('GET', `/v1/imports/${members.json().id}/rejects`, {
      key: p.keys.readonly,
    })
    expect(rejects.json()).toEqual({
      data: [
        {
          line: 3,
          error: 'phone: "bad" is not a mainland mobile number or E.164',
          record: 'u-2,乙,bad,,,',
        },
      ],
      total: 1,
    })
    const csv = await t.call('GET', `/v1/imports/${members.json().id}/rejects?format=csv`, {
      key: p.keys.readonly,
    })
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(csv.body).toBe(
      '\uFEFF' +
        'line,error,record\n3,"phone: ""bad"" is not a mainland mobile number or E.164","u-2,乙,bad,,,"\n',
    )

    const orders = await upload(
      'orders',
      'id,member,amount,occurred_at,channel,sku,category,quantity\nuo-1,u-1,12900,,,,,\nuo-2,u-9,100,,,,,\n',
    )
    expect(orders.statusCode).toBe(202)
    expect(await finished(orders.json().id)).toMatchObject({ imported: 1, rejected: 1 })
    const balance = await t.call('GET', '/v1/members/u-1/points', { key: p.keys.readonly })
    expect(balance.json().available).toBe(129)

    const list = await t.call('GET', '/v1/imports', { key: p.keys.readonly })
    expect(list.json().data.map((i: { id: string }) => i.id)).toEqual([
      orders.json().id,
      members.json().id,
    ])
  })

  it('change nothing when the same file is uploaded again', async () => {
    const file = 'id,member,amount,occurred_at,channel,sku,category,quantity\nuo-1,u-1,12900,,,,,\n'
    const again = await upload('orders', file)
    expect(await finished(again.json().id)).toMatchObject({
      imported: 0,
      unchanged: 1,
      rejected: 0,
    })
    const balance = await t.call('GET', '/v1/members/u-1/points', { key: p.keys.readonly })
    expect(balance.json().available).toBe(129)
  })

  it('refuse a file without the needed columns, other media types, other keys', async () => {
    const bad = await upload('members', 'id,name\n1,x\n')
    expect(await finished(bad.json().id)).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('line 1: the header lacks external_id'),
    })
    const json = await t.call('POST', '/v1/imports?kind=members', {
      key: p.keys.admin,
      body: { external_id: 'x' },
    })
    expect(json.statusCode).toBe(400)
    expectProblem(await upload('members', 'external_id\nx\n', p.keys.server), 403, 'forbidden')
    expectProblem(await upload('coupons', 'a\n1\n'), 400, 'invalid_request')
    const other = await createProgram(t, { name: 'Other' })
    expectProblem(
      await t.call('GET', `/v1/imports/${bad.json().id}`, { key: other.keys.admin }),
      404,
      'not_found',
    )
  })
})
