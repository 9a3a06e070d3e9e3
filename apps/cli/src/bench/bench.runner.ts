import { randomBytes } from 'node:crypto'
import { type Config, type RunningServer, startServer } from '@loyalbase/server'
import type { BenchOptions, BenchRow } from './bench.js'
import { createBenchProgram } from './bench-api.client.js'
import { type BenchTarget, openBenchTarget } from './bench-database.target.js'
import { runLoad } from './load.runner.js'

/**
 * The default limit (10,000 a second per key) could cap reads on a fast machine; the bench
 * measures the engine, not the limiter.
 */
export const BENCH_RATE_LIMIT = 1_000_000

function serverConfig(databaseUrl: string, adminKey: string): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    databaseUrl,
    adminKey,
    demo: false,
    rateLimit: BENCH_RATE_LIMIT,
    trustProxy: false,
    logLevel: 'warn',
    webDist: undefined,
    schedulerIntervalMs: 0,
  }
}

// startServer's url says "localhost", which may resolve to ::1; the server listens on IPv4 only.
function loopbackUrl(server: RunningServer): string {
  const address = server.app.server.address()
  if (typeof address !== 'object' || address === null) throw new Error('server has no port')
  return `http://127.0.0.1:${address.port}`
}

async function benchEngine(
  target: Extract<BenchTarget, { kind: 'ready' }>,
  options: BenchOptions,
): Promise<BenchRow[]> {
  const { progress, signal } = options
  const adminKey = `lb_admin_bench_${randomBytes(16).toString('hex')}`
  const server = await startServer(serverConfig(target.databaseUrl, adminKey))
  try {
    const api = await createBenchProgram(loopbackUrl(server), adminKey)
    const rows: BenchRow[] = []
    for (const scenario of options.scenarios) {
      signal?.throwIfAborted()
      const requests = await scenario.prepare(api, progress)
      signal?.throwIfAborted()
      const tracker = progress.load(`${target.label}: ${scenario.name}`, options.seconds)
      const result = await runLoad({
        url: api.baseUrl,
        headers: { authorization: `Bearer ${api.key}` },
        requests,
        seconds: options.seconds,
        connections: options.connections,
        onTick: tracker.tick,
        ...(signal ? { signal } : {}),
      }).finally(tracker.done)
      if (result.errors > 0) {
        progress.phase(`${result.errors} requests got no response (connection errors or timeouts)`)
      }
      const { errors: _, ...measured } = result
      rows.push({ engine: target.label, scenario: scenario.name, ...measured })
    }
    return rows
  } finally {
    await server.close()
  }
}

/**
 * Runs every scenario against a real server on each engine in turn and returns one row per
 * engine and scenario. An engine that cannot be reached is skipped, with a progress line why.
 */
export async function runBench(options: BenchOptions): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  for (const engine of options.engines) {
    options.signal?.throwIfAborted()
    const target = await openBenchTarget(engine, options.postgresUrl)
    if (target.kind === 'skipped') {
      options.progress.phase(`${engine}: skipped, ${target.reason}`)
      continue
    }
    options.progress.phase(`${target.label}: starting the server on ${target.description}`)
    try {
      rows.push(...(await benchEngine(target, options)))
    } finally {
      await target.dispose()
    }
  }
  return rows
}
