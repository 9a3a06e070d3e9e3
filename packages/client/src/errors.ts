import type { components } from './schema.gen.js'

/** The `application/problem+json` body every API error carries (from the OpenAPI document). */
export type Problem = components['schemas']['Problem']

/** A field-level problem reported with `400 invalid_request`. */
export type ProblemFieldError = NonNullable<Problem['errors']>[number]

/** Codes the client itself reports: no answer at all, or an answer that was not a problem. */
export type ClientErrorCode = 'network_error' | 'unknown_error'

/**
 * Every answer that is not `2xx`, as a typed problem (and network failures: status 0, code
 * `network_error`). `code` is the API's stable code (`member_exists`, `insufficient_points`,
 * `coupon_invalid`, …, api.md): branch on it, not on `detail`.
 */
export class ApiError extends Error {
  readonly status: number
  /** The server's stable code, or one of {@link ClientErrorCode}. */
  readonly code: string
  readonly title: string
  /** The server's own sentence, in English. */
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

/** The problem of a non-2xx answer, or what can be made of a body that is not one. */
export async function readProblem(response: Response): Promise<Partial<Problem>> {
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

export function retryAfterSeconds(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after'))
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined
}
