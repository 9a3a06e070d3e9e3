import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { type Clock, createServices, type Services } from '@loyalbase/core'
import { migrate, openDatabase } from '@loyalbase/db'
import { createTestDb, testEngine } from '@loyalbase/db/testing'
import { runCli } from '../src/cli.program.js'

/*
 * A database of its own for a CLI test file — PostgreSQL's test database, or a PGlite folder —
 * the command line run in-process against it, and the services on it while the CLI is not using
 * it (PGlite's folder holds one process at a time).
 */

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

export interface CliDatabase {
  url: string
  folder: string
  cli(
    argv: string[],
    options?: { tty?: boolean },
  ): Promise<{ code: number; stdout: string; stderr: string }>
  onDatabase<T>(use: (services: Services) => Promise<T>): Promise<T>
  drop(): Promise<void>
}

export async function cliDatabase(clock: Clock, prefix: string): Promise<CliDatabase> {
  const folder = await mkdtemp(join(tmpdir(), prefix))
  let url: string
  let dropDb: () => Promise<void> = async () => {}
  if (testEngine() === 'postgres') {
    const testDb = await createTestDb()
    url = testDb.url
    await testDb.database.close()
    dropDb = testDb.drop
  } else {
    url = `pglite:${join(folder, 'db')}`
  }
  return {
    url,
    folder,
    async cli(argv, options = {}) {
      const stdout = sink()
      const stderr = sink(options.tty)
      const code = await runCli(argv, {
        env: { DATABASE_URL: url },
        stdout: stdout.stream,
        stderr: stderr.stream,
      })
      return { code, stdout: stdout.text(), stderr: stderr.text() }
    },
    async onDatabase(use) {
      const database = await openDatabase(url)
      try {
        await migrate(database)
        return await use(createServices(database.db, clock))
      } finally {
        await database.close()
      }
    },
    async drop() {
      await dropDb()
      await rm(folder, { recursive: true, force: true })
    },
  }
}
