import type { DB, RewardRedemptionStatus, RewardRow } from '@loyalbase/db'
import type { Kysely } from 'kysely'
import {
  couponIssued,
  findCouponTemplate,
  formatCode,
  issueCouponFromTemplate,
} from '../coupons/index.js'
import { domainEvent, type NewDomainEvent, recordDomainEvents } from '../domain-events/index.js'
import { type IdempotencyClaim, runIdempotent, type StoredResponse } from '../idempotency/index.js'
import { findMemberByRef, lockMemberByRef } from '../members/index.js'
import { debitPoints, lockPointsHolder, returnRedeemedPoints } from '../points/index.js'
import type { ProgramContext } from '../programs/index.js'
import { AppError } from '../shared/app-error.js'
import type { Clock } from '../shared/clock.js'
import { newId } from '../shared/ids.js'
import {
  clampLimit,
  decodeCursor,
  encodeCursor,
  type Page,
  type PageRequest,
  toPage,
} from '../shared/pagination.js'
import {
  eligibilityOf,
  presentRedemption,
  presentReward,
  type RedemptionCoupon,
  type RedemptionResource,
  type RewardEligibility,
  type RewardInput,
  type RewardPatch,
  type RewardResource,
  stockRemainingFor,
  unknownTier,
} from './rewards.js'
import {
  closeRedemption,
  findRedemption,
  findReward,
  insertRedemption,
  insertReward,
  listRedemptions,
  listRewards,
  type RewardChanges,
  returnStock,
  sumTakenByMember,
  takeStock,
  updateReward,
} from './rewards.repository.js'

export interface RewardQuery extends PageRequest {
  active?: boolean
  /** Adds each reward's eligibility for this member (`id` or `external_id`). */
  member?: string
}

export interface RedemptionQuery extends PageRequest {
  status?: RewardRedemptionStatus
  member?: string
  reward?: string
  order?: 'asc' | 'desc'
}

export interface RedeemInput {
  reward: string
  quantity?: number
}

/** The ledger source of a redemption's `redeem` entry, and of the entry a cancel gives back. */
const REDEMPTION = 'reward_redemption'
const CANCELLATION = 'reward_cancellation'

/** The refusal of a redemption the eligibility rule turned down, as the API answers it. */
function refusal(eligibility: RewardEligibility, quantity: number, reward: RewardRow): AppError {
  switch (eligibility.status) {
    case 'inactive':
      return new AppError(
        'reward_unavailable',
        'The reward is switched off: it cannot be redeemed.',
      )
    case 'tier_required':
      return new AppError(
        'tier_required',
        `The reward is for members of the tiers ${reward.tiers.join(', ')}.`,
      )
    case 'limit_reached':
      return new AppError(
        'limit_reached',
        `The member may redeem ${eligibility.limit_remaining} more of this reward (per_member_limit ${reward.per_member_limit}); ${quantity} were asked for.`,
      )
    case 'out_of_stock':
      return outOfStock(reward.stock_remaining ?? 0, quantity)
    default:
      return new AppError(
        'insufficient_points',
        `The member has ${eligibility.points_available} available points; ${reward.points_cost * quantity} were asked for.`,
      )
  }
}

/** `left`: what the reward's row said; undefined when its conditional update found too few. */
function outOfStock(left: number | undefined, quantity: number): AppError {
  const stock = left === undefined ? `fewer than ${quantity}` : String(left)
  return new AppError(
    'out_of_stock',
    `The reward has ${stock} left in stock; ${quantity} were asked for.`,
  )
}

export function createRewardsService(db: Kysely<DB>, clock: Clock) {
  async function rewardOf(program: ProgramContext, id: string): Promise<RewardRow> {
    const row = await findReward(db, program.id, id)
    if (!row) throw AppError.notFound('Reward')
    return row
  }

  async function memberIdOf(program: ProgramContext, ref: string): Promise<string> {
    const row = await findMemberByRef(db, program.id, ref)
    if (!row) throw AppError.notFound('Member')
    return row.id
  }

  function checkTiers(program: ProgramContext, tiers: readonly string[] | undefined) {
    if (!tiers) return
    const unknown = unknownTier(
      tiers,
      program.tier_ladder.tiers.map((tier) => tier.key),
    )
    if (unknown !== null)
      throw AppError.invalid('tiers', `"${unknown}" is not a tier of the ladder`)
  }

  /** Each reward with what one redemption of it would answer for the member now. */
  async function withEligibility(
    program: ProgramContext,
    rows: RewardRow[],
    memberRef: string,
  ): Promise<RewardResource[]> {
    const member = await findMemberByRef(db, program.id, memberRef)
    if (!member) throw AppError.notFound('Member')
    const taken = await sumTakenByMember(
      db,
      program.id,
      member.id,
      rows.map((row) => row.id),
    )
    return rows.map((row) => presentReward(row, eligibilityOf(row, member, taken.get(row.id) ?? 0)))
  }

  async function pageOfRedemptions(
    program: ProgramContext,
    query: RedemptionQuery & { memberId?: string },
  ): Promise<Page<RedemptionResource>> {
    const limit = clampLimit(query.limit)
    const rows = await listRedemptions(db, program.id, {
      ...(query.status !== undefined ? { status: query.status } : {}),
      ...(query.memberId !== undefined ? { memberId: query.memberId } : {}),
      ...(query.reward !== undefined ? { rewardId: query.reward } : {}),
      order: query.order ?? 'desc',
      after: decodeCursor(query.cursor),
      limit: limit + 1,
    })
    return toPage(rows, limit, presentRedemption)
  }

  return {
    async create(
      program: ProgramContext,
      input: RewardInput,
      claim?: IdempotencyClaim,
    ): Promise<StoredResponse> {
      if (input.name.trim().length === 0) throw AppError.invalid('name', 'must not be blank')
      checkTiers(program, input.tiers)
      if (input.type === 'coupon' && input.coupon_template === undefined)
        throw AppError.invalid('coupon_template', 'is required for a coupon reward')
      if (input.type !== 'coupon' && input.coupon_template !== undefined)
        throw AppError.invalid('coupon_template', 'is only for a coupon reward')
      return runIdempotent(db, clock, program.id, claim, 201, async (trx) => {
        if (input.coupon_template !== undefined) {
          const template = await findCouponTemplate(trx, program.id, input.coupon_template)
          if (!template)
            throw AppError.invalid('coupon_template', 'is not a coupon template of this program')
        }
        const now = clock.now()
        const stock = input.stock ?? null
        const row = await insertReward(trx, {
          program_id: program.id,
          id: newId('rwd'),
          name: input.name,
          description: input.description ?? null,
          image_url: input.image_url ?? null,
          type: input.type,
          points_cost: input.points_cost,
          cash_cost: input.cash_cost ?? 0,
          stock,
          stock_remaining: stockRemainingFor(stock, 0),
          tiers: JSON.stringify(input.tiers ?? []),
          per_member_limit: input.per_member_limit ?? null,
          coupon_template_id: input.coupon_template ?? null,
          active: input.active ?? true,
          created_at: now,
          updated_at: now,
        })
        return presentReward(row)
      })
    },

    async get(program: ProgramContext, id: string, memberRef?: string): Promise<RewardResource> {
      const row = await rewardOf(program, id)
      if (memberRef === undefined) return presentReward(row)
      const [withState] = await withEligibility(program, [row], memberRef)
      return withState as RewardResource
    },

    async list(program: ProgramContext, query: RewardQuery): Promise<Page<RewardResource>> {
      const limit = clampLimit(query.limit)
      const rows = await listRewards(db, program.id, {
        ...(query.active !== undefined ? { active: query.active } : {}),
        beforeId: decodeCursor(query.cursor),
        limit: limit + 1,
      })
      const page = rows.slice(0, limit)
      const last = page.at(-1)
      return {
        data:
          query.member !== undefined
            ? await withEligibility(program, page, query.member)
            : page.map((row) => presentReward(row)),
        next_cursor: rows.length > limit && last ? encodeCursor(last.id) : null,
      }
    },

    /**
     * Changes a reward's terms. A new `stock` is the reward's whole allotment: what is left
     * becomes it less the quantities already taken, never below 0. Redemptions made keep what
     * they paid.
     */
    async update(program: ProgramContext, id: string, patch: RewardPatch): Promise<RewardResource> {
      if (patch.name !== undefined && patch.name.trim().length === 0)
        throw AppError.invalid('name', 'must not be blank')
      checkTiers(program, patch.tiers)
      const changes: RewardChanges = { updated_at: clock.now() }
      if (patch.name !== undefined) changes.name = patch.name
      if (patch.description !== undefined) changes.description = patch.description
      if (patch.image_url !== undefined) changes.image_url = patch.image_url
      if (patch.points_cost !== undefined) changes.points_cost = patch.points_cost
      if (patch.cash_cost !== undefined) changes.cash_cost = patch.cash_cost
      if (patch.tiers !== undefined) changes.tiers = JSON.stringify(patch.tiers)
      if (patch.per_member_limit !== undefined) changes.per_member_limit = patch.per_member_limit
      if (patch.active !== undefined) changes.active = patch.active
      const row = await updateReward(
        db,
        program.id,
        id,
        changes,
        patch.stock !== undefined ? { value: patch.stock } : undefined,
      )
      if (!row) throw AppError.notFound('Reward')
      return presentReward(row)
    },

    /**
     * Redeems a reward for a member, in one transaction: the member's row is locked (its
     * per_member_limit counted and its points debited under that lock), the points debited by a
     * `redeem` entry whose source is the redemption, a coupon reward's coupons issued, the
     * redemption and its domain events written — and only then the reward's stock taken, by one
     * conditional update, so the hot row of a popular reward is locked for the commit alone.
     */
    async redeem(
      program: ProgramContext,
      memberRef: string,
      input: RedeemInput,
      actor: string,
      claim?: IdempotencyClaim,
    ): Promise<StoredResponse> {
      const quantity = input.quantity ?? 1
      return runIdempotent(db, clock, program.id, claim, 201, async (trx) => {
        // The member's row, locked: its balance and its redemptions move one at a time.
        const member = await lockMemberByRef(trx, program.id, memberRef)
        if (!member) throw AppError.notFound('Member')
        const reward = await findReward(trx, program.id, input.reward)
        if (!reward) throw AppError.notFound('Reward')
        // What the member took counts only against a limit.
        const taken =
          reward.per_member_limit === null
            ? 0
            : ((await sumTakenByMember(trx, program.id, member.id, [reward.id])).get(reward.id) ??
              0)
        const eligibility = eligibilityOf(reward, member, taken, quantity)
        if (eligibility.status !== 'available') throw refusal(eligibility, quantity, reward)
        const now = clock.now()
        const id = newId('rdm')
        const points = reward.points_cost * quantity
        const txn = await debitPoints(
          trx,
          program.id,
          member.id,
          {
            points,
            type: 'redeem',
            sourceKind: REDEMPTION,
            source: { kind: REDEMPTION, id },
            note: reward.name,
            actor,
          },
          now,
        )
        const events: NewDomainEvent[] = [
          domainEvent(
            program.id,
            'points.redeemed',
            member.id,
            { member: member.id, points, transaction: txn.id },
            now,
          ),
        ]
        const coupons: RedemptionCoupon[] = []
        if (reward.coupon_template_id !== null) {
          for (let i = 0; i < quantity; i++) {
            const coupon = await issueCouponFromTemplate(
              trx,
              program,
              member.id,
              reward.coupon_template_id,
              now,
            )
            coupons.push({ id: coupon.id, code: formatCode(coupon.code) })
            events.push(couponIssued(program.id, coupon, 'reward', now))
          }
        }
        const fulfilled = reward.type === 'coupon'
        const row = await insertRedemption(trx, {
          program_id: program.id,
          id,
          reward_id: reward.id,
          member_id: member.id,
          quantity,
          status: fulfilled ? 'fulfilled' : 'pending',
          points_spent: points,
          cash_cost: reward.cash_cost * quantity,
          transaction_id: txn.id,
          coupons: JSON.stringify(coupons),
          note: null,
          created_at: now,
          fulfilled_at: fulfilled ? now : null,
          cancelled_at: null,
        })
        events.push(
          domainEvent(
            program.id,
            'reward.redeemed',
            member.id,
            {
              member: member.id,
              redemption: id,
              reward: reward.id,
              quantity,
              points,
              cash_cost: row.cash_cost,
              status: fulfilled ? 'fulfilled' : 'pending',
              transaction: txn.id,
            },
            now,
          ),
        )
        await recordDomainEvents(trx, events)
        // Last: the reward's row is locked from here to the commit (see takeStock).
        if (!(await takeStock(trx, program.id, reward.id, quantity)))
          throw outOfStock(undefined, quantity)
        return presentRedemption({ ...row, reward_name: reward.name, reward_type: reward.type })
      })
    },

    async getRedemption(program: ProgramContext, id: string): Promise<RedemptionResource> {
      const row = await findRedemption(db, program.id, id)
      if (!row) throw AppError.notFound('Reward redemption')
      return presentRedemption(row)
    },

    /** The program's redemptions (the fulfilment queue: `status=pending`, `order=asc`). */
    async listRedemptions(
      program: ProgramContext,
      query: RedemptionQuery,
    ): Promise<Page<RedemptionResource>> {
      const memberId =
        query.member !== undefined ? await memberIdOf(program, query.member) : undefined
      return pageOfRedemptions(program, { ...query, ...(memberId ? { memberId } : {}) })
    },

    async memberRedemptions(
      program: ProgramContext,
      memberRef: string,
      query: RedemptionQuery,
    ): Promise<Page<RedemptionResource>> {
      const memberId = await memberIdOf(program, memberRef)
      return pageOfRedemptions(program, { ...query, memberId })
    },

    /** Marks a pending redemption fulfilled; `409 redemption_not_pending` when it is not. */
    async fulfill(
      program: ProgramContext,
      id: string,
      note: string | undefined,
      claim?: IdempotencyClaim,
    ): Promise<StoredResponse> {
      return runIdempotent(db, clock, program.id, claim, 200, async (trx) => {
        const found = await findRedemption(trx, program.id, id)
        if (!found) throw AppError.notFound('Reward redemption')
        const now = clock.now()
        const row = await closeRedemption(trx, program.id, id, 'fulfilled', now, note)
        if (!row) throw notPending(found.status, 'fulfilled')
        await recordDomainEvents(trx, [
          domainEvent(
            program.id,
            'reward.redemption_fulfilled',
            row.member_id,
            { member: row.member_id, redemption: row.id, reward: row.reward_id },
            now,
          ),
        ])
        return presentRedemption({
          ...row,
          reward_name: found.reward_name,
          reward_type: found.reward_type,
        })
      })
    },

    /**
     * Cancels a pending redemption: the points go back to the member (a `redeem` entry with
     * positive points, its lot expiring as the points it took would have) and the quantity to
     * the reward's stock. The status moves by a conditional update under the member's lock, so
     * of two cancels only one gives anything back; the other is `409 redemption_not_pending`.
     */
    async cancel(
      program: ProgramContext,
      id: string,
      note: string | undefined,
      claim?: IdempotencyClaim,
    ): Promise<StoredResponse> {
      const found = await findRedemption(db, program.id, id)
      if (!found) throw AppError.notFound('Reward redemption')
      return runIdempotent(db, clock, program.id, claim, 200, async (trx) => {
        await lockPointsHolder(trx, program.id, found.member_id)
        const now = clock.now()
        const row = await closeRedemption(trx, program.id, id, 'cancelled', now, note)
        if (!row) {
          const current = await findRedemption(trx, program.id, id)
          throw notPending(current?.status ?? found.status, 'cancelled')
        }
        const back = await returnRedeemedPoints(
          trx,
          program,
          row.member_id,
          {
            source: { kind: REDEMPTION, id: row.id },
            cause: { kind: CANCELLATION, id: row.id },
            points: row.points_spent,
          },
          now,
        )
        await returnStock(trx, program.id, row.reward_id, row.quantity)
        await recordDomainEvents(trx, [
          domainEvent(
            program.id,
            'points.returned',
            row.member_id,
            {
              member: row.member_id,
              points: row.points_spent,
              transaction: back.id,
              source: { kind: REDEMPTION, id: row.id },
              cause: { kind: CANCELLATION, id: row.id },
            },
            now,
          ),
          domainEvent(
            program.id,
            'reward.redemption_cancelled',
            row.member_id,
            {
              member: row.member_id,
              redemption: row.id,
              reward: row.reward_id,
              quantity: row.quantity,
              points: row.points_spent,
              transaction: back.id,
            },
            now,
          ),
        ])
        return presentRedemption({
          ...row,
          reward_name: found.reward_name,
          reward_type: found.reward_type,
        })
      })
    },
  }
}

function notPending(status: RewardRedemptionStatus, to: 'fulfilled' | 'cancelled'): AppError {
  const verb = to === 'fulfilled' ? 'fulfilled' : 'cancelled'
  return new AppError(
    'redemption_not_pending',
    `The redemption is ${status}: only a pending redemption can be ${verb}.`,
  )
}

export type RewardsService = ReturnType<typeof createRewardsService>
