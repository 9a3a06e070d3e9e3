import type { DB, JobRunRow } from '@loyalbase/db'
import type { Kysely } from 'kysely'
import { AppError } from '../shared/app-error.js'
import type { Clock } from '../shared/clock.js'
import { newId } from '../shared/ids.js'
import {
  clampLimit,
  decodeCursor,
  type Page,
  type PageRequest,
  toPage,
} from '../shared/pagination.js'
import { type JobDefinition, type JobRun, latestSlot } from './jobs.js'
import {
  claimSlot,
  findRun,
  finishRun,
  insertManualRun,
  listProgramsForScheduling,
  listRuns,
  reportProgress,
} from './jobs.repository.js'

// A slot older than this is not run late: the next slot covers it, since every job works "as of".
const MAX_LATENESS_MS = 24 * 60 * 60 * 1000

function presentRun(row: JobRunRow): JobRun {
  return {
    id: row.id,
    name: row.name,
    trigger: row.trigger,
    as_of: row.as_of.toISOString(),
    started_at: row.started_at.toISOString(),
    finished_at: row.finished_at ? row.finished_at.toISOString() : null,
    processed: row.processed,
    progress: row.progress,
    error: row.error,
  }
}

export interface JobLogger {
  error(obj: object, msg: string): void
}

export function createJobsService(db: Kysely<DB>, clock: Clock) {
  const registry = new Map<string, JobDefinition>()

  // Runs started in the background, so that shutting down can wait for them.
  const background = new Set<Promise<unknown>>()

  async function execute(programId: string, runId: string, job: JobDefinition, asOf: Date) {
    try {
      const processed = await job.run(
        programId,
        asOf,
        (done) => reportProgress(db, programId, runId, done),
        runId,
      )
      await finishRun(db, programId, runId, { finished_at: clock.now(), processed, error: null })
      return processed
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      await finishRun(db, programId, runId, {
        finished_at: clock.now(),
        processed: null,
        error: message,
      })
      throw error
    }
  }

  return {
    register(job: JobDefinition): void {
      registry.set(job.name, job)
    },

    definitions(): { name: string; schedule: string }[] {
      return [...registry.values()].map(({ name, schedule }) => ({ name, schedule }))
    },

    /** Runs a job for one program now, as of `asOf`, and records the run. */
    async runNow(programId: string, name: string, asOf?: Date): Promise<{ processed: number }> {
      const job = registry.get(name)
      if (!job) throw new AppError('not_found', `There is no job named "${name}".`)
      const id = newId('run')
      const at = asOf ?? clock.now()
      await insertManualRun(db, {
        program_id: programId,
        id,
        name,
        as_of: at,
        started_at: clock.now(),
      })
      return { processed: await execute(programId, id, job, at) }
    },

    /**
     * Starts a run in the background and answers with its id at once. `runId`, when given, is
     * the id the caller already recorded its work under (a `run_…` id of its own making).
     */
    async start(programId: string, name: string, asOf?: Date, runId?: string): Promise<string> {
      const job = registry.get(name)
      if (!job) throw new AppError('not_found', `There is no job named "${name}".`)
      const id = runId ?? newId('run')
      const at = asOf ?? clock.now()
      await insertManualRun(db, {
        program_id: programId,
        id,
        name,
        as_of: at,
        started_at: clock.now(),
      })
      const running = execute(programId, id, job, at).catch(() => undefined)
      background.add(running)
      void running.finally(() => background.delete(running))
      return id
    },

    /** Resolves when every background run has finished. */
    async settle(): Promise<void> {
      while (background.size > 0) await Promise.all([...background])
    },

    async run(programId: string, id: string): Promise<JobRun> {
      const row = await findRun(db, programId, id)
      if (!row) throw AppError.notFound('Job run')
      return presentRun(row)
    },

    async runs(programId: string, query: PageRequest & { name?: string }): Promise<Page<JobRun>> {
      const limit = clampLimit(query.limit)
      const rows = await listRuns(db, programId, {
        ...(query.name ? { name: query.name } : {}),
        beforeId: decodeCursor(query.cursor),
        limit: limit + 1,
      })
      return toPage(rows, limit, presentRun)
    },

    /**
     * One pass of the scheduler: for every program and job, claims the latest due slot and runs
     * it. The claim is a unique row, so among several processes exactly one runs each slot.
     */
    async tick(logger?: JobLogger): Promise<number> {
      const now = clock.now()
      let started = 0
      for (const program of await listProgramsForScheduling(db)) {
        for (const job of registry.values()) {
          const slot = latestSlot(job.schedule, program.timezone, now)
          if (slot < program.created_at || now.getTime() - slot.getTime() > MAX_LATENESS_MS)
            continue
          const id = newId('run')
          const claimed = await claimSlot(db, {
            program_id: program.id,
            id,
            name: job.name,
            slot,
            started_at: now,
          })
          if (!claimed) continue
          started++
          await execute(program.id, id, job, slot).catch((error: unknown) =>
            logger?.error(
              { err: error, job: job.name, program: program.id },
              'scheduled job failed',
            ),
          )
        }
      }
      return started
    },
  }
}

export type JobsService = ReturnType<typeof createJobsService>
