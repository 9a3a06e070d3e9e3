import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { redactUrl } from '../cli.errors.js'
import type { BenchEngine } from './bench.js'

export type BenchTarget =
  | {
      kind: 'ready'
      /** How the engine is named in the table, e.g. `postgres 15.20`. */
      label: string
      databaseUrl: string
      /** Where the scratch database lives, for the progress line. */
      description: string
      dispose(): Promise<void>
    }
  | { kind: 'skipped'; reason: string }

const CONNECT_TIMEOUT_MS = 3_000

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

async function withAdminClient<T>(serverUrl: string, use: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({
    connectionString: serverUrl,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  })
  // A server that goes away mid-session emits 'error'; the pending query reports it.
  client.on('error', () => {})
  await client.connect()
  try {
    return await use(client)
  } finally {
    await client.end()
  }
}

/** A fresh database `lb_bench_<random>` on the server, dropped again by `dispose`. */
async function postgresTarget(serverUrl: string): Promise<BenchTarget> {
  const name = `lb_bench_${randomBytes(6).toString('hex')}`
  let version: string
  try {
    version = await withAdminClient(serverUrl, async (client) => {
      const shown = await client.query<{ server_version: string }>('SHOW server_version')
      await client.query(`CREATE DATABASE ${name}`)
      return shown.rows[0]?.server_version.split(' ')[0] ?? 'unknown'
    })
  } catch (error) {
    return { kind: 'skipped', reason: `${redactUrl(serverUrl)} is not usable: ${message(error)}` }
  }
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    kind: 'ready',
    label: `postgres ${version}`,
    databaseUrl: url.toString(),
    description: `scratch database ${name} on ${redactUrl(serverUrl)}`,
    async dispose() {
      await withAdminClient(serverUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      )
    },
  }
}

/**
 * PGlite on disk, as `npm start` runs it by default (not in memory): a fresh folder under the
 * temporary directory, removed by `dispose`.
 */
async function pgliteTarget(): Promise<BenchTarget> {
  const folder = await mkdtemp(join(tmpdir(), 'lb-bench-pglite-'))
  return {
    kind: 'ready',
    label: 'pglite (disk)',
    databaseUrl: `pglite:${folder}`,
    description: `a fresh folder ${folder}`,
    async dispose() {
      await rm(folder, { recursive: true, force: true })
    },
  }
}

export async function openBenchTarget(
  engine: BenchEngine,
  postgresUrl: string,
): Promise<BenchTarget> {
  if (engine === 'postgres') return postgresTarget(postgresUrl)
  return pgliteTarget()
}
