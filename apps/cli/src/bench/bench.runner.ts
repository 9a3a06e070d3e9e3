import { randomBytes } from 'node:crypto'
import { type Config, type RunningServer, startServer } from '@loyalbase/server'
import type {
  BenchOptions,
  BenchReport,
  BenchScenario,
  BenchScenarioName,
  EngineRun,
} from './bench.js'
import { createBenchProgram } from './bench-api.client.js'
import { type BenchTarget, openBenchTarget } from './bench-database.target.js'
import { benchCeiling } from './ceiling.scenario.js'
import { benchExpiry } from './expiry.scenario.js'
import { runLoad } from './load.runner.js'
import { memberCreations, memberReads } from './members.scenario.js'
import { benchOrders } from './orders.scenario.js'
import { benchOrdersTiers } from './orders-tiers.scenario.js'
import { benchTiers } from './tiers.scenario.js'

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

async function runLoadScenario(run: EngineRun, scenario: BenchScenario) {
  const requests = await scenario.prepare(run.api, run.options.progress)
  run.options.signal?.throwIfAborted()
  await run.measureLoad(scenario.name, run.api, requests)
}

/** Each scenario as one step on one engine, in the fixed order of `BENCH_SCENARIO_NAMES`. */
const SCENARIO_STEPS: Record<BenchScenarioName, (run: EngineRun) => Promise<void>> = {
  async members(run) {
    await runLoadScenario(run, memberCreations)
    await runLoadScenario(run, memberReads)
  },
  orders: benchOrders,
  'orders-tiers': benchOrdersTiers,
  ceiling: benchCeiling,
  expiry: benchExpiry,
  tiers: benchTiers,
}

async function benchEngine(
  target: Extract<BenchTarget, { kind: 'ready' }>,
  engine: EngineRun['engine'],
  options: BenchOptions,
  report: BenchReport,
): Promise<void> {
  const { progress, signal } = options
  const adminKey = `lb_admin_bench_${randomBytes(16).toString('hex')}`
  const server = await startServer(serverConfig(target.databaseUrl, adminKey))
  try {
    const api = await createBenchProgram(loopbackUrl(server), adminKey)
    const run: EngineRun = {
      engine,
      label: target.label,
      databaseUrl: target.databaseUrl,
      server,
      adminKey,
      api,
      options,
      report,
      async load(label, loadApi, requests, seconds = options.seconds) {
        const tracker = progress.load(`${target.label}: ${label}`, seconds)
        const result = await runLoad({
          url: loadApi.baseUrl,
          headers: { authorization: `Bearer ${loadApi.key}` },
          requests,
          seconds,
          connections: options.connections,
          onTick: tracker.tick,
          ...(signal ? { signal } : {}),
        }).finally(tracker.done)
        signal?.throwIfAborted()
        if (result.errors > 0) {
          progress.phase(
            `${result.errors} requests got no response (connection errors or timeouts)`,
          )
        }
        return result
      },
      async measureLoad(scenario, loadApi, requests) {
        const result = await run.load(scenario, loadApi, requests)
        const { errors: _, ok2xx: __, ...measured } = result
        report.loads.push({ engine: target.label, scenario, ...measured })
        return result
      },
    }
    for (const name of options.scenarios) {
      signal?.throwIfAborted()
      await SCENARIO_STEPS[name](run)
    }
  } finally {
    await server.close()
  }
}

/**
 * Runs the chosen scenarios against a real server on each engine in turn and returns what
 * they measured. An engine that cannot be reached is skipped, with a progress line why.
 */
export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const report: BenchReport = {
    loads: [],
    orderChecks: [],
    ceilings: [],
    expiries: [],
    tierEvaluations: [],
    notes: [],
  }
  for (const engine of options.engines) {
    options.signal?.throwIfAborted()
    const target = await openBenchTarget(engine, options.postgresUrl)
    if (target.kind === 'skipped') {
      options.progress.phase(`${engine}: skipped, ${target.reason}`)
      continue
    }
    options.progress.phase(`${target.label}: starting the server on ${target.description}`)
    try {
      await benchEngine(target, engine, options, report)
    } finally {
      await target.dispose()
    }
  }
  return report
}
