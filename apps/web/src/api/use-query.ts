import { useCallback, useEffect, useRef, useState } from 'react'

export interface QueryState<T> {
  data: T | undefined
  error: unknown
  loading: boolean
  /** Fetches again with the same key. */
  reload: () => void
}

interface Snapshot<T> {
  data: T | undefined
  error: unknown
  loading: boolean
}

/**
 * Runs `fetcher` whenever `key` changes (null = don't fetch) and aborts the previous call,
 * so a slow answer for an old search never overwrites a newer one. The key must encode
 * every input of the fetcher; the latest fetcher is used without re-running on identity.
 * Data from the previous key stays visible while the next one loads (no table flicker).
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
    error: undefined,
    loading: key !== null,
  })

  const requestKey = key === null ? null : `${attempt}:${key}`

  useEffect(() => {
    if (requestKey === null) {
      setSnapshot({ data: undefined, error: undefined, loading: false })
      return
    }
    const controller = new AbortController()
    setSnapshot((previous) => ({ ...previous, error: undefined, loading: true }))
    fetcherRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setSnapshot({ data, error: undefined, loading: false })
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setSnapshot({ data: undefined, error, loading: false })
      },
    )
    return () => controller.abort()
  }, [requestKey])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  return { ...snapshot, reload }
}
