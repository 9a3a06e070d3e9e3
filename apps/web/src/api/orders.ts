import type { ApiClient } from './client'

export interface OrderItem {
  sku: string
  name?: string
  category?: string
  quantity: number
  /** Minor currency units. */
  unit_price: number
}

export interface OrderRefund {
  id: string
  amount: number
  points_reversed: number
  growth_reversed: number
  created_at: string
}

/** An order as the merchant sent it, with what it earned and what refunds took back. */
export interface Order {
  /** The merchant's own id. */
  id: string
  /** The member's `mem_…` id. */
  member: string
  /** What the member paid, in minor units. */
  amount: number
  shipping_fee: number
  channel: string | null
  items: OrderItem[]
  occurred_at: string
  points_earned: number
  growth_earned: number
  refunded_amount: number
  points_reversed: number
  growth_reversed: number
  refunds: OrderRefund[]
  created_at: string
}

export function getOrder(api: ApiClient, id: string, signal?: AbortSignal) {
  return api<Order>(`/v1/orders/${encodeURIComponent(id)}`, { signal })
}
