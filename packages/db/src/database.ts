import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { PGliteDialect } from './pglite-dialect.js'
import { type PGliteLike, startPGliteThread } from './pglite-thread.js'
import { prepareRegisteredStatements } from './prepared.js'
import type { DB } from './schema.js'

export type Engine = 'pglite' | 'postgres'

export interface Database {
  readonly db: Kysely<DB>
  readonly engine: Engine
  /** Runs a multi-statement SQL script (migrations) on one connection. */
  execScript(script: string): Promise<void>
  close(): Promise<void>
}

// int8 (bigint) comes back as a number, exactly or not at all: the API bounds amounts and
// points so that balances stay far below 2^53, and a value past it fails loudly instead of
// being rounded. numeric (sums, averages) comes back as a number.
const INT8 = 20
const NUMERIC = 1700
const ADMIN_SHUTDOWN = '57P01'

/** An int8 as a JavaScript number, or an error when the number could not hold it exactly. */
export function exactInt8(text: string): number {
  const value = Number(text)
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`int8 ${text} lies beyond the exact range of a number (2^53 - 1)`)
  }
  return value
}

/**
 * Opens the database named by a `DATABASE_URL`: `postgres://…`, `pglite:PATH` (a folder) or
 * `pglite:memory`.
 */
export async function openDatabase(
  url: string,
  options: { poolSize?: number; pgliteThread?: boolean } = {},
) {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    return openPostgres(url, options.poolSize ?? 20)
  }
  if (url.startsWith('pglite:')) {
    return openPGlite(url.slice('pglite:'.length), options.pgliteThread ?? false)
  }
  throw new Error(
    `DATABASE_URL must start with postgres://, postgresql:// or pglite: (got "${url}")`,
  )
}

async function openPGlite(location: string, ownThread: boolean): Promise<Database> {
  const inMemory = location === 'memory' || location === ''
  if (!inMemory) mkdirSync(location, { recursive: true })
  // relaxedDurability stays off: every statement is flushed, so a kill -9 loses nothing committed.
  const pglite: PGliteLike = ownThread
    ? await startPGliteThread(inMemory ? undefined : location)
    : await PGlite.create(inMemory ? undefined : location, {
        relaxedDurability: false,
        parsers: { [INT8]: exactInt8, [NUMERIC]: Number },
      })
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) })
  return {
    db,
    engine: 'pglite',
    async execScript(script) {
      // Holding a Kysely connection holds the PGlite mutex, so nothing interleaves.
      await db.connection().execute(async () => {
        await pglite.exec(script)
      })
    },
    async close() {
      await db.destroy()
    },
  }
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === INT8) return exactInt8
      if (oid === NUMERIC) return Number
      return pg.types.getTypeParser(oid, format)
    },
  }
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types })
  // An idle client can lose its server (restart, failover, a dropped test database); without a
  // listener that error would crash the process. The pool replaces the client on next use.
  pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== ADMIN_SHUTDOWN)
      console.error(`postgres: idle connection lost: ${error.message}`)
  })
  pool.on('connect', prepareRegisteredStatements)
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
  await sql`select 1`.execute(db)
  return {
    db,
    engine: 'postgres',
    async execScript(script) {
      const client = await pool.connect()
      try {
        await client.query(script)
      } finally {
        client.release()
      }
    },
    async close() {
      await db.destroy()
    },
  }
}
