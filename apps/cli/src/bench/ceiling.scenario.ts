import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BARE_POOL_SIZE, startBareRoute } from './bare-route.server.js'
import type { CeilingRow, EngineRun } from './bench.js'

/** pgbench's clients and threads for the ceiling, as issue 4 asks: 8 clients, prepared. */
export const CEILING_CLIENTS = 8
const CEILING_THREADS = 2
const CEILING_MEMBERS = 1_000

/**
 * Side tables in the scratch database, beside Loyalbase's own: the bare shape of an order
 * write, with text keys like Loyalbase's and nothing else (no foreign keys, rules, idempotency
 * or JSON), so that what pgbench reaches is the database's own ceiling.
 */
export const CEILING_SETUP_SQL = `
DROP TABLE IF EXISTS bench_orders, bench_ledger, bench_balances;
DROP SEQUENCE IF EXISTS bench_order_seq;
CREATE SEQUENCE bench_order_seq;
CREATE TABLE bench_balances (member_id int PRIMARY KEY, points bigint NOT NULL DEFAULT 0);
INSERT INTO bench_balances (member_id) SELECT g FROM generate_series(1, ${CEILING_MEMBERS}) g;
CREATE TABLE bench_orders (
  id text PRIMARY KEY,
  member_id int NOT NULL,
  amount bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE bench_ledger (
  id bigserial PRIMARY KEY,
  order_id text NOT NULL,
  member_id int NOT NULL,
  points bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
ANALYZE bench_balances;
`

/**
 * The bare write as one statement (data-modifying CTEs): inserts an order row under the key
 * `id`, a ledger row for it, and adds its points to member `member`'s balance row. pgbench and
 * the bare route run it with their own placeholders.
 */
function ceilingStatement(values: { id: string; member: string; amount: string }): string {
  return `WITH o AS (
  INSERT INTO bench_orders (id, member_id, amount)
  VALUES (${values.id}, ${values.member}, ${values.amount})
  RETURNING id, member_id, amount
), l AS (
  INSERT INTO bench_ledger (order_id, member_id, points)
  SELECT id, member_id, amount / 100 FROM o
  RETURNING member_id, points
)
UPDATE bench_balances b SET points = b.points + l.points FROM l WHERE b.member_id = l.member_id`
}

/**
 * One transaction of one statement: inserts an order row under a unique key (a sequence), a
 * ledger row for it, and adds its points to a random member's balance row.
 */
export const CEILING_SCRIPT = `\\set member random(1, ${CEILING_MEMBERS})
\\set amount random(100, 100000)
${ceilingStatement({
  id: "'o-' || :client_id || '-' || nextval('bench_order_seq')",
  member: ':member',
  amount: ':amount',
})};
`

/**
 * The same statement for the bare route: `$1` the order id from the request's body, `$2` the
 * member (1 … 1,000), `$3` the amount.
 */
export const BARE_ROUTE_STATEMENT = ceilingStatement({ id: '$1', member: '$2', amount: '$3' })

/** The bare route's row in the HTTP load table. */
export const BARE_ROUTE_SCENARIO = 'bare route (1 statement)'

export interface PgbenchFigures {
  tps: number
  latencyAvgMs: number
  transactions: number
  failed: number
}

/** Reads pgbench's summary (PostgreSQL 13 and later, and the older wording of tps). */
export function parsePgbenchOutput(text: string): PgbenchFigures | undefined {
  const tps =
    /tps = ([\d.]+) \((?:without initial connection time|excluding connections establishing)\)/.exec(
      text,
    )
  const latency = /latency average = ([\d.]+) ms/.exec(text)
  const processed = /number of transactions actually processed: (\d+)/.exec(text)
  if (!tps?.[1] || !latency?.[1] || !processed?.[1]) return undefined
  const failed = /number of failed transactions: (\d+)/.exec(text)
  return {
    tps: Number(tps[1]),
    latencyAvgMs: Number(latency[1]),
    transactions: Number(processed[1]),
    failed: failed?.[1] ? Number(failed[1]) : 0,
  }
}

function runPgbench(
  args: string[],
  env: NodeJS.ProcessEnv,
  signal: AbortSignal | undefined,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('pgbench', args, {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(signal ? { signal } : {}),
    })
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += String(chunk)
    })
    child.stderr.on('data', (chunk) => {
      output += String(chunk)
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, output }))
  })
}

/**
 * pgbench takes libpq's settings; the scratch database's URL is passed as the database name,
 * which libpq reads as a connection URI.
 */
function pgbenchArgs(databaseUrl: string, seconds: number, script: string): string[] {
  return [
    '-M',
    'prepared',
    '-c',
    String(CEILING_CLIENTS),
    '-j',
    String(CEILING_THREADS),
    '-T',
    String(seconds),
    '-n',
    '-f',
    script,
    databaseUrl,
  ]
}

/**
 * The database's own ceiling for the bare write: pgbench on the same scratch database, for as
 * long as each HTTP load runs. A missing or failing pgbench becomes a note.
 */
async function measurePgbench(run: EngineRun): Promise<void> {
  const { options, report } = run
  const folder = await mkdtemp(join(tmpdir(), 'lb-bench-'))
  try {
    const script = join(folder, 'bare-write.sql')
    await writeFile(script, CEILING_SCRIPT)
    const tracker = options.progress.load(
      `${run.label}: pgbench bare write (${CEILING_CLIENTS} clients, prepared)`,
      options.seconds,
    )
    const timer = setInterval(tracker.tick, 1_000)
    let outcome: Awaited<ReturnType<typeof runPgbench>>
    try {
      outcome = await runPgbench(
        pgbenchArgs(run.databaseUrl, options.seconds, script),
        process.env,
        options.signal,
      )
    } catch (error) {
      options.signal?.throwIfAborted()
      const reason = error instanceof Error ? error.message : String(error)
      report.notes.push(`ceiling not measured: pgbench could not be started (${reason})`)
      return
    } finally {
      clearInterval(timer)
      tracker.done()
    }
    const figures = parsePgbenchOutput(outcome.output)
    if (outcome.code !== 0 || !figures) {
      const tail = outcome.output.trim().split('\n').slice(-3).join(' / ')
      report.notes.push(`ceiling not measured: pgbench exited ${outcome.code}: ${tail}`)
      return
    }
    if (figures.failed > 0) {
      report.notes.push(`pgbench: ${figures.failed} transactions failed during the ceiling run`)
    }
    const row: CeilingRow = {
      engine: run.label,
      clients: CEILING_CLIENTS,
      seconds: options.seconds,
      tps: figures.tps,
      latencyAvgMs: figures.latencyAvgMs,
      transactions: figures.transactions,
    }
    report.ceilings.push(row)
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

/**
 * The ceiling of one HTTP round trip and one statement from Node on this machine: a bare
 * Fastify route in this process (bare-route.server.ts) runs `BARE_ROUTE_STATEMENT` on the side
 * tables for each request, driven by the load generator's process exactly as `orders/s` is
 * (same connections, same seconds, a unique order id per request). Its row goes to the HTTP
 * load table; afterwards the side table must hold every order answered 2xx, plus at most one
 * cut off per connection, or a note says otherwise.
 */
async function measureBareRoute(run: EngineRun): Promise<void> {
  const { options, report } = run
  options.progress.phase(
    `${run.label}: starting a bare Fastify route (one prepared statement, pg pool of ${BARE_POOL_SIZE})`,
  )
  const route = await startBareRoute({
    databaseUrl: run.databaseUrl,
    statement: BARE_ROUTE_STATEMENT,
    members: CEILING_MEMBERS,
  })
  try {
    const prefix = `bare-${randomBytes(4).toString('hex')}-`
    const result = await run.measureLoad(
      BARE_ROUTE_SCENARIO,
      { baseUrl: route.url },
      { kind: 'bare-orders', prefix, members: CEILING_MEMBERS },
    )
    // Every 2xx was committed before it was sent; requests the stop cut off may still land.
    const stored = await route.countOrders(prefix)
    if (stored < result.ok2xx || stored > result.ok2xx + options.connections) {
      report.notes.push(
        `bare route: ${stored} orders in bench_orders for ${result.ok2xx} 2xx answers ` +
          `(expected ${result.ok2xx} to ${result.ok2xx + options.connections})`,
      )
    }
  } finally {
    await route.close()
  }
}

/**
 * PostgreSQL only: pgbench's bare write on the scratch database, then the same statement
 * behind a bare Fastify route, on the side tables pgbench wrote.
 */
export async function benchCeiling(run: EngineRun): Promise<void> {
  if (run.engine !== 'postgres') return
  run.options.progress.phase(`${run.label}: creating the side tables for pgbench`)
  await run.server.database.execScript(CEILING_SETUP_SQL)
  await measurePgbench(run)
  run.options.signal?.throwIfAborted()
  await measureBareRoute(run)
}
