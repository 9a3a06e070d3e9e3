/** A field-level problem reported with `400 invalid_request`. */
export interface ProblemFieldError {
  path: string
  message: string
}

/** The `application/problem+json` body every API error carries. */
export interface Problem {
  type?: string
  title?: string
  status?: number
  code?: string
  detail?: string
  errors?: ProblemFieldError[]
}

/** Thrown for every non-2xx answer, and for network failures (status 0, code `network_error`). */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly title: string
  readonly detail: string
  readonly errors: ProblemFieldError[]

  constructor(status: number, problem: Problem) {
    const detail = problem.detail ?? problem.title ?? `HTTP ${status}`
    super(detail)
    this.name = 'ApiError'
    this.status = status
    this.code = problem.code ?? 'unknown_error'
    this.title = problem.title ?? ''
    this.detail = detail
    this.errors = problem.errors ?? []
  }

  get isUnauthorized(): boolean {
    return this.status === 401
  }
}

export type QueryValue = string | number | boolean | null | undefined

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  query?: Record<string, QueryValue>
  body?: unknown
  /** Extra request headers, e.g. `Idempotency-Key`. */
  headers?: Record<string, string>
  signal?: AbortSignal
}

/** A bound request function: knows its credentials, returns the parsed JSON body. */
export type ApiClient = <T>(path: string, options?: RequestOptions) => Promise<T>

export interface ApiClientConfig {
  /** Returns the bearer token for each request (program key or portal token). */
  getToken: () => string | null
  /** Called on any 401, e.g. to sign out when a key has been revoked. */
  onUnauthorized?: (error: ApiError) => void
  /** Defaults to '' so calls go to the origin that served the app. */
  baseUrl?: string
}

export function buildUrl(baseUrl: string, path: string, query?: Record<string, QueryValue>) {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query ?? {})) {
    // Empty filters are left out rather than sent as `?tier=`.
    if (value === undefined || value === null || value === '') continue
    params.set(name, String(value))
  }
  const search = params.toString()
  return `${baseUrl}${path}${search ? `?${search}` : ''}`
}

async function readProblem(response: Response): Promise<Problem> {
  const text = await response.text().catch(() => '')
  if (!text) return { status: response.status, title: response.statusText }
  try {
    const parsed: unknown = JSON.parse(text)
    if (parsed && typeof parsed === 'object') return parsed as Problem
  } catch {
    // Not JSON (e.g. a proxy's HTML error page): fall through to the status text.
  }
  return { status: response.status, title: response.statusText }
}

export function createApiClient(config: ApiClientConfig): ApiClient {
  const baseUrl = config.baseUrl ?? ''
  return async <T>(path: string, options: RequestOptions = {}): Promise<T> => {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers }
    const token = config.getToken()
    if (token) headers.Authorization = `Bearer ${token}`
    if (options.body !== undefined) headers['Content-Type'] = 'application/json'

    let response: Response
    try {
      response = await fetch(buildUrl(baseUrl, path, options.query), {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
      })
    } catch (cause) {
      if (options.signal?.aborted) throw cause
      throw new ApiError(0, { code: 'network_error', detail: String(cause) })
    }

    if (!response.ok) {
      const error = new ApiError(response.status, await readProblem(response))
      if (error.isUnauthorized) config.onUnauthorized?.(error)
      throw error
    }
    if (response.status === 204) return undefined as T
    return (await response.json()) as T
  }
}
