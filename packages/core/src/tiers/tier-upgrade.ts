import type { MemberRow, TierChangeReason } from '@loyalbase/db'
import { domainEvent, type NewDomainEvent } from '../domain-events/index.js'
import { type TierLadder, tierIndex } from '../ladder/index.js'
import type { ProgramContext } from '../programs/index.js'
import { newId } from '../shared/ids.js'
/*
 * The pure parts of a tier change: what counts, what a change records. Used inside orders'
 * and events' writes, by the periodic review and by the order plan (orders/order-plan.ts).
 */

export interface NewTierChange {
  program_id: string
  member_id: string
  id: string
  from_tier: string
  to_tier: string
  reason: TierChangeReason
  actor: string | null
  note: string | null
  at: Date
}

/** What a tier change records in the outbox: domain events (domain-events/). */
export type NewOutboxEvent = NewDomainEvent

export function lifetimeCounter(
  member: MemberRow,
  metric: 'spend' | 'growth' | 'points_earned',
): number {
  if (metric === 'spend') return member.lifetime_spend
  if (metric === 'growth') return member.growth
  return member.points_earned - member.points_reversed
}

/**
 * What a tier change records besides the member's row: the history row with its reason, and
 * the domain events `tier.changed` and, when the tier rises, `tier.upgraded`.
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
  const events: NewOutboxEvent[] = [domainEvent(program.id, 'tier.changed', member.id, data, at)]
  if (tierIndex(ladder, to) > tierIndex(ladder, member.tier_key))
    events.push(domainEvent(program.id, 'tier.upgraded', member.id, data, at))
  return { change, events }
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
