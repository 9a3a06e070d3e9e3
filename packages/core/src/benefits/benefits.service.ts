import type { BenefitRow, BenefitType, DB, MemberRow } from '@loyalbase/db'
import type { Kysely } from 'kysely'
import { assignAdvisors } from '../advisors/index.js'
import { domainEvent, recordDomainEvents } from '../domain-events/index.js'
import { type IdempotencyClaim, runIdempotent, type StoredResponse } from '../idempotency/index.js'
import { findMemberByRef, lockMemberByRef, type Member, presentMember } from '../members/index.js'
import { bumpRulesVersion, type ProgramContext } from '../programs/index.js'
import { AppError } from '../shared/app-error.js'
import { localDate, zonedMidnight } from '../shared/calendar.js'
import type { Clock } from '../shared/clock.js'
import { type Executor, inOneSnapshot } from '../shared/executor.js'
import { newId } from '../shared/ids.js'
import { clampLimit, decodeCursor, type Page, toPage } from '../shared/pagination.js'
import { RulesVersionCache } from '../shared/rules-version.cache.js'
import {
  assertBenefit,
  type Benefit,
  type BenefitInput,
  type BenefitPatch,
  type BenefitResource,
  benefitOf,
  benefitsOfTier,
  type MemberBenefit,
  presentBenefit,
  quotaPeriod,
} from './benefits.js'
import {
  auditCounts,
  findBenefit,
  giveBackQuota,
  insertBenefit,
  insertUse,
  listBenefits,
  listUses,
  returnUsesOf,
  takeQuota,
  touchMember,
  unusedMembers,
  updateBenefit,
  usageOf,
} from './benefits.repository.js'

export interface BenefitUseResource {
  id: string
  benefit: string
  member: string
  tier: string
  reference: { kind: string; id: string | null }
  period: string | null
  amount: number
  used_at: string
  returned_at: string | null
}

export interface BenefitAudit {
  benefit: string
  period: { start: string; end: string }
  entitled: number
  used: number
  uses: number
  returned: number
  unused: { count: number }
}

function presentUse(
  row: {
    id: string
    benefit_id: string
    member_id: string
    tier_key: string
    reference_kind: string
    reference_id: string | null
    period: string | null
    amount: number
    used_at: Date
    returned_at: Date | null
  },
  key: string,
): BenefitUseResource {
  return {
    id: row.id,
    benefit: key,
    member: row.member_id,
    tier: row.tier_key,
    reference: { kind: row.reference_kind, id: row.reference_id },
    period: row.period,
    amount: Number(row.amount),
    used_at: row.used_at.toISOString(),
    returned_at: row.returned_at?.toISOString() ?? null,
  }
}

/**
 * The instant an audit's `period_start` names: a local date (`2026-12-01`, its midnight in the
 * program's time zone) or a date-time with its offset.
 */
function auditInstant(periodStart: string | undefined, now: Date, timeZone: string): Date {
  if (periodStart === undefined) return now
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(periodStart)
  const at = date
    ? zonedMidnight(Number(date[1]), Number(date[2]), Number(date[3]), timeZone)
    : new Date(periodStart)
  if (Number.isNaN(at.getTime()) || (date && localDate(at, timeZone) !== periodStart)) {
    throw AppError.invalid('period_start', 'must be a date (YYYY-MM-DD) or a date-time')
  }
  return at
}

/**
 * The audit's period for a benefit: its quota period holding `at` (a month for a benefit
 * without quota), in the program's time zone.
 */
function auditPeriod(benefit: Benefit, at: Date, timeZone: string) {
  const period = quotaPeriod(benefit.quota?.period ?? 'month', at, timeZone)
  return { start: period.start, end: period.resets_at }
}

export function createBenefitsService(db: Kysely<DB>, clock: Clock) {
  /** Live benefits per program, kept by rules version (shared/rules-version.cache.ts). */
  const live = new RulesVersionCache<Benefit[]>()

  async function benefitOfRef(on: Executor, program: ProgramContext, ref: string) {
    const row = await findBenefit(on, program.id, ref)
    if (!row) throw AppError.notFound('Benefit')
    return row
  }

  const tierKeysOf = (program: ProgramContext) => program.tier_ladder.tiers.map((t) => t.key)

  /**
   * After a change of benefits: every server reads them again (the program's rules version), and
   * the members whose tier gained or lost dedicated service get or give back an advisor, in the
   * change's transaction (docs/advisors-and-early-access.md).
   */
  async function changed(trx: Executor, program: ProgramContext) {
    await bumpRulesVersion(trx, program.id)
    await assignAdvisors(trx, program.id, clock.now())
    live.forget(program.id)
  }

  return {
    async create(
      program: ProgramContext,
      input: BenefitInput,
      claim?: IdempotencyClaim,
    ): Promise<StoredResponse> {
      assertBenefit(input, tierKeysOf(program))
      return runIdempotent(db, clock, program.id, claim, 201, async (trx) => {
        const now = clock.now()
        const row = await insertBenefit(trx, {
          program_id: program.id,
          id: newId('ben'),
          key: input.key,
          name: input.name,
          type: input.type,
          tiers: JSON.stringify(input.tiers),
          quota_count: input.quota?.count ?? null,
          quota_period: input.quota?.period ?? null,
          config: JSON.stringify(input.config ?? {}),
          active: input.active ?? true,
          created_at: now,
          updated_at: now,
        })
        if (!row) {
          throw new AppError('benefit_exists', `A benefit with the key "${input.key}" exists.`, [
            { path: 'key', message: 'is taken' },
          ])
        }
        await changed(trx, program)
        return presentBenefit(row)
      })
    },

    async list(program: ProgramContext): Promise<{ data: BenefitResource[] }> {
      return { data: (await listBenefits(db, program.id)).map(presentBenefit) }
    },

    async get(program: ProgramContext, ref: string): Promise<BenefitResource> {
      return presentBenefit(await benefitOfRef(db, program, ref))
    },

    async update(
      program: ProgramContext,
      ref: string,
      patch: BenefitPatch,
    ): Promise<BenefitResource> {
      return db.transaction().execute(async (trx) => {
        const row = await benefitOfRef(trx, program, ref)
        const next = {
          type: row.type,
          tiers: patch.tiers ?? row.tiers,
          ...(patch.name !== undefined && { name: patch.name }),
          config: patch.config ?? row.config,
        }
        assertBenefit(next, tierKeysOf(program))
        const updated = await updateBenefit(trx, program.id, row.id, {
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.tiers !== undefined && { tiers: JSON.stringify(patch.tiers) }),
          ...(patch.config !== undefined && { config: JSON.stringify(patch.config) }),
          ...(patch.active !== undefined && { active: patch.active }),
          ...(patch.quota !== undefined && {
            quota_count: patch.quota?.count ?? null,
            quota_period: patch.quota?.period ?? null,
          }),
          updated_at: clock.now(),
        })
        if (!updated) throw AppError.notFound('Benefit')
        await changed(trx, program)
        return presentBenefit(updated)
      })
    },

    /** Deletes a benefit: its uses stay, for the record; its key is free again. */
    async remove(program: ProgramContext, ref: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = await benefitOfRef(trx, program, ref)
        await updateBenefit(trx, program.id, row.id, { deleted_at: clock.now() })
        await changed(trx, program)
      })
    },

    /** The program's live benefits, cached per rules version (read on `on`, like live rules). */
    async liveFor(
      program: Pick<ProgramContext, 'id' | 'rules_version'>,
      on: Executor = db,
    ): Promise<Benefit[]> {
      return live.get(program.id, program.rules_version, async () =>
        (await listBenefits(on, program.id)).map(benefitOf),
      )
    },

    /** `GET /v1/members/{member}/benefits`: the member's tier's benefits, with what is left. */
    async forMember(program: ProgramContext, memberRef: string): Promise<MemberBenefit[]> {
      const member = await findMemberByRef(db, program.id, memberRef)
      if (!member) throw AppError.notFound('Member')
      const now = clock.now()
      const benefits = benefitsOfTier(await this.liveFor(program), member.tier_key)
      const periods = benefits.flatMap((b) =>
        b.quota
          ? [{ benefit: b.id, period: quotaPeriod(b.quota.period, now, program.timezone) }]
          : [],
      )
      const used = await usageOf(
        db,
        program.id,
        member.id,
        periods.map((p) => ({ benefit: p.benefit, period: p.period.name })),
      )
      return benefits.map((b) => {
        const period = periods.find((p) => p.benefit === b.id)?.period
        const count = b.quota?.count ?? 0
        const usedNow = period ? (used.get(`${b.id}\u0000${period.name}`) ?? 0) : 0
        return {
          key: b.key,
          name: b.name,
          type: b.type,
          config: b.config,
          quota:
            b.quota && period
              ? {
                  count,
                  used: usedNow,
                  remaining: Math.max(count - usedNow, 0),
                  resets_at: period.resets_at.toISOString(),
                }
              : null,
        }
      })
    },

    /**
     * `POST /v1/members/{member}/benefits/{key}/uses`: one use, counted against the quota of the
     * period in one conditional update (never past it, however many ask at once), recorded with
     * its reference. `403 tier_required` when the member's tier lacks the benefit, `422
     * quota_exhausted` when none is left.
     */
    async use(
      program: ProgramContext,
      memberRef: string,
      ref: string,
      input: { reference?: string },
      claim?: IdempotencyClaim,
    ): Promise<StoredResponse> {
      return runIdempotent(db, clock, program.id, claim, 201, async (trx) => {
        const row = await benefitOfRef(trx, program, ref)
        // The member's row locked: its tier cannot change under the use, and its version moves
        // (kept order snapshots of it are read again, with the quota as it now stands).
        const member = await lockMemberByRef(trx, program.id, memberRef)
        if (!member) throw AppError.notFound('Member')
        const benefit = benefitOf(row)
        if (!benefit.active || !benefit.tiers.includes(member.tier_key)) {
          throw new AppError(
            'tier_required',
            `The benefit "${benefit.key}" is not among the benefits of the tier "${member.tier_key}".`,
          )
        }
        return takeUse(
          trx,
          program,
          member,
          benefit,
          { kind: 'manual', id: input.reference ?? null },
          clock.now(),
        )
      })
    },

    /**
     * Inside the caller's transaction, with the member's row locked: a use of the member's
     * tier's benefit of `type` (the first by key) for `reference` — a booking's use of an
     * `appointment` benefit — counted against its quota (`422 quota_exhausted` when none is
     * left). Undefined when the tier carries no live benefit of the type: nothing to count.
     */
    async useOfType(
      trx: Executor,
      program: ProgramContext,
      member: MemberRow,
      type: BenefitType,
      reference: { kind: string; id: string },
      now: Date,
    ): Promise<BenefitUseResource | undefined> {
      const benefit = benefitsOfTier(await this.liveFor(program, trx), member.tier_key).find(
        (b) => b.type === type,
      )
      if (!benefit) return undefined
      return takeUse(trx, program, member, benefit, reference, now)
    },

    /**
     * The uses made for a reference (an order, a booking), given back once, inside the caller's
     * transaction: marked `returned_at`, each quota'd use freeing its place in its period, a
     * `benefit.returned` event each. The keys of the benefits given back.
     */
    async returnUses(
      trx: Executor,
      program: ProgramContext,
      memberId: string,
      reference: { kind: string; id: string },
      cause: { kind: string; id: string },
      now: Date,
    ): Promise<string[]> {
      const returned = await returnUsesOf(trx, program.id, memberId, reference, now)
      if (returned.length === 0) return []
      const keys = new Map((await listBenefitsAll(trx, program.id)).map((b) => [b.id, b.key]))
      for (const use of returned) {
        if (use.period) {
          await giveBackQuota(trx, {
            programId: program.id,
            benefitId: use.benefit_id,
            memberId: use.member_id,
            period: use.period,
          })
        }
      }
      await recordDomainEvents(
        trx,
        returned.map((use) =>
          domainEvent(
            program.id,
            'benefit.returned',
            use.member_id,
            {
              member: use.member_id,
              benefit: keys.get(use.benefit_id) ?? use.benefit_id,
              use: use.id,
              cause,
            },
            now,
          ),
        ),
      )
      return returned.map((use) => keys.get(use.benefit_id) ?? use.benefit_id)
    },

    /** A member's uses of its benefits (one benefit's with `benefit`), newest first. */
    async usesOf(
      program: ProgramContext,
      memberRef: string,
      query: { benefit?: string; limit?: number; cursor?: string },
    ): Promise<Page<BenefitUseResource>> {
      const member = await findMemberByRef(db, program.id, memberRef)
      if (!member) throw AppError.notFound('Member')
      const benefit = query.benefit ? await benefitOfRef(db, program, query.benefit) : undefined
      const keys = new Map((await listBenefitsAll(db, program.id)).map((b) => [b.id, b.key]))
      const limit = clampLimit(query.limit)
      const rows = await listUses(db, program.id, {
        memberId: member.id,
        ...(benefit && { benefitId: benefit.id }),
        ...(query.cursor && { beforeId: decodeCursor(query.cursor) }),
        limit: limit + 1,
      })
      return toPage(rows, limit, (row) =>
        presentUse(row, keys.get(row.benefit_id) ?? row.benefit_id),
      )
    },

    /** The uses an order made, given back once (the order fully refunded). */
    returnOrderUses(
      trx: Executor,
      program: ProgramContext,
      memberId: string,
      orderId: string,
      cause: { kind: string; id: string },
      now: Date,
    ): Promise<string[]> {
      return this.returnUses(trx, program, memberId, { kind: 'order', id: orderId }, cause, now)
    },

    /** `GET /v1/benefits/{key}/audit`: the proof of delivery for one benefit and period. */
    async audit(program: ProgramContext, ref: string, periodStart?: string): Promise<BenefitAudit> {
      const row = await benefitOfRef(db, program, ref)
      const benefit = benefitOf(row)
      const at = auditInstant(periodStart, clock.now(), program.timezone)
      const period = auditPeriod(benefit, at, program.timezone)
      const counts = await inOneSnapshot(db, (trx) =>
        auditCounts(trx, program.id, benefit, period.start, period.end),
      )
      return {
        benefit: benefit.key,
        period: { start: period.start.toISOString(), end: period.end.toISOString() },
        entitled: counts.entitled,
        used: counts.used,
        uses: counts.uses,
        returned: counts.returned,
        unused: { count: counts.unused },
      }
    },

    /** The audit's entitled members without a use in the period, by id. */
    async unusedMembers(
      program: ProgramContext,
      ref: string,
      query: { period_start?: string; limit?: number; cursor?: string },
    ): Promise<Page<Member> & { period: { start: string; end: string } }> {
      const row = await benefitOfRef(db, program, ref)
      const benefit = benefitOf(row)
      const at = auditInstant(query.period_start, clock.now(), program.timezone)
      const period = auditPeriod(benefit, at, program.timezone)
      const limit = clampLimit(query.limit)
      const rows = await unusedMembers(db, program.id, benefit, period.start, period.end, {
        ...(query.cursor && { afterId: decodeCursor(query.cursor) }),
        limit: limit + 1,
      })
      return {
        ...toPage(rows, limit, (member) => presentMember(member, program.tier_ladder)),
        period: { start: period.start.toISOString(), end: period.end.toISOString() },
      }
    },
  }
}

/**
 * One use of `benefit` by `member` (its row locked by the caller), counted against the quota of
 * the period at `now` by one conditional update, recorded with its reference and a
 * `benefit.used` event; `422 quota_exhausted` when none is left. The member's row is touched so
 * that order snapshots kept of it are read again, with the quota as it now stands.
 */
async function takeUse(
  trx: Executor,
  program: ProgramContext,
  member: MemberRow,
  benefit: Benefit,
  reference: { kind: string; id: string | null },
  now: Date,
) {
  const period = benefit.quota
    ? quotaPeriod(benefit.quota.period, now, program.timezone)
    : undefined
  let used = 0
  if (benefit.quota && period) {
    const taken = await takeQuota(
      trx,
      { programId: program.id, benefitId: benefit.id, memberId: member.id, period: period.name },
      benefit.quota.count,
    )
    if (taken === undefined) {
      throw new AppError(
        'quota_exhausted',
        `The benefit "${benefit.key}" has no use left this ${benefit.quota.period} (${benefit.quota.count} of ${benefit.quota.count} used); it resets at ${period.resets_at.toISOString()}.`,
      )
    }
    used = taken
  }
  await touchMember(trx, program.id, member.id, now)
  const use = await insertUse(trx, {
    program_id: program.id,
    id: newId('bus'),
    benefit_id: benefit.id,
    member_id: member.id,
    tier_key: member.tier_key,
    period: period?.name ?? null,
    reference_kind: reference.kind,
    reference_id: reference.id,
    used_at: now,
  })
  await recordDomainEvents(trx, [
    domainEvent(
      program.id,
      'benefit.used',
      member.id,
      {
        member: member.id,
        reference,
        uses: [{ benefit: benefit.key, use: use.id, amount: 0 }],
      },
      now,
    ),
  ])
  return {
    ...presentUse(use, benefit.key),
    quota:
      benefit.quota && period
        ? {
            count: benefit.quota.count,
            used,
            remaining: benefit.quota.count - used,
            resets_at: period.resets_at.toISOString(),
          }
        : null,
  }
}

/** Every benefit of the program, deleted ones too (uses keep naming them). */
async function listBenefitsAll(db: Executor, programId: string): Promise<BenefitRow[]> {
  return db.selectFrom('benefits').selectAll().where('program_id', '=', programId).execute()
}

export type BenefitsService = ReturnType<typeof createBenefitsService>
