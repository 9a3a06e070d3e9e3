import type autocannon from 'autocannon'
import type { BenchApi } from './bench-api.client.js'

export const BENCH_ENGINES = ['pglite', 'postgres'] as const
export type BenchEngine = (typeof BENCH_ENGINES)[number]

/** One measured scenario on one engine: a line of the bench's table. */
export interface BenchRow {
  engine: string
  scenario: string
  /** Mean over the run's seconds. */
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  non2xx: number
  /** Responses received, whatever their status. */
  requests: number
}

/** A kind of load: it seeds what it needs, then names the requests the connections cycle through. */
export interface BenchScenario {
  /** As printed, e.g. `member creations/s`. */
  name: string
  prepare(api: BenchApi, progress: BenchProgress): Promise<autocannon.Request[]>
}

/** How the bench tells the user where it is. */
export interface BenchProgress {
  phase(message: string): void
  /** A timed load begins; `tick` comes once a second, `done` once at the end. */
  load(label: string, seconds: number): { tick(): void; done(): void }
}

export interface BenchOptions {
  engines: readonly BenchEngine[]
  seconds: number
  connections: number
  /** The PostgreSQL server on which a scratch database is created and dropped. */
  postgresUrl: string
  scenarios: readonly BenchScenario[]
  progress: BenchProgress
  signal?: AbortSignal
}

/** Reads `--engines pglite,postgres`; undefined when a name is unknown or none is given. */
export function parseEngines(text: string): BenchEngine[] | undefined {
  const names = text
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean)
  if (names.length === 0) return undefined
  const known = new Set<string>(BENCH_ENGINES)
  if (!names.every((name) => known.has(name))) return undefined
  return BENCH_ENGINES.filter((engine) => names.includes(engine))
}
