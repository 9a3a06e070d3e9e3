import type { DB, MemberRow, OrderRow } from '@loyalbase/db'
import type { Kysely } from 'kysely'
import { REFERRAL_CONVERTED } from '../events/events.js'
import { emitEvent } from '../events/events.service.js'
import { fingerprintOf, type StoredResponse } from '../idempotency/idempotency.js'
import { runClaimed } from '../idempotency/idempotency.service.js'
import { addMemberActivity, lockMember, lockMemberByRef } from '../members/members.repository.js'
import { payRules } from '../points/earn-by-rules.js'
import { reversePoints } from '../points/ledger.js'
import { availableAtFor } from '../points/points.js'
import type { ProgramContext } from '../programs/programs.service.js'
import { buildOrderContext, memberFactsOf } from '../rules/rule-context.js'
import { ORDER_TRIGGER } from '../rules/rules.js'
import type { RulesService } from '../rules/rules.service.js'
import { AppError } from '../shared/app-error.js'
import type { Clock } from '../shared/clock.js'
import { MAX_FUTURE_MS } from '../shared/limits.js'
import { upgradeIfQualified } from '../tiers/tier-changes.js'
import {
  type NewOrderInput,
  type NewRefundInput,
  type OrderEffects,
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
  claimOrder,
  claimRefund,
  findOrder,
  findRefund,
  listRefunds,
  lockOrder,
  saveOrderResponse,
  saveRefundOutcome,
  saveRefundResponse,
  setOrderEarnings,
} from './orders.repository.js'

export function createOrdersService(db: Kysely<DB>, clock: Clock, deps: { rules: RulesService }) {
  function assertSupported(input: NewOrderInput) {
    if (input.coupon_codes && input.coupon_codes.length > 0) {
      // No coupon exists before the incentives work ships, so no code can apply.
      throw new AppError(
        'coupon_invalid',
        `The coupon code "${input.coupon_codes[0]}" does not exist.`,
      )
    }
    if (input.points_to_redeem) {
      throw AppError.invalid(
        'points_to_redeem',
        'paying with points at checkout is not available yet',
      )
    }
  }

  return {
    /** `POST /v1/orders`: earns by the rules at once, idempotent by the merchant's order id. */
    async create(program: ProgramContext, input: NewOrderInput): Promise<StoredResponse> {
      assertSupported(input)
      const requested = input.occurred_at ? new Date(input.occurred_at) : undefined
      if (requested && requested.getTime() - clock.now().getTime() > MAX_FUTURE_MS) {
        throw AppError.invalid('occurred_at', 'must not lie in the future')
      }
      const fingerprint = fingerprintOf(input)
      // The member's row, locked by the claim: the first lock of every use case that moves value.
      let member: MemberRow | undefined
      let claimed: OrderRow | undefined
      // Read once the member is locked: the order is stamped, and its windows judged, after
      // every order of the member committed before it, so time never runs backwards in one
      // member's history and a window sees each earlier order.
      let now = clock.now()
      let occurredAt = requested ?? now
      return runClaimed(
        db,
        {
          label: `The order id "${input.id}"`,
          fingerprint,
          claim: async (trx) => {
            member = await lockMemberByRef(trx, program.id, input.member)
            if (!member) throw AppError.notFound('Member')
            // A first order pays the referrer too. Its lock is taken now, before any rule's
            // usage or budget row: every use case locks members first, then rule rows, so an
            // order holding a budget row never waits for a member another order holds.
            if (member.referred_by && member.orders_count === 0)
              await lockMember(trx, program.id, member.referred_by)
            now = clock.now()
            occurredAt = requested ?? now
            claimed = await claimOrder(trx, {
              program_id: program.id,
              id: input.id,
              member_id: member.id,
              amount: input.amount,
              shipping_fee: input.shipping_fee ?? 0,
              channel: input.channel ?? null,
              items: input.items ?? [],
              occurred_at: occurredAt,
              fingerprint,
              created_at: now,
            })
            return claimed !== undefined
          },
          async find(trx) {
            const row = await findOrder(trx, program.id, input.id)
            return row && { fingerprint: row.fingerprint, status: 201, body: row.response_body }
          },
          save: (trx, _status, body) => saveOrderResponse(trx, program.id, input.id, body),
        },
        201,
        async (trx) => {
          if (!member || !claimed)
            throw new Error('the claim locks the member and inserts the order')
          // Conditions see the member as it was before this order.
          const context = buildOrderContext(
            { ...input, occurred_at: occurredAt },
            memberFactsOf(member),
            now,
            program.timezone,
          )
          const availableAt = availableAtFor(occurredAt, program.points_policy.pending_days)
          const payout = await payRules(
            trx,
            deps.rules,
            program,
            member,
            ORDER_TRIGGER,
            context,
            occurredAt,
            availableAt,
            { kind: 'order', id: input.id },
            now,
          )
          await addMemberActivity(
            trx,
            program.id,
            member.id,
            { spend: input.amount, orders: 1, growth: payout.growth },
            now,
          )
          await setOrderEarnings(trx, program.id, input.id, payout)
          const order: OrderRow = {
            ...claimed,
            points_earned: payout.points,
            growth_earned: payout.growth,
          }
          // The row is locked and its counters moved by exactly these amounts.
          const afterOrder: MemberRow = {
            ...member,
            lifetime_spend: member.lifetime_spend + input.amount,
            orders_count: member.orders_count + 1,
            growth: member.growth + payout.growth,
            points_earned: member.points_earned + payout.points,
          }
          // An order dated a little ahead (clock skew) counts in the windows it falls in.
          const judgedAt = new Date(Math.max(occurredAt.getTime(), now.getTime()))
          const tierChange = await upgradeIfQualified(trx, program, afterOrder, now, judgedAt)
          if (member.referred_by && member.orders_count === 0) {
            await emitEvent(
              trx,
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
          const pending = payout.points > 0 && availableAt > now
          const effects: OrderEffects = {
            points_earned: payout.points,
            points_status: pending ? 'pending' : 'available',
            ...(pending ? { points_available_at: availableAt.toISOString() } : {}),
            growth_earned: payout.growth,
            points_redeemed: 0,
            discounts: [],
            coupons_redeemed: [],
            benefits_used: [],
            tier_change: tierChange,
            rules: payout.rules,
          }
          return { order: presentOrder(order), effects }
        },
      )
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
          // What was taken back, not what was due: the order, its refunds and the member's
          // lifetime counters tell one story when part of a reversal is forgiven.
          await addRefundToOrder(trx, program.id, orderId, {
            amount: input.amount,
            points: reversed,
            growth: due.growth,
          })
          await addMemberActivity(
            trx,
            program.id,
            current.member_id,
            { spend: -input.amount, growth: -due.growth },
            now,
          )
          const effects: RefundEffects = {
            points_reversed: reversed,
            growth_reversed: due.growth,
            coupons_restored: [],
            tier_change: null,
          }
          const refund = await saveRefundOutcome(trx, program.id, input.id, {
            points: reversed,
            growth: due.growth,
          })
          return { refund: presentRefund(refund), effects }
        },
      )
    },
  }
}

export type OrdersService = ReturnType<typeof createOrdersService>
