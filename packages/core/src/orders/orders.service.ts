import type { DB } from '@loyalbase/db'
import type { Kysely } from 'kysely'
import { type BenefitsService, orderBenefitUsageNeeds } from '../benefits/index.js'
import { domainEvent, recordDomainEvents } from '../domain-events/index.js'
import { emitEvent, REFERRAL_CONVERTED } from '../events/index.js'
import { fingerprintOf, runClaimed, type StoredResponse } from '../idempotency/index.js'
import { addMemberActivity, lockMember } from '../members/index.js'
import { returnRedeemedPoints, reversePoints } from '../points/index.js'
import type { ProgramContext } from '../programs/index.js'
import { earlyAccessError, earlyAccessRefusal, type ReleasesService } from '../releases/index.js'
import { ORDER_TRIGGER, type RulesService } from '../rules/index.js'
import { AppError } from '../shared/app-error.js'
import type { Clock } from '../shared/clock.js'
import type { Executor } from '../shared/executor.js'
import { MAX_FUTURE_MS } from '../shared/limits.js'
import { proportionalShare } from '../shared/money.js'
import { StatementBatcher } from '../shared/statement.batcher.js'
import { type CouponRedemptions, couponsNamed, storedCodes } from './coupons.port.js'
import {
  benefitUses,
  multiplierUse,
  type OrderBenefits,
  orderBenefits,
  pricingBenefits,
} from './order-benefits.js'
import {
  type OrderCheckout,
  type OrderSnapshot,
  planOrder,
  snapshotNeeds,
  snapshotRequest,
  withUsageDefaults,
} from './order-plan.js'
import type { OrderSnapshotCache } from './order-snapshot.cache.js'
import type { OrderWrite } from './order-write.js'
import {
  type NewOrderInput,
  type NewRefundInput,
  type OrderItem,
  presentOrder,
  presentRefund,
  type RefundEffects,
  type RefundItem,
  refundItemsBeyondOrder,
  reversalDue,
} from './orders.js'
import {
  addRefundToOrder,
  applyOrderPlan,
  applyOrderPlans,
  type CheckoutAsk,
  type CheckoutRequest,
  claimRefund,
  findOrder,
  findRefund,
  listRefunds,
  lockOrder,
  readCheckouts,
  readOrderSnapshot,
  readOrderSnapshots,
  type SnapshotRequest,
  type StalePlan,
  type StoredOrder,
  saveRefundOutcome,
  saveRefundResponse,
} from './orders.repository.js'
import { couponRefusalText, minorPerMajor, priceBasket } from './pricing.js'
import {
  type RequestContextDeps,
  refuseRevokedKey,
  reloadChangedProgram,
} from './request-context.js'

/** A plan the database refused inside a transaction: the transaction is rolled back. */
class StaleOrder extends Error {
  constructor(readonly stale: StalePlan) {
    super(`the order's plan was refused: ${stale} changed`)
  }
}

export function createOrdersService(
  db: Kysely<DB>,
  clock: Clock,
  deps: {
    rules: RulesService
    coupons: CouponRedemptions
    benefits: BenefitsService
    releases: ReleasesService
    /** Snapshots this process keeps, shared with the checkout quote (order-snapshot.cache.ts). */
    kept: OrderSnapshotCache
  } & RequestContextDeps,
) {
  /**
   * The order's coupons and the points it pays with, priced by the checkout's rules (pricing.ts)
   * from the rows its snapshot read. A code that does not apply refuses the order (`422
   * coupon_invalid`, with the reason); points beyond the member's balance refuse it (`422
   * insufficient_points`: the balance may have changed since the quote). Within the balance,
   * the points redeemed are the quote's: at most `max_redeem_percent` of what is left to pay,
   * in whole minor units. The write redeems them, or refuses the plan when a coupon was used
   * meanwhile (then the order is computed again, and refused with the code now used).
   */
  function priceCheckout(
    program: ProgramContext,
    snapshot: OrderSnapshot,
    input: NewOrderInput,
    at: Date,
    usable: OrderBenefits,
  ): OrderCheckout {
    const member = snapshot.member
    const codes = input.coupon_codes ?? []
    const asked = input.points_to_redeem ?? 0
    if (asked > Math.max(member.points_available, 0)) {
      throw new AppError(
        'insufficient_points',
        `The member has ${Math.max(member.points_available, 0)} available points; ${asked} were asked for.`,
        [{ path: 'points_to_redeem', message: 'more than the member has' }],
      )
    }
    const coupons = couponsNamed(deps.coupons, snapshot.checkout?.coupons ?? [], member.id, codes)
    // Without items, the order's amount stands for its basket: one line, no SKU or category
    // (points are then capped against that amount; an order paying with points sends its items).
    const items = input.items?.length
      ? input.items
      : [{ sku: '', category: null, quantity: 1, unit_price: input.amount }]
    const priced = priceBasket({
      items,
      benefits: pricingBenefits(usable),
      shipping_fee: input.shipping_fee ?? 0,
      coupons,
      codes,
      points_to_redeem: asked,
      points_available: Math.max(member.points_available, 0),
      policy: program.points_policy,
      minor_per_major: minorPerMajor(program.currency),
      at,
    })
    const refused = priced.refused[0]
    if (refused) {
      const index = codes.indexOf(refused.code)
      throw new AppError('coupon_invalid', couponRefusalText(refused.code, refused.reason), [
        { path: `coupon_codes[${Math.max(0, index)}]`, message: refused.reason },
      ])
    }
    return {
      discounts: priced.discounts,
      points_redeemed: priced.points_redeemed,
      points_value: priced.points_value,
      benefits: benefitUses(priced.discounts, usable),
    }
  }

  /** What an order with a checkout reads with its snapshot. */
  function checkoutRequest(input: NewOrderInput, at: Date): CheckoutRequest | undefined {
    const codes = input.coupon_codes ?? []
    const points = input.points_to_redeem ?? 0
    if (codes.length === 0 && points <= 0) return undefined
    return {
      codes: storedCodes(deps.coupons, codes),
      held: false,
      points: Math.max(points, 0),
      at,
    }
  }

  const kept = deps.kept
  // Concurrent orders read their snapshots together and write together (statement.batcher.ts).
  const writes = new StatementBatcher((plans: OrderWrite[]) => applyOrderPlans(db, plans))
  const reads = new StatementBatcher(async (requests: SnapshotRequest[]) =>
    (await readOrderSnapshots(db, requests)).map((found) => found ?? null),
  )

  const checkoutReads = new StatementBatcher((asks: CheckoutAsk[]) => readCheckouts(db, asks))

  /** The snapshot with the member's row locked, and its checkout's rows, in `on`'s transaction. */
  async function readLocked(on: Executor, request: SnapshotRequest) {
    const read = await readOrderSnapshot(on, request, true)
    if (!read || !request.checkout) return read
    const [rows] = await readCheckouts(on, [
      {
        programId: request.programId,
        memberId: read.snapshot.member.id,
        orderId: request.orderId,
        request: request.checkout,
      },
    ])
    if (!rows || 'stale' in rows) throw new Error('an order checkout was checked against a key')
    return { ...read, snapshot: { ...read.snapshot, checkout: rows.checkout } }
  }

  /**
   * A kept snapshot with the checkout's rows read beside it (one batched statement, lighter than
   * the snapshot's), or the order already stored under the id; undefined when the member moved
   * on since the snapshot was kept.
   */
  async function withCheckoutRows(
    kept: OrderSnapshot,
    programId: string,
    orderId: string,
    request: CheckoutRequest,
  ): Promise<{ snapshot: OrderSnapshot } | { existing: StoredOrder } | undefined> {
    const rows = await checkoutReads.call({ programId, memberId: kept.member.id, orderId, request })
    if ('stale' in rows) throw new Error('an order checkout was checked against a key')
    if (rows.existing) return { existing: rows.existing }
    if (rows.version !== kept.member.version) return undefined
    return { snapshot: { ...kept, checkout: rows.checkout } }
  }

  /**
   * One attempt at an order: a snapshot (kept by this process, or read), the plan, the write.
   * Returns the response, or why the database refused the plan (then nothing was written).
   * `locked` runs in the transaction `on` with the member's row locked by the snapshot.
   */
  async function placeOrder(
    on: Executor,
    program: ProgramContext,
    input: NewOrderInput,
    fingerprint: string,
    requested: Date | undefined,
    options: { keyId?: string },
    mode: 'kept' | 'read' | 'locked',
  ): Promise<{ response: StoredResponse } | { stale: StalePlan | 'window' }> {
    const before = clock.now()
    const at = requested ?? before
    // Read on the order's own connection: inside its transaction, a read on another would wait
    // for the one connection PGlite has, which this transaction holds.
    const rules = await deps.rules.activeRulesFor(program, ORDER_TRIGGER, on)
    const benefits = await deps.benefits.liveFor(program, on)
    const needs = snapshotNeeds(
      program,
      rules,
      at,
      before,
      orderBenefitUsageNeeds(benefits, at, program.timezone),
    )
    // A kept snapshot holds no coupons or lots: an order with a checkout reads them beside it.
    const checkout = checkoutRequest(input, before)
    let snapshot = mode === 'kept' ? kept.find(program.id, input.member, needs) : undefined
    if (snapshot && checkout) {
      const found = await withCheckoutRows(snapshot, program.id, input.id, checkout)
      if (found && 'existing' in found) {
        return { response: replayOf(input.id, fingerprint, found.existing) }
      }
      snapshot = found?.snapshot
    }
    if (!snapshot) {
      const request = { ...snapshotRequest(program, needs, input), ...(checkout && { checkout }) }
      const read = mode === 'locked' ? await readLocked(on, request) : await reads.call(request)
      if (!read) throw AppError.notFound('Member')
      if ('stale' in read) throw new Error('an order snapshot was checked against a key')
      if (read.existing) return { response: replayOf(input.id, fingerprint, read.existing) }
      snapshot = withUsageDefaults(read.snapshot, needs)
      const { checkout: _rows, ...plain } = snapshot
      kept.remember(program.id, input.member, plain)
    }
    const member = snapshot.member
    const referral = member.referred_by !== null && member.orders_count === 0
    // A first order pays the referrer too: done with both members locked, the referrer's lock
    // taken before any rule's row (every use case locks members first, then rule rows).
    if (referral && mode !== 'locked') {
      return db
        .transaction()
        .execute((trx) =>
          placeOrder(trx, program, input, fingerprint, requested, options, 'locked'),
        )
    }
    if (referral && member.referred_by) await lockMember(on, program.id, member.referred_by)
    // Read after the snapshot, which saw every earlier change of the member committed (a change
    // committed after it refuses the write): one member's ledger is stamped in write order.
    const now = clock.now()
    const occurredAt = requested ?? now
    // Early access (docs/advisors-and-early-access.md): a SKU not yet on sale to the member's
    // tier refuses the order, judged at the time of the request.
    const releases = await deps.releases.liveReleasesFor(program, on)
    if (releases.size > 0 && input.items?.length) {
      const refused = earlyAccessRefusal(
        releases,
        member.tier_key,
        input.items.map((item) => item.sku),
        now,
      )
      if (refused) throw earlyAccessError(refused)
    }
    const usable = orderBenefits(benefits, snapshot, occurredAt, program.timezone)
    const priced =
      checkout || usable.discount || (usable.free_shipping && (input.shipping_fee ?? 0) > 0)
        ? priceCheckout(program, snapshot, input, now, usable)
        : undefined
    const multiplier = multiplierUse(usable.points_multiplier)
    const plan = planOrder(
      {
        program,
        input,
        occurredAt,
        now,
        fingerprint,
        rules,
        keyId: options.keyId ?? null,
        ...(priced && { checkout: priced }),
        ...(multiplier && { multiplier }),
      },
      snapshot,
    )
    if (plan === 'needs_window') {
      if (mode === 'kept') return { stale: 'window' }
      throw new Error('the order snapshot left out the tier window the order needs')
    }
    // With the member locked, the write goes in the caller's transaction; else with the others.
    const written =
      mode === 'locked' ? await applyOrderPlan(on, plan.write) : await writes.call(plan.write)
    if (!written.ok) {
      kept.forget(program.id, member.id)
      // In a transaction the refused statement aborted it: roll it back and start again.
      if (mode === 'locked') throw new StaleOrder(written.stale)
      return { stale: written.stale }
    }
    const { checkout: _rows, ...plain } = plan.after
    kept.remember(program.id, input.member, {
      ...plain,
      member: { ...plain.member, version: written.version },
    })
    if (referral && member.referred_by) {
      await emitEvent(
        on,
        deps.rules,
        program,
        member.referred_by,
        {
          id: `referral:${member.id}`,
          type: REFERRAL_CONVERTED,
          occurred_at: occurredAt,
          properties: { referred_member: member.id, order: input.id },
        },
        clock,
      )
    }
    return { response: { status: 201, body: plan.body, replayed: false } }
  }

  /** A replay of a stored order, or `409` when the id was used for another request. */
  function replayOf(id: string, fingerprint: string, stored: StoredOrder): StoredResponse {
    if (stored.fingerprint !== fingerprint) {
      throw new AppError(
        'idempotency_conflict',
        `The order id "${id}" was already used with a different request.`,
      )
    }
    return { status: 201, body: stored.response_body, replayed: true }
  }

  return {
    /**
     * `POST /v1/orders`: earns by the rules at once, idempotent by the merchant's order id.
     * Computed from a snapshot — the one this process kept from the member's last order, else
     * read in one query — and written by one statement that checks nothing it relied on has
     * changed; when something has, the order is computed again from a fresh read. After a few
     * refusals (one member's orders racing), and for a referred member's first order (which
     * pays the referrer too), it runs with the member locked instead.
     */
    async create(
      program: ProgramContext,
      input: NewOrderInput,
      options: { keyId?: string } = {},
    ): Promise<StoredResponse> {
      const requested = input.occurred_at ? new Date(input.occurred_at) : undefined
      if (requested && requested.getTime() - clock.now().getTime() > MAX_FUTURE_MS) {
        throw AppError.invalid('occurred_at', 'must not lie in the future')
      }
      const fingerprint = fingerprintOf(input)
      let current = program
      // Kept snapshot first (one statement), then read ones, then the member locked.
      const modes = ['kept', 'read', 'read', 'locked', 'locked', 'locked'] as const
      for (let attempt = 0; ; attempt++) {
        const mode = modes[Math.min(attempt, modes.length - 1)] ?? 'locked'
        const outcome = await (mode === 'locked'
          ? db
              .transaction()
              .execute((trx) =>
                placeOrder(trx, current, input, fingerprint, requested, options, mode),
              )
          : placeOrder(db, current, input, fingerprint, requested, options, mode)
        ).catch((error: unknown) => {
          if (error instanceof StaleOrder) return { stale: error.stale }
          throw error
        })
        if ('response' in outcome) return outcome.response
        if (outcome.stale === 'key') refuseRevokedKey(deps, options.keyId)
        if (outcome.stale === 'program') current = await reloadChangedProgram(deps, program.id)
        if (attempt >= modes.length + 2) {
          throw new Error(`order ${input.id}: the write was refused ${attempt + 1} times`)
        }
      }
    },

    async get(program: ProgramContext, id: string) {
      const order = await findOrder(db, program.id, id)
      if (!order) throw AppError.notFound('Order')
      return presentOrder(order, await listRefunds(db, program.id, id))
    },

    /**
     * `POST /v1/orders/{id}/refunds`: takes back points and growth in proportion to the amount
     * refunded (pending points first), idempotent by the refund id.
     */
    async refund(
      program: ProgramContext,
      orderId: string,
      input: NewRefundInput,
    ): Promise<StoredResponse> {
      const order = await findOrder(db, program.id, orderId)
      if (!order) throw AppError.notFound('Order')
      const fingerprint = fingerprintOf({ order: orderId, ...input })
      return runClaimed(
        db,
        {
          label: `The refund id "${input.id}"`,
          fingerprint,
          claim: async (trx) => {
            await lockMember(trx, program.id, order.member_id)
            return claimRefund(trx, {
              program_id: program.id,
              id: input.id,
              order_id: orderId,
              member_id: order.member_id,
              amount: input.amount,
              items: input.items ?? null,
              fingerprint,
              // Under the member's lock, as every entry of its ledger is stamped.
              created_at: clock.now(),
            })
          },
          async find(trx) {
            const row = await findRefund(trx, program.id, input.id)
            return row && { fingerprint: row.fingerprint, status: 201, body: row.response_body }
          },
          save: (trx, _status, body) => saveRefundResponse(trx, program.id, input.id, body),
        },
        201,
        async (trx) => {
          const now = clock.now()
          const current = await lockOrder(trx, program.id, orderId)
          if (!current) throw AppError.notFound('Order')
          const left = current.amount - current.refunded_amount
          if (input.amount === 0 && current.amount > 0) {
            throw AppError.invalid(
              'amount',
              'must be at least 1 (only an order of amount 0, paid with points or coupons, is refunded with 0)',
            )
          }
          if (input.amount > left) {
            throw new AppError(
              'refund_exceeds_order',
              `The order has ${left} left to refund; ${input.amount} was asked for.`,
            )
          }
          if (input.items) {
            // The refunds before this one (whose own row the claim has just written).
            const earlier = (await listRefunds(trx, program.id, orderId)).filter(
              (r) => r.id !== input.id,
            )
            const excess = refundItemsBeyondOrder(
              current.items as OrderItem[],
              earlier.map((r) => r.items as RefundItem[] | null),
              input.items,
            )
            if (excess.length > 0) {
              const [first] = excess
              throw new AppError(
                'refund_exceeds_order',
                `${first?.path}: ${first?.message}`,
                excess,
              )
            }
          }
          const due = {
            points: reversalDue(
              current.points_earned,
              current.refunded_amount,
              input.amount,
              current.amount,
            ),
            growth: reversalDue(
              current.growth_earned,
              current.refunded_amount,
              input.amount,
              current.amount,
            ),
          }
          const { reversed } =
            due.points > 0
              ? await reversePoints(
                  trx,
                  program.id,
                  current.member_id,
                  {
                    source: { kind: 'order', id: orderId },
                    cause: { kind: 'refund', id: input.id },
                    points: due.points,
                    earned: current.points_earned,
                    alreadyReversed: current.points_reversed,
                    allowNegative: program.points_policy.allow_negative,
                  },
                  now,
                )
              : { reversed: 0 }
          if (reversed > 0) {
            await recordDomainEvents(trx, [
              domainEvent(
                program.id,
                'points.reversed',
                current.member_id,
                {
                  member: current.member_id,
                  points: reversed,
                  source: { kind: 'order', id: orderId },
                  cause: { kind: 'refund', id: input.id },
                },
                now,
              ),
            ])
          }
          // Points the member paid with come back in proportion too, all of them with the
          // refund that completes the order (an order of amount 0 is complete at once).
          const returned = Math.max(
            proportionalShare(
              current.points_redeemed,
              current.refunded_amount + input.amount,
              current.amount,
            ) - current.points_returned,
            0,
          )
          if (returned > 0) {
            const txn = await returnRedeemedPoints(
              trx,
              program,
              current.member_id,
              {
                source: { kind: 'order', id: orderId },
                cause: { kind: 'refund', id: input.id },
                points: returned,
              },
              now,
            )
            await recordDomainEvents(trx, [
              domainEvent(
                program.id,
                'points.returned',
                current.member_id,
                {
                  member: current.member_id,
                  points: returned,
                  transaction: txn.id,
                  source: { kind: 'order', id: orderId },
                  cause: { kind: 'refund', id: input.id },
                },
                now,
              ),
            ])
          }
          // What was taken back, not what was due: the order, its refunds and the member's
          // lifetime counters tell one story when part of a reversal is forgiven.
          await addRefundToOrder(trx, program.id, orderId, {
            amount: input.amount,
            points: reversed,
            growth: due.growth,
            returned,
          })
          await addMemberActivity(
            trx,
            program.id,
            current.member_id,
            { spend: -input.amount, growth: -due.growth },
            now,
          )
          // A full refund gives back the order's coupons that have not expired.
          const full = current.refunded_amount + input.amount >= current.amount
          const restored =
            full && (current.discounts as unknown[]).length > 0
              ? await deps.coupons.restore(trx, program.id, orderId, now)
              : []
          // And the uses of the tier's benefits it made (free shipping, a tier discount), once.
          const benefitsReturned = full
            ? await deps.benefits.returnOrderUses(
                trx,
                program,
                current.member_id,
                orderId,
                { kind: 'refund', id: input.id },
                now,
              )
            : []
          const effects: RefundEffects = {
            points_reversed: reversed,
            points_returned: returned,
            growth_reversed: due.growth,
            coupons_restored: restored,
            benefits_returned: benefitsReturned,
            tier_change: null,
          }
          const refund = await saveRefundOutcome(trx, program.id, input.id, {
            points: reversed,
            growth: due.growth,
            returned,
          })
          return { refund: presentRefund(refund), effects }
        },
      )
    },
  }
}

export type OrdersService = ReturnType<typeof createOrdersService>
