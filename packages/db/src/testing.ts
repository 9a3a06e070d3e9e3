import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { type Database, migrate, openDatabase } from './index.js'

export type TestEngine = 'pglite' | 'postgres'

/** Which engine this test run uses: the vitest project sets LB_TEST_ENGINE. */
export function testEngine(): TestEngine {
  return process.env.LB_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite'
}

export interface TestDatabase {
  database: Database
  url: string
  /** Closes the connection and drops the database. */
  drop(): Promise<void>
}

function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL
  if (!url) throw new Error('TEST_DATABASE_URL must be set to run the postgres test project')
  return url
}

/** A fresh, migrated database of its own: an in-memory PGlite, or a new PostgreSQL database. */
export async function createTestDb(engine: TestEngine = testEngine()): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const database = await openDatabase('pglite:memory')
    await migrate(database)
    return { database, url: 'pglite:memory', drop: () => database.close() }
  }
  const name = `lb_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl() })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(serverUrl())
  url.pathname = `/${name}`
  const database = await openDatabase(url.toString())
  await migrate(database)
  return {
    database,
    url: url.toString(),
    async drop() {
      await database.close()
      const client = new pg.Client({ connectionString: serverUrl() })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await client.end()
    },
  }
}
