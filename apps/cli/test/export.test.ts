import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fixedClock, type ProgramContext } from '@loyalbase/core'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CliDatabase, cliDatabase } from './cli.support.js'

/*
 * `loyalbase export members|orders|ledger --program ID [--out FILE]` (api.md, "Command line"):
 * CSV whose first columns are what `import` reads, quoted where the text needs it.
 */

let d: CliDatabase
let shop: string
const clock = fixedClock('2026-03-01T04:00:00Z')

const records = (text: string) => parse(text, { columns: true }) as Record<string, string>[]

beforeAll(async () => {
  d = await cliDatabase(clock, 'lb-export-')
  await d.onDatabase(async (services) => {
    const created = await services.programs.create({ name: 'Export shop' })
    const program: ProgramContext = await services.programs.get(JSON.parse(created.body).id)
    shop = program.id
    await services.rules.create(program, {
      name: 'Per yuan',
      trigger: 'order.completed',
      reward: { type: 'per_amount', points: 1, per: 100 },
    })
    const fresh = await services.programs.get(shop)
    await services.members.create(fresh, {
      external_id: 'c-1',
      name: 'Wang, "Xiao" Ming\n二号',
      phone: '13800000000',
      email: 'wang@example.com',
      birthday: '1990-05-01',
      attributes: { city: '上海' },
    })
    await services.members.create(fresh, { external_id: 'c-2' })
    await services.orders.create(fresh, {
      id: 'o-1',
      member: 'c-1',
      amount: 12_900,
      channel: 'app',
      items: [
        { sku: 'tea', category: 'drinks', quantity: 2, unit_price: 4_450 },
        { sku: 'cup', category: 'home', quantity: 1, unit_price: 4_000 },
      ],
    })
    await services.orders.create(fresh, { id: 'o-2', member: 'c-2', amount: 500 })
    await services.points.adjust(fresh, 'c-2', { points: 7, reason: 'welcome' }, 'test')
  })
})
afterAll(() => d.drop())

describe('loyalbase export', () => {
  it('writes members with the import columns first, quoted where needed', async () => {
    const out = join(d.folder, 'members.csv')
    const run = await d.cli(['export', 'members', '--program', shop, '--out', out])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toMatch(/^exported 2 members to .*members\.csv in \d+\.\d s\n$/)
    const text = await readFile(out, 'utf8')
    expect(text.split('\n')[0]).toBe(
      'external_id,name,phone,email,birthday,joined_at,id,tier,points,points_pending,growth,' +
        'lifetime_spend,orders_count,referral_code,attributes',
    )
    const rows = records(text)
    expect(rows.map((r) => r.external_id)).toEqual(['c-1', 'c-2'])
    expect(rows[0]).toMatchObject({
      name: 'Wang, "Xiao" Ming\n二号',
      phone: '13800000000',
      email: 'wang@example.com',
      birthday: '1990-05-01',
      joined_at: '2026-03-01T04:00:00.000Z',
      points: '129',
      lifetime_spend: '12900',
      orders_count: '1',
      attributes: '{"city":"上海"}',
    })
    // An absent value is an empty cell.
    expect(rows[1]).toMatchObject({ name: '', phone: '', email: '', points: '12', attributes: '' })
  })

  it('writes one line per item of an order, and one for an order without items', async () => {
    const run = await d.cli(['export', 'orders', '--program', shop])
    expect(run.code, run.stderr).toBe(0)
    const rows = records(run.stdout)
    expect(rows.map((r) => [r.id, r.member, r.amount, r.sku, r.category, r.quantity])).toEqual([
      ['o-1', 'c-1', '12900', 'tea', 'drinks', '2'],
      ['o-1', 'c-1', '12900', 'cup', 'home', '1'],
      ['o-2', 'c-2', '500', '', '', ''],
    ])
    expect(rows[0]).toMatchObject({ channel: 'app', unit_price: '4450', points_earned: '129' })
    expect(run.stderr).toMatch(/^exported 2 orders in/)
  })

  it('writes the ledger, whose entries sum to each member’s balance', async () => {
    const run = await d.cli(['export', 'ledger', '--program', shop])
    expect(run.code, run.stderr).toBe(0)
    const rows = records(run.stdout)
    expect(rows).toHaveLength(3)
    const sums = new Map<string, number>()
    for (const r of rows)
      sums.set(r.member ?? '', (sums.get(r.member ?? '') ?? 0) + Number(r.available_delta))
    expect(Object.fromEntries(sums)).toEqual({ 'c-1': 129, 'c-2': 12 })
    expect(rows.map((r) => r.type).sort()).toEqual(['adjust', 'earn', 'earn'])
  })

  it('draws a progress bar on a terminal', async () => {
    const run = await d.cli(
      ['export', 'members', '--program', shop, '--out', join(d.folder, 'm2.csv')],
      {
        tty: true,
      },
    )
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('exporting members')
    expect(run.stderr).toMatch(/2\/2 rows/)
  })

  it('says what is wrong with bad input, and exits non-zero', async () => {
    const unknown = await d.cli(['export', 'members', '--program', 'prog_nope'])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('There is no program "prog_nope".')
    const kind = await d.cli(['export', 'coupons', '--program', shop])
    expect(kind.code).toBe(2)
    expect(kind.stderr).toContain('Expected one of members, orders, ledger.')
    const missing = await d.cli(['export', 'members'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain("required option '--program <id>' not specified")
  })
})
