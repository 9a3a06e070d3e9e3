import { ApiError, type Problem, readProblem, retryAfterSeconds } from '@loyalbase/client/errors'
import { toSearch } from '@loyalbase/client/query'
import createClient, { type Client } from 'openapi-fetch'
import type { paths } from './schema.gen'

// One definition of the API's problems and of the error they are thrown as, shared with the SDK.
export {
  ApiError,
  type ClientErrorCode,
  type Problem,
  type ProblemFieldError,
} from '@loyalbase/client/errors'
/** The query string of a call: empty filters are left out rather than sent as `?tier=`. */
export { toSearch } from '@loyalbase/client/query'

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

/** A path with its query string (empty filters left out). */
export function buildUrl(baseUrl: string, path: string, query?: Record<string, QueryValue>) {
  const search = toSearch(query)
  return `${baseUrl}${path}${search ? `?${search}` : ''}`
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
        retryAfter: retryAfterSeconds(response),
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
