import { type Command, InvalidArgumentError } from 'commander'
import { CliError } from '../cli.errors.js'
import type { CommandContext } from '../cli.program.js'
import { type Column, formatTable } from '../text-table.js'
import { BENCH_ENGINES, type BenchEngine, type BenchRow, parseEngines } from './bench.js'
import { streamProgress } from './bench.progress.js'
import { BENCH_RATE_LIMIT, runBench } from './bench.runner.js'
import { memberCreations, memberReads } from './members.scenario.js'

export const BENCH_SCENARIOS = [memberCreations, memberReads]

export const BENCH_COLUMNS: Column<BenchRow>[] = [
  { header: 'engine', value: (row) => row.engine },
  { header: 'scenario', value: (row) => row.scenario },
  { header: 'requests/s', value: (row) => row.requestsPerSecond.toFixed(1), align: 'right' },
  { header: 'p50 ms', value: (row) => row.p50Ms.toFixed(1), align: 'right' },
  { header: 'p99 ms', value: (row) => row.p99Ms.toFixed(1), align: 'right' },
  { header: 'non-2xx', value: (row) => String(row.non2xx), align: 'right' },
  { header: 'requests', value: (row) => String(row.requests), align: 'right' },
]

function positiveInteger(text: string): number {
  const value = Number(text)
  if (!Number.isInteger(value) || value < 1) {
    throw new InvalidArgumentError('Expected a whole number of at least 1.')
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

interface BenchFlags {
  seconds: number
  connections: number
  engines: BenchEngine[]
}

export function registerBenchCommand(program: Command, { config, io }: CommandContext): void {
  program
    .command('bench')
    .description('measure the API under load on a real server, on PGlite and PostgreSQL')
    .option('--seconds <n>', 'how long each scenario runs', positiveInteger, 10)
    .option('--connections <n>', 'concurrent connections', positiveInteger, 32)
    .option('--engines <list>', 'which engines, comma-separated', engineList, [...BENCH_ENGINES])
    .action(async (flags: BenchFlags) => {
      io.stdout.write(
        `Loyalbase bench: ${flags.seconds} s per scenario, ${flags.connections} connections over loopback; ` +
          `rate limit raised to ${BENCH_RATE_LIMIT.toLocaleString('en')} requests/s per key.\n`,
      )
      const interrupted = new AbortController()
      const interrupt = () => interrupted.abort()
      process.once('SIGINT', interrupt)
      try {
        const rows = await runBench({
          ...flags,
          postgresUrl: config.benchPostgresUrl,
          scenarios: BENCH_SCENARIOS,
          progress: streamProgress(io.stderr),
          signal: interrupted.signal,
        })
        io.stdout.write(`\n${formatTable(BENCH_COLUMNS, rows)}`)
      } catch (error) {
        if (interrupted.signal.aborted) throw new CliError('bench interrupted', 130)
        throw error
      } finally {
        process.off('SIGINT', interrupt)
      }
    })
}
