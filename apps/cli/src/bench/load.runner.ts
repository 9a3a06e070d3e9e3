import autocannon from 'autocannon'

export interface LoadRequest {
  /** The server's loopback origin, e.g. `http://127.0.0.1:41234`. */
  url: string
  headers: Record<string, string>
  requests: autocannon.Request[]
  seconds: number
  connections: number
  onTick(): void
  signal?: AbortSignal
}

export interface LoadResult {
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  non2xx: number
  /** Responses with a 2xx status. */
  ok2xx: number
  requests: number
  /** Connection errors and timeouts: requests that got no response at all. */
  errors: number
}

/** Drives the server with autocannon for a fixed time and returns what it measured. */
export function runLoad(load: LoadRequest): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    let instance: autocannon.Instance | undefined
    const stop = () => instance?.stop()
    // autocannon answers invalid options synchronously, before it returns an instance.
    instance = autocannon(
      {
        url: load.url,
        connections: load.connections,
        duration: load.seconds,
        headers: load.headers,
        requests: load.requests,
      },
      (error: unknown, result) => {
        load.signal?.removeEventListener('abort', stop)
        if (error) return reject(error)
        resolve({
          requestsPerSecond: result.requests.average,
          p50Ms: result.latency.p50,
          p99Ms: result.latency.p99,
          non2xx: result.non2xx,
          ok2xx: result['2xx'],
          requests: result.requests.total,
          errors: result.errors,
        })
      },
    )
    load.signal?.addEventListener('abort', stop, { once: true })
    instance.on('tick', () => load.onTick())
  })
}
