import type { Executor } from '../shared/executor.js'
import type { PricingCoupon } from './pricing.js'

/*
 * What orders and quotes need of coupons, said by orders and implemented by the coupons module
 * (wired in create-services.ts): orders sit above coupons in the core's layers, and this keeps
 * the pricing computation free of the coupons' tables.
 */
export interface CouponLookup {
  /**
   * The coupons the codes name, in the codes' order, as this member may use them: the member's
   * own, or an unassigned code; null for a code that is unknown, used or another member's.
   * With `lock`, the rows are locked for the caller's transaction (an order redeeming them).
   */
  byCodes(
    on: Executor,
    programId: string,
    memberId: string,
    codes: readonly string[],
    lock?: boolean,
  ): Promise<(PricingCoupon | null)[]>
  /** The member's coupons that are active at `at`. */
  heldBy(on: Executor, programId: string, memberId: string, at: Date): Promise<PricingCoupon[]>
  /** `heldBy` of many members in one statement, in the members' order (batched quotes). */
  heldByMany(
    on: Executor,
    members: readonly { programId: string; memberId: string }[],
    at: Date,
  ): Promise<PricingCoupon[][]>
}

export interface CouponRedemptions extends CouponLookup {
  /**
   * Marks the coupons redeemed by the order (an unassigned code becomes the member's); false
   * when one of them is no longer active, and then nothing was changed.
   */
  redeem(
    on: Executor,
    programId: string,
    memberId: string,
    couponIds: readonly string[],
    orderId: string,
    at: Date,
  ): Promise<boolean>
  /** Gives back the order's coupons that have not expired at `at`; returns their ids. */
  restore(on: Executor, programId: string, orderId: string, at: Date): Promise<string[]>
}
