import type { OrderRow, RefundRow } from '@loyalbase/db'
import type { FieldError } from '../shared/app-error.js'
import { proportionalShare } from '../shared/money.js'

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

/**
 * A discount an order got, with its share of each item (in the order's items' order), so that a
 * refund knows what each item really cost (docs/checkout.md, "How a discount is spread").
 */
export interface OrderDiscount {
  source: 'coupon' | 'tier' | 'benefit'
  /** The coupon's id, or the benefit's. */
  id: string
  /** The coupon's code, or the benefit's key. */
  code: string
  amount: number
  by_item: number[]
  shipping: number
}

export interface RefundItem {
  sku: string
  quantity: number
}

export interface NewRefundInput {
  id: string
  amount: number
  items?: RefundItem[]
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
  /** Redeemed points of the order given back (in proportion to the amount refunded). */
  points_returned: number
  growth_reversed: number
  coupons_restored: string[]
  /** Keys of the benefits whose uses by the order were given back (a full refund). */
  benefits_returned: string[]
  tier_change: { from: string; to: string } | null
}

/**
 * What this refund is due to take back of what the order earned: its cumulative share after
 * the refund less the cumulative share before it (`proportionalShare`, money.ts), so rounding
 * never drifts and the refunds of an order in full take back exactly what it earned. Derived from amounts alone, so a reversal
 * that was forgiven in part (the balance could not cover it) is not asked for again later.
 */
export function reversalDue(
  earned: number,
  refundedBefore: number,
  refundAmount: number,
  orderAmount: number,
): number {
  const after = proportionalShare(earned, refundedBefore + refundAmount, orderAmount)
  const before = proportionalShare(earned, refundedBefore, orderAmount)
  return Math.max(after - before, 0)
}

/**
 * The refund lines that ask for more than the order has left of a SKU (what it sold, less
 * what earlier refunds with items returned), or for a SKU the order does not have. Each is a
 * `{ path, message }` for the problem's `errors`.
 */
export function refundItemsBeyondOrder(
  ordered: readonly OrderItem[],
  earlier: readonly (readonly RefundItem[] | null)[],
  asked: readonly RefundItem[],
): FieldError[] {
  const left = new Map<string, number>()
  for (const item of ordered) left.set(item.sku, (left.get(item.sku) ?? 0) + item.quantity)
  for (const refund of earlier)
    for (const item of refund ?? []) left.set(item.sku, (left.get(item.sku) ?? 0) - item.quantity)
  const errors: FieldError[] = []
  asked.forEach((item, i) => {
    const remaining = left.get(item.sku)
    if (remaining === undefined) {
      errors.push({ path: `items[${i}].sku`, message: `the order has no item "${item.sku}"` })
      return
    }
    if (item.quantity > remaining) {
      errors.push({
        path: `items[${i}].quantity`,
        message: `the order has ${Math.max(remaining, 0)} of "${item.sku}" left to refund`,
      })
    }
    left.set(item.sku, remaining - item.quantity)
  })
  return errors
}

export function presentOrder(row: OrderRow, refunds: RefundRow[] = []) {
  return {
    id: row.id,
    member: row.member_id,
    amount: row.amount,
    shipping_fee: row.shipping_fee,
    channel: row.channel,
    items: row.items as OrderItem[],
    discounts: ((row.discounts ?? []) as OrderDiscount[]).map(({ source, id, code, amount }) => ({
      source,
      id,
      code,
      amount,
    })),
    occurred_at: row.occurred_at.toISOString(),
    points_earned: row.points_earned,
    growth_earned: row.growth_earned,
    points_redeemed: row.points_redeemed,
    points_value: row.points_value,
    points_returned: row.points_returned,
    refunded_amount: row.refunded_amount,
    points_reversed: row.points_reversed,
    growth_reversed: row.growth_reversed,
    refunds: refunds.map((r) => ({
      id: r.id,
      amount: r.amount,
      points_reversed: r.points_reversed,
      growth_reversed: r.growth_reversed,
      points_returned: r.points_returned,
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
