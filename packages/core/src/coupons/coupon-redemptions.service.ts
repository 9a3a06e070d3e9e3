import type { Executor } from '../shared/executor.js'
import { type CouponDiscount, type CouponScope, formatCode, normaliseCode } from './coupons.js'
import { restoreOrderCoupons } from './coupons.repository.js'

/*
 * Coupons as orders and checkout quotes use them (orders/coupons.port.ts): the rows come with
 * the order's snapshot and are redeemed by the order's write (0018_checkout_in_order_write.sql);
 * this says what a row means to a member, and gives back a fully refunded order's coupons.
 * Wired into orders by create-services.ts.
 */

/** A coupon as pricing reads it (orders/pricing.ts `PricingCoupon`). */
export interface UsableCoupon {
  id: string
  code: string
  template: string
  discount: CouponDiscount
  min_spend: number | null
  applies_to: CouponScope | null
  stackable: boolean
  starts_at: Date | null
  expires_at: Date | null
  status: 'active' | 'invalid'
}

/**
 * A coupon row as the order's snapshot reads it (json: timestamps as text; `lb_checkout_reads`,
 * 0018_checkout_in_order_write.sql).
 */
export interface CheckoutCouponRow {
  id: string
  code: string
  status: string
  member_id: string | null
  template_id: string
  discount: unknown
  min_spend: number | null
  applies_to: unknown
  stackable: boolean
  starts_at: string | null
  expires_at: string | null
  template_starts_at: string | null
  template_ends_at: string | null
}

const dateOf = (text: string | null) => (text === null ? null : new Date(text))

function usable(row: CheckoutCouponRow, memberId: string): UsableCoupon | null {
  // Unknown, redeemed and other members' codes are alike: null, refused as `invalid`.
  const mine = row.status === 'active' && row.member_id === memberId
  if (!mine && row.status !== 'unassigned') return null
  return {
    id: row.id,
    code: formatCode(row.code),
    template: row.template_id,
    discount: row.discount as CouponDiscount,
    min_spend: row.min_spend === null ? null : Number(row.min_spend),
    applies_to: (row.applies_to as CouponScope | null) ?? null,
    stackable: row.stackable,
    // A bulk code's window is its template's until it is claimed.
    starts_at: dateOf(row.starts_at ?? row.template_starts_at),
    expires_at: dateOf(row.expires_at ?? row.template_ends_at),
    status: 'active',
  }
}

export function createCouponRedemptions() {
  return {
    normaliseCode,
    usableOf: usable,
    restore: (on: Executor, programId: string, orderId: string, at: Date) =>
      restoreOrderCoupons(on, programId, orderId, at),
  }
}

export type CouponRedemptions = ReturnType<typeof createCouponRedemptions>
