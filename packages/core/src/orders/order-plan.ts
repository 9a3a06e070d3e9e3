import type { MemberRow } from '@loyalbase/db'
import { domainEvent } from '../domain-events/index.js'
import {
  qualifyingRanges,
  qualifyingTier,
  type Range,
  type TierLadder,
  tierIndex,
} from '../ladder/index.js'
import { availableAtFor, expiryFor } from '../points/index.js'
import type { ProgramContext } from '../programs/index.js'
import {
  applyLimits,
  buildOrderContext,
  type EarningRule,
  evaluateRules,
  limitedGrowth,
  limitedPeriods,
  memberFactsOf,
  ORDER_TRIGGER,
  periodCap,
  usageOf,
} from '../rules/index.js'
import { newId } from '../shared/ids.js'
import { lifetimeCounter, tierChangeRecords, windowedMetricBound } from '../tiers/index.js'
import type { CheckoutCouponRow } from './coupons.port.js'
import { planDebit, type SpendableLot } from './order-debit.js'
import type { OrderWrite } from './order-write.js'
import {
  type NewOrderInput,
  type OrderDiscount,
  type OrderEffects,
  presentOrder,
  type RulePayout,
} from './orders.js'

/*
 * What an order will do, computed from a snapshot without touching the database: the points
 * each rule pays within its limits, the lots and ledger entries, the member's counters, the
 * tier it reaches, and the response. The order's write (orders.repository.ts, applyOrderPlan)
 * only carries the plan out; the checkout quote will call the same function without writing,
 * so a quote and its order can never disagree.
 */

/**
 * What an order is computed from: read in one query (orders.repository.ts), or kept by this
 * process from its last write for the member (the write checks the member's row version, so a
 * kept snapshot that is no longer true is refused and read again).
 */
export interface OrderSnapshot {
  /** The member as it stands, with its row version (`version`), which the write checks. */
  member: MemberRow
  /** The member's usage rows of the limited live rules, by `rule\u0000period`. */
  usage: ReadonlyMap<string, number>
  /** Budget used so far by each live rule with a total budget (never more than it is). */
  budgets: ReadonlyMap<string, number>
  /**
   * The windowed tier metric before this order, over `windows` (the current window, and last
   * year's for calendar years); null when it was not read (this order cannot reach the next
   * tier, or the ladder counts lifetime counters). `earliest`: the first order or event dated
   * inside the current window, for knowing how long the sums hold as the window moves on.
   */
  window: { current: number; previous: number; earliest: Date | null } | null
  windows: Range[]
  /** Read only for an order or a quote with a checkout (coupon codes, points to redeem). */
  checkout?: CheckoutReads
}

/** What a checkout prices and pays with, read with the snapshot. */
export interface CheckoutReads {
  /** The rows the basket's codes name, whatever their status. */
  coupons: CheckoutCouponRow[]
  /** The member's active coupons (read for quotes). */
  held: CheckoutCouponRow[]
  /** The member's spendable lots in the order a debit takes them (read for points to redeem). */
  lots: SpendableLot[]
}

/** The windows of a live upgrade, as the snapshot query reads them. */
export function tierWindows(program: ProgramContext, at: Date): Range[] {
  const { window, metric } = program.tier_ladder
  if (window.type === 'lifetime' && metric !== 'orders') return []
  return qualifyingRanges(window, at, program.timezone, true)
}

const NO_BENEFITS = { ids: [], periods: [], keys: [] }

/** What a snapshot must hold for an order (or a quote) at `at` under these live rules. */
export function snapshotNeeds(
  program: ProgramContext,
  rules: readonly EarningRule[],
  at: Date,
  now: Date,
  /** The quota'd order benefits' usage rows, read beside the rules' (benefits module). */
  benefits: { ids: string[]; periods: string[]; keys: string[] } = NO_BENEFITS,
) {
  const limited = rules.flatMap((rule) =>
    limitedPeriods(rule.limits, at, program.timezone).map((period) => ({ rule, period })),
  )
  return {
    limited,
    benefits,
    usageKeys: [
      ...limited.map(({ rule, period }) => `${rule.id}\u0000${period}`),
      ...benefits.keys,
    ],
    budgetedRules: rules.filter((r) => r.limits.total_budget !== undefined).map((r) => r.id),
    windows: tierWindows(program, new Date(Math.max(at.getTime(), now.getTime()))),
  }
}

/**
 * The snapshot as read, with a usage row at 0 for every limited rule and period the read did not
 * find, so that a snapshot kept for the next order knows them too.
 */
export function withUsageDefaults(
  snapshot: OrderSnapshot,
  needs: ReturnType<typeof snapshotNeeds>,
): OrderSnapshot {
  const usage = new Map(needs.usageKeys.map((key) => [key, 0]))
  for (const [key, points] of snapshot.usage) usage.set(key, points)
  return { ...snapshot, usage }
}

/** The snapshot query's request for an order of `amount` by `member` under `needs`. */
export function snapshotRequest(
  program: ProgramContext,
  needs: ReturnType<typeof snapshotNeeds>,
  order: { id: string; member: string; amount: number },
) {
  const ladder = program.tier_ladder
  return {
    programId: program.id,
    member: order.member,
    orderId: order.id,
    // Benefit ids among the rules' (`ben_…`, `rule_…`): one usage read for both.
    limitedRules: [...new Set(needs.limited.map(({ rule }) => rule.id)), ...needs.benefits.ids],
    periods: [
      ...new Set([...needs.limited.map(({ period }) => period), ...needs.benefits.periods]),
    ],
    budgetedRules: needs.budgetedRules,
    ladder: { ...windowNeed(ladder), metric: ladder.metric },
    amount: order.amount,
    windows: needs.windows,
  }
}

/** Does the ladder need the window sums, and from which threshold on (spend and orders)? */
export function windowNeed(ladder: TierLadder) {
  return {
    windowed: !(ladder.window.type === 'lifetime' && ladder.metric !== 'orders'),
    keys: ladder.tiers.map((t) => t.key),
    thresholds: ladder.tiers.map((t) => t.threshold),
  }
}

export interface OrderPlanRequest {
  program: ProgramContext
  input: NewOrderInput
  occurredAt: Date
  /** Read after the snapshot, and never before the member's last change. */
  now: Date
  fingerprint: string
  /** The live rules for `order.completed`, as of the program's rules version. */
  rules: readonly EarningRule[]
  /** The API key whose request this is: the write checks it is still live. */
  keyId: string | null
  /** What the order's coupons take off and the points it pays with (pricing.ts). */
  checkout?: OrderCheckout
  /** A plan computed to be dropped (a quote): without the order's response body. */
  draft?: boolean
  /** The tier's points multiplier benefit, with a use left: each rule's points times it. */
  multiplier?: OrderBenefitUse & { multiplier: number }
}

/** A benefit the order uses: its period and quota (null without one), and what it was worth. */
export interface OrderBenefitUse {
  benefit_id: string
  key: string
  period: string | null
  cap: number | null
  amount: number
}

/** The coupons an order redeemed and what each took off, and the points it was paid with. */
export interface OrderCheckout {
  discounts: OrderDiscount[]
  points_redeemed: number
  points_value: number
  /** The benefits whose discounts are among `discounts` (a tier discount, free shipping). */
  benefits?: OrderBenefitUse[]
}

export interface OrderPlan {
  write: OrderWrite
  /** The `201` body, stored with the order for replays. */
  body: string
  effects: OrderEffects
  /** The snapshot as it will stand once the write is done (the member's version aside). */
  after: OrderSnapshot
}

/** The member's metric after this order, as an upgrade judges it (see `upgradeIfQualified`). */
function metricAfter(
  program: ProgramContext,
  after: MemberRow,
  snapshot: OrderSnapshot,
  occurredAt: Date,
  own: { spend: number; orders: number; growth: number; points: number },
): number | undefined {
  const { metric, window } = program.tier_ladder
  if (window.type === 'lifetime' && metric !== 'orders') return lifetimeCounter(after, metric)
  if (!snapshot.window) return undefined
  const add = contributionOf(metric, own)
  const sums = [snapshot.window.current, snapshot.window.previous]
  let best = 0
  snapshot.windows.forEach((range, i) => {
    best = Math.max(best, (sums[i] ?? 0) + (inside(range, occurredAt) ? add : 0))
  })
  return best
}

/**
 * Everything the order does, from the snapshot: rules matched on the member as it stood before
 * the order, each cut to its limits; one lot and one `earn` entry per paying rule (pending
 * through the return window; an immediate credit first pays off a negative balance); the
 * member's counters; an upgrade when the metric crosses a threshold; the response.
 */
export function planOrder(
  request: OrderPlanRequest,
  snapshot: OrderSnapshot,
): OrderPlan | 'needs_window' {
  const { program, input, occurredAt, now, rules } = request
  const member = snapshot.member
  const policy = program.points_policy
  const timeZone = program.timezone
  const source = { kind: 'order', id: input.id }
  const context = buildOrderContext(
    { ...input, occurred_at: occurredAt },
    memberFactsOf(member),
    now,
    timeZone,
  )
  const availableAt = availableAtFor(occurredAt, policy.pending_days)
  const pending = availableAt > now
  const expiresAt = expiryFor(policy.expiry, occurredAt, timeZone)
  const stamp = now.toISOString()

  const write: OrderWrite = {
    program: program.id,
    program_version: program.version,
    key: request.keyId,
    member: {
      id: member.id,
      version: member.version,
      spend: input.amount,
      orders: 1,
      growth: 0,
      available: 0,
      pending: 0,
      earned: 0,
      redeemed: 0,
      tier: null,
      tier_since: null,
      at: stamp,
    },
    order: {
      id: input.id,
      amount: input.amount,
      shipping_fee: input.shipping_fee ?? 0,
      channel: input.channel ?? null,
      items: input.items ?? [],
      occurred_at: occurredAt.toISOString(),
      points_earned: 0,
      growth_earned: 0,
      fingerprint: request.fingerprint,
      response_body: '',
      created_at: stamp,
      discounts: request.checkout?.discounts ?? [],
      points_redeemed: request.checkout?.points_redeemed ?? 0,
      points_value: request.checkout?.points_value ?? 0,
    },
    coupons: [
      ...new Set(
        (request.checkout?.discounts ?? []).filter((d) => d.source === 'coupon').map((d) => d.id),
      ),
    ],
    spends: [],
    usage: [],
    benefit_usage: [],
    benefit_uses: [],
    budgets: [],
    lots: [],
    entries: [],
    consumptions: [],
    tier_changes: [],
    outbox: [],
  }

  let available = member.points_available
  let pendingBalance = member.points_pending
  const payouts: RulePayout[] = []
  const multiplier = request.multiplier
  let multiplied = false
  for (const matched of evaluateRules([...rules], context, ORDER_TRIGGER, occurredAt)) {
    // The tier's points multiplier benefit, on each rule's points before its limits.
    const boosted = multiplier ? Math.floor(matched.points * multiplier.multiplier) : matched.points
    if (boosted > matched.points) multiplied = true
    const match = boosted === matched.points ? matched : { ...matched, points: boosted }
    const rule = match.rule
    const periods = limitedPeriods(rule.limits, occurredAt, timeZone)
    const found = new Map(
      periods.map((period) => [period, snapshot.usage.get(`${rule.id}\u0000${period}`) ?? 0]),
    )
    const budgetUsed = snapshot.budgets.get(rule.id) ?? 0
    const granted =
      match.points > 0
        ? applyLimits(match.points, rule.limits, usageOf(found, occurredAt, timeZone, budgetUsed))
        : 0
    const growth = limitedGrowth(match, granted)
    if (granted === 0 && growth === 0) continue
    payouts.push({ rule: rule.id, points: granted, growth })
    write.member.growth += growth
    if (granted === 0) continue
    for (const period of periods) {
      write.usage.push({
        rule_id: rule.id,
        period,
        add: granted,
        cap: periodCap(rule.limits, period) ?? null,
      })
    }
    if (rule.limits.total_budget !== undefined) {
      write.budgets.push({ rule_id: rule.id, add: granted, cap: rule.limits.total_budget })
    }
    const lotId = newId('lot')
    const txnId = newId('txn')
    // A negative balance (a refund clawback with allow_negative) is paid off by the next
    // available points first: the new lot starts with the debt already taken from it.
    const settle = pending ? 0 : Math.min(Math.max(-available, 0), granted)
    if (pending) pendingBalance += granted
    else available += granted
    write.lots.push({
      id: lotId,
      status: pending ? 'pending' : 'available',
      earned: granted,
      remaining: granted - settle,
      earned_at: occurredAt.toISOString(),
      available_at: availableAt.toISOString(),
      expires_at: expiresAt?.toISOString() ?? null,
      source_kind: source.kind,
      source_id: source.id,
      rule_id: rule.id,
      created_at: stamp,
    })
    write.entries.push({
      id: txnId,
      type: 'earn',
      points: granted,
      available_delta: pending ? 0 : granted,
      pending_delta: pending ? granted : 0,
      balance_after: available,
      pending_after: pendingBalance,
      source_kind: source.kind,
      source_id: source.id,
      rule_id: rule.id,
      lot_id: lotId,
      expires_at: expiresAt?.toISOString() ?? null,
      note: null,
      actor: null,
      created_at: stamp,
    })
    if (settle > 0)
      write.consumptions.push({ transaction_id: txnId, lot_id: lotId, points: settle })
  }
  const points = payouts.reduce((sum, p) => sum + p.points, 0)
  const used = [
    ...(request.checkout?.benefits ?? []),
    ...(multiplier && multiplied && points > 0 ? [multiplier] : []),
  ]
  const recorded: { benefit: string; use: string; amount: number }[] = []
  for (const use of used) {
    if (use.period !== null && use.cap !== null) {
      write.benefit_usage.push({ benefit_id: use.benefit_id, period: use.period, cap: use.cap })
    }
    const useId = newId('bus')
    recorded.push({ benefit: use.key, use: useId, amount: use.amount })
    write.benefit_uses.push({
      id: useId,
      benefit_id: use.benefit_id,
      tier_key: member.tier_key,
      period: use.period,
      amount: use.amount,
      used_at: occurredAt.toISOString(),
    })
  }
  if (recorded.length > 0) {
    // One event for the order's uses (the outbox is written with every order: one row, not one
    // per benefit).
    const {
      program_id: _p,
      created_at,
      ...event
    } = domainEvent(
      program.id,
      'benefit.used',
      member.id,
      { member: member.id, reference: { kind: 'order', id: input.id }, uses: recorded },
      now,
    )
    write.outbox.push({ ...event, created_at: created_at.toISOString() })
  }
  const redeemed = request.checkout?.points_redeemed ?? 0
  let debit: string | undefined
  if (redeemed > 0) {
    // After the earn: the order's own available points are the newest lot, spent last.
    debit = planDebit(write, snapshot.checkout?.lots ?? [], redeemed, {
      available,
      pending: pendingBalance,
      now,
    })
    available -= redeemed
  }
  write.member.available = available - member.points_available
  write.member.pending = pendingBalance - member.points_pending
  write.member.earned = points
  write.order.points_earned = points
  write.order.growth_earned = write.member.growth

  const after: MemberRow = {
    ...member,
    updated_at: now,
    lifetime_spend: member.lifetime_spend + input.amount,
    orders_count: member.orders_count + 1,
    growth: member.growth + write.member.growth,
    points_earned: member.points_earned + points,
    points_redeemed: member.points_redeemed + redeemed,
    points_available: available,
    points_pending: pendingBalance,
  }
  const own = { spend: input.amount, orders: 1, growth: write.member.growth, points }
  const tierChange = upgradeOf(program, after, snapshot, occurredAt, own)
  if (tierChange === 'needs_window') return tierChange
  if (points > 0) {
    const {
      program_id: _p,
      created_at,
      ...earned
    } = domainEvent(
      program.id,
      'points.earned',
      member.id,
      {
        member: member.id,
        points,
        status: pending ? 'pending' : 'available',
        source,
        rules: payouts.filter((p) => p.points > 0).map((p) => ({ rule: p.rule, points: p.points })),
      },
      now,
    )
    write.outbox.push({ ...earned, created_at: created_at.toISOString() })
  }
  if (tierChange) {
    after.tier_key = tierChange.to
    after.tier_since = now
    after.tier_overridden = false
    after.tier_override_until = null
    write.member.tier = tierChange.to
    write.member.tier_since = stamp
    const records = tierChangeRecords(program, member, tierChange.to, 'upgrade', now)
    const { program_id: _p, member_id: _m, at, ...change } = records.change
    write.tier_changes.push({ ...change, at: at.toISOString() })
    for (const { program_id: _q, created_at, ...event } of records.events) {
      write.outbox.push({ ...event, created_at: created_at.toISOString() })
    }
  }

  const effects: OrderEffects = {
    points_earned: points,
    points_status: points > 0 && pending ? 'pending' : 'available',
    ...(points > 0 && pending ? { points_available_at: availableAt.toISOString() } : {}),
    growth_earned: write.member.growth,
    points_redeemed: request.checkout?.points_redeemed ?? 0,
    discounts: (request.checkout?.discounts ?? []).map(({ source, id, amount }) => ({
      source,
      id,
      amount,
    })),
    coupons_redeemed: (request.checkout?.discounts ?? [])
      .filter((d) => d.source === 'coupon')
      .map((d) => d.id),
    benefits_used: used.map((u) => u.key),
    tier_change: tierChange,
    rules: payouts,
  }
  // A quote's plan is dropped: it has no response to store.
  const order = request.draft
    ? undefined
    : presentOrder({
        program_id: program.id,
        id: input.id,
        member_id: member.id,
        amount: input.amount,
        shipping_fee: write.order.shipping_fee,
        channel: write.order.channel,
        items: write.order.items,
        discounts: request.checkout?.discounts ?? [],
        occurred_at: occurredAt,
        points_earned: points,
        growth_earned: write.member.growth,
        points_redeemed: request.checkout?.points_redeemed ?? 0,
        points_value: request.checkout?.points_value ?? 0,
        points_returned: 0,
        refunded_amount: 0,
        points_reversed: 0,
        growth_reversed: 0,
        fingerprint: request.fingerprint,
        response_body: '',
        created_at: now,
      })
  const body = order ? JSON.stringify({ order, effects }) : ''
  write.order.response_body = body
  if (debit) {
    const {
      program_id: _p,
      created_at,
      ...paid
    } = domainEvent(
      program.id,
      'points.redeemed',
      member.id,
      { member: member.id, points: redeemed, transaction: debit },
      now,
    )
    write.outbox.push({ ...paid, created_at: created_at.toISOString() })
  }
  after.updated_at = now
  const usage = new Map(snapshot.usage)
  for (const u of write.usage) {
    const key = `${u.rule_id}\u0000${u.period}`
    usage.set(key, (usage.get(key) ?? 0) + u.add)
  }
  for (const u of write.benefit_usage) {
    const key = `${u.benefit_id}\u0000${u.period}`
    usage.set(key, (usage.get(key) ?? 0) + 1)
  }
  const budgets = new Map(snapshot.budgets)
  for (const b of write.budgets) budgets.set(b.rule_id, (budgets.get(b.rule_id) ?? 0) + b.add)
  return {
    write,
    body,
    effects,
    after: {
      member: after,
      usage,
      budgets,
      window: windowAfter(program, snapshot, occurredAt, own),
      windows: snapshot.windows,
    },
  }
}

/** The window sums once this order is written. */
function windowAfter(
  program: ProgramContext,
  snapshot: OrderSnapshot,
  occurredAt: Date,
  own: { spend: number; orders: number; growth: number; points: number },
): OrderSnapshot['window'] {
  const window = snapshot.window
  if (!window) return null
  const add = contributionOf(program.tier_ladder.metric, own)
  const [current, previous] = snapshot.windows
  const inCurrent = current !== undefined && inside(current, occurredAt)
  return {
    current: window.current + (inCurrent ? add : 0),
    previous: window.previous + (previous !== undefined && inside(previous, occurredAt) ? add : 0),
    earliest:
      inCurrent && (!window.earliest || occurredAt < window.earliest)
        ? occurredAt
        : window.earliest,
  }
}

function inside(range: Range, at: Date): boolean {
  return (!range.from || at > range.from) && (!range.to || at <= range.to)
}

function contributionOf(
  metric: TierLadder['metric'],
  own: { spend: number; orders: number; growth: number; points: number },
): number {
  if (metric === 'spend') return own.spend
  if (metric === 'orders') return own.orders
  return metric === 'growth' ? own.growth : own.points
}

/**
 * The upgrade this order brings, if any: as `upgradeIfQualified` decides it inside a locked
 * transaction, from the member after the order and the windows the snapshot read.
 */
function upgradeOf(
  program: ProgramContext,
  after: MemberRow,
  snapshot: OrderSnapshot,
  occurredAt: Date,
  own: { spend: number; orders: number; growth: number; points: number },
): { from: string; to: string } | null | 'needs_window' {
  const ladder = program.tier_ladder
  const current = tierIndex(ladder, after.tier_key)
  if (ladder.tiers.length < 2 || current === ladder.tiers.length - 1) return null
  const next = ladder.tiers[current + 1] as TierLadder['tiers'][number]
  const bound = windowedMetricBound(after, ladder.metric)
  if (bound !== undefined && bound < next.threshold) return null
  const value = metricAfter(program, after, snapshot, occurredAt, own)
  if (value === undefined) return 'needs_window'
  const target = qualifyingTier(ladder, value)
  if (tierIndex(ladder, target.key) <= current) return null
  return { from: after.tier_key, to: target.key }
}
