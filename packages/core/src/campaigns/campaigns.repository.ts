import type { CampaignMemberRow, CampaignRow, DB } from '@loyalbase/db'
import { type Insertable, type RawBuilder, sql, type Updateable } from 'kysely'
import type { Executor } from '../shared/executor.js'
import { HOLDOUT_BUCKETS } from './campaigns.js'

type CampaignInsert = Insertable<DB['campaigns']>
type CampaignUpdate = Updateable<DB['campaigns']>

export async function insertCampaign(db: Executor, row: CampaignInsert): Promise<CampaignRow> {
  return db.insertInto('campaigns').values(row).returningAll().executeTakeFirstOrThrow()
}

export async function findCampaign(
  db: Executor,
  programId: string,
  id: string,
): Promise<CampaignRow | undefined> {
  return db
    .selectFrom('campaigns')
    .selectAll()
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function listCampaigns(
  db: Executor,
  programId: string,
  page: { beforeId?: string; limit: number },
): Promise<CampaignRow[]> {
  let query = db
    .selectFrom('campaigns')
    .selectAll()
    .where('program_id', '=', programId)
    .orderBy('id', 'desc')
    .limit(page.limit)
  if (page.beforeId) query = query.where('id', '<', page.beforeId)
  return query.execute()
}

export async function updateCampaign(
  db: Executor,
  programId: string,
  id: string,
  patch: CampaignUpdate,
): Promise<CampaignRow | undefined> {
  return db
    .updateTable('campaigns')
    .set(patch)
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
}

/** The campaigns that run at `asOf`: switched on, started, not ended. */
export async function listRunningCampaigns(
  db: Executor,
  programId: string,
  asOf: Date,
): Promise<CampaignRow[]> {
  return db
    .selectFrom('campaigns')
    .selectAll()
    .where('program_id', '=', programId)
    .where('active', '=', true)
    .where('starts_at', '<=', asOf)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', asOf)]))
    .orderBy('id')
    .execute()
}

// ---------------------------------------------------------------------------------------------
// Assigning occasions: one row per member and occasion, its group decided by the member's
// bucket (campaigns.ts `holdoutBucket`, the same md5 here), written set-based and skipped when
// the row exists — so every assignment is idempotent.

/**
 * The rows `audience` (member_id, occasion) yields, with their group, inserted if new; how many
 * of each group were new.
 */
export async function assignAudience(
  db: Executor,
  campaign: Pick<CampaignRow, 'program_id' | 'id' | 'holdout_percent'>,
  audience: RawBuilder<unknown>,
  at: Date,
): Promise<{ treated: number; holdout: number }> {
  const cut = Math.round(Number(campaign.holdout_percent) * (HOLDOUT_BUCKETS / 100))
  const held = sql`(('x' || substr(md5(${campaign.id}::text || ':' || a.member_id), 1, 8))::bit(32)::bigint % ${HOLDOUT_BUCKETS} < ${cut})`
  const { rows } = await sql<{ treated: string; holdout: string }>`
    WITH added AS (
      INSERT INTO campaign_members (program_id, campaign_id, member_id, occasion, grp, status, assigned_at)
      SELECT ${campaign.program_id}, ${campaign.id}, a.member_id, a.occasion,
        CASE WHEN ${held} THEN 'holdout' ELSE 'treated' END,
        CASE WHEN ${held} THEN 'holdout' ELSE 'pending' END,
        ${at}
      FROM (${audience}) AS a
      ON CONFLICT DO NOTHING
      RETURNING grp
    )
    SELECT count(*) FILTER (WHERE grp = 'treated')::text AS treated,
      count(*) FILTER (WHERE grp = 'holdout')::text AS holdout
    FROM added
  `.execute(db)
  return { treated: Number(rows[0]?.treated ?? 0), holdout: Number(rows[0]?.holdout ?? 0) }
}

interface Window {
  programId: string
  /** Events from here (the start, or the last read less a margin) to `to`. */
  from: Date
  to: Date
  /** The campaign's start: members who joined before it are not welcomed. */
  startsAt: Date
}

/** Members who joined in the window, from their `member.created` events. */
export function joinedAudience({ programId, from, to, startsAt }: Window) {
  return sql`
    SELECT e.member_id, 'joined' AS occasion
    FROM outbox_events e
    WHERE e.program_id = ${programId} AND e.type = 'member.created'
      AND e.created_at >= ${from} AND e.created_at <= ${to}
      AND (e.data ->> 'joined_at')::timestamptz >= ${startsAt}
  `
}

/** Upgrades in the window (to `tier`, if given), from their `tier.upgraded` events. */
export function upgradedAudience({ programId, from, to }: Window, tier: string | null) {
  return sql`
    SELECT e.member_id, e.id AS occasion
    FROM outbox_events e
    WHERE e.program_id = ${programId} AND e.type = 'tier.upgraded'
      AND e.created_at >= ${from} AND e.created_at <= ${to}
      AND (${tier}::text IS NULL OR e.data ->> 'to' = ${tier}::text)
  `
}

/** Active members whose birthday (`MM-DD`) is one of `days`. */
export function birthdayAudience(programId: string, days: readonly string[], occasion: string) {
  return sql`
    SELECT m.id AS member_id, ${occasion}::text AS occasion
    FROM members m
    WHERE m.program_id = ${programId} AND m.birthday IS NOT NULL
      AND right(m.birthday, 5) IN (${sql.join(days.map((d) => sql`${d}::text`))})
      AND m.status = 'active'
  `
}

/**
 * Active members with no order (or, without orders, no joining) in the last `days` days of the
 * local date `today`; the occasion names the last active day, so a member is rewarded once per
 * spell of inactivity.
 */
export function inactiveAudience(programId: string, days: number, today: string, timeZone: string) {
  return sql`
    SELECT x.member_id, 'inactive:' || x.last_day::text AS occasion
    FROM (
      SELECT m.id AS member_id,
        (coalesce(
          (SELECT max(o.occurred_at) FROM orders o
            WHERE o.program_id = m.program_id AND o.member_id = m.id),
          m.joined_at
        ) AT TIME ZONE ${timeZone}::text)::date AS last_day
      FROM members m
      WHERE m.program_id = ${programId} AND m.status = 'active'
    ) AS x
    WHERE ${today}::date - x.last_day >= ${days}
  `
}

/** The members of a segment (`matches`, an expression over `members m`). */
export function segmentAudience(programId: string, matches: RawBuilder<boolean>) {
  return sql`
    SELECT m.id AS member_id, 'scheduled' AS occasion
    FROM members m
    WHERE m.program_id = ${programId} AND m.status = 'active' AND ${matches}
  `
}

/** Records that a date-based trigger looked for its members on the local day `day`. */
export async function markSwept(
  db: Executor,
  programId: string,
  campaignId: string,
  day: string,
): Promise<void> {
  await db
    .updateTable('campaigns')
    .set({ swept_on: sql`greatest(coalesce(swept_on, ${day}::text), ${day}::text)` })
    .where('program_id', '=', programId)
    .where('id', '=', campaignId)
    .execute()
}

/** Records that an event trigger read its events up to `to`. */
export async function markEventsRead(
  db: Executor,
  programId: string,
  campaignId: string,
  to: Date,
): Promise<void> {
  await db
    .updateTable('campaigns')
    .set({ events_read_to: sql`greatest(coalesce(events_read_to, ${to}), ${to})` })
    .where('program_id', '=', programId)
    .where('id', '=', campaignId)
    .execute()
}

/** Records that a scheduled campaign took its segment's members. */
export async function markAudienceTaken(
  db: Executor,
  programId: string,
  campaignId: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('campaigns')
    .set({ audience_taken_at: at })
    .where('program_id', '=', programId)
    .where('id', '=', campaignId)
    .where('audience_taken_at', 'is', null)
    .execute()
}

/** How many rows an audience query yields now. */
export async function countAudience(db: Executor, audience: RawBuilder<unknown>): Promise<number> {
  const { rows } = await sql<{
    n: string
  }>`SELECT count(*)::text AS n FROM (${audience}) AS a`.execute(db)
  return Number(rows[0]?.n ?? 0)
}

/** A page of a campaign's treated rows still to reward. */
export async function listPending(
  db: Executor,
  programId: string,
  campaignId: string,
  limit: number,
): Promise<Pick<CampaignMemberRow, 'member_id' | 'occasion'>[]> {
  return db
    .selectFrom('campaign_members')
    .select(['member_id', 'occasion'])
    .where('program_id', '=', programId)
    .where('campaign_id', '=', campaignId)
    .where('status', '=', 'pending')
    .orderBy('member_id')
    .orderBy('occasion')
    .limit(limit)
    .execute()
}

/** Takes a pending row for rewarding, in the caller's transaction; false if it is not pending. */
export async function takePending(
  db: Executor,
  key: { programId: string; campaignId: string; memberId: string; occasion: string },
): Promise<boolean> {
  const row = await db
    .selectFrom('campaign_members')
    .select('status')
    .where('program_id', '=', key.programId)
    .where('campaign_id', '=', key.campaignId)
    .where('member_id', '=', key.memberId)
    .where('occasion', '=', key.occasion)
    .forUpdate()
    .executeTakeFirst()
  return row?.status === 'pending'
}

export async function settleRow(
  db: Executor,
  key: { programId: string; campaignId: string; memberId: string; occasion: string },
  outcome: {
    status: 'rewarded' | 'over_budget' | 'refused'
    reward_ref?: string | null
    cost?: number
    note?: string | null
    at: Date
  },
): Promise<boolean> {
  const result = await db
    .updateTable('campaign_members')
    .set({
      status: outcome.status,
      reward_ref: outcome.reward_ref ?? null,
      cost: outcome.cost ?? 0,
      note: outcome.note ?? null,
      rewarded_at: outcome.status === 'rewarded' ? outcome.at : null,
    })
    .where('program_id', '=', key.programId)
    .where('campaign_id', '=', key.campaignId)
    .where('member_id', '=', key.memberId)
    .where('occasion', '=', key.occasion)
    .where('status', '=', 'pending')
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Marks every row still pending `over_budget`: the budget has no room for another reward. */
export async function settleRestOverBudget(
  db: Executor,
  programId: string,
  campaignId: string,
  at: Date,
): Promise<number> {
  const result = await db
    .updateTable('campaign_members')
    .set({ status: 'over_budget', note: `budget used up at ${at.toISOString()}` })
    .where('program_id', '=', programId)
    .where('campaign_id', '=', campaignId)
    .where('status', '=', 'pending')
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/**
 * Counts one reward of `cost` against the campaign's budget, if it fits: one conditional update
 * of the campaign's row, which concurrent rewards queue on, so the budget is never exceeded.
 */
export async function spendBudget(
  db: Executor,
  programId: string,
  campaignId: string,
  cost: number,
): Promise<boolean> {
  const result = await db
    .updateTable('campaigns')
    .set({
      rewards_issued: sql`rewards_issued + 1`,
      cost: sql`cost + ${cost}`,
    })
    .where('program_id', '=', programId)
    .where('id', '=', campaignId)
    .where(sql<boolean>`(max_rewards IS NULL OR rewards_issued + 1 <= max_rewards)`)
    .where(sql<boolean>`(max_cost IS NULL OR cost + ${cost} <= max_cost)`)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

// ---------------------------------------------------------------------------------------------
// The report

export interface GroupRevenue {
  grp: 'treated' | 'holdout'
  n: number
  sum: number
  sum_of_squares: number
}

/**
 * Revenue (what was paid less what was refunded) per treated (rewarded) and holdout row, each
 * counted from its assignment for `windowDays` days or up to `now`: count, sum and sum of
 * squares per group.
 */
export async function revenueByGroup(
  db: Executor,
  programId: string,
  campaignId: string,
  windowDays: number,
  now: Date,
): Promise<GroupRevenue[]> {
  const { rows } = await sql<{ grp: 'treated' | 'holdout'; n: string; sum: string; sq: string }>`
    WITH rev AS (
      SELECT cm.grp, coalesce((
        SELECT sum(o.amount - o.refunded_amount) FROM orders o
        WHERE o.program_id = cm.program_id AND o.member_id = cm.member_id
          AND o.occurred_at >= cm.assigned_at
          AND o.occurred_at < least(cm.assigned_at + make_interval(days => ${windowDays}), ${now})
      ), 0)::numeric AS revenue
      FROM campaign_members cm
      WHERE cm.program_id = ${programId} AND cm.campaign_id = ${campaignId}
        AND cm.status IN ('rewarded', 'holdout')
    )
    SELECT grp, count(*)::text AS n, coalesce(sum(revenue), 0)::text AS sum,
      coalesce(sum(revenue * revenue), 0)::text AS sq
    FROM rev GROUP BY grp
  `.execute(db)
  return rows.map((r) => ({
    grp: r.grp,
    n: Number(r.n),
    sum: Number(r.sum),
    sum_of_squares: Number(r.sq),
  }))
}

/** Revenue per group and local day of the order, inside each row's window. */
export async function revenueByDay(
  db: Executor,
  programId: string,
  campaignId: string,
  windowDays: number,
  now: Date,
  timeZone: string,
): Promise<{ grp: 'treated' | 'holdout'; day: string; revenue: number }[]> {
  const { rows } = await sql<{ grp: 'treated' | 'holdout'; day: string; revenue: string }>`
    SELECT cm.grp, to_char((o.occurred_at AT TIME ZONE ${timeZone}::text)::date, 'YYYY-MM-DD') AS day,
      sum(o.amount - o.refunded_amount)::text AS revenue
    FROM campaign_members cm
    JOIN orders o ON o.program_id = cm.program_id AND o.member_id = cm.member_id
      AND o.occurred_at >= cm.assigned_at
      AND o.occurred_at < least(cm.assigned_at + make_interval(days => ${windowDays}), ${now})
    WHERE cm.program_id = ${programId} AND cm.campaign_id = ${campaignId}
      AND cm.status IN ('rewarded', 'holdout')
    GROUP BY 1, 2 ORDER BY 2
  `.execute(db)
  return rows.map((r) => ({ grp: r.grp, day: r.day, revenue: Number(r.revenue) }))
}

/** The first and last assignment of the campaign's reported rows. */
export async function assignmentSpan(
  db: Executor,
  programId: string,
  campaignId: string,
): Promise<{ first: Date | null; last: Date | null }> {
  const row = await db
    .selectFrom('campaign_members')
    .select([
      sql<Date | null>`min(assigned_at)`.as('first'),
      sql<Date | null>`max(assigned_at)`.as('last'),
    ])
    .where('program_id', '=', programId)
    .where('campaign_id', '=', campaignId)
    .where('status', 'in', ['rewarded', 'holdout'])
    .executeTakeFirst()
  return {
    first: row?.first ? new Date(row.first) : null,
    last: row?.last ? new Date(row.last) : null,
  }
}

/** Rows by status, and the points given (as value) for points rewards. */
export async function countByStatus(
  db: Executor,
  programId: string,
  campaignId: string,
): Promise<{ status: string; n: number; cost: number }[]> {
  const rows = await db
    .selectFrom('campaign_members')
    .select([
      'status',
      sql<string>`count(*)`.as('n'),
      sql<string>`coalesce(sum(cost), 0)`.as('cost'),
    ])
    .where('program_id', '=', programId)
    .where('campaign_id', '=', campaignId)
    .groupBy('status')
    .execute()
  return rows.map((r) => ({ status: r.status, n: Number(r.n), cost: Number(r.cost) }))
}

/** The campaign's coupons that are redeemed now, and what their orders' discounts took off. */
export async function redeemedCoupons(
  db: Executor,
  programId: string,
  campaignId: string,
): Promise<{ redeemed: number; discount: number }> {
  const { rows } = await sql<{ redeemed: string; discount: string }>`
    SELECT count(DISTINCT c.id)::text AS redeemed, coalesce(sum((d.value ->> 'amount')::bigint), 0)::text AS discount
    FROM campaign_members cm
    JOIN coupons c ON c.program_id = cm.program_id AND c.id = cm.reward_ref
    JOIN orders o ON o.program_id = c.program_id AND o.id = c.order_id
    CROSS JOIN LATERAL jsonb_array_elements(o.discounts) AS d
    WHERE cm.program_id = ${programId} AND cm.campaign_id = ${campaignId}
      AND cm.status = 'rewarded' AND c.status = 'redeemed' AND d.value ->> 'id' = c.id
  `.execute(db)
  return { redeemed: Number(rows[0]?.redeemed ?? 0), discount: Number(rows[0]?.discount ?? 0) }
}

/** Rewarded members (of a points campaign) who spent points after their reward. */
export async function membersWhoRedeemedAfter(
  db: Executor,
  programId: string,
  campaignId: string,
): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    SELECT count(*)::text AS n FROM campaign_members cm
    WHERE cm.program_id = ${programId} AND cm.campaign_id = ${campaignId}
      AND cm.status = 'rewarded'
      AND EXISTS (
        SELECT 1 FROM point_transactions t
        WHERE t.program_id = cm.program_id AND t.member_id = cm.member_id
          AND t.type = 'redeem' AND t.points < 0 AND t.created_at >= cm.rewarded_at
      )
  `.execute(db)
  return Number(rows[0]?.n ?? 0)
}
