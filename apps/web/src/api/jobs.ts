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
  /** What the run changed (for tier evaluation: members whose tier changed), once done. */
  processed: number | null
  /** Items examined so far (for tier evaluation: members), updated as the run goes. */
  progress: number | null
  error: string | null
}

/** One run of a background job: its progress while it works, its outcome once done. */
export function getJobRun(api: ApiClient, id: string, signal?: AbortSignal) {
  return api<JobRun>(`/v1/job-runs/${encodeURIComponent(id)}`, { signal })
}

/** The runs of a background job, newest first. */
export function listJobRuns(
  api: ApiClient,
  params: { name?: string; limit?: number; cursor?: string },
  signal?: AbortSignal,
) {
  return api<Page<JobRun>>('/v1/jobs/runs', { query: { ...params }, signal })
}
