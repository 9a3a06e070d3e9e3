import { randomBytes } from 'node:crypto'
import type { Config } from '@loyalbase/config'
import { type RunningServer, startServer } from '@loyalbase/server'
import type {
  BenchOptions,
  BenchReport,
  BenchScenario,
  BenchScenarioName,
  EngineRun,
} from './bench.js'
import { createBenchProgram } from './bench-api.client.js'
import { type BenchTarget, openBenchTarget } from './bench-database.target.js'
import { benchCampaigns } from './campaigns.scenario.js'
import { benchCeiling } from './ceiling.scenario.js'
import { benchCouponCodes } from './coupon-codes.scenario.js'
import { type CpuProfile, type CpuProfiler, startCpuProfile } from './cpu-profile.js'
import { benchExpiry } from './expiry.scenario.js'
import { runLoad, sampleRss } from './load.runner.js'
import { memberCreations, memberReads } from './members.scenario.js'
import { benchOrders } from './orders.scenario.js'
import { benchOrdersBenefits } from './orders-benefits.scenario.js'
import { benchOrdersRedeem } from './orders-redeem.scenario.js'
import { benchOrdersTiers } from './orders-tiers.scenario.js'
import { benchQuotes } from './quotes.scenario.js'
import { benchRewards } from './rewards.scenario.js'
import { benchSegments } from './segments.scenario.js'
import { benchTiers } from './tiers.scenario.js'
import { benchTransfer } from './transfer.scenario.js'
import { BENCH_WEBHOOK_SENDER, benchWebhooks } from './webhooks.scenario.js'

/**
 * The default limit (10,000 a second per key) could cap reads on a fast machine; the bench
 * measures the engine, not the limiter.
 */
export const BENCH_RATE_LIMIT = 1_000_000

const MB = 1024 * 1024

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
    pgliteThread: true,
    webhooks: { ...BENCH_WEBHOOK_SENDER },
  }
}

// startServer's url says "localhost", which may resolve to ::1; the server listens on IPv4 only.
function loopbackUrl(server: RunningServer): string {
  const address = server.app.server.address()
  if (typeof address !== 'object' || address === null) throw new Error('server has no port')
  return `http://127.0.0.1:${address.port}`
}

async function runLoadScenario(run: EngineRun, scenario: BenchScenario) {
  const plan = await scenario.prepare(run.api, run.options.progress)
  run.options.signal?.throwIfAborted()
  await run.measureLoad(scenario.name, run.api, plan)
}

/** Each scenario as one step on one engine, in the fixed order of `BENCH_SCENARIO_NAMES`. */
const SCENARIO_STEPS: Record<BenchScenarioName, (run: EngineRun) => Promise<void>> = {
  async members(run) {
    await runLoadScenario(run, memberCreations)
    await runLoadScenario(run, memberReads)
  },
  orders: benchOrders,
  quotes: benchQuotes,
  'orders-redeem': benchOrdersRedeem,
  'orders-benefits': benchOrdersBenefits,
  rewards: benchRewards,
  webhooks: benchWebhooks,
  async transfer(run) {
    run.report.transfers.push(...(await benchTransfer(run)))
  },
  'orders-tiers': benchOrdersTiers,
  ceiling: benchCeiling,
  expiry: benchExpiry,
  tiers: benchTiers,
  segments: benchSegments,
  'coupon-codes': benchCouponCodes,
  campaigns: benchCampaigns,
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
      async load(label, loadApi, plan, settings = {}) {
        const seconds = settings.seconds ?? options.seconds
        const tracker = progress.load(`${target.label}: ${label}`, seconds)
        // Both start when autocannon does, so that they cover the load and nothing before it.
        const during: { rss?: { stop(): number }; profiler?: Promise<CpuProfiler> } = {}
        const onStart = () => {
          during.rss = sampleRss()
          if (settings.profile) during.profiler = startCpuProfile()
        }
        let result: Awaited<ReturnType<typeof runLoad>>
        let peakRss = 0
        let cpuProfile: CpuProfile | undefined
        try {
          result = await runLoad({
            url: loadApi.baseUrl,
            headers: loadApi.key === undefined ? {} : { authorization: `Bearer ${loadApi.key}` },
            plan,
            seconds,
            connections: options.connections,
            onStart,
            onTick: tracker.tick,
            ...(signal ? { signal } : {}),
          })
        } finally {
          tracker.done()
          peakRss = during.rss?.stop() ?? process.memoryUsage.rss()
          if (during.profiler) cpuProfile = await (await during.profiler).stop()
        }
        signal?.throwIfAborted()
        if (result.errors > 0) {
          progress.phase(
            `${result.errors} requests got no response (connection errors or timeouts)`,
          )
        }
        return {
          ...result,
          serverRssMb: peakRss / MB,
          ...(cpuProfile ? { cpuProfile } : {}),
        }
      },
      async measureLoad(scenario, loadApi, plan, settings = {}) {
        const result = await run.load(scenario, loadApi, plan, settings)
        report.loads.push({
          engine: target.label,
          scenario,
          requestsPerSecond: result.requestsPerSecond,
          p50Ms: result.p50Ms,
          p99Ms: result.p99Ms,
          non2xx: result.non2xx,
          requests: result.requests,
          serverRssMb: result.serverRssMb,
        })
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
    quotesChecks: [],
    segmentCounts: [],
    bulkCodes: [],
    redeemChecks: [],
    benefitChecks: [],
    rewardsChecks: [],
    webhooks: [],
    transfers: [],
    campaignRuns: [],
    profiles: [],
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
  if (options.profileDir !== undefined && report.profiles.length === 0) {
    report.notes.push(
      '--profile: no CPU profile was taken (it covers the orders, quotes and orders-redeem scenarios only).',
    )
  }
  return report
}
