import type { DB } from '@loyalbase/db'
import type { Kysely } from 'kysely'
import { type IdempotencyClaim, runIdempotent, type StoredResponse } from '../idempotency/index.js'
import { entryTier } from '../ladder/index.js'
import { assertJsonSize, findMemberByRef } from '../members/index.js'
import { bumpRulesVersion, type ProgramContext } from '../programs/index.js'
import { AppError } from '../shared/app-error.js'
import type { Clock } from '../shared/clock.js'
import type { Executor } from '../shared/executor.js'
import { newId } from '../shared/ids.js'
import {
  clampLimit,
  decodeCursor,
  type Page,
  type PageRequest,
  toPage,
} from '../shared/pagination.js'
import { RulesVersionCache } from '../shared/rules-version.cache.js'
import {
  buildEventContext,
  buildOrderContext,
  type EventInput,
  type MemberFacts,
  memberFactsOf,
  type OrderInput,
  type RuleContext,
} from './rule-context.js'
import {
  applyLimits,
  type EarningRule,
  type EarningRuleResource,
  evaluateRules,
  limitedGrowth,
  limitedPeriods,
  ORDER_TRIGGER,
  patchedInput,
  presentRule,
  type RuleInput,
  type RulePatch,
  toEarningRule,
  usageOf,
  validateRule,
} from './rules.js'
import {
  addBudgetUsed,
  addUsage,
  findRule,
  findUsage,
  insertRule,
  listLiveRules,
  listRules,
  lockBudget,
  lockRule,
  lockUsage,
  softDeleteRule,
  updateRule,
} from './rules.repository.js'

export interface RuleQuery extends PageRequest {
  trigger?: string
  active?: boolean
}

/** A sample member for a preview: any facts not given are a new member's. */
export type SampleMember = Partial<Omit<MemberFacts, 'joined_at'>> & { joined_at?: string }

export interface PreviewInput {
  /** A stored rule's id, or a rule body not saved yet (its name may be left out). */
  rule: string | (Omit<RuleInput, 'name'> & { name?: string })
  order?: OrderInput
  event?: Omit<EventInput, 'type'> & { type?: string }
  /** A member's id or external_id (their real facts and usage), or sample facts. */
  member?: string | SampleMember
}

export interface PreviewResult {
  matched: boolean
  points: number
  growth: number
  points_before_limits: number
}

const json = (value: unknown) => JSON.stringify(value)

function draftRule(input: RuleInput, at: Date): EarningRule {
  return {
    id: 'rule_preview',
    name: input.name,
    trigger: input.trigger,
    condition: input.condition ?? null,
    reward: input.reward,
    growth: input.growth ?? null,
    tier_multipliers: input.tier_multipliers ?? {},
    limits: input.limits ?? {},
    starts_at: input.starts_at ? new Date(input.starts_at) : null,
    ends_at: input.ends_at ? new Date(input.ends_at) : null,
    active: input.active ?? true,
    budget_used: 0,
    created_at: at,
    updated_at: at,
    deleted_at: null,
  }
}

export function createRulesService(db: Kysely<DB>, clock: Clock) {
  /** A program's live rules per trigger, kept by rules version (shared/rules-version.cache.ts). */
  const liveRules = new RulesVersionCache<EarningRule[]>()
  async function getRule(program: ProgramContext, id: string, on: Executor = db) {
    const row = await findRule(on, program.id, id)
    if (!row) throw AppError.notFound('Earning rule')
    return toEarningRule(row)
  }

  /** The member a preview evaluates for: a stored one (facts and id) or sample facts. */
  async function previewMember(
    program: ProgramContext,
    member: PreviewInput['member'],
    at: Date,
  ): Promise<{ facts: MemberFacts; stored: boolean }> {
    if (typeof member === 'string') {
      const row = await findMemberByRef(db, program.id, member)
      if (!row) throw AppError.invalid('member', 'is not a member of this program')
      return { facts: memberFactsOf(row), stored: true }
    }
    const sample = member ?? {}
    return {
      facts: {
        id: sample.id ?? 'mem_preview',
        tier: sample.tier ?? entryTier(program.tier_ladder).key,
        joined_at: sample.joined_at ? new Date(sample.joined_at) : at,
        birthday: sample.birthday ?? null,
        orders_count: sample.orders_count ?? 0,
        lifetime_spend: sample.lifetime_spend ?? 0,
        growth: sample.growth ?? 0,
        points: sample.points ?? 0,
        attributes: sample.attributes ?? {},
      },
      stored: false,
    }
  }

  return {
    async create(
      program: ProgramContext,
      input: RuleInput,
      claim?: IdempotencyClaim,
    ): Promise<StoredResponse> {
      validateRule(input)
      return runIdempotent(db, clock, program.id, claim, 201, async (trx) => {
        const now = clock.now()
        const row = await insertRule(trx, {
          program_id: program.id,
          id: newId('rule'),
          name: input.name,
          trigger: input.trigger,
          condition: input.condition ? json(input.condition) : null,
          reward: json(input.reward),
          growth: input.growth ? json(input.growth) : null,
          tier_multipliers: json(input.tier_multipliers ?? {}),
          limits: json(input.limits ?? {}),
          starts_at: input.starts_at ?? null,
          ends_at: input.ends_at ?? null,
          active: input.active ?? true,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        })
        await bumpRulesVersion(trx, program.id)
        return presentRule(toEarningRule(row))
      })
    },

    async get(program: ProgramContext, id: string): Promise<EarningRuleResource> {
      return presentRule(await getRule(program, id))
    },

    async list(program: ProgramContext, query: RuleQuery): Promise<Page<EarningRuleResource>> {
      const limit = clampLimit(query.limit)
      const rows = await listRules(db, program.id, {
        ...(query.trigger !== undefined ? { trigger: query.trigger } : {}),
        ...(query.active !== undefined ? { active: query.active } : {}),
        beforeId: decodeCursor(query.cursor),
        limit: limit + 1,
      })
      return toPage(rows, limit, (row) => presentRule(toEarningRule(row)))
    },

    /** Fields given replace the stored ones whole; the result is validated as a whole rule. */
    async update(
      program: ProgramContext,
      id: string,
      patch: RulePatch,
    ): Promise<EarningRuleResource> {
      return db.transaction().execute(async (trx) => {
        const row = await lockRule(trx, program.id, id)
        if (!row) throw AppError.notFound('Earning rule')
        const next = patchedInput(toEarningRule(row), patch)
        validateRule(next)
        const updated = await updateRule(trx, program.id, id, {
          name: next.name,
          trigger: next.trigger,
          condition: next.condition ? json(next.condition) : null,
          reward: json(next.reward),
          growth: next.growth ? json(next.growth) : null,
          tier_multipliers: json(next.tier_multipliers ?? {}),
          limits: json(next.limits ?? {}),
          starts_at: next.starts_at ?? null,
          ends_at: next.ends_at ?? null,
          active: next.active ?? true,
          // Strictly later than before: the compiled-condition cache is keyed by it.
          updated_at: new Date(Math.max(clock.now().getTime(), row.updated_at.getTime() + 1)),
        })
        if (!updated) throw AppError.notFound('Earning rule')
        await bumpRulesVersion(trx, program.id)
        return presentRule(toEarningRule(updated))
      })
    },

    /** Soft delete: the rule stops paying at once, and ledger entries can still name it. */
    async remove(program: ProgramContext, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        if (!(await softDeleteRule(trx, program.id, id, clock.now())))
          throw AppError.notFound('Earning rule')
        await bumpRulesVersion(trx, program.id)
      })
    },

    /** The rules an order or event may pay by (its time window is checked by evaluateRules). */
    async activeRulesFor(
      program: Pick<ProgramContext, 'id' | 'rules_version'>,
      trigger: string,
      on: Executor = db,
    ): Promise<EarningRule[]> {
      return liveRules.get(`${program.id}\u0000${trigger}`, program.rules_version, async () =>
        (await listLiveRules(on, program.id, trigger)).map(toEarningRule),
      )
    },

    /**
     * Inside the caller's transaction (the member's row already locked): how much of `points`
     * the rule may pay this member for something that occurred at `at`, and records it against
     * the member's periods and the rule's budget. Usage rows are locked in period order, then
     * the rule's row, so parallel orders and events never pay past a cap.
     */
    async reserveWithinLimits(
      trx: Executor,
      program: ProgramContext,
      rule: EarningRule,
      memberId: string,
      points: number,
      at: Date,
    ): Promise<number> {
      const limits = rule.limits
      if (points <= 0) return 0
      const periods = limitedPeriods(limits, at, program.timezone)
      const budgeted = limits.total_budget !== undefined
      if (periods.length === 0 && !budgeted) return points
      const found = await lockUsage(trx, program.id, rule.id, memberId, periods)
      const budgetUsed = budgeted ? ((await lockBudget(trx, program.id, rule.id)) ?? 0) : 0
      const granted = applyLimits(points, limits, usageOf(found, at, program.timezone, budgetUsed))
      await addUsage(trx, program.id, rule.id, memberId, periods, granted)
      if (budgeted) await addBudgetUsed(trx, program.id, rule.id, granted)
      return granted
    },

    /**
     * What an order or event would earn by one rule, limits included, without side effects:
     * the console's "this order would earn …". A stored member's usage counts; a sample
     * member has used nothing.
     */
    async preview(program: ProgramContext, input: PreviewInput): Promise<PreviewResult> {
      const now = clock.now()
      if ((input.order === undefined) === (input.event === undefined)) {
        throw AppError.invalid('order', 'give exactly one of order and event')
      }
      let rule: EarningRule
      if (typeof input.rule === 'string') {
        rule = await getRule(program, input.rule)
      } else {
        const draft = { ...input.rule, name: input.rule.name ?? 'Preview' }
        validateRule(draft)
        rule = draftRule(draft, now)
      }
      // The limits of what an order, event or member would carry, though nothing is stored.
      if (input.event?.properties) assertJsonSize('event.properties', input.event.properties)
      if (typeof input.member === 'object' && input.member.attributes)
        assertJsonSize('member.attributes', input.member.attributes)
      const { facts, stored } = await previewMember(program, input.member, now)
      let context: RuleContext
      let trigger: string
      if (input.order) {
        context = buildOrderContext(input.order, facts, now, program.timezone)
        trigger = ORDER_TRIGGER
      } else {
        const event = { ...input.event, type: input.event?.type ?? rule.trigger }
        context = buildEventContext(event, facts, now, program.timezone)
        trigger = event.type
      }
      const at = new Date(
        'order' in context ? context.order.occurred_at : context.event.occurred_at,
      )
      const [match] = evaluateRules([rule], context, trigger, at)
      if (!match) return { matched: false, points: 0, growth: 0, points_before_limits: 0 }
      const periods = limitedPeriods(rule.limits, at, program.timezone)
      const found = stored ? await findUsage(db, program.id, rule.id, facts.id, periods) : new Map()
      const usage = usageOf(found, at, program.timezone, rule.budget_used)
      const points = applyLimits(match.points, rule.limits, usage)
      return {
        matched: true,
        points,
        growth: limitedGrowth(match, points),
        points_before_limits: match.points,
      }
    },
  }
}

export type RulesService = ReturnType<typeof createRulesService>
