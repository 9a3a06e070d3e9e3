import type { NewOutboxEvent, NewTierChange } from '../tiers/index.js'
import type { OrderDiscount } from './orders.js'

/*
 * What an order's plan (order-plan.ts, order-debit.ts) hands its write: the rows and moves
 * `lb_write_order` applies in one statement (0008_order_write.sql, 0018_checkout_in_order_write.sql).
 */

export interface OrderWrite {
  program: string
  program_version: number
  key: string | null
  member: {
    id: string
    version: number
    spend: number
    orders: number
    growth: number
    available: number
    pending: number
    earned: number
    redeemed: number
    tier: string | null
    tier_since: string | null
    at: string
  }
  order: {
    id: string
    amount: number
    shipping_fee: number
    channel: string | null
    items: unknown[]
    occurred_at: string
    points_earned: number
    growth_earned: number
    fingerprint: string
    response_body: string
    created_at: string
    discounts: OrderDiscount[]
    points_redeemed: number
    points_value: number
  }
  /** The coupons the order redeems. */
  coupons: string[]
  /** What the order's `redeem` entry takes from each lot. */
  spends: { lot_id: string; points: number }[]
  usage: { rule_id: string; period: string; add: number; cap: number | null }[]
  /** One use more of each quota'd benefit the order uses, in its period, never past `cap`. */
  benefit_usage: { benefit_id: string; period: string; cap: number }[]
  /** The record of each benefit the order uses. */
  benefit_uses: {
    id: string
    benefit_id: string
    tier_key: string
    period: string | null
    amount: number
    used_at: string
  }[]
  budgets: { rule_id: string; add: number; cap: number }[]
  lots: {
    id: string
    status: 'pending' | 'available'
    earned: number
    remaining: number
    earned_at: string
    available_at: string
    expires_at: string | null
    source_kind: string
    source_id: string
    rule_id: string
    created_at: string
  }[]
  entries: {
    id: string
    type: 'earn' | 'redeem'
    points: number
    available_delta: number
    pending_delta: number
    balance_after: number
    pending_after: number
    source_kind: string
    source_id: string
    rule_id: string | null
    lot_id: string | null
    expires_at: string | null
    note: string | null
    actor: null
    created_at: string
  }[]
  consumptions: { transaction_id: string; lot_id: string; points: number }[]
  tier_changes: (Omit<NewTierChange, 'at' | 'program_id' | 'member_id'> & { at: string })[]
  outbox: (Omit<NewOutboxEvent, 'created_at' | 'program_id'> & { created_at: string })[]
}
