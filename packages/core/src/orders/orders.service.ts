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
import { upgradeIfQualified } from '../tiers/tier-changes.js'
import {
  type NewOrderInput,
  type NewRefundInput,
  type OrderEffects,
  presentOrder,
  presentRefund,
  type RefundEffects,
  reversalFor,
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

// An order may be dated a little ahead of our clock (clock skew), not into the future.
const MAX_FUTURE_MS = 24 * 60 * 60 * 1000

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
      const now = clock.now()
      const occurredAt = input.occurred_at ? new Date(input.occurred_at) : now
      if (occurredAt.getTime() - now.getTime() > MAX_FUTURE_MS) {
        throw AppError.invalid('occurred_at', 'must not lie in the future')
      }
      const fingerprint = fingerprintOf(input)
      // The member's row, locked by the claim: the first lock of every use case that moves value.
      let member: MemberRow | undefined
      let claimed: OrderRow | undefined
      return runClaimed(
        db,
        {
          label: `The order id "${input.id}"`,
          fingerprint,
          claim: async (trx) => {
            member = await lockMemberByRef(trx, program.id, input.member)
            if (!member) throw AppError.notFound('Member')
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
          const tierChange = await upgradeIfQualified(trx, program, afterOrder, now)
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
              now,
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
      const now = clock.now()
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
              created_at: now,
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
          const current = await lockOrder(trx, program.id, orderId)
          if (!current) throw AppError.notFound('Order')
          const left = current.amount - current.refunded_amount
          if (input.amount > left) {
            throw new AppError(
              'refund_exceeds_order',
              `The order has ${left} left to refund; ${input.amount} was asked for.`,
            )
          }
          const points = reversalFor(
            current.points_earned,
            current.points_reversed,
            current.refunded_amount,
            input.amount,
            current.amount,
          )
          const growth = reversalFor(
            current.growth_earned,
            current.growth_reversed,
            current.refunded_amount,
            input.amount,
            current.amount,
          )
          const { reversed } =
            points > 0
              ? await reversePoints(
                  trx,
                  program.id,
                  current.member_id,
                  {
                    source: { kind: 'order', id: orderId },
                    cause: { kind: 'refund', id: input.id },
                    points,
                    allowNegative: program.points_policy.allow_negative,
                  },
                  now,
                )
              : { reversed: 0 }
          await addRefundToOrder(trx, program.id, orderId, { amount: input.amount, points, growth })
          await addMemberActivity(
            trx,
            program.id,
            current.member_id,
            { spend: -input.amount, growth: -growth },
            now,
          )
          const effects: RefundEffects = {
            points_reversed: reversed,
            growth_reversed: growth,
            coupons_restored: [],
            tier_change: null,
          }
          const refund = await saveRefundOutcome(trx, program.id, input.id, {
            points: reversed,
            growth,
          })
          return { refund: presentRefund(refund), effects }
        },
      )
    },
  }
}

export type OrdersService = ReturnType<typeof createOrdersService>
