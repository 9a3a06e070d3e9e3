import { cpus, loadavg } from 'node:os'
import { type Command, InvalidArgumentError } from 'commander'
import type { CommandContext } from '../cli.context.js'
import { CliError } from '../cli.errors.js'
import {
  BENCH_ENGINES,
  BENCH_SCENARIO_NAMES,
  type BenchEngine,
  type BenchScenarioName,
  DEFAULT_BULK_CODES,
  DEFAULT_CAMPAIGN_MEMBERS,
  DEFAULT_EXPIRY_LOTS,
  DEFAULT_SEGMENT_MEMBERS,
  DEFAULT_TIER_MEMBERS,
  parseEngines,
  parseScenarios,
  REDEEM_CODES_PER_SECOND,
} from './bench.js'
import { streamProgress } from './bench.progress.js'
import { formatReport } from './bench.report.js'
import { BENCH_RATE_LIMIT, runBench } from './bench.runner.js'
import { DEFAULT_IMPORT_ORDERS } from './transfer.figures.js'

function positiveInteger(text: string): number {
  const value = Number(text)
  if (!Number.isInteger(value) || value < 1) {
    throw new InvalidArgumentError('Expected a whole number of at least 1.')
  }
  return value
}

function bulkCodeCount(text: string): number {
  const value = Number(text)
  if (!Number.isInteger(value) || value < 1 || value > DEFAULT_BULK_CODES) {
    throw new InvalidArgumentError(
      `Expected a whole number from 1 to ${DEFAULT_BULK_CODES.toLocaleString('en')}.`,
    )
  }
  return value
}

function engineList(text: string): BenchEngine[] {
  const engines = parseEngines(text)
  if (!engines) {
    throw new InvalidArgumentError(
      `Expected a comma-separated list of ${BENCH_ENGINES.join(', ')}.`,
    )
  }
  return engines
}

function scenarioList(text: string): BenchScenarioName[] {
  const scenarios = parseScenarios(text)
  if (!scenarios) {
    throw new InvalidArgumentError(
      `Expected a comma-separated list of ${BENCH_SCENARIO_NAMES.join(', ')}.`,
    )
  }
  return scenarios
}

interface BenchFlags {
  scenarios: BenchScenarioName[]
  seconds: number
  connections: number
  engines: BenchEngine[]
  expiryLots?: number
  tierMembers?: number
  segmentMembers?: number
  bulkCodes?: number
  redeemCodes?: number
  campaignMembers?: number
  importOrders?: number
  profile?: string
}

const perEngine = (defaults: Record<BenchEngine, number>) =>
  BENCH_ENGINES.map((engine) => `${defaults[engine].toLocaleString('en')} on ${engine}`).join(', ')

/** The machine's load average over the last 1, 5 and 15 minutes. */
function loadAverage(): string {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(' / ')
}

/** What the figures depend on: the cores, and how busy they already were. */
function machine(): string {
  const cores = cpus()
  const model = cores[0]?.model.trim().replace(/\s+/g, ' ') ?? 'unknown CPU'
  return `${cores.length} cores (${model}), load average ${loadAverage()} (1 / 5 / 15 min) at start`
}

export function registerBenchCommand(program: Command, { config, io }: CommandContext): void {
  program
    .command('bench')
    .description('measure the API under load on a real server, on PGlite and PostgreSQL')
    .option(
      '--scenarios <list>',
      `which scenarios, comma-separated: members (creations and reads), orders (through HTTP, ` +
        `with a count check), quotes (checkout quotes through HTTP, beside orders), ` +
        `orders-tiers (orders with tiers off and on), ceiling (pgbench's bare write, ` +
        `PostgreSQL only), expiry (the points-expiry job), tiers (the tier-evaluation job), ` +
        `segments (counting a segment of bulk-loaded members), coupon-codes (bulk coupon codes ` +
        `and their job run), orders-redeem (orders paying with a coupon and points, beside ` +
        `orders), orders-benefits (orders given a tier discount and free shipping, beside ` +
        `orders), rewards (reward redemptions of one hot reward with stock, beside orders), ` +
        `webhooks (orders with a webhook posting to a local receiver: deliveries/s and the delay ` +
        `from event to delivery, beside orders), transfer (CSV import of members and orders, ` +
        `export of the ledger: rows/s and memory), campaigns (the campaigns job for a birthday ` +
        `campaign over bulk-loaded members)`,
      scenarioList,
      [...BENCH_SCENARIO_NAMES],
    )
    .option('--seconds <n>', 'how long each timed load (and pgbench) runs', positiveInteger, 10)
    .option('--connections <n>', 'concurrent HTTP connections', positiveInteger, 32)
    .option('--engines <list>', 'which engines, comma-separated', engineList, [...BENCH_ENGINES])
    .option(
      '--expiry-lots <n>',
      `lots the expiry scenario loads on every engine (default ${perEngine(DEFAULT_EXPIRY_LOTS)})`,
      positiveInteger,
    )
    .option(
      '--tier-members <n>',
      `members the tiers scenario loads on every engine, with ten orders each on average ` +
        `(default ${perEngine(DEFAULT_TIER_MEMBERS)})`,
      positiveInteger,
    )
    .option(
      '--segment-members <n>',
      `members (with their orders) the segments scenario loads on every engine ` +
        `(default ${perEngine(DEFAULT_SEGMENT_MEMBERS)})`,
      positiveInteger,
    )
    .option(
      '--bulk-codes <n>',
      `codes the coupon-codes scenario requests, at most ${DEFAULT_BULK_CODES.toLocaleString('en')} ` +
        `(default ${DEFAULT_BULK_CODES.toLocaleString('en')})`,
      bulkCodeCount,
    )
    .option(
      '--redeem-codes <n>',
      `codes (one per order) the orders-redeem scenario makes before its load ` +
        `(default ${REDEEM_CODES_PER_SECOND.toLocaleString('en')} per second of load)`,
      positiveInteger,
    )
    .option(
      '--campaign-members <n>',
      `members with birthdays the campaigns scenario loads on every engine ` +
        `(default ${perEngine(DEFAULT_CAMPAIGN_MEMBERS)})`,
      positiveInteger,
    )
    .option(
      '--import-orders <n>',
      `orders the transfer scenario imports on every engine, four per member ` +
        `(default ${perEngine(DEFAULT_IMPORT_ORDERS)}; the targets are set for 1,000,000)`,
      positiveInteger,
    )
    .option(
      '--profile <dir>',
      'write a V8 CPU profile of the server process during each orders, quotes, ' +
        'orders-redeem and webhooks load to <dir> (orders-<engine>.cpuprofile, ' +
        'quotes-<engine>.cpuprofile, orders-redeem-<engine>.cpuprofile, ' +
        'webhooks-<engine>.cpuprofile) and print its summary',
    )
    .action(async (flags: BenchFlags) => {
      io.stdout.write(
        `Loyalbase bench: ${flags.seconds} s per timed load, ${flags.connections} connections over loopback; ` +
          `rate limit raised to ${BENCH_RATE_LIMIT.toLocaleString('en')} requests/s per key.\n` +
          `Machine: ${machine()}.\n` +
          'The server runs in this process; the load generator (autocannon) runs in a child ' +
          'process of its own.\n',
      )
      const interrupted = new AbortController()
      const interrupt = () => interrupted.abort()
      process.once('SIGINT', interrupt)
      try {
        const report = await runBench({
          engines: flags.engines,
          scenarios: flags.scenarios,
          seconds: flags.seconds,
          connections: flags.connections,
          ...(flags.expiryLots ? { expiryLots: flags.expiryLots } : {}),
          ...(flags.tierMembers ? { tierMembers: flags.tierMembers } : {}),
          ...(flags.segmentMembers ? { segmentMembers: flags.segmentMembers } : {}),
          ...(flags.bulkCodes ? { bulkCodes: flags.bulkCodes } : {}),
          ...(flags.redeemCodes ? { redeemCodes: flags.redeemCodes } : {}),
          ...(flags.campaignMembers ? { campaignMembers: flags.campaignMembers } : {}),
          ...(flags.importOrders ? { importOrders: flags.importOrders } : {}),
          ...(flags.profile ? { profileDir: flags.profile } : {}),
          postgresUrl: config.benchPostgresUrl,
          progress: streamProgress(io.stderr),
          signal: interrupted.signal,
        })
        const figures = formatReport(report, flags.connections)
        if (figures) io.stdout.write(`\n${figures}`)
        io.stdout.write(`\nMachine: load average ${loadAverage()} (1 / 5 / 15 min) at end.\n`)
      } catch (error) {
        if (interrupted.signal.aborted) throw new CliError('bench interrupted', 130)
        throw error
      } finally {
        process.off('SIGINT', interrupt)
      }
    })
}
