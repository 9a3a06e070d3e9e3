import { useCallback, useEffect, useRef, useState } from 'react'

export interface QueryState<T> {
  data: T | undefined
  /** The key `data` was fetched for; differs from the current key while the next one loads. */
  dataKey: string | null
  error: unknown
  loading: boolean
  /** Fetches again with the same key. */
  reload: () => void
}

interface Snapshot<T> {
  data: T | undefined
  dataKey: string | null
  error: unknown
  /** The request (attempt and key) whose answer this is. */
  settled: string | null
}

/**
 * Runs `fetcher` whenever `key` changes (null = don't fetch) and aborts the previous call,
 * so a slow answer for an old search never overwrites a newer one. The key must encode
 * every input of the fetcher; the latest fetcher is used without re-running on identity.
 * Data from the previous key stays available while the next one loads (see `dataKey`).
 */
export function useQuery<T>(
  key: string | null,
  fetcher: (signal: AbortSignal) => Promise<T>,
): QueryState<T> {
  const fetcherRef = useRef(fetcher)
  useEffect(() => {
    fetcherRef.current = fetcher
  })

  const [attempt, setAttempt] = useState(0)
  const [snapshot, setSnapshot] = useState<Snapshot<T>>({
    data: undefined,
    dataKey: null,
    error: undefined,
    settled: null,
  })

  // `attempt` makes reload() a new request without changing the key the data belongs to.
  const request = key === null ? null : JSON.stringify([attempt, key])

  useEffect(() => {
    if (request === null) return
    const [, dataKey] = JSON.parse(request) as [number, string]
    const controller = new AbortController()
    fetcherRef.current(controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return
        setSnapshot({ data, dataKey, error: undefined, settled: request })
      },
      (error: unknown) => {
        if (controller.signal.aborted) return
        setSnapshot({ data: undefined, dataKey, error, settled: request })
      },
    )
    return () => controller.abort()
  }, [request])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  // Derived on every render, so there is no frame where a new key looks loaded.
  const current = request !== null && snapshot.settled === request
  return {
    data: key === null ? undefined : snapshot.data,
    dataKey: key === null ? null : snapshot.dataKey,
    error: current ? snapshot.error : undefined,
    loading: request !== null && !current,
    reload,
  }
}
