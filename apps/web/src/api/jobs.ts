import type { ApiClient } from './client'
import type { Page } from './members'

export interface JobRun {
  id: string
  name: string
  trigger: 'schedule' | 'manual'
  as_of: string
  started_at: string
  /** null while the run is still going. */
  finished_at: string | null
  /** Items done so far (updated as the run goes), null if the run failed. */
  processed: number | null
  error: string | null
}

/** The runs of a background job, newest first. */
export function listJobRuns(
  api: ApiClient,
  params: { name?: string; limit?: number; cursor?: string },
  signal?: AbortSignal,
) {
  return api<Page<JobRun>>('/v1/jobs/runs', { query: { ...params }, signal })
}
