import type { MemberRow, TierChangeReason } from '@loyalbase/db'
import type { ProgramContext } from '../programs/programs.service.js'
import type { Executor } from '../shared/executor.js'
import { newId } from '../shared/ids.js'
import { qualifyingRanges, qualifyingTier, type TierLadder, tierIndex } from './tiers.js'
import {
  insertOutboxEvent,
  insertTierChange,
  metricInRange,
  setMemberTier,
} from './tiers.repository.js'

export interface TierChange {
  from: string
  to: string
}

/**
 * The member's metric as it counts for qualifying now. Lifetime metrics are the member's own
 * counters; windows sum the orders and events that occurred in them.
 */
export async function qualifyingMetric(
  db: Executor,
  program: ProgramContext,
  member: MemberRow,
  at: Date,
): Promise<number> {
  const { metric, window } = program.tier_ladder
  if (window.type === 'lifetime') {
    if (metric === 'spend') return member.lifetime_spend
    if (metric === 'growth') return member.growth
    if (metric === 'points_earned') return member.points_earned - member.points_reversed
  }
  let best = 0
  for (const range of qualifyingRanges(window, at, program.timezone)) {
    best = Math.max(best, await metricInRange(db, program.id, member.id, metric, range))
  }
  return best
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
  const ladder: TierLadder = program.tier_ladder
  await setMemberTier(db, program.id, member.id, {
    tier: to,
    since: at,
    ...(extra.overridden !== undefined ? { overridden: extra.overridden } : {}),
    ...(extra.overrideUntil !== undefined ? { overrideUntil: extra.overrideUntil } : {}),
  })
  await insertTierChange(db, {
    program_id: program.id,
    member_id: member.id,
    id: newId('tch'),
    from_tier: member.tier_key,
    to_tier: to,
    reason,
    actor: extra.actor ?? null,
    note: extra.note ?? null,
    at,
  })
  const data = { member: member.id, from: member.tier_key, to, reason }
  await insertOutboxEvent(db, {
    program_id: program.id,
    id: newId('evt'),
    type: 'tier.changed',
    member_id: member.id,
    data,
    created_at: at,
  })
  if (tierIndex(ladder, to) > tierIndex(ladder, member.tier_key)) {
    await insertOutboxEvent(db, {
      program_id: program.id,
      id: newId('evt'),
      type: 'tier_upgraded',
      member_id: member.id,
      data,
      created_at: at,
    })
  }
  return { from: member.tier_key, to }
}

/**
 * Upgrades at once, inside an order's or event's transaction, when the metric crosses a higher
 * threshold. Never demotes: a lower metric waits for the period-end review.
 */
export async function upgradeIfQualified(
  db: Executor,
  program: ProgramContext,
  member: MemberRow,
  at: Date,
): Promise<TierChange | null> {
  const ladder = program.tier_ladder
  const current = tierIndex(ladder, member.tier_key)
  if (ladder.tiers.length < 2 || current === ladder.tiers.length - 1) return null
  const value = await qualifyingMetric(db, program, member, at)
  const target = qualifyingTier(ladder, value)
  if (tierIndex(ladder, target.key) <= current) return null
  // An upgrade past a manual override ends the override: the member earned more than it gave.
  return changeTier(db, program, member, target.key, 'upgrade', at, {
    overridden: false,
    overrideUntil: null,
  })
}
