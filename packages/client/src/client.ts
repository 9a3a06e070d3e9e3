import createClient, { type Client } from 'openapi-fetch'
import { ApiError, readProblem, retryAfterSeconds } from './errors.js'
import { toSearch } from './query.js'
import type { paths } from './schema.gen.js'

/**
 * The typed client: `lb.POST('/v1/orders', { body })` — paths, parameters, bodies and answers
 * all from the server's OpenAPI document (`schema.gen.ts`). A call resolves with `{ data }` for
 * a `2xx` answer and rejects with an {@link ApiError} otherwise; {@link unwrap} returns the body.
 */
export type LoyalbaseClient = Client<paths>

export interface LoyalbaseClientOptions {
  /** Where the API is, e.g. `https://loyalty.example.com` (paths start with `/v1`). */
  baseUrl: string
  /** A program key (`lb_sk_…`), a portal token, or a function returning one per request. */
  apiKey?: string | (() => string | null | undefined)
  /**
   * Retries of a request that got no answer, `429`, `500`, `502`, `503` or `504` (default 2).
   * A `POST` is sent with an `Idempotency-Key` (one is made unless you give one), the same on
   * every retry, so a retried payment or redemption applies once.
   */
  retries?: number
  /** The first retry's delay in ms, doubled each time, at least `Retry-After` (default 200). */
  retryDelayMs?: number
  /** Called on any 401, e.g. to sign out when a key has been revoked. */
  onUnauthorized?: (error: ApiError) => void
  /** The `fetch` to use (default: the global one). */
  fetch?: typeof fetch
  /** Serialises a query object (default: empty values left out). */
  querySerializer?: (query: Record<string, unknown>) => string
}

const RETRIED_STATUSES = new Set([429, 500, 502, 503, 504])

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        reject(signal.reason)
      },
      { once: true },
    )
  })
}

export function createLoyalbaseClient(options: LoyalbaseClientOptions): LoyalbaseClient {
  const send = options.fetch ?? globalThis.fetch
  const retries = options.retries ?? 2
  const baseDelay = options.retryDelayMs ?? 200

  const fetchOrThrow = async (request: Request): Promise<Response> => {
    request.headers.set('Accept', 'application/json')
    const key = typeof options.apiKey === 'function' ? options.apiKey() : options.apiKey
    if (key) request.headers.set('Authorization', `Bearer ${key}`)
    if (request.method === 'POST' && !request.headers.has('Idempotency-Key'))
      request.headers.set('Idempotency-Key', crypto.randomUUID())

    for (let attempt = 0; ; attempt++) {
      let response: Response | undefined
      let failure: unknown
      try {
        // A body is read once: each attempt sends a copy.
        response = await send(attempt < retries ? request.clone() : request)
      } catch (cause) {
        if (request.signal.aborted) throw cause
        failure = cause
      }
      const retryable = response === undefined || RETRIED_STATUSES.has(response.status)
      if (retryable && attempt < retries) {
        const wait = Math.max(
          baseDelay * 2 ** attempt,
          response ? (retryAfterSeconds(response) ?? 0) * 1000 : 0,
        )
        await response?.body?.cancel()
        await sleep(wait, request.signal)
        continue
      }
      if (!response) throw new ApiError(0, { code: 'network_error', detail: String(failure) })
      if (!response.ok) {
        const error = new ApiError(response.status, await readProblem(response), {
          requestId: response.headers.get('x-request-id'),
          retryAfter: retryAfterSeconds(response),
        })
        if (error.isUnauthorized) options.onUnauthorized?.(error)
        throw error
      }
      return response
    }
  }

  return createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/$/, ''),
    fetch: fetchOrThrow,
    querySerializer: options.querySerializer ?? toSearch,
  })
}

/** The body of a call's `2xx` answer (other answers were thrown as {@link ApiError} already). */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call
  if (error !== undefined || !response.ok) throw new ApiError(response.status, error ?? {})
  return data as T
}
