import type { DB } from '@loyalbase/db'
import { type Kysely, sql } from 'kysely'
import { type BulkCodesRow, DEFAULT_BULK_CODES, type EngineRun } from './bench.js'
import { type BenchApi, createBenchProgram } from './bench-api.client.js'

/** The template the codes are made for (docs/coupons.md): printed codes, ¥20 off, 30 days from the claim. */
export const BENCH_CODES_TEMPLATE = {
  name: 'Bench: ¥20 off, printed codes',
  discount: { type: 'amount', amount_off: 2_000 },
  validity: { days: 30 },
} as const

/** How often the run is polled: the resolution of the seconds measured. */
export const BULK_CODES_POLL_MS = 100
/** Far beyond what 100,000 codes take; a run that has not finished by then has failed. */
const MAX_WAIT_MS = 10 * 60 * 1000

export interface JobRunAnswer {
  started_at: string
  finished_at: string | null
  processed: number | null
  progress: number | null
  error: string | null
}

/**
 * Polls `GET /v1/job-runs/{id}` until the run has finished, as the console does; a bar follows
 * its progress (codes made) when the terminal shows it.
 */
export async function followRun(
  run: EngineRun,
  api: BenchApi,
  runId: string,
  codes: number,
): Promise<JobRunAnswer & { finished_at: string }> {
  const { progress, signal } = run.options
  const tracker = progress.task(`${run.label}: coupon-codes job run`, codes, 'codes')
  const deadline = Date.now() + MAX_WAIT_MS
  try {
    for (;;) {
      signal?.throwIfAborted()
      const response = await api.send('GET', `/v1/job-runs/${runId}`)
      if (response.status !== 200) {
        throw new Error(`GET /v1/job-runs/${runId} answered ${response.status}: ${response.body}`)
      }
      const jobRun = JSON.parse(response.body) as JobRunAnswer
      if (jobRun.progress !== null) tracker.update(jobRun.progress)
      if (jobRun.finished_at !== null) return { ...jobRun, finished_at: jobRun.finished_at }
      if (Date.now() > deadline) {
        throw new Error(`the coupon-codes run ${runId} did not finish in ${MAX_WAIT_MS / 1000} s`)
      }
      await new Promise((resolve) => setTimeout(resolve, BULK_CODES_POLL_MS))
    }
  } finally {
    tracker.done()
  }
}

/** The request's codes in the database: all of them, the unassigned ones, distinct codes. */
async function stored(db: Kysely<DB>, programId: string, runId: string) {
  const { rows } = await sql<{
    stored: number
    unassigned: number
    distinct: number
    done: boolean
  }>`
    SELECT count(*)::int AS stored,
      (count(*) FILTER (WHERE status = 'unassigned' AND member_id IS NULL))::int AS unassigned,
      count(DISTINCT code)::int AS distinct,
      (SELECT finished_at IS NOT NULL AND generated = count FROM coupon_code_batches
        WHERE program_id = ${programId} AND run_id = ${runId}) AS done
    FROM coupons WHERE program_id = ${programId} AND run_id = ${runId}
  `.execute(db)
  const row = rows[0]
  return {
    stored: Number(row?.stored ?? 0),
    unassigned: Number(row?.unassigned ?? 0),
    distinct: Number(row?.distinct ?? 0),
    done: row?.done === true,
  }
}

/**
 * Bulk coupon codes through the API: a fresh program and template, then
 * `POST /v1/coupon-templates/{id}/codes { count }` (`202 { run_id }`), and
 * `GET /v1/job-runs/{run_id}` every 100 ms until the run has finished; timed from the request
 * to the poll that sees the end. Afterwards the run must have made exactly the codes asked for, all
 * unassigned and all different, and the request must be marked done.
 */
export async function benchCouponCodes(run: EngineRun): Promise<void> {
  const { options, report } = run
  const codes = options.bulkCodes ?? DEFAULT_BULK_CODES
  const api = await createBenchProgram(run.api.baseUrl, run.adminKey, 'Bench coupon codes')
  const template = await api.post<{ id: string }>('/v1/coupon-templates', BENCH_CODES_TEMPLATE)
  options.progress.phase(
    `${run.label}: requesting ${codes.toLocaleString('en')} codes (POST /v1/coupon-templates/{id}/codes)`,
  )
  const started = performance.now()
  const request = await api.post<{ run_id: string }>(`/v1/coupon-templates/${template.id}/codes`, {
    count: codes,
  })
  const jobRun = await followRun(run, api, request.run_id, codes)
  const seconds = (performance.now() - started) / 1000
  const found = await stored(run.server.database.db, api.programId, request.run_id)
  const processed = jobRun.processed ?? 0
  const row: BulkCodesRow = {
    engine: run.label,
    codes,
    seconds,
    jobSeconds: (Date.parse(jobRun.finished_at) - Date.parse(jobRun.started_at)) / 1000,
    processed,
    stored: found.stored,
    unassigned: found.unassigned,
    distinct: found.distinct,
    ok:
      jobRun.error === null &&
      processed === codes &&
      found.stored === codes &&
      found.unassigned === codes &&
      found.distinct === codes &&
      found.done,
  }
  report.bulkCodes.push(row)
  if (jobRun.error !== null) {
    report.notes.push(`${run.label}: the coupon-codes run failed: ${jobRun.error}`)
  }
}
