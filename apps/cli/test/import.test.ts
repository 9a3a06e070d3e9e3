import { existsSync } from 'node:fs'
import { readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fixedClock, type ProgramContext, type Services } from '@loyalbase/core'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CliDatabase, cliDatabase } from './cli.support.js'

/*
 * `loyalbase import members|orders FILE --program ID` (api.md, "Command line"): the same effects
 * as the API, bad records reported with their line without stopping the rest, re-running the
 * same file changing nothing, and an export imported into a new program giving the same balances.
 */

const clock = fixedClock('2026-03-01T04:00:00Z')
let d: CliDatabase

const LADDER = {
  metric: 'spend' as const,
  window: { type: 'lifetime' as const },
  downgrade: { type: 'never' as const },
  tiers: [
    { key: 'member', name: '会员', threshold: 0 },
    { key: 'silver', name: '银卡', threshold: 50_000 },
  ],
}

async function shop(services: Services, name: string): Promise<ProgramContext> {
  const created = await services.programs.create({ name })
  const program = await services.programs.get(JSON.parse(created.body).id)
  await services.rules.create(program, {
    name: 'Per yuan',
    trigger: 'order.completed',
    reward: { type: 'per_amount', points: 1, per: 100 },
  })
  await services.tiers.setLadder(program, LADDER)
  return services.programs.get(program.id)
}

async function file(name: string, text: string | Buffer) {
  const path = join(d.folder, name)
  await writeFile(path, text)
  return path
}

/** The rejects file's records, by line (they are written as they are found). */
const rejectsOf = async (path: string) =>
  (
    parse(await readFile(path, 'utf8'), { columns: true }) as {
      line: string
      error: string
      record: string
    }[]
  ).sort((a, b) => Number(a.line) - Number(b.line))

async function balances(programId: string) {
  return d.onDatabase(async (services) => {
    const rows = await services.db
      .selectFrom('members')
      .select(['external_id', 'points_available', 'tier_key', 'lifetime_spend', 'orders_count'])
      .where('program_id', '=', programId)
      .orderBy('external_id')
      .execute()
    return rows
  })
}

let main: string

beforeAll(async () => {
  d = await cliDatabase(clock, 'lb-import-')
  main = await d.onDatabase(async (services) => (await shop(services, 'Import shop')).id)
})
afterAll(() => d.drop())

const MEMBERS = [
  'external_id,name,phone,email,birthday,joined_at',
  'c-1,王小明,13800000000,wang@example.com,1990-05-01,2025-01-02T10:00:00+08:00',
  'c-2,,,,,',
  'c-3,"Li, ""Lei""",,,--02-29,2025-06-01',
  'c-4,Bad date,,,,2025-13-45',
  'c-5,Too few columns,,',
  'c-6,Bad phone,12345,,,',
  ',No id,,,,',
  'c-8,Bad birthday,,,1990-02-30,',
].join('\n')

describe('loyalbase import members', () => {
  it('imports the good records and reports each bad one with its line and reason', async () => {
    const path = await file('members.csv', `${MEMBERS}\n`)
    const run = await d.cli(['import', 'members', path, '--program', main])
    expect(run.code, run.stderr).toBe(1)
    expect(run.stdout).toMatch(
      /^read 8 lines: 3 members imported, 0 unchanged \(already there\), 5 rejected \(lines and reasons in .*members\.csv\.rejects\.csv\)/,
    )
    const rejects = await rejectsOf(`${path}.rejects.csv`)
    expect(rejects.map((r) => [r.line, r.error])).toEqual([
      ['5', 'joined_at: "2025-13-45" is not a real date'],
      ['6', 'expected 6 columns as in the header, found 4'],
      ['7', 'phone: "12345" is not a mainland mobile number or E.164'],
      ['8', 'external_id: is required'],
      ['9', 'birthday: must be a real date as YYYY-MM-DD or --MM-DD'],
    ])
    expect(rejects[1]?.record).toBe('c-5,Too few columns,,')
    const members = await d.onDatabase((services) =>
      services.db
        .selectFrom('members')
        .select(['external_id', 'name', 'phone', 'birthday', 'joined_at'])
        .where('program_id', '=', main)
        .orderBy('external_id')
        .execute(),
    )
    expect(members).toEqual([
      {
        external_id: 'c-1',
        name: '王小明',
        phone: '13800000000',
        birthday: '1990-05-01',
        joined_at: new Date('2025-01-02T02:00:00Z'),
      },
      // No joined_at: joined when imported.
      { external_id: 'c-2', name: null, phone: null, birthday: null, joined_at: expect.any(Date) },
      // A bare date is midnight in the program's time zone (Asia/Shanghai).
      {
        external_id: 'c-3',
        name: 'Li, "Lei"',
        phone: null,
        birthday: '--02-29',
        joined_at: new Date('2025-05-31T16:00:00Z'),
      },
    ])
  })

  it('changes nothing when the same file is imported again', async () => {
    const path = join(d.folder, 'members.csv')
    const again = await d.cli(['import', 'members', path, '--program', main])
    expect(again.stdout).toMatch(/^read 8 lines: 0 members imported, 3 unchanged/)
    expect(await balances(main)).toHaveLength(3)
  })

  it('refuses a file without the columns it needs, and a program that does not exist', async () => {
    const bad = await file('bad-header.csv', 'id,name\n1,x\n')
    const run = await d.cli(['import', 'members', bad, '--program', main])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      'line 1: the header lacks external_id, phone, email, birthday, joined_at',
    )
    const none = await d.cli(['import', 'members', bad, '--program', 'prog_nope'])
    expect(none.code).toBe(1)
    expect(none.stderr).toContain('There is no program "prog_nope".')
    const missing = await d.cli([
      'import',
      'members',
      join(d.folder, 'nope.csv'),
      '--program',
      main,
    ])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('no such file')
  })
})

const ORDERS = Buffer.concat([
  Buffer.from(
    [
      'id,member,amount,occurred_at,channel,sku,category,quantity',
      'o-1,c-1,12900,2026-02-01T10:00:00+08:00,app,tea,drinks,2',
      'o-1,c-1,12900,2026-02-01T10:00:00+08:00,app,cup,home,1',
      'o-2,c-2,500,2026-02-02,,,,',
      'o-3,c-9,500,2026-02-02,,,,',
      'o-4,c-1,-5,2026-02-02,,,,',
      'o-5,c-1,700,yesterday,,,,',
      'o-6,c-1,700,2026-02-03',
      'o-7,c-1,,2026-02-03,,,,',
    ].join('\n'),
  ),
  Buffer.from('\n'),
  Buffer.from('o-8,c-2,100,2026-02-04,,caf'),
  Buffer.from([0xe9]),
  Buffer.from(',,\no-9,c-1,40000,2026-02-05T12:00:00Z,store,,,\n'),
])

describe('loyalbase import orders', () => {
  it('earns and upgrades as the API does, and reports bad records', async () => {
    const path = await file('orders.csv', ORDERS)
    const run = await d.cli(['import', 'orders', path, '--program', main])
    expect(run.code, run.stderr).toBe(1)
    expect(run.stdout).toMatch(/^read 10 lines: 3 orders imported, 0 unchanged/)
    const rejects = await rejectsOf(`${path}.rejects.csv`)
    expect(rejects.map((r) => [r.line, r.error])).toEqual([
      ['5', 'member: there is no such member in the program'],
      ['6', 'amount: must be at least 0 (got -5)'],
      [
        '7',
        'occurred_at: "yesterday" is not a date (YYYY-MM-DD) or a time with a zone (2026-03-01T10:00:00+08:00)',
      ],
      ['8', 'expected 8 columns as in the header, found 4'],
      ['9', 'amount: is required (minor units, e.g. 12900)'],
      ['10', 'sku: has bytes that are not UTF-8'],
    ])
    const rows = await balances(main)
    expect(rows.find((r) => r.external_id === 'c-1')).toEqual({
      external_id: 'c-1',
      points_available: 129 + 400,
      tier_key: 'silver',
      lifetime_spend: 52_900,
      orders_count: 2,
    })
    expect(rows.find((r) => r.external_id === 'c-2')).toMatchObject({ points_available: 5 })
    const order = await d.onDatabase((services) =>
      services.db
        .selectFrom('orders')
        .select(['items', 'occurred_at', 'channel'])
        .where('program_id', '=', main)
        .where('id', '=', 'o-1')
        .executeTakeFirstOrThrow(),
    )
    expect(order.items).toEqual([
      { sku: 'tea', category: 'drinks', quantity: 2, unit_price: 4_300 },
      { sku: 'cup', category: 'home', quantity: 1, unit_price: 4_300 },
    ])
    expect(order.occurred_at).toEqual(new Date('2026-02-01T02:00:00Z'))
  })

  it('changes nothing when the same file is imported again', async () => {
    const before = await balances(main)
    const path = join(d.folder, 'orders.csv')
    const again = await d.cli(['import', 'orders', path, '--program', main])
    expect(again.stdout).toMatch(/^read 10 lines: 0 orders imported, 3 unchanged/)
    expect(await balances(main)).toEqual(before)
  })

  it('refuses an order id imported before with other values', async () => {
    const path = await file(
      'changed.csv',
      'id,member,amount,occurred_at,channel,sku,category,quantity\no-2,c-2,999,2026-02-02,,,,\n',
    )
    const run = await d.cli(['import', 'orders', path, '--program', main])
    expect(run.code).toBe(1)
    const [reject] = await rejectsOf(`${path}.rejects.csv`)
    expect(reject).toMatchObject({ line: '2' })
    expect(reject?.error).toContain('already used with a different request')
  })

  it('resumes after the last line an interrupted run finished, or starts again when asked', async () => {
    const lines = ['id,member,amount,occurred_at,channel,sku,category,quantity']
    for (let i = 1; i <= 5; i++) lines.push(`r-${i},c-3,100,2026-02-1${i},,,,`)
    const path = await file('resume.csv', `${lines.join('\n')}\n`)
    const info = await stat(path)
    // As a run stopped after line 3 leaves it.
    await writeFile(
      `${path}.import-checkpoint.json`,
      JSON.stringify({
        program: main,
        kind: 'orders',
        size: info.size,
        mtime: Math.floor(info.mtimeMs),
        last_line: 3,
      }),
    )
    const resumed = await d.cli(['import', 'orders', path, '--program', main])
    expect(resumed.stderr).toContain('resuming after line 3')
    expect(resumed.stdout).toMatch(/^read 3 lines: 3 orders imported/)
    expect(existsSync(`${path}.import-checkpoint.json`)).toBe(false)
    const restarted = await d.cli(['import', 'orders', path, '--program', main, '--restart'])
    expect(restarted.stdout).toMatch(/^read 5 lines: 2 orders imported, 3 unchanged/)
  })

  it('reports a quote left open, past which the file cannot be read', async () => {
    const path = await file(
      'open-quote.csv',
      'id,member,amount,occurred_at,channel,sku,category,quantity\nq-1,c-2,100,2026-02-01,,,,\nq-2,"c-2,100,2026-02-01,,,,\nq-3,c-2,100,2026-02-01,,,,\n',
    )
    const run = await d.cli(['import', 'orders', path, '--program', main])
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/1 orders imported/)
    const [reject] = await rejectsOf(`${path}.rejects.csv`)
    expect(reject?.error).toMatch(/^the file cannot be read from here on: /)
  })
})

describe('export then import', () => {
  it('gives a new program with the same rules the same balances and tiers', async () => {
    const members = join(d.folder, 'exported-members.csv')
    const orders = join(d.folder, 'exported-orders.csv')
    expect((await d.cli(['export', 'members', '--program', main, '--out', members])).code).toBe(0)
    expect((await d.cli(['export', 'orders', '--program', main, '--out', orders])).code).toBe(0)
    const copy = await d.onDatabase(async (services) => (await shop(services, 'Copy')).id)
    const m = await d.cli(['import', 'members', members, '--program', copy])
    expect(m.code, m.stdout + m.stderr).toBe(0)
    const o = await d.cli(['import', 'orders', orders, '--program', copy])
    expect(o.code, o.stdout + o.stderr).toBe(0)
    expect(await balances(copy)).toEqual(await balances(main))
  })
})
