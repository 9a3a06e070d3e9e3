import { useEffect, useRef, useState } from 'react'
import type { ApiClient } from './client'
import { getJobRun, type JobRun } from './jobs'

const POLL_MS = 1000

/**
 * Follows a job run (`GET /v1/job-runs/{id}`) every second until it finishes, and calls
 * `onFinished` once when it has (well or not). A failed poll is kept as `pollError` and the next
 * one tries again.
 */
export function useJobRun(api: ApiClient, runId: string, onFinished: (run: JobRun) => void) {
  const [run, setRun] = useState<JobRun | null>(null)
  const [pollError, setPollError] = useState<unknown>(null)
  const finishedRef = useRef(onFinished)
  useEffect(() => {
    finishedRef.current = onFinished
  })

  useEffect(() => {
    const controller = new AbortController()
    let timer: number | undefined
    const poll = async () => {
      try {
        const found = await getJobRun(api, runId, controller.signal)
        if (controller.signal.aborted) return
        setRun(found)
        setPollError(null)
        if (found?.finished_at) {
          finishedRef.current(found)
          return
        }
      } catch (error) {
        if (controller.signal.aborted) return
        setPollError(error)
      }
      timer = window.setTimeout(poll, POLL_MS)
    }
    void poll()
    return () => {
      controller.abort()
      window.clearTimeout(timer)
    }
  }, [api, runId])

  return { run, pollError }
}
