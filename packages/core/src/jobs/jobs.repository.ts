import type { JobRunRow } from '@loyalbase/db'
import type { Executor } from '../shared/executor.js'

/** Claims a scheduled slot; false when another process already has it. */
export async function claimSlot(
  db: Executor,
  run: { program_id: string; id: string; name: string; slot: Date; started_at: Date },
): Promise<boolean> {
  const inserted = await db
    .insertInto('job_runs')
    .values({ ...run, trigger: 'schedule', as_of: run.slot })
    .onConflict((oc) => oc.columns(['program_id', 'name', 'slot']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return inserted !== undefined
}

export async function insertManualRun(
  db: Executor,
  run: { program_id: string; id: string; name: string; as_of: Date; started_at: Date },
): Promise<void> {
  await db
    .insertInto('job_runs')
    .values({ ...run, trigger: 'manual', slot: null })
    .execute()
}

export async function finishRun(
  db: Executor,
  programId: string,
  id: string,
  outcome: { finished_at: Date; processed: number | null; error: string | null },
): Promise<void> {
  await db
    .updateTable('job_runs')
    .set(outcome)
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .execute()
}

export async function listRuns(
  db: Executor,
  programId: string,
  filter: { name?: string; beforeId?: string; limit: number },
): Promise<JobRunRow[]> {
  let query = db
    .selectFrom('job_runs')
    .selectAll()
    .where('program_id', '=', programId)
    .orderBy('id', 'desc')
    .limit(filter.limit)
  if (filter.name) query = query.where('name', '=', filter.name)
  if (filter.beforeId) query = query.where('id', '<', filter.beforeId)
  return query.execute()
}

export async function listProgramsForScheduling(
  db: Executor,
): Promise<{ id: string; timezone: string; created_at: Date }[]> {
  return db.selectFrom('programs').select(['id', 'timezone', 'created_at']).execute()
}

export async function reportProgress(
  db: Executor,
  programId: string,
  id: string,
  progress: number,
) {
  await db
    .updateTable('job_runs')
    .set({ progress })
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .where('finished_at', 'is', null)
    .execute()
}

export async function findRun(
  db: Executor,
  programId: string,
  id: string,
): Promise<JobRunRow | undefined> {
  return db
    .selectFrom('job_runs')
    .selectAll()
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .executeTakeFirst()
}
