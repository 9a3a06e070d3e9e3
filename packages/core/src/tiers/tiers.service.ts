import type { DB, MemberRow } from '@loyalbase/db'
import type { Kysely } from 'kysely'
import type { JobDefinition } from '../jobs/jobs.js'
import { findMemberByRef, lockMember } from '../members/members.repository.js'
import { findProgram } from '../programs/programs.repository.js'
import { type ProgramContext, toProgramContext } from '../programs/programs.service.js'
import { AppError } from '../shared/app-error.js'
import type { Clock } from '../shared/clock.js'
import type { Executor } from '../shared/executor.js'
import { changeTier, qualifyingMetric, upgradeIfQualified } from './tier-changes.js'
import {
  assertLadder,
  downgradeTarget,
  dueReview,
  nextTier,
  qualifyingTier,
  retainBy,
  type TierLadder,
  tierIndex,
  tierName,
  windowRange,
} from './tiers.js'
import {
  listMembersAfter,
  listTierChanges,
  markReviewed,
  metricInRange,
  storeLadder,
  tierCounts,
} from './tiers.repository.js'

const BATCH = 200

/**
 * The periodic review of one member (its row locked): a tier the ladder no longer has, a
 * lapsed override, an upgrade the metric earns, and — once per period, after the grace — a
 * downgrade when the member no longer qualifies. Returns whether the tier changed.
 */
export async function reviewMember(
  trx: Executor,
  program: ProgramContext,
  member: MemberRow,
  asOf: Date,
): Promise<boolean> {
  const ladder = program.tier_ladder
  const qualifying = async () =>
    qualifyingTier(ladder, await qualifyingMetric(trx, program, member, asOf)).key
  if (tierIndex(ladder, member.tier_key) < 0) {
    await changeTier(trx, program, member, await qualifying(), 'ladder_change', asOf)
    return true
  }
  if (member.tier_overridden) {
    if (!member.tier_override_until || member.tier_override_until > asOf) return false
    const back = await qualifying()
    await changeTier(trx, program, member, back, 'override_expired', asOf, {
      overridden: false,
      overrideUntil: null,
    })
    return true
  }
  if (await upgradeIfQualified(trx, program, member, asOf)) return true
  const review = dueReview(ladder, asOf, program.timezone)
  if (!review || member.tier_reviewed === review.key || member.tier_since > review.end) return false
  const endOfPeriod =
    ladder.window.type === 'calendar_year' ? new Date(review.end.getTime() - 1) : review.end
  const atPeriodEnd = await metricInRange(
    trx,
    program.id,
    member.id,
    ladder.metric,
    windowRange(ladder.window, endOfPeriod, program.timezone),
  )
  const now = await qualifyingMetric(trx, program, member, asOf)
  // Whoever qualifies by the period's total or by what it has done since keeps that tier.
  const best = qualifyingTier(ladder, Math.max(atPeriodEnd, now)).key
  const target = downgradeTarget(ladder, member.tier_key, best)
  await markReviewed(trx, program.id, member.id, review.key)
  if (target === member.tier_key) return false
  await changeTier(trx, program, member, target, 'downgrade', asOf)
  return true
}

export interface TierStatus {
  tier: { key: string; name: string }
  since: string
  metric: { type: string; value: number; window: TierLadder['window'] }
  next: { key: string; name: string; threshold: number; remaining: number } | null
  retain: { threshold: number; by: string } | null
  override: { until: string | null } | null
  history: { from: string; to: string; at: string; reason: string; note?: string }[]
}

export function createTiersService(
  db: Kysely<DB>,
  clock: Clock,
  deps: { startJob: (programId: string, name: string, asOf: Date) => Promise<string> },
) {
  async function memberOf(program: ProgramContext, ref: string): Promise<MemberRow> {
    const row = await findMemberByRef(db, program.id, ref)
    if (!row) throw AppError.notFound('Member')
    return row
  }

  return {
    /** Stores a new ladder and starts re-evaluating every member in the background. */
    async setLadder(program: ProgramContext, ladder: TierLadder) {
      assertLadder(ladder)
      await storeLadder(db, program.id, ladder)
      const runId = await deps.startJob(program.id, 'tier-evaluation', clock.now())
      return { ...ladder, reevaluation: { job: 'tier-evaluation', run_id: runId } }
    },

    async memberTier(program: ProgramContext, ref: string): Promise<TierStatus> {
      const member = await memberOf(program, ref)
      const ladder = program.tier_ladder
      const now = clock.now()
      const value = await qualifyingMetric(db, program, member, now)
      const history = await listTierChanges(db, program.id, member.id, 100)
      return {
        tier: { key: member.tier_key, name: tierName(ladder, member.tier_key) },
        since: member.tier_since.toISOString(),
        metric: { type: ladder.metric, value, window: ladder.window },
        next: nextTier(ladder, member.tier_key, value),
        retain: member.tier_overridden
          ? null
          : retainBy(ladder, member.tier_key, now, program.timezone),
        override: member.tier_overridden
          ? { until: member.tier_override_until ? member.tier_override_until.toISOString() : null }
          : null,
        history: history.map((h) => ({
          from: h.from_tier,
          to: h.to_tier,
          at: h.at.toISOString(),
          reason: h.reason,
          ...(h.note ? { note: h.note } : {}),
        })),
      }
    },

    /** A manual override, audited: the tier holds until `until` (or until changed again). */
    async override(
      program: ProgramContext,
      ref: string,
      input: { tier: string; until?: string; reason: string },
      actor: string,
    ): Promise<TierStatus> {
      if (tierIndex(program.tier_ladder, input.tier) < 0) {
        throw AppError.invalid('tier', `"${input.tier}" is not a tier of the ladder`)
      }
      const until = input.until ? new Date(input.until) : null
      if (until && until <= clock.now()) throw AppError.invalid('until', 'must lie in the future')
      const found = await memberOf(program, ref)
      await db.transaction().execute(async (trx) => {
        const member = await lockMember(trx, program.id, found.id)
        if (!member) throw AppError.notFound('Member')
        await changeTier(trx, program, member, input.tier, 'override', clock.now(), {
          actor,
          note: input.reason,
          overridden: true,
          overrideUntil: until,
        })
      })
      return this.memberTier(program, found.id)
    },

    async distribution(program: ProgramContext) {
      const counts = await tierCounts(db, program.id)
      return {
        tiers: program.tier_ladder.tiers.map((t) => ({
          key: t.key,
          name: t.name,
          count: counts.get(t.key) ?? 0,
        })),
      }
    },

    /** The daily review; also what a ladder change runs. Batched, one transaction per member. */
    job(): JobDefinition {
      return {
        name: 'tier-evaluation',
        schedule: '20 0 * * *',
        async run(programId, asOf, progress) {
          const row = await findProgram(db, programId)
          if (!row) throw AppError.notFound('Program')
          const program = toProgramContext(row)
          let changed = 0
          let seen = 0
          let after = ''
          for (;;) {
            const ids = await listMembersAfter(db, programId, after, BATCH)
            for (const id of ids) {
              const moved = await db.transaction().execute(async (trx) => {
                const member = await lockMember(trx, programId, id)
                return member ? reviewMember(trx, program, member, asOf) : false
              })
              if (moved) changed++
            }
            seen += ids.length
            await progress?.(seen)
            if (ids.length < BATCH) return changed
            after = ids.at(-1) as string
          }
        },
      }
    },
  }
}

export { upgradeIfQualified }
export type TiersService = ReturnType<typeof createTiersService>
