import type { DB, MemberRow } from '@loyalbase/db'
import type { Kysely } from 'kysely'
import type { JobDefinition } from '../jobs/index.js'
import {
  assertLadder,
  dueReview,
  nextTier,
  retainBy,
  type TierLadder,
  tierIndex,
  tierName,
  windowRange,
} from '../ladder/index.js'
import { findMemberByRef, listMemberIdsAfter, lockMember } from '../members/index.js'
import { findProgram, type ProgramContext, toProgramContext } from '../programs/index.js'
import { AppError } from '../shared/app-error.js'
import type { Clock } from '../shared/clock.js'
import type { Executor } from '../shared/executor.js'
import {
  changeTier,
  qualifyingMetric,
  qualifyingMetricsOf,
  tierChangeRecords,
  upgradeIfQualified,
} from './tier-changes.js'
import { reviewDueFor, reviewOutcome } from './tier-review.js'
import {
  insertOutboxEvents,
  insertTierChanges,
  listTierChanges,
  lockMembers,
  metricInRangeOf,
  type NewOutboxEvent,
  type NewTierChange,
  setMemberTiers,
  storeLadder,
  tierCounts,
} from './tiers.repository.js'

/** Members per transaction of the evaluation job (and per progress report). */
const BATCH = 500

/**
 * The periodic review of a batch of members in the caller's transaction: the members locked in
 * id order (those another transaction holds are skipped with `skipLocked`), their metrics read
 * with one grouped query per window, each outcome decided by `reviewOutcome` (exactly what one
 * member at a time would get), and every change written in a few set-based statements. Returns
 * the members reviewed and how many changed tier.
 */
export async function reviewMembers(
  trx: Executor,
  program: ProgramContext,
  ids: readonly string[],
  asOf: Date,
  skipLocked: boolean,
): Promise<{ reviewed: Set<string>; changed: number }> {
  const ladder = program.tier_ladder
  const members = await lockMembers(trx, program.id, ids, skipLocked)
  const reviewed = new Set(members.map((m) => m.id))
  if (members.length === 0) return { reviewed, changed: 0 }
  const now = await qualifyingMetricsOf(trx, program, members, asOf)
  const review = dueReview(ladder, asOf, program.timezone)
  const due = review ? members.filter((m) => reviewDueFor(m, review)) : []
  let atPeriodEnd = new Map<string, number>()
  if (review && due.length > 0) {
    const endOfPeriod =
      ladder.window.type === 'calendar_year' ? new Date(review.end.getTime() - 1) : review.end
    atPeriodEnd = await metricInRangeOf(
      trx,
      program.id,
      due.map((m) => m.id),
      ladder.metric,
      windowRange(ladder.window, endOfPeriod, program.timezone),
    )
  }
  const updates: Parameters<typeof setMemberTiers>[2][number][] = []
  const changes: NewTierChange[] = []
  const events: NewOutboxEvent[] = []
  for (const member of members) {
    const pe = atPeriodEnd.get(member.id)
    const outcome = reviewOutcome(
      ladder,
      member,
      { now: now.get(member.id) ?? 0, ...(pe !== undefined ? { atPeriodEnd: pe } : {}) },
      review,
      asOf,
    )
    if (!outcome.change && !outcome.reviewed) continue
    const row = {
      id: member.id,
      tier_key: member.tier_key,
      tier_since: member.tier_since,
      tier_overridden: member.tier_overridden,
      tier_override_until: member.tier_override_until,
      tier_reviewed: outcome.reviewed ?? member.tier_reviewed,
    }
    if (outcome.change) {
      const { to, reason, overridden } = outcome.change
      row.tier_key = to
      row.tier_since = asOf
      if (overridden === false) {
        row.tier_overridden = false
        row.tier_override_until = null
      }
      const records = tierChangeRecords(program, member, to, reason, asOf)
      changes.push(records.change)
      events.push(...records.events)
    }
    updates.push(row)
  }
  await setMemberTiers(trx, program.id, updates)
  await insertTierChanges(trx, changes)
  await insertOutboxEvents(trx, events)
  return { reviewed, changed: changes.length }
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
      // Live, as an order's upgrade judges it: `next.remaining` is 0 only when it upgrades.
      const value = await qualifyingMetric(db, program, member, now, true)
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

    /** The daily review; also what a ladder change runs. One transaction per batch of members. */
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
          const review = (ids: readonly string[], skipLocked: boolean) =>
            db.transaction().execute((trx) => reviewMembers(trx, program, ids, asOf, skipLocked))
          for (;;) {
            const ids = await listMemberIdsAfter(db, programId, after, BATCH)
            if (ids.length === 0) return changed
            const batch = await review(ids, true)
            changed += batch.changed
            // Members busy in another transaction: one at a time, waiting for each, as a
            // transaction that holds a single lock cannot be part of a deadlock.
            for (const id of ids) {
              if (!batch.reviewed.has(id)) changed += (await review([id], false)).changed
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
