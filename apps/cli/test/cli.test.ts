import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { createServices, type JobRun, systemClock } from '@loyalbase/core'
import { migrate, openDatabase } from '@loyalbase/db'
import { createTestDb, testEngine } from '@loyalbase/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../src/cli.program.js'

const BIN = fileURLToPath(new URL('../bin/loyalbase.js', import.meta.url))

interface Outcome {
  code: number
  stdout: string
  stderr: string
}

function sink() {
  let text = ''
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk)
      done()
    },
  })
  return { stream, text: () => text }
}

async function cli(argv: string[], env: NodeJS.ProcessEnv): Promise<Outcome> {
  const stdout = sink()
  const stderr = sink()
  const code = await runCli(argv, { env, stdout: stdout.stream, stderr: stderr.stream })
  return { code, stdout: stdout.text(), stderr: stderr.text() }
}

/**
 * A migrated database with one program that a second process can open too: the engine's
 * test database on PostgreSQL, a PGlite folder (closed again) on PGlite.
 */
async function prepareDatabase(): Promise<{
  url: string
  programId: string
  drop(): Promise<void>
}> {
  const createProgram = async (db: Parameters<typeof createServices>[0]) => {
    const created = await createServices(db, systemClock).programs.create({ name: 'CLI test' })
    return (JSON.parse(created.body) as { id: string }).id
  }
  if (testEngine() === 'postgres') {
    const testDb = await createTestDb()
    return {
      url: testDb.url,
      programId: await createProgram(testDb.database.db),
      drop: testDb.drop,
    }
  }
  const folder = await mkdtemp(join(tmpdir(), 'lb-cli-'))
  const url = `pglite:${folder}`
  const database = await openDatabase(url)
  await migrate(database)
  const programId = await createProgram(database.db)
  await database.close()
  return { url, programId, drop: () => rm(folder, { recursive: true, force: true }) }
}

async function jobRuns(url: string, programId: string): Promise<JobRun[]> {
  const database = await openDatabase(url)
  try {
    return (await createServices(database.db, systemClock).jobs.runs(programId, {})).data
  } finally {
    await database.close()
  }
}

let db: Awaited<ReturnType<typeof prepareDatabase>>
let env: NodeJS.ProcessEnv

beforeAll(async () => {
  db = await prepareDatabase()
  env = { DATABASE_URL: db.url }
})
afterAll(() => db.drop())

describe('loyalbase jobs run', () => {
  it('runs housekeeping for a program and prints how many items it processed', async () => {
    const outcome = await cli(['jobs', 'run', 'housekeeping', '--program', db.programId], env)
    expect(outcome).toEqual({ code: 0, stdout: 'processed: 0\n', stderr: '' })
  })

  it('records a manual run as of the given time', async () => {
    const outcome = await cli(
      [
        'jobs',
        'run',
        'housekeeping',
        '--program',
        db.programId,
        '--as-of',
        '2025-03-01T08:00:00+08:00',
      ],
      env,
    )
    expect(outcome).toEqual({ code: 0, stdout: 'processed: 0\n', stderr: '' })
    const runs = await jobRuns(db.url, db.programId)
    expect(runs.find((run) => run.as_of === '2025-03-01T00:00:00.000Z')).toMatchObject({
      name: 'housekeeping',
      trigger: 'manual',
      processed: 0,
      error: null,
    })
  })

  it('exits 1 naming the known jobs when the job does not exist', async () => {
    const outcome = await cli(['jobs', 'run', 'nope', '--program', db.programId], env)
    expect(outcome).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'error: There is no job named "nope" (known jobs: housekeeping, tier-evaluation, points-release, points-expiry, coupon-codes, campaigns).\n',
    })
  })

  it('exits 1 when the program does not exist', async () => {
    const outcome = await cli(['jobs', 'run', 'housekeeping', '--program', 'prog_missing'], env)
    expect(outcome).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: There is no program "prog_missing".\n',
    })
  })

  it.each(['yesterday', '2025-03-01', '2025-02-30T00:00:00Z'])(
    'exits 2 on --as-of %j',
    async (asOf) => {
      const argv = ['jobs', 'run', 'housekeeping', '--program', db.programId, '--as-of', asOf]
      const outcome = await cli(argv, env)
      expect(outcome.code).toBe(2)
      expect(outcome.stdout).toBe('')
      expect(outcome.stderr).toBe(
        `error: option '--as-of <time>' argument '${asOf}' is invalid. Expected an ISO 8601 time with a zone, like 2025-03-01T00:00:00Z or 2025-03-01T08:00:00+08:00.\n`,
      )
    },
  )

  it('exits 2 without --program', async () => {
    const outcome = await cli(['jobs', 'run', 'housekeeping'], env)
    expect(outcome).toEqual({
      code: 2,
      stdout: '',
      stderr: "error: required option '--program <id>' not specified\n",
    })
  })

  it('exits 1 with the address, not the password, when the database cannot be reached', async () => {
    const outcome = await cli(['jobs', 'run', 'housekeeping', '--program', db.programId], {
      DATABASE_URL: 'postgres://lb:s3cret@127.0.0.1:1/loyalbase',
    })
    expect(outcome.code).toBe(1)
    expect(outcome.stderr).toMatch(
      /^error: cannot open the database postgres:\/\/lb:\*\*\*@127\.0\.0\.1:1\/loyalbase: .*ECONNREFUSED/,
    )
  })

  it('works as the installed executable', async () => {
    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, [BIN, ...args], {
        env: { ...process.env, DATABASE_URL: db.url },
      })
    await expect(run(['jobs', 'run', 'housekeeping', '--program', db.programId])).resolves.toEqual({
      stdout: 'processed: 0\n',
      stderr: '',
    })
    await expect(run(['jobs', 'run', 'nope', '--program', db.programId])).rejects.toMatchObject({
      code: 1,
      stdout: '',
      stderr:
        'error: There is no job named "nope" (known jobs: housekeeping, tier-evaluation, points-release, points-expiry, coupon-codes, campaigns).\n',
    })
  })
})
