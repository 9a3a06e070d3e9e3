import type { DB } from '@loyalbase/db'
import type { Kysely } from 'kysely'
import { type BenefitsService, orderBenefitUsageNeeds } from '../benefits/index.js'
import type { ProgramContext } from '../programs/index.js'
import { earlyAccessError, earlyAccessRefusal, type ReleasesService } from '../releases/index.js'
import { ORDER_TRIGGER, type RulesService } from '../rules/index.js'
import { AppError } from '../shared/app-error.js'
import type { Clock } from '../shared/clock.js'
import { StatementBatcher } from '../shared/statement.batcher.js'
import { type CouponLookup, couponsNamed, storedCodes } from './coupons.port.js'
import { benefitUses, multiplierUse, orderBenefits, pricingBenefits } from './order-benefits.js'
import {
  type OrderSnapshot,
  planOrder,
  snapshotNeeds,
  snapshotRequest,
  withUsageDefaults,
} from './order-plan.js'
import type { OrderSnapshotCache } from './order-snapshot.cache.js'
import type { OrderItem } from './orders.js'
import {
  type CheckoutAsk,
  type CheckoutRequest,
  readCheckouts,
  readOrderSnapshots,
  type SnapshotRequest,
} from './orders.repository.js'
import {
  type CouponRefusal,
  lineAmount,
  minorPerMajor,
  type PricingCoupon,
  priceBasket,
} from './pricing.js'
import {
  type RequestContextDeps,
  refuseRevokedKey,
  reloadChangedProgram,
} from './request-context.js'

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
  discounts: { source: 'coupon' | 'tier' | 'benefit'; id: string; amount: number }[]
  shipping_fee: number
  shipping_discount: number
  points_redeemed: number
  points_value: number
  total: number
  points_to_earn: number
  /** Keys of the tier's benefits the order would use (a tier discount, free shipping, …). */
  benefits_used: string[]
  /** Each of the member's active coupons: does it apply to this basket, and if not, why. */
  applicable_coupons: CouponVerdict[]
  /** The basket's own codes that were not applied, with the reason. */
  coupons_refused: CouponVerdict[]
}

export function createCheckoutService(
  db: Kysely<DB>,
  clock: Clock,
  deps: {
    rules: RulesService
    coupons: CouponLookup
    benefits: BenefitsService
    releases: ReleasesService
    /** Snapshots this process keeps, shared with orders (order-snapshot.cache.ts). */
    kept: OrderSnapshotCache
  } & RequestContextDeps,
) {
  // Concurrent quotes read together: the member's snapshot, the coupons the codes name and the
  // coupons the member holds, for a batch of quotes in one statement (statement.batcher.ts).
  const snapshots = new StatementBatcher(async (requests: SnapshotRequest[]) =>
    (await readOrderSnapshots(db, requests)).map((found) => found ?? null),
  )
  // A member this process kept a snapshot of: only the coupons are read, with the member's row
  // version, which tells whether the kept snapshot still holds.
  const checkoutReads = new StatementBatcher((asks: CheckoutAsk[]) => readCheckouts(db, asks))

  /**
   * The snapshot a quote prices from, with the coupons it names and the member holds: the kept
   * one when the member has not changed since, else read (and kept for the next quote or order).
   */
  async function snapshotFor(
    program: ProgramContext,
    input: QuoteInput,
    needs: ReturnType<typeof snapshotNeeds>,
    checkout: CheckoutRequest,
    context: SnapshotRequest['context'],
    most: number,
    fresh: boolean,
  ): Promise<OrderSnapshot | { stale: 'key' | 'program' }> {
    const kept = fresh ? undefined : deps.kept.find(program.id, input.member, needs)
    if (kept) {
      const rows = await checkoutReads.call({
        programId: program.id,
        memberId: kept.member.id,
        orderId: '',
        request: checkout,
        ...(context && { context }),
      })
      if ('stale' in rows) return rows
      if (rows.version === kept.member.version) return { ...kept, checkout: rows.checkout }
    }
    const read = await snapshots.call({
      ...snapshotRequest(program, needs, { id: '', member: input.member, amount: most }),
      checkout,
      ...(context && { context }),
    })
    if (!read) throw AppError.notFound('Member')
    if ('stale' in read) return read
    const snapshot = withUsageDefaults(read.snapshot, needs)
    const { checkout: _rows, ...plain } = snapshot
    deps.kept.remember(program.id, input.member, plain)
    return snapshot
  }

  /** One attempt: the quote, or why the read refused it (the key or the program changed). */
  async function quoteOnce(
    program: ProgramContext,
    input: QuoteInput,
    keyId: string | undefined,
    fresh: boolean,
  ): Promise<{ quote: Quote } | { stale: 'key' | 'program' | 'window' }> {
    const now = clock.now()
    const rules = await deps.rules.activeRulesFor(program, ORDER_TRIGGER)
    const benefits = await deps.benefits.liveFor(program)
    const needs = snapshotNeeds(
      program,
      rules,
      now,
      now,
      orderBenefitUsageNeeds(benefits, now, program.timezone),
    )
    const shippingFee = input.shipping_fee ?? 0
    // The most the order could be: the tier window is read whenever the order could need it.
    const most = input.items.reduce((sum, item) => sum + lineAmount(item), 0) + shippingFee
    const codes = input.coupon_codes ?? []
    const snapshot = await snapshotFor(
      program,
      input,
      needs,
      { codes: storedCodes(deps.coupons, codes), held: true, points: 0, at: now },
      // A remembered key is checked by the read itself, as an order's write checks it.
      keyId === undefined ? undefined : { key: keyId, programVersion: program.version },
      most,
      fresh,
    )
    if ('stale' in snapshot) return snapshot
    const member = snapshot.member
    const named = couponsNamed(deps.coupons, snapshot.checkout?.coupons ?? [], member.id, codes)
    const held = (snapshot.checkout?.held ?? []).flatMap(
      (row) => deps.coupons.usableOf(row, member.id) ?? [],
    )

    const releases = await deps.releases.liveReleasesFor(program)
    const refused = earlyAccessRefusal(
      releases,
      member.tier_key,
      input.items.map((item) => item.sku),
      now,
    )
    if (refused) throw earlyAccessError(refused)
    const usable = orderBenefits(benefits, snapshot, now, program.timezone)
    const basket = {
      items: input.items,
      benefits: pricingBenefits(usable),
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
    const benefitsUsed = benefitUses(priced.discounts, usable)
    const multiplier = multiplierUse(usable.points_multiplier)
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
        draft: true,
        // The benefits it would use; its points are paid in `amount` (a quote spends none).
        checkout: { discounts: [], points_redeemed: 0, points_value: 0, benefits: benefitsUsed },
        ...(multiplier && { multiplier }),
      },
      snapshot,
    )
    if (plan === 'needs_window') {
      // A kept snapshot without the tier window this basket could need: read afresh.
      if (!fresh) return { stale: 'window' }
      throw new Error('the quote snapshot left out the tier window')
    }

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
      quote: {
        subtotal: priced.subtotal,
        discounts: priced.discounts.map((d) => ({ source: d.source, id: d.id, amount: d.amount })),
        shipping_fee: priced.shipping_fee,
        shipping_discount: priced.shipping_discount,
        points_redeemed: priced.points_redeemed,
        points_value: priced.points_value,
        total: priced.total,
        points_to_earn: plan.effects.points_earned,
        benefits_used: plan.effects.benefits_used,
        applicable_coupons: held.map(alone),
        coupons_refused: priced.refused.map((r) => ({
          id: r.id,
          code: r.code,
          template: named.find((c) => c !== null && c.id === r.id)?.template ?? null,
          applicable: false,
          reason: r.reason,
        })),
      },
    }
  }

  return {
    /**
     * The quote for a basket. With `keyId` — the request's key, remembered by this process
     * rather than read — the quote's read checks that the key is still live and the program
     * unchanged: a revoked key is refused (`401`) and a changed program read again.
     */
    async quote(
      program: ProgramContext,
      input: QuoteInput,
      options: { keyId?: string } = {},
    ): Promise<Quote> {
      let current = program
      let fresh = false
      for (let attempt = 0; ; attempt++) {
        const outcome = await quoteOnce(current, input, options.keyId, fresh)
        if ('quote' in outcome) return outcome.quote
        if (outcome.stale === 'key') refuseRevokedKey(deps, options.keyId)
        if (attempt >= 3) throw new Error('the quote was refused four times')
        if (outcome.stale === 'window') fresh = true
        else current = await reloadChangedProgram(deps, program.id)
      }
    },
  }
}

export type CheckoutService = ReturnType<typeof createCheckoutService>
