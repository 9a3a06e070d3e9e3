import type { DB } from '@loyalbase/db'
import type { Kysely } from 'kysely'
import type { ProgramContext } from '../programs/index.js'
import { ORDER_TRIGGER, type RulesService } from '../rules/index.js'
import { AppError } from '../shared/app-error.js'
import type { Clock } from '../shared/clock.js'
import { StatementBatcher } from '../shared/statement.batcher.js'
import type { CouponLookup } from './coupons.port.js'
import { planOrder, snapshotNeeds, snapshotRequest, withUsageDefaults } from './order-plan.js'
import type { OrderItem } from './orders.js'
import { readOrderSnapshots, type SnapshotRequest } from './orders.repository.js'
import {
  type CouponRefusal,
  lineAmount,
  minorPerMajor,
  type PricingCoupon,
  priceBasket,
} from './pricing.js'

/*
 * The checkout quote (api.md: `POST /v1/checkout/quote`): what a basket would cost the member
 * and earn them, with no side effect. It reads the same snapshot an order reads, prices the
 * basket with the order's pricing (pricing.ts) and runs the order's own plan (`planOrder`)
 * on what would be paid — the plan is computed and dropped, never written — so a quote and the
 * order placed from it cannot disagree.
 */

export interface QuoteInput {
  member: string
  items: OrderItem[]
  shipping_fee?: number
  coupon_codes?: string[]
  points_to_redeem?: number
  channel?: string
}

export interface CouponVerdict {
  id: string | null
  code: string
  template: string | null
  applicable: boolean
  /** Why not, when it does not apply. */
  reason?: CouponRefusal
  /** What it takes off this basket on its own, when it applies. */
  amount?: number
}

export interface Quote {
  subtotal: number
  discounts: { source: 'coupon'; id: string; amount: number }[]
  shipping_fee: number
  shipping_discount: number
  points_redeemed: number
  points_value: number
  total: number
  points_to_earn: number
  /** Each of the member's active coupons: does it apply to this basket, and if not, why. */
  applicable_coupons: CouponVerdict[]
  /** The basket's own codes that were not applied, with the reason. */
  coupons_refused: CouponVerdict[]
}

export function createCheckoutService(
  db: Kysely<DB>,
  clock: Clock,
  deps: { rules: RulesService; coupons: CouponLookup },
) {
  // Concurrent quotes read their snapshots together, then their members' coupons together: two
  // statements for a batch of quotes instead of two for each (statement.batcher.ts).
  const snapshots = new StatementBatcher(async (requests: SnapshotRequest[]) =>
    (await readOrderSnapshots(db, requests)).map((found) => found ?? null),
  )
  const holdings = new StatementBatcher(
    async (asks: { programId: string; memberId: string; at: Date }[]) => {
      const earliest = new Date(Math.min(...asks.map((a) => a.at.getTime())))
      const held = await deps.coupons.heldByMany(db, asks, earliest)
      // Each quote sees the coupons active at its own moment.
      return asks.map((ask, i) =>
        (held[i] ?? []).filter((c) => c.expires_at === null || c.expires_at > ask.at),
      )
    },
  )

  return {
    async quote(program: ProgramContext, input: QuoteInput): Promise<Quote> {
      const now = clock.now()
      const rules = await deps.rules.activeRulesFor(program, ORDER_TRIGGER)
      const needs = snapshotNeeds(program, rules, now, now)
      const shippingFee = input.shipping_fee ?? 0
      // The most the order could be: the tier window is read whenever the order could need it.
      const most = input.items.reduce((sum, item) => sum + lineAmount(item), 0) + shippingFee
      const request = snapshotRequest(program, needs, {
        id: '',
        member: input.member,
        amount: most,
      })
      const read = await snapshots.call(request)
      if (!read) throw AppError.notFound('Member')
      const member = read.snapshot.member
      const snapshot = withUsageDefaults(read.snapshot, needs)

      const codes = input.coupon_codes ?? []
      const [named, held] = await Promise.all([
        codes.length > 0
          ? deps.coupons.byCodes(db, program.id, member.id, codes)
          : Promise.resolve([]),
        holdings.call({ programId: program.id, memberId: member.id, at: now }),
      ])
      const basket = {
        items: input.items,
        shipping_fee: shippingFee,
        points_available: Math.max(0, member.points_available),
        policy: program.points_policy,
        minor_per_major: minorPerMajor(program.currency),
        at: now,
      }
      const priced = priceBasket({
        ...basket,
        coupons: named,
        codes,
        points_to_redeem: input.points_to_redeem ?? 0,
      })
      const plan = planOrder(
        {
          program,
          input: {
            id: 'quote',
            member: member.id,
            amount: priced.total,
            items: input.items,
            shipping_fee: shippingFee,
            ...(input.channel ? { channel: input.channel } : {}),
          },
          occurredAt: now,
          now,
          fingerprint: '',
          rules,
          keyId: null,
        },
        snapshot,
      )
      if (plan === 'needs_window') throw new Error('the quote snapshot left out the tier window')

      const alone = (coupon: PricingCoupon): CouponVerdict => {
        const one = priceBasket({
          ...basket,
          coupons: [coupon],
          codes: [coupon.code],
          points_to_redeem: 0,
        })
        const refusal = one.refused[0]
        const verdict = { id: coupon.id, code: coupon.code, template: coupon.template }
        return refusal
          ? { ...verdict, applicable: false, reason: refusal.reason }
          : { ...verdict, applicable: true, amount: one.discounts[0]?.amount ?? 0 }
      }
      return {
        subtotal: priced.subtotal,
        discounts: priced.discounts.map((d) => ({ source: d.source, id: d.id, amount: d.amount })),
        shipping_fee: priced.shipping_fee,
        shipping_discount: priced.shipping_discount,
        points_redeemed: priced.points_redeemed,
        points_value: priced.points_value,
        total: priced.total,
        points_to_earn: plan.effects.points_earned,
        applicable_coupons: held.map(alone),
        coupons_refused: priced.refused.map((r) => ({
          id: r.id,
          code: r.code,
          template: named.find((c) => c !== null && c.id === r.id)?.template ?? null,
          applicable: false,
          reason: r.reason,
        })),
      }
    },
  }
}

export type CheckoutService = ReturnType<typeof createCheckoutService>
