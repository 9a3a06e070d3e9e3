import type { CampaignRow, DB } from '@loyalbase/db'
import type { Kysely, RawBuilder } from 'kysely'
import { couponIssued, findCouponTemplate, issueCouponFromTemplate } from '../coupons/index.js'
import { domainEvent, recordDomainEvents } from '../domain-events/index.js'
import { type IdempotencyClaim, runIdempotent, type StoredResponse } from '../idempotency/index.js'
import type { JobDefinition } from '../jobs/index.js'
import { creditPoints, lockPointsHolder } from '../points/index.js'
import { findProgram, type ProgramContext, toProgramContext } from '../programs/index.js'
import { segmentMatch } from '../segments/index.js'
import { AppError } from '../shared/app-error.js'
import { localDate } from '../shared/calendar.js'
import type { Clock } from '../shared/clock.js'
import { newId } from '../shared/ids.js'
import { minorPerMajor, pointsValue } from '../shared/money.js'
import {
  clampLimit,
  decodeCursor,
  type Page,
  type PageRequest,
  toPage,
} from '../shared/pagination.js'
import {
  birthdaysOn,
  type CampaignInput,
  type CampaignPatch,
  type CampaignResource,
  type CampaignReward,
  type CampaignTrigger,
  groupStats,
  presentCampaign,
  rewardCostAtIssue,
  type Verdict,
  welchUplift,
} from './campaigns.js'
import {
  assignAudience,
  assignmentSpan,
  birthdayAudience,
  countAudience,
  countByStatus,
  findCampaign,
  inactiveAudience,
  insertCampaign,
  joinedAudience,
  listCampaigns,
  listPending,
  listRunningCampaigns,
  markAudienceTaken,
  markEventsRead,
  markSwept,
  membersWhoRedeemedAfter,
  redeemedCoupons,
  revenueByDay,
  revenueByGroup,
  segmentAudience,
  settleRestOverBudget,
  settleRow,
  spendBudget,
  takePending,
  updateCampaign,
  upgradedAudience,
} from './campaigns.repository.js'

export const CAMPAIGNS_JOB = 'campaigns'

/** Pending rewards read at a time; each is given in a transaction of its own. */
const BATCH = 500

/** Days of revenue the report counts after each member's assignment, unless asked otherwise. */
export const DEFAULT_REPORT_WINDOW_DAYS = 30

/** How long before the last read of events a run reads again: a transaction may commit late. */
const LATE_COMMIT_MS = 10 * 60 * 1000

/** Days the audience preview looks back (joins, upgrades) or ahead (birthdays). */
const PREVIEW_DAYS = 30

export interface CampaignReport {
  rewards_issued: number
  cost: number
  redeemed: number
  treated: number
  holdout: number
  revenue_per_treated: number
  revenue_per_holdout: number
  uplift: number
  /** `[low, high]`, the uplift's 95 % confidence interval; null with fewer than 2 in a group. */
  uplift_interval: number[] | null
  verdict: Verdict
  window_days: number
  over_budget: number
  refused: number
  pending: number
  /** Cumulative revenue per member of each group, by local day. */
  timeline: { date: string; treated: number; holdout: number }[]
}

export interface AudiencePreview {
  count: number
  /** What the count is: who would be rewarded now, or the flow of the last or next 30 days. */
  basis: 'now' | 'last_30_days' | 'next_30_days'
}

const round = (value: number) => Math.round(value)

export function createCampaignsService(db: Kysely<DB>, clock: Clock) {
  const couponTemplate = (program: ProgramContext, id: string) =>
    findCouponTemplate(db, program.id, id)

  const valueOfPoints = (program: ProgramContext) => (points: number) =>
    pointsValue(points, program.points_policy.redeem_rate, minorPerMajor(program.currency))

  /** What one reward counts against `max_cost` (see campaigns.ts); null when unbounded. */
  async function costOf(program: ProgramContext, reward: CampaignReward): Promise<number | null> {
    const template =
      reward.type === 'coupon' ? await couponTemplate(program, reward.template) : null
    const discount = (template?.discount ?? null) as Parameters<typeof rewardCostAtIssue>[1]
    return rewardCostAtIssue(reward, discount, valueOfPoints(program))
  }

  async function validate(program: ProgramContext, input: CampaignInput): Promise<void> {
    if (input.name.trim().length === 0) throw AppError.invalid('name', 'must not be blank')
    const holdout = input.holdout_percent ?? 0
    if (Math.abs(Math.round(holdout * 100) - holdout * 100) > 1e-6)
      throw AppError.invalid('holdout_percent', 'must have at most two decimals')
    const { trigger, reward } = input
    if (trigger.type === 'scheduled') {
      if (!(await segmentMatch(db, program, trigger.segment, clock.now())))
        throw AppError.invalid('trigger.segment', 'is not a segment of this program')
    }
    if (trigger.type === 'tier_upgraded' && trigger.tier !== undefined) {
      if (!program.tier_ladder.tiers.some((t) => t.key === trigger.tier))
        throw AppError.invalid('trigger.tier', 'is not a tier of the program’s ladder')
    }
    if (reward.type === 'coupon') {
      const template = await couponTemplate(program, reward.template)
      if (!template)
        throw AppError.invalid('reward.template', 'is not a coupon template of this program')
      if (!template.active) throw AppError.invalid('reward.template', 'is not active')
    }
    if (input.budget?.max_cost != null && (await costOf(program, reward)) === null) {
      throw AppError.invalid(
        'budget.max_cost',
        'the reward’s coupon has no bounded value (free shipping or a percentage without max_amount): limit it with max_rewards',
      )
    }
    if (input.starts_at && input.ends_at && new Date(input.ends_at) <= new Date(input.starts_at))
      throw AppError.invalid('ends_at', 'must be after starts_at')
  }

  async function campaignOf(program: ProgramContext, id: string): Promise<CampaignRow> {
    const row = await findCampaign(db, program.id, id)
    if (!row) throw AppError.notFound('Campaign')
    return row
  }

  /** The members a trigger names as of `asOf` (its audience query), or null for none. */
  async function audienceAt(
    program: ProgramContext,
    campaign: Pick<CampaignRow, 'trigger' | 'starts_at' | 'ends_at'> & {
      events_read_to?: Date | null
    },
    asOf: Date,
  ): Promise<RawBuilder<unknown> | null> {
    const trigger = campaign.trigger as CampaignTrigger
    const to = campaign.ends_at && campaign.ends_at < asOf ? campaign.ends_at : asOf
    // Events since the last read, less a margin for transactions that committed late; all of
    // them since the start for a run as of an earlier time.
    const readTo = campaign.events_read_to ?? null
    const resume = readTo && readTo <= asOf ? new Date(readTo.getTime() - LATE_COMMIT_MS) : null
    const from = resume && resume > campaign.starts_at ? resume : campaign.starts_at
    const window = { programId: program.id, from, to, startsAt: campaign.starts_at }
    const today = localDate(asOf, program.timezone)
    switch (trigger.type) {
      case 'member_joined':
        return joinedAudience(window)
      case 'tier_upgraded':
        return upgradedAudience(window, trigger.tier ?? null)
      case 'birthday': {
        const { days, occasion } = birthdaysOn(today, trigger.days_before ?? 0)
        return birthdayAudience(program.id, days, occasion)
      }
      case 'inactive':
        return inactiveAudience(program.id, trigger.days, today, program.timezone)
      case 'scheduled': {
        if (new Date(trigger.at) > asOf) return null
        const matches = await segmentMatch(db, program, trigger.segment, asOf)
        return matches ? segmentAudience(program.id, matches) : null
      }
    }
  }

  /**
   * Gives one treated member its reward: member locked, row taken (still pending), budget spent
   * by a conditional update, then the points credited or the coupon issued — all in one
   * transaction. A coupon the template refuses (its limits, its end) marks the row `refused`
   * afterwards, in a transaction of its own, with nothing spent.
   */
  async function rewardOne(
    program: ProgramContext,
    campaign: CampaignRow,
    cost: number,
    key: { memberId: string; occasion: string },
  ): Promise<'rewarded' | 'over_budget' | 'skipped' | 'refused'> {
    const row = { programId: program.id, campaignId: campaign.id, ...key }
    const reward = campaign.reward as CampaignReward
    try {
      return await db.transaction().execute(async (trx) => {
        await lockPointsHolder(trx, program.id, key.memberId)
        if (!(await takePending(trx, row))) return 'skipped'
        const now = clock.now()
        if (!(await spendBudget(trx, program.id, campaign.id, cost))) {
          await settleRow(trx, row, { status: 'over_budget', at: now })
          return 'over_budget'
        }
        let ref: string
        if (reward.type === 'points') {
          const txn = await creditPoints(
            trx,
            program,
            key.memberId,
            {
              points: reward.points,
              type: 'earn',
              earnedAt: now,
              availableAt: now,
              source: { kind: 'campaign', id: campaign.id },
              note: campaign.name,
            },
            now,
          )
          ref = txn.id
          await recordDomainEvents(trx, [
            domainEvent(
              program.id,
              'points.earned',
              key.memberId,
              {
                member: key.memberId,
                points: reward.points,
                status: 'available',
                source: { kind: 'campaign', id: campaign.id },
                rules: [],
              },
              now,
            ),
          ])
        } else {
          const coupon = await issueCouponFromTemplate(
            trx,
            program,
            key.memberId,
            reward.template,
            now,
          )
          ref = coupon.id
          await recordDomainEvents(trx, [couponIssued(program.id, coupon, 'campaign', now)])
        }
        await settleRow(trx, row, { status: 'rewarded', reward_ref: ref, cost, at: now })
        return 'rewarded'
      })
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      await db.transaction().execute(async (trx) => {
        if (await takePending(trx, row))
          await settleRow(trx, row, { status: 'refused', note: error.message, at: clock.now() })
      })
      return 'refused'
    }
  }

  /** One campaign's run: assign the occasions due by `asOf`, then reward the pending rows. */
  async function runCampaign(
    program: ProgramContext,
    campaign: CampaignRow,
    asOf: Date,
    progress: (done: number) => Promise<void>,
  ): Promise<number> {
    // What the run decided: members held out, and rewards given, refused or over budget.
    let changed = 0
    const trigger = campaign.trigger as CampaignTrigger
    const today = localDate(asOf, program.timezone)
    // Date-based triggers look at the first run of each local day; a scheduled one once.
    const daily = trigger.type === 'birthday' || trigger.type === 'inactive'
    const looked =
      (daily && campaign.swept_on === today) ||
      (trigger.type === 'scheduled' && campaign.audience_taken_at !== null)
    const audience = looked ? null : await audienceAt(program, campaign, asOf)
    if (audience) {
      changed += (await assignAudience(db, campaign, audience, clock.now())).holdout
      if (daily) await markSwept(db, program.id, campaign.id, today)
      if (trigger.type === 'member_joined' || trigger.type === 'tier_upgraded')
        await markEventsRead(db, program.id, campaign.id, asOf)
      if (trigger.type === 'scheduled')
        await markAudienceTaken(db, program.id, campaign.id, clock.now())
    }
    const cost = (await costOf(program, campaign.reward as CampaignReward)) ?? 0
    for (;;) {
      const pending = await listPending(db, program.id, campaign.id, BATCH)
      if (pending.length === 0) return changed
      for (const p of pending) {
        const outcome = await rewardOne(program, campaign, cost, {
          memberId: p.member_id,
          occasion: p.occasion,
        })
        if (outcome !== 'skipped') changed++
        // The budget is spent: every reward costs the same, so none of the rest fits.
        if (outcome === 'over_budget') {
          return changed + (await settleRestOverBudget(db, program.id, campaign.id, clock.now()))
        }
      }
      await progress(changed)
    }
  }

  return {
    async create(
      program: ProgramContext,
      input: CampaignInput,
      claim?: IdempotencyClaim,
    ): Promise<StoredResponse> {
      await validate(program, input)
      return runIdempotent(db, clock, program.id, claim, 201, async (trx) => {
        const now = clock.now()
        const row = await insertCampaign(trx, {
          program_id: program.id,
          id: newId('cmp'),
          name: input.name,
          trigger: JSON.stringify(input.trigger),
          reward: JSON.stringify(input.reward),
          max_rewards: input.budget?.max_rewards ?? null,
          max_cost: input.budget?.max_cost ?? null,
          holdout_percent: input.holdout_percent ?? 0,
          starts_at: input.starts_at ? new Date(input.starts_at) : now,
          ends_at: input.ends_at ? new Date(input.ends_at) : null,
          created_at: now,
          updated_at: now,
        })
        return presentCampaign(row)
      })
    },

    async get(program: ProgramContext, id: string): Promise<CampaignResource> {
      return presentCampaign(await campaignOf(program, id))
    },

    async list(program: ProgramContext, query: PageRequest): Promise<Page<CampaignResource>> {
      const limit = clampLimit(query.limit)
      const rows = await listCampaigns(db, program.id, {
        beforeId: decodeCursor(query.cursor),
        limit: limit + 1,
      })
      return toPage(rows, limit, presentCampaign)
    },

    /**
     * Renames, switches off or on, moves the end, or changes the budget — never below what is
     * already used (`400`, the budget field's path). Trigger, reward and holdout stay as created, so
     * the report compares like with like.
     */
    async update(
      program: ProgramContext,
      id: string,
      patch: CampaignPatch,
    ): Promise<CampaignResource> {
      const current = await campaignOf(program, id)
      if (patch.name !== undefined && patch.name.trim().length === 0)
        throw AppError.invalid('name', 'must not be blank')
      if (patch.ends_at && new Date(patch.ends_at) <= current.starts_at)
        throw AppError.invalid('ends_at', 'must be after starts_at')
      if (patch.budget?.max_cost != null) {
        if ((await costOf(program, current.reward as CampaignReward)) === null)
          throw AppError.invalid('budget.max_cost', 'the reward’s coupon has no bounded value')
      }
      const row = await db.transaction().execute(async (trx) => {
        const locked = await trx
          .selectFrom('campaigns')
          .select(['rewards_issued', 'cost'])
          .where('program_id', '=', program.id)
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirstOrThrow()
        const { max_rewards, max_cost } = patch.budget ?? {}
        if (max_rewards != null && max_rewards < locked.rewards_issued)
          throw AppError.invalid(
            'budget.max_rewards',
            `must not be below the ${locked.rewards_issued} rewards already given`,
          )
        if (max_cost != null && max_cost < locked.cost)
          throw AppError.invalid(
            'budget.max_cost',
            `must not be below the ${locked.cost} already spent`,
          )
        return updateCampaign(trx, program.id, id, {
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.active !== undefined ? { active: patch.active } : {}),
          ...(patch.ends_at !== undefined
            ? { ends_at: patch.ends_at === null ? null : new Date(patch.ends_at) }
            : {}),
          ...(patch.budget && 'max_rewards' in patch.budget
            ? { max_rewards: patch.budget.max_rewards ?? null }
            : {}),
          ...(patch.budget && 'max_cost' in patch.budget
            ? { max_cost: patch.budget.max_cost ?? null }
            : {}),
          updated_at: clock.now(),
        })
      })
      if (!row) throw AppError.notFound('Campaign')
      return presentCampaign(row)
    },

    /** How many members a trigger would reach: now, or over the last or next 30 days. */
    async preview(program: ProgramContext, trigger: CampaignTrigger): Promise<AudiencePreview> {
      const now = clock.now()
      if (trigger.type === 'birthday') {
        const days = new Set<string>()
        const today = localDate(now, program.timezone)
        for (let d = 0; d < PREVIEW_DAYS; d++) {
          for (const day of birthdaysOn(today, d + (trigger.days_before ?? 0)).days) days.add(day)
        }
        const count = await countAudience(db, birthdayAudience(program.id, [...days], 'preview'))
        return { count, basis: 'next_30_days' }
      }
      if (trigger.type === 'member_joined' || trigger.type === 'tier_upgraded') {
        const from = new Date(now.getTime() - PREVIEW_DAYS * 86_400_000)
        const audience = await audienceAt(program, { trigger, starts_at: from, ends_at: null }, now)
        return { count: audience ? await countAudience(db, audience) : 0, basis: 'last_30_days' }
      }
      if (trigger.type === 'scheduled') {
        const matches = await segmentMatch(db, program, trigger.segment, now)
        if (!matches) throw AppError.invalid('trigger.segment', 'is not a segment of this program')
        return {
          count: await countAudience(db, segmentAudience(program.id, matches)),
          basis: 'now',
        }
      }
      const audience = await audienceAt(program, { trigger, starts_at: now, ends_at: null }, now)
      return { count: audience ? await countAudience(db, audience) : 0, basis: 'now' }
    },

    /**
     * What the campaign gave, cost and earned: rewards and their cost (points at their value,
     * coupons at the discounts their orders actually took), and the revenue per treated and per
     * holdout member in the `windowDays` after each was assigned, with the uplift's 95 %
     * interval (Welch) and a verdict.
     */
    async report(
      program: ProgramContext,
      id: string,
      windowDays = DEFAULT_REPORT_WINDOW_DAYS,
    ): Promise<CampaignReport> {
      const campaign = await campaignOf(program, id)
      const now = clock.now()
      const reward = campaign.reward as CampaignReward
      const [groups, statuses, coupons, span] = await Promise.all([
        revenueByGroup(db, program.id, id, windowDays, now),
        countByStatus(db, program.id, id),
        reward.type === 'coupon'
          ? redeemedCoupons(db, program.id, id)
          : membersWhoRedeemedAfter(db, program.id, id).then((n) => ({ redeemed: n, discount: 0 })),
        assignmentSpan(db, program.id, id),
      ])
      const byStatus = (status: string) => statuses.find((s) => s.status === status)
      const stats = (grp: 'treated' | 'holdout') => {
        const g = groups.find((x) => x.grp === grp)
        return groupStats(g?.n ?? 0, g?.sum ?? 0, g?.sum_of_squares ?? 0)
      }
      const treated = stats('treated')
      const holdout = stats('holdout')
      const uplift = welchUplift(treated, holdout)
      const rewarded = byStatus('rewarded')
      const cost = reward.type === 'points' ? (rewarded?.cost ?? 0) : coupons.discount
      return {
        rewards_issued: rewarded?.n ?? 0,
        cost,
        redeemed: coupons.redeemed,
        treated: treated.n,
        holdout: holdout.n,
        revenue_per_treated: round(treated.mean),
        revenue_per_holdout: round(holdout.mean),
        uplift: round(uplift.uplift),
        uplift_interval: uplift.interval
          ? [round(uplift.interval[0]), round(uplift.interval[1])]
          : null,
        verdict: uplift.verdict,
        window_days: windowDays,
        over_budget: byStatus('over_budget')?.n ?? 0,
        refused: byStatus('refused')?.n ?? 0,
        pending: byStatus('pending')?.n ?? 0,
        timeline: await timeline(program, id, windowDays, now, span, treated.n, holdout.n),
      }
    },

    job(): JobDefinition {
      return {
        name: CAMPAIGNS_JOB,
        // Every five minutes: welcome and upgrade rewards follow their events within minutes;
        // date-based triggers find the same occasions all day, recorded once.
        schedule: '*/5 * * * *',
        async run(programId, asOf, progress) {
          const row = await findProgram(db, programId)
          if (!row) throw AppError.notFound('Program')
          const program = toProgramContext(row)
          let changed = 0
          for (const campaign of await listRunningCampaigns(db, programId, asOf)) {
            changed += await runCampaign(program, campaign, asOf, (done) =>
              progress ? progress(changed + done) : Promise.resolve(),
            )
          }
          return changed
        },
      }
    },
  }

  /** Cumulative revenue per member of each group by local day, from the first assignment. */
  async function timeline(
    program: ProgramContext,
    id: string,
    windowDays: number,
    now: Date,
    span: { first: Date | null; last: Date | null },
    treatedN: number,
    holdoutN: number,
  ): Promise<CampaignReport['timeline']> {
    if (!span.first || !span.last) return []
    const rows = await revenueByDay(db, program.id, id, windowDays, now, program.timezone)
    const end = new Date(Math.min(now.getTime(), span.last.getTime() + windowDays * 86_400_000))
    const first = localDate(span.first, program.timezone)
    const last = localDate(end, program.timezone)
    const out: CampaignReport['timeline'] = []
    let treated = 0
    let holdout = 0
    const day = new Date(`${first}T00:00:00Z`)
    for (let i = 0; i < 400; i++) {
      const date = day.toISOString().slice(0, 10)
      if (date > last) break
      for (const r of rows) {
        if (r.day !== date) continue
        if (r.grp === 'treated') treated += r.revenue
        else holdout += r.revenue
      }
      out.push({
        date,
        treated: treatedN > 0 ? round(treated / treatedN) : 0,
        holdout: holdoutN > 0 ? round(holdout / holdoutN) : 0,
      })
      day.setUTCDate(day.getUTCDate() + 1)
    }
    return out
  }
}

export type CampaignsService = ReturnType<typeof createCampaignsService>
