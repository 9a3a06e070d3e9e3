/** Every failure a client can act on. Each code maps to one HTTP status and title. */
export const ERROR_CODES = {
  /** The request body, query or path is malformed or fails validation. */
  invalid_request: { status: 400, title: 'Invalid request' },
  /** No key, an unknown key, a revoked key or an expired portal session. */
  unauthorized: { status: 401, title: 'Unauthorized' },
  /** The key is valid but its kind or role may not do this. */
  forbidden: { status: 403, title: 'Forbidden' },
  /** The member's tier does not include this benefit or slot. */
  tier_required: { status: 403, title: 'Tier required' },
  /** The SKU is in early access and not yet on sale to this member's tier. */
  early_access_only: { status: 403, title: 'Early access only' },
  /** No such resource in this program (foreign ids look the same as missing ones). */
  not_found: { status: 404, title: 'Not found' },
  /** The HTTP method is not served on this path. */
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  /** A member with this external_id already exists. */
  member_exists: { status: 409, title: 'Member exists' },
  /** The SKU already has a live release. */
  release_exists: { status: 409, title: 'Release exists' },
  /** The idempotency key or merchant id was used before with a different request. */
  idempotency_conflict: { status: 409, title: 'Idempotency conflict' },
  /** A live benefit with this key already exists. */
  benefit_exists: { status: 409, title: 'Benefit exists' },
  /** The reward is out of stock. */
  out_of_stock: { status: 409, title: 'Out of stock' },
  /** The reward redemption is no longer pending: fulfilled or cancelled already. */
  redemption_not_pending: { status: 409, title: 'Redemption not pending' },
  /** The slot or event has no place left. */
  slot_full: { status: 409, title: 'Slot full' },
  /** The member already holds a booking of this appointment slot. */
  already_booked: { status: 409, title: 'Already booked' },
  /** The request body is larger than the limit. */
  payload_too_large: { status: 413, title: 'Payload too large' },
  /** The body is not JSON. */
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  /** The member's available points do not cover the request. */
  insufficient_points: { status: 422, title: 'Insufficient points' },
  /** The benefit's quota for this period is used up. */
  quota_exhausted: { status: 422, title: 'Quota exhausted' },
  /** A per-member or total limit has been reached. */
  limit_reached: { status: 422, title: 'Limit reached' },
  /** The appointment slot or event has started: it takes no more bookings, cancellations or answers. */
  slot_closed: { status: 422, title: 'Slot closed' },
  /** The reward is switched off: it cannot be redeemed. */
  reward_unavailable: { status: 422, title: 'Reward unavailable' },
  /** A coupon code does not apply to this order. */
  coupon_invalid: { status: 422, title: 'Coupon invalid' },
  /** The refunds would exceed the order's amount. */
  refund_exceeds_order: { status: 422, title: 'Refund exceeds order' },
  /** Too many requests; retry after the time given. */
  rate_limited: { status: 429, title: 'Too many requests' },
  /** An unexpected failure; details are in the server log, never in the response. */
  internal_error: { status: 500, title: 'Internal server error' },
  /** The database is not reachable. */
  unavailable: { status: 503, title: 'Service unavailable' },
} as const satisfies Record<string, { status: number; title: string }>

export type ErrorCode = keyof typeof ERROR_CODES

export interface FieldError {
  path: string
  message: string
}

export class AppError extends Error {
  readonly status: number
  readonly title: string
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors?: FieldError[],
  ) {
    super(detail)
    this.name = 'AppError'
    this.status = ERROR_CODES[code].status
    this.title = ERROR_CODES[code].title
  }

  /** A 400 naming the offending field. */
  static invalid(path: string, message: string): AppError {
    return new AppError('invalid_request', `${path}: ${message}`, [{ path, message }])
  }

  static notFound(what: string): AppError {
    return new AppError('not_found', `${what} not found`)
  }
}
