import type { MemberRow, TierChangeReason } from '@loyalbase/db'
import type { ProgramContext } from '../programs/programs.service.js'
import type { Executor } from '../shared/executor.js'
import { newId } from '../shared/ids.js'
import { qualifyingRanges, qualifyingTier, type TierLadder, tierIndex } from './tiers.js'
import {
  applyTierChange,
  metricInRange,
  metricInRangeOf,
  type NewOutboxEvent,
  type NewTierChange,
} from './tiers.repository.js'

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

function lifetimeCounter(member: MemberRow, metric: 'spend' | 'growth' | 'points_earned'): number {
  if (metric === 'spend') return member.lifetime_spend
  if (metric === 'growth') return member.growth
  return member.points_earned - member.points_reversed
}

/**
 * What a tier change records besides the member's row: the history row with its reason, and
 * the internal events later features consume (`tier.changed` for webhooks, `tier_upgraded`
 * for campaigns).
 */
export function tierChangeRecords(
  program: ProgramContext,
  member: Pick<MemberRow, 'id' | 'tier_key'>,
  to: string,
  reason: TierChangeReason,
  at: Date,
  extra: { actor?: string; note?: string } = {},
): { change: NewTierChange; events: NewOutboxEvent[] } {
  const ladder: TierLadder = program.tier_ladder
  const change: NewTierChange = {
    program_id: program.id,
    member_id: member.id,
    id: newId('tch'),
    from_tier: member.tier_key,
    to_tier: to,
    reason,
    actor: extra.actor ?? null,
    note: extra.note ?? null,
    at,
  }
  const data = { member: member.id, from: member.tier_key, to, reason }
  const event = (type: string): NewOutboxEvent => ({
    program_id: program.id,
    id: newId('evt'),
    type,
    member_id: member.id,
    data,
    created_at: at,
  })
  const events = [event('tier.changed')]
  if (tierIndex(ladder, to) > tierIndex(ladder, member.tier_key))
    events.push(event('tier_upgraded'))
  return { change, events }
}

/**
 * Moves the member to another tier and records it: the history row with its reason, and the
 * internal events later features consume (`tier.changed` for webhooks, `tier_upgraded` for
 * campaigns), all in the caller's transaction.
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
 * What the metric over any window can at most be, known without a query: the member's lifetime
 * counter, for the metrics whose every order counts for 0 or more — spend (`amount -
 * refunded_amount`, never negative) and orders. The counters move in the same transactions
 * that write the orders and refunds, so no window adds up to more. Undefined for growth and
 * points, which other sources (events, reversals) move as well.
 */
export function windowedMetricBound(
  member: Pick<MemberRow, 'lifetime_spend' | 'orders_count'>,
  metric: TierLadder['metric'],
): number | undefined {
  if (metric === 'spend') return member.lifetime_spend
  if (metric === 'orders') return member.orders_count
  return undefined
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
