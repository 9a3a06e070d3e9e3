import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { createServices, fixedClock, type ProgramContext, type Services } from '@loyalbase/core'
import { migrate, openDatabase } from '@loyalbase/db'
import { createTestDb, testEngine } from '@loyalbase/db/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../src/cli.program.js'

const BIN = fileURLToPath(new URL('../bin/loyalbase.js', import.meta.url))

function sink(isTTY = false) {
  let text = ''
  const stream = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        text += String(chunk)
        done()
      },
    }),
    { isTTY },
  )
  return { stream, text: () => text }
}

async function cli(argv: string[], options: { tty?: boolean } = {}) {
  const stdout = sink()
  const stderr = sink(options.tty)
  const code = await runCli(argv, {
    env: { DATABASE_URL: url },
    stdout: stdout.stream,
    stderr: stderr.stream,
  })
  return { code, stdout: stdout.text(), stderr: stderr.text() }
}

let url: string
let drop: () => Promise<void>
let shop: string
let m1: string
let m2: string

/**
 * Works on the database while the CLI is not using it: PGlite's folder holds one process at
 * a time, so the database is opened, used and closed again.
 */
async function onDatabase<T>(use: (services: Services) => Promise<T>): Promise<T> {
  const database = await openDatabase(url)
  try {
    await migrate(database)
    return await use(createServices(database.db, clock))
  } finally {
    await database.close()
  }
}

const clock = fixedClock('2026-03-01T04:00:00Z')
const at = (iso: string) => clock.set(iso)

async function newProgram(services: Services, name: string): Promise<ProgramContext> {
  const created = await services.programs.create({ name })
  const program = await services.programs.get(JSON.parse(created.body).id)
  await services.programs.update(program, {
    points_policy: { expiry: { type: 'rolling', months: 1 } },
  })
  return services.programs.get(program.id)
}

async function newMember(services: Services, program: ProgramContext, external: string) {
  const created = await services.members.create(program, { external_id: external })
  return JSON.parse(created.body).id as string
}

beforeAll(async () => {
  if (testEngine() === 'postgres') {
    const testDb = await createTestDb()
    url = testDb.url
    await testDb.database.close()
    drop = testDb.drop
  } else {
    const folder = await mkdtemp(join(tmpdir(), 'lb-ledger-'))
    url = `pglite:${folder}`
    drop = () => rm(folder, { recursive: true, force: true })
  }
  await onDatabase(async (services) => {
    const program = await newProgram(services, 'Shop')
    shop = program.id
    m1 = await newMember(services, program, 'm1')
    m2 = await newMember(services, program, 'm2')
    const other = await newProgram(services, 'Other')
    await newMember(services, other, 'o1')
    const adjust = (m: string, points: number) =>
      services.points.adjust(program, m, { points, reason: 'test' }, 'test')
    const redeem = (m: string, points: number) =>
      services.points.redeem(program, m, { points }, 'test')
    at('2026-03-01T04:00:00Z')
    await adjust(m1, 300)
    await redeem(m1, 120)
    await adjust(m1, -30)
    at('2026-03-20T04:00:00Z')
    await adjust(m1, 100)
    await adjust(m2, 80)
    // The first lots reach their expiry on 1 April; the job takes what is left of them.
    at('2026-04-05T04:00:00Z')
    const expired = await services.jobs.runNow(shop, 'points-expiry')
    expect(expired).toEqual({ processed: 150 })
    await redeem(m1, 40)
  })
})
afterAll(() => drop())

async function plant(statement: ReturnType<typeof sql>) {
  await onDatabase((services) => statement.execute(services.db))
}

describe('loyalbase ledger check', () => {
  it('finds a clean ledger after adjustments, redemptions and expiry consistent', async () => {
    expect(await cli(['ledger', 'check', '--program', shop])).toEqual({
      code: 0,
      stdout: 'checked 2 members, 3 lots: 0 differences\n',
      stderr: '',
    })
  })

  it('checks every program without --program', async () => {
    expect(await cli(['ledger', 'check'])).toEqual({
      code: 0,
      stdout: 'checked 3 members, 3 lots: 0 differences\n',
      stderr: '',
    })
  })

  it('names a balance changed behind the ledger, and exits 1', async () => {
    await plant(sql`UPDATE members SET points_available = points_available + 7 WHERE id = ${m1}`)
    try {
      expect(await cli(['ledger', 'check', '--program', shop])).toEqual({
        code: 1,
        stdout: [
          `${shop} ${m1} available: expected 60, actual 67`,
          'checked 2 members, 3 lots: 1 difference',
          '',
        ].join('\n'),
        stderr: '',
      })
    } finally {
      await plant(sql`UPDATE members SET points_available = points_available - 7 WHERE id = ${m1}`)
    }
  })

  it("names a lot's remainder changed behind the ledger, and what it does to the balance", async () => {
    const lot = await onDatabase(async (services) => {
      const row = await services.db
        .selectFrom('point_lots')
        .select('id')
        .where('member_id', '=', m2)
        .executeTakeFirstOrThrow()
      return row.id
    })
    await plant(sql`UPDATE point_lots SET remaining = remaining - 5 WHERE id = ${lot}`)
    try {
      const outcome = await cli(['ledger', 'check', '--program', shop])
      expect(outcome).toEqual({
        code: 1,
        stdout: [
          `${shop} ${m2} available lots: expected 80, actual 75`,
          `${shop} ${m2} ${lot} remaining: expected 80, actual 75`,
          'checked 2 members, 3 lots: 2 differences',
          '',
        ].join('\n'),
        stderr: '',
      })
    } finally {
      await plant(sql`UPDATE point_lots SET remaining = remaining + 5 WHERE id = ${lot}`)
    }
  })

  it('draws a bar of the members checked when stderr is a terminal', async () => {
    const outcome = await cli(['ledger', 'check', '--program', shop], { tty: true })
    expect(outcome.code).toBe(0)
    expect(outcome.stdout).toBe('checked 2 members, 3 lots: 0 differences\n')
    expect(outcome.stderr).toContain('2/2 members')
  })

  it('exits 1 with a clear message when the program does not exist', async () => {
    expect(await cli(['ledger', 'check', '--program', 'prog_missing'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: There is no program "prog_missing".\n',
    })
  })

  it('exits 1 as the installed executable when it finds a difference', async () => {
    await plant(sql`UPDATE members SET points_earned = 3 WHERE id = ${m2}`)
    try {
      const run = promisify(execFile)(
        process.execPath,
        [BIN, 'ledger', 'check', '--program', shop],
        {
          env: { ...process.env, DATABASE_URL: url },
        },
      )
      await expect(run).rejects.toMatchObject({
        code: 1,
        stdout: `${shop} ${m2} lifetime.earned: expected 0, actual 3\nchecked 2 members, 3 lots: 1 difference\n`,
        stderr: '',
      })
    } finally {
      await plant(sql`UPDATE members SET points_earned = 0 WHERE id = ${m2}`)
    }
  })
})
