import type { MemberRow, TierChangeReason } from '@loyalbase/db'
import { qualifyingRanges, qualifyingTier, type TierLadder, tierIndex } from '../ladder/index.js'
import type { ProgramContext } from '../programs/index.js'
import type { Executor } from '../shared/executor.js'
import { lifetimeCounter, tierChangeRecords, windowedMetricBound } from './tier-upgrade.js'
import { applyTierChange, metricInRange, metricInRangeOf } from './tiers.repository.js'

export interface TierChange {
  from: string
  to: string
}

/**
 * The member's metric as it counts for qualifying now. Lifetime metrics are the member's own
 * counters; windows sum the orders and events that occurred in them (`live`: see
 * `qualifyingRanges`).
 */
export async function qualifyingMetric(
  db: Executor,
  program: ProgramContext,
  member: MemberRow,
  at: Date,
  live = false,
): Promise<number> {
  const { metric, window } = program.tier_ladder
  if (window.type === 'lifetime' && metric !== 'orders') return lifetimeCounter(member, metric)
  let best = 0
  for (const range of qualifyingRanges(window, at, program.timezone, live)) {
    best = Math.max(best, await metricInRange(db, program.id, member.id, metric, range))
  }
  return best
}

/** `qualifyingMetric` for many members at once, with one grouped query per window. */
export async function qualifyingMetricsOf(
  db: Executor,
  program: ProgramContext,
  members: readonly MemberRow[],
  at: Date,
): Promise<Map<string, number>> {
  const { metric, window } = program.tier_ladder
  if (window.type === 'lifetime' && metric !== 'orders') {
    return new Map(members.map((member) => [member.id, lifetimeCounter(member, metric)]))
  }
  const ids = members.map((member) => member.id)
  const best = new Map<string, number>(ids.map((id) => [id, 0]))
  for (const range of qualifyingRanges(window, at, program.timezone)) {
    const values = await metricInRangeOf(db, program.id, ids, metric, range)
    for (const [id, value] of values) best.set(id, Math.max(best.get(id) ?? 0, value))
  }
  return best
}

/**
 * Moves the member to another tier and records it: the history row with its reason, and the
 * domain events `tier.changed` and, when it rises, `tier.upgraded`, all in the caller's
 * transaction.
 */
export async function changeTier(
  db: Executor,
  program: ProgramContext,
  member: Pick<MemberRow, 'id' | 'tier_key'>,
  to: string,
  reason: TierChangeReason,
  at: Date,
  extra: { actor?: string; note?: string; overridden?: boolean; overrideUntil?: Date | null } = {},
): Promise<TierChange> {
  const records = tierChangeRecords(program, member, to, reason, at, {
    ...(extra.actor !== undefined ? { actor: extra.actor } : {}),
    ...(extra.note !== undefined ? { note: extra.note } : {}),
  })
  await applyTierChange(
    db,
    program.id,
    member.id,
    {
      tier: to,
      since: at,
      ...(extra.overridden !== undefined ? { overridden: extra.overridden } : {}),
      ...(extra.overrideUntil !== undefined ? { overrideUntil: extra.overrideUntil } : {}),
    },
    records.change,
    records.events,
  )
  return { from: member.tier_key, to }
}

/**
 * Upgrades at once, inside an order's or event's transaction, when the metric crosses a higher
 * threshold. Never demotes: a lower metric waits for the period-end review. When even the
 * member's lifetime total stays below the next threshold (`windowedMetricBound`), no window can
 * reach it, and the window's sum is not read. The windows are judged as of `windowEnd` (by
 * default `at`, the time of the change, which callers read after locking the member) and are
 * open at the top, so every order or event committed before this one counts.
 */
export async function upgradeIfQualified(
  db: Executor,
  program: ProgramContext,
  member: MemberRow,
  at: Date,
  windowEnd: Date = at,
): Promise<TierChange | null> {
  const ladder = program.tier_ladder
  const current = tierIndex(ladder, member.tier_key)
  if (ladder.tiers.length < 2 || current === ladder.tiers.length - 1) return null
  const next = ladder.tiers[current + 1] as TierLadder['tiers'][number]
  const bound = windowedMetricBound(member, ladder.metric)
  if (bound !== undefined && bound < next.threshold) return null
  const value = await qualifyingMetric(db, program, member, windowEnd, true)
  const target = qualifyingTier(ladder, value)
  if (tierIndex(ladder, target.key) <= current) return null
  // An upgrade past a manual override ends the override: the member earned more than it gave.
  return changeTier(db, program, member, target.key, 'upgrade', at, {
    overridden: false,
    overrideUntil: null,
  })
}

export { tierChangeRecords, windowedMetricBound }
