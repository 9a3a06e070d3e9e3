import { CronExpressionParser } from 'cron-parser'

/** A named piece of scheduled work, run per program. */
export interface JobDefinition {
  name: string
  /** Five-field cron, read in the program's time zone. */
  schedule: string
  /**
   * Does the work as of `asOf`; returns how many items it processed. Must be idempotent.
   * Long jobs report how many items they have examined through `progress`. `runId` is the run's
   * own id: a use case that starts a run for work it recorded first finds that work by it.
   */
  run(
    programId: string,
    asOf: Date,
    progress?: (done: number) => Promise<void>,
    runId?: string,
  ): Promise<number>
}

export interface JobRun {
  id: string
  name: string
  trigger: 'schedule' | 'manual'
  as_of: string
  started_at: string
  finished_at: string | null
  /** What the run changed (points moved, members re-tiered…), once it is done. */
  processed: number | null
  /** How many items it has examined so far, for long runs that report it. */
  progress: number | null
  error: string | null
}

/** The most recent time at or before `now` that the schedule fires, in `timezone`. */
export function latestSlot(schedule: string, timezone: string, now: Date): Date {
  const next = CronExpressionParser.parse(schedule, {
    currentDate: new Date(now.getTime() + 1000),
    tz: timezone,
  })
  return next.prev().toDate()
}
