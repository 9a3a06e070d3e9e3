import type { CheckoutCouponRow } from '../coupons/index.js'
import type { Executor } from '../shared/executor.js'
import type { PricingCoupon } from './pricing.js'

/*
 * What orders and quotes need of coupons, said by orders and implemented by the coupons module
 * (wired in create-services.ts): orders sit above coupons in the core's layers, and this keeps
 * the pricing computation free of the coupons' tables. The coupon rows themselves come with the
 * order's snapshot (`lb_checkout_reads`, 0018_checkout_in_order_write.sql) and are redeemed by
 * the order's write; the coupons module says how a code is written and what a row means.
 */

export type { CheckoutCouponRow }

export interface CouponLookup {
  /** A code as the coupons table stores it; null for one that cannot be a code. */
  normaliseCode(code: string): string | null
  /**
   * The row as this member may use it: the member's own active coupon, or an unassigned code;
   * null for one that is used or another member's (refused like an unknown code).
   */
  usableOf(row: CheckoutCouponRow, memberId: string): PricingCoupon | null
}

export interface CouponRedemptions extends CouponLookup {
  /** Gives back the order's coupons that have not expired at `at`; returns their ids. */
  restore(on: Executor, programId: string, orderId: string, at: Date): Promise<string[]>
}

/**
 * The coupons the codes name, in the codes' order, as the member may use them (null for a code
 * that is malformed, unknown, used or another member's), from the rows a snapshot read.
 */
export function couponsNamed(
  lookup: CouponLookup,
  rows: readonly CheckoutCouponRow[],
  memberId: string,
  codes: readonly string[],
): (PricingCoupon | null)[] {
  const byCode = new Map(rows.map((row) => [row.code, row]))
  return codes.map((code) => {
    const stored = lookup.normaliseCode(code)
    const row = stored ? byCode.get(stored) : undefined
    return row ? lookup.usableOf(row, memberId) : null
  })
}

/** The codes as a snapshot reads them: stored form, each once, malformed ones left out. */
export function storedCodes(lookup: CouponLookup, codes: readonly string[]): string[] {
  return [...new Set(codes.map(lookup.normaliseCode).filter((c): c is string => c !== null))]
}
