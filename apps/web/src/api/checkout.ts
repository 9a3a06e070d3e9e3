import { type ApiClient, unwrap } from './client'
import type { ApiBody, ApiResponse } from './schema'

/** A basket to price for a member: items, shipping, coupon codes and points to redeem. */
export type CheckoutQuoteInput = ApiBody<'/v1/checkout/quote', 'post'>
/** What the basket costs after coupons and points, and what it earns. */
export type CheckoutQuote = ApiResponse<'/v1/checkout/quote', 'post'>
export type QuoteCoupon = CheckoutQuote['applicable_coupons'][number]
export type QuoteCouponReason = NonNullable<QuoteCoupon['reason']>

export const QUOTE_COUPON_REASONS = [
  'invalid',
  'not_started',
  'expired',
  'min_spend_not_met',
  'no_eligible_items',
  'not_stackable',
  'duplicate',
] as const satisfies readonly QuoteCouponReason[]

/** Prices a basket with the order's own code; no side effects (server and admin keys). */
export function quoteCheckout(api: ApiClient, input: CheckoutQuoteInput) {
  return unwrap(api.POST('/v1/checkout/quote', { body: input }))
}
