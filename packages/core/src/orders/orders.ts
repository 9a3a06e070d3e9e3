import type { OrderRow, RefundRow } from '@loyalbase/db'

export interface OrderItem {
  sku: string
  name?: string | null
  category?: string | null
  quantity: number
  unit_price: number
}

export interface NewOrderInput {
  id: string
  member: string
  amount: number
  occurred_at?: string
  channel?: string
  shipping_fee?: number
  items?: OrderItem[]
  coupon_codes?: string[]
  points_to_redeem?: number
}

export interface NewRefundInput {
  id: string
  amount: number
  items?: { sku: string; quantity: number }[]
}

export interface RulePayout {
  rule: string
  points: number
  growth: number
}

/** What an order did, as `POST /v1/orders` reports it. */
export interface OrderEffects {
  points_earned: number
  points_status: 'pending' | 'available'
  points_available_at?: string
  growth_earned: number
  points_redeemed: number
  discounts: { source: string; id: string; amount: number }[]
  coupons_redeemed: string[]
  benefits_used: string[]
  tier_change: { from: string; to: string } | null
  rules: RulePayout[]
}

export interface RefundEffects {
  points_reversed: number
  growth_reversed: number
  coupons_restored: string[]
  tier_change: { from: string; to: string } | null
}

/**
 * The share of `total` that refunds of `refunded` out of `whole` take back, counted on the
 * cumulative refunded amount so that rounding never drifts: the refunds of an order add up to
 * exactly its points once it is refunded in full. Rounded down until then.
 */
export function cumulativeShare(total: number, refunded: number, whole: number): number {
  if (whole <= 0 || refunded >= whole) return total
  return Math.floor((total * refunded) / whole)
}

/** How much this refund reverses, given what earlier refunds of the order already reversed. */
export function reversalFor(
  earned: number,
  alreadyReversed: number,
  refundedBefore: number,
  refundAmount: number,
  orderAmount: number,
): number {
  const due = cumulativeShare(earned, refundedBefore + refundAmount, orderAmount)
  return Math.max(due - alreadyReversed, 0)
}

export function presentOrder(row: OrderRow, refunds: RefundRow[] = []) {
  return {
    id: row.id,
    member: row.member_id,
    amount: row.amount,
    shipping_fee: row.shipping_fee,
    channel: row.channel,
    items: row.items as OrderItem[],
    occurred_at: row.occurred_at.toISOString(),
    points_earned: row.points_earned,
    growth_earned: row.growth_earned,
    refunded_amount: row.refunded_amount,
    points_reversed: row.points_reversed,
    growth_reversed: row.growth_reversed,
    refunds: refunds.map((r) => ({
      id: r.id,
      amount: r.amount,
      points_reversed: r.points_reversed,
      growth_reversed: r.growth_reversed,
      created_at: r.created_at.toISOString(),
    })),
    created_at: row.created_at.toISOString(),
  }
}

export function presentRefund(row: RefundRow) {
  return {
    id: row.id,
    order: row.order_id,
    member: row.member_id,
    amount: row.amount,
    items: row.items,
    created_at: row.created_at.toISOString(),
  }
}
