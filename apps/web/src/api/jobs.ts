import { type ApiClient, unwrap } from './client'
import type { ApiQuery, Schemas } from './schema'

/** One run of a background job: its progress while it works, its outcome once done. */
export type JobRun = Schemas['JobRun']

export function getJobRun(api: ApiClient, id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/v1/job-runs/{id}', { params: { path: { id } }, signal }))
}

/** The runs of a background job, newest first. */
export function listJobRuns(
  api: ApiClient,
  params: ApiQuery<'/v1/jobs/runs', 'get'>,
  signal?: AbortSignal,
) {
  return unwrap(api.GET('/v1/jobs/runs', { params: { query: { ...params } }, signal }))
}

/** Runs a job for this program now (admin keys): what it changed, once done. */
export function runJobNow(api: ApiClient, name: string, asOf?: string) {
  return unwrap(
    api.POST('/v1/jobs/{name}/run', {
      params: { path: { name } },
      body: asOf ? { as_of: asOf } : {},
    }),
  )
}
