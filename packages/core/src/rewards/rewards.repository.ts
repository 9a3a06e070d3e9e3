import type {
  RewardRedemptionRow,
  RewardRedemptionStatus,
  RewardRedemptionsTable,
  RewardRow,
  RewardsTable,
} from '@loyalbase/db'
import { type Insertable, sql } from 'kysely'
import type { Executor } from '../shared/executor.js'
import type { RedemptionWithReward } from './rewards.js'

// ---------------------------------------------------------------------------------------------
// Rewards

export async function insertReward(
  db: Executor,
  row: Insertable<RewardsTable>,
): Promise<RewardRow> {
  return db.insertInto('rewards').values(row).returningAll().executeTakeFirstOrThrow()
}

export async function findReward(
  db: Executor,
  programId: string,
  id: string,
): Promise<RewardRow | undefined> {
  return db
    .selectFrom('rewards')
    .selectAll()
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .executeTakeFirst()
}

/** Newest first. */
export async function listRewards(
  db: Executor,
  programId: string,
  filter: { active?: boolean; beforeId?: string | undefined; limit: number },
): Promise<RewardRow[]> {
  let query = db
    .selectFrom('rewards')
    .selectAll()
    .where('program_id', '=', programId)
    .orderBy('id', 'desc')
    .limit(filter.limit)
  if (filter.beforeId) query = query.where('id', '<', filter.beforeId)
  if (filter.active !== undefined) query = query.where('active', '=', filter.active)
  return query.execute()
}

export interface RewardChanges {
  name?: string
  description?: string | null
  image_url?: string | null
  points_cost?: number
  cash_cost?: number
  tiers?: string
  per_member_limit?: number | null
  active?: boolean
  updated_at: Date
}

/**
 * Changes a reward in one statement. A new `stock` sets `stock_remaining` to what it leaves
 * over the quantities taken, never below 0, against `redeemed` as the row holds it when the
 * update runs — a redemption committing meanwhile is counted, never lost.
 */
export async function updateReward(
  db: Executor,
  programId: string,
  id: string,
  changes: RewardChanges,
  stock?: { value: number | null },
): Promise<RewardRow | undefined> {
  return db
    .updateTable('rewards')
    .set(changes)
    .$if(stock !== undefined, (qb) =>
      qb.set({
        stock: stock?.value ?? null,
        stock_remaining:
          stock?.value == null ? null : sql<number>`greatest(${stock.value}::bigint - redeemed, 0)`,
      }),
    )
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
}

/**
 * Takes `quantity` of the reward's stock in one conditional update; false when less is left.
 * The row of a popular reward is the hot one: callers run this as the last statement of the
 * redemption's transaction, so its lock is held only until the commit, and nothing else of the
 * program is locked with it.
 */
export async function takeStock(
  db: Executor,
  programId: string,
  id: string,
  quantity: number,
): Promise<boolean> {
  const row = await db
    .updateTable('rewards')
    .set({
      redeemed: sql`redeemed + ${quantity}`,
      stock_remaining: sql`stock_remaining - ${quantity}`,
    })
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .where((eb) =>
      eb.or([eb('stock_remaining', 'is', null), eb('stock_remaining', '>=', quantity)]),
    )
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}

/** Gives back `quantity` of a cancelled redemption: stock_remaining is stock - redeemed again. */
export async function returnStock(
  db: Executor,
  programId: string,
  id: string,
  quantity: number,
): Promise<void> {
  await db
    .updateTable('rewards')
    .set({
      redeemed: sql`redeemed - ${quantity}`,
      stock_remaining: sql`CASE WHEN stock IS NULL THEN NULL
        ELSE greatest(stock - (redeemed - ${quantity}), 0) END`,
    })
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
}

// ---------------------------------------------------------------------------------------------
// Redemptions

/** Quantities the member took of each reward (redemptions not cancelled). */
export async function sumTakenByMember(
  db: Executor,
  programId: string,
  memberId: string,
  rewardIds: readonly string[],
): Promise<Map<string, number>> {
  if (rewardIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('reward_redemptions')
    .select(['reward_id', sql<string>`sum(quantity)`.as('taken')])
    .where('program_id', '=', programId)
    .where('member_id', '=', memberId)
    .where('reward_id', 'in', rewardIds)
    .where('status', '<>', 'cancelled')
    .groupBy('reward_id')
    .execute()
  return new Map(rows.map((row) => [row.reward_id, Number(row.taken)]))
}

export async function insertRedemption(
  db: Executor,
  row: Insertable<RewardRedemptionsTable>,
): Promise<RewardRedemptionRow> {
  return db.insertInto('reward_redemptions').values(row).returningAll().executeTakeFirstOrThrow()
}

function redemptionsWithReward(db: Executor, programId: string) {
  return db
    .selectFrom('reward_redemptions as d')
    .innerJoin('rewards as r', (join) =>
      join.onRef('r.program_id', '=', 'd.program_id').onRef('r.id', '=', 'd.reward_id'),
    )
    .selectAll('d')
    .select(['r.name as reward_name', 'r.type as reward_type'])
    .where('d.program_id', '=', programId)
}

export async function findRedemption(
  db: Executor,
  programId: string,
  id: string,
): Promise<RedemptionWithReward | undefined> {
  return redemptionsWithReward(db, programId).where('d.id', '=', id).executeTakeFirst()
}

export interface RedemptionFilter {
  status?: RewardRedemptionStatus
  memberId?: string
  rewardId?: string
  /** `asc`: oldest first (a queue); `desc`: newest first. */
  order: 'asc' | 'desc'
  after?: string | undefined
  limit: number
}

export async function listRedemptions(
  db: Executor,
  programId: string,
  filter: RedemptionFilter,
): Promise<RedemptionWithReward[]> {
  let query = redemptionsWithReward(db, programId).orderBy('d.id', filter.order).limit(filter.limit)
  if (filter.status) query = query.where('d.status', '=', filter.status)
  if (filter.memberId) query = query.where('d.member_id', '=', filter.memberId)
  if (filter.rewardId) query = query.where('d.reward_id', '=', filter.rewardId)
  if (filter.after) query = query.where('d.id', filter.order === 'asc' ? '>' : '<', filter.after)
  return query.execute()
}

/**
 * Moves a pending redemption to `to` in one conditional update; undefined when it is no longer
 * pending (fulfilled or cancelled before, perhaps by a concurrent request).
 */
export async function closeRedemption(
  db: Executor,
  programId: string,
  id: string,
  to: 'fulfilled' | 'cancelled',
  at: Date,
  note: string | undefined,
): Promise<RewardRedemptionRow | undefined> {
  return db
    .updateTable('reward_redemptions')
    .set({
      status: to,
      ...(to === 'fulfilled' ? { fulfilled_at: at } : { cancelled_at: at }),
      ...(note !== undefined ? { note } : {}),
    })
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst()
}
