import createClient, { type Client } from 'openapi-fetch'
import type { components, paths } from './schema.gen'

/** The `application/problem+json` body every API error carries (from the OpenAPI document). */
export type Problem = components['schemas']['Problem']

/** A field-level problem reported with `400 invalid_request`. */
export type ProblemFieldError = NonNullable<Problem['errors']>[number]

/** Codes the client itself reports: no answer at all, or an answer that was not a problem. */
export type ClientErrorCode = 'network_error' | 'unknown_error'

/** Thrown for every non-2xx answer, and for network failures (status 0, code `network_error`). */
export class ApiError extends Error {
  readonly status: number
  /** The server's stable code (`member_exists`, …), or one of {@link ClientErrorCode}. */
  readonly code: string
  readonly title: string
  /** The server's own sentence, in English: for operators, not for the reader's language. */
  readonly detail: string
  readonly errors: ProblemFieldError[]
  /** The `x-request-id` of the answer, to find the request in the server's log. */
  readonly requestId: string | undefined
  /** Seconds to wait, from `Retry-After` (429). */
  readonly retryAfter: number | undefined

  constructor(
    status: number,
    problem: Partial<Problem>,
    meta: { requestId?: string | null; retryAfter?: number } = {},
  ) {
    const detail = problem.detail ?? problem.title ?? `HTTP ${status}`
    super(detail)
    this.name = 'ApiError'
    this.status = status
    this.code = problem.code ?? 'unknown_error'
    this.title = problem.title ?? ''
    this.detail = detail
    this.errors = Array.isArray(problem.errors) ? problem.errors : []
    this.requestId = meta.requestId ?? undefined
    this.retryAfter = meta.retryAfter
  }

  get isUnauthorized(): boolean {
    return this.status === 401
  }
}

/**
 * The typed client of the HTTP API: `api.GET('/v1/members/{member}', …)`, its paths, parameters,
 * bodies and answers all from the server's OpenAPI document (`schema.gen.ts`). A call resolves
 * with the answer's body or rejects with an {@link ApiError}; use {@link unwrap} to get the body.
 */
export type ApiClient = Client<paths>

export interface ApiClientConfig {
  /** Returns the bearer token for each request (program key or portal token). */
  getToken: () => string | null
  /** Called on any 401, e.g. to sign out when a key has been revoked. */
  onUnauthorized?: (error: ApiError) => void
  /** Defaults to '' so calls go to the origin that served the app. */
  baseUrl?: string
}

export type QueryValue = string | number | boolean | null | undefined

/** The query string of a call: empty filters are left out rather than sent as `?tier=`. */
export function toSearch(query: Record<string, unknown> | undefined): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue
    params.set(name, String(value))
  }
  return params.toString()
}

export function buildUrl(baseUrl: string, path: string, query?: Record<string, QueryValue>) {
  const search = toSearch(query)
  return `${baseUrl}${path}${search ? `?${search}` : ''}`
}

async function readProblem(response: Response): Promise<Partial<Problem>> {
  const text = await response.text().catch(() => '')
  if (text) {
    try {
      const parsed: unknown = JSON.parse(text)
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        return parsed as Partial<Problem>
      }
    } catch {
      // Not JSON (e.g. a proxy's HTML error page): fall through to the status text.
    }
  }
  return { status: response.status, title: response.statusText }
}

function retryAfter(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after'))
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined
}

export function createApiClient(config: ApiClientConfig): ApiClient {
  // Every answer passes here: errors become ApiErrors, so a call's `data` is always its 2xx body.
  const fetchOrThrow = async (request: Request): Promise<Response> => {
    request.headers.set('Accept', 'application/json')
    const token = config.getToken()
    if (token) request.headers.set('Authorization', `Bearer ${token}`)
    let response: Response
    try {
      response = await globalThis.fetch(request)
    } catch (cause) {
      if (request.signal.aborted) throw cause
      throw new ApiError(0, { code: 'network_error', detail: String(cause) })
    }
    if (!response.ok) {
      const error = new ApiError(response.status, await readProblem(response), {
        requestId: response.headers.get('x-request-id'),
        retryAfter: retryAfter(response),
      })
      if (error.isUnauthorized) config.onUnauthorized?.(error)
      throw error
    }
    return response
  }
  return createClient<paths>({
    baseUrl: config.baseUrl ?? '',
    fetch: fetchOrThrow,
    querySerializer: toSearch,
  })
}

/** The body of a call's 2xx answer (errors were thrown as {@link ApiError} already). */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call
  if (error !== undefined || !response.ok) {
    throw new ApiError(response.status, (error ?? {}) as Partial<Problem>)
  }
  return data as T
}
