/*
 * What `ledger check` compares: the balances, counters and lot remainders stored for speed
 * against the same figures recomputed from the append-only ledger (docs/points-ledger.md).
 * The repository's SQL does the recomputing; these functions name each difference.
 */

export interface LedgerDifference {
  program_id: string
  member_id: string
  lot_id?: string
  transaction_id?: string
  /** The figure that differs, e.g. `available`, `lifetime.earned`, `remaining`. */
  what: string
  /** What the ledger says it should be (`null`: the ledger has no such figure). */
  expected: number | string | null
  /** What is stored. */
  actual: number | string | null
}

export interface LedgerCheckReport {
  members_checked: number
  lots_checked: number
  transactions_checked: number
  differences: LedgerDifference[]
}

const COUNTERS = ['earned', 'redeemed', 'expired', 'reversed', 'adjusted'] as const
type Counter = (typeof COUNTERS)[number]

/** A member's stored figures beside the ones recomputed from its ledger and lots. */
export interface MemberTotals {
  member_id: string
  stored: { available: number; pending: number } & Record<Counter, number>
  /** Sums of the ledger: deltas for the balances, points by type for the lifetime counters. */
  ledger: { available: number; pending: number } & Record<Counter, number>
  /** What remains in the member's available and pending lots. */
  lots: { available: number; pending: number }
  /** Points reversals took without a lot behind them, less what later credits paid back. */
  debt: number
}

/**
 * The member-level invariants: balances and counters equal the ledger's sums; the pending
 * lots hold the pending balance; the available lots hold the available balance, and a
 * negative balance is a debt with no available points left beside it.
 */
export function compareMember(programId: string, m: MemberTotals): LedgerDifference[] {
  const checks: [string, number, number][] = [
    ['available', m.ledger.available, m.stored.available],
    ['pending', m.ledger.pending, m.stored.pending],
    ...COUNTERS.map((c): [string, number, number] => [`lifetime.${c}`, m.ledger[c], m.stored[c]]),
    ['available lots', Math.max(m.ledger.available, 0), m.lots.available],
    ['pending lots', m.ledger.pending, m.lots.pending],
    ['debt', Math.max(-m.ledger.available, 0), m.debt],
  ]
  return checks
    .filter(([, expected, actual]) => expected !== actual)
    .map(([what, expected, actual]) => ({
      program_id: programId,
      member_id: m.member_id,
      what,
      expected,
      actual,
    }))
}

/** A lot as stored beside the lot its ledger entries describe. */
export interface LotRecomputed {
  member_id: string
  lot_id: string
  earned: number
  remaining: number
  status: string
  /** The points of the entry that created the lot; `null` when no entry did. */
  ledger_earned: number | null
  /** Earned less everything consumed from the lot. */
  ledger_remaining: number
  /** `available` once created available or released, else `pending`; `null` without an entry. */
  ledger_status: string | null
  /** Points taken from the lot while it was pending by anything but a reversal. */
  consumed_while_pending: number
  /** Points taken from the lot by consumptions that name no ledger entry. */
  consumed_by_no_transaction: number
}

export function compareLot(programId: string, lot: LotRecomputed): LedgerDifference[] {
  const checks: [string, number | string | null, number | string | null][] = [
    ['earned', lot.ledger_earned, lot.earned],
    ['remaining', lot.ledger_remaining, lot.remaining],
    ['consumed while pending', 0, lot.consumed_while_pending],
    ['consumed by no transaction', 0, lot.consumed_by_no_transaction],
  ]
  if (lot.ledger_status !== null) checks.splice(2, 0, ['status', lot.ledger_status, lot.status])
  return checks
    .filter(([, expected, actual]) => expected !== actual)
    .map(([what, expected, actual]) => ({
      program_id: programId,
      member_id: lot.member_id,
      lot_id: lot.lot_id,
      what,
      expected,
      actual,
    }))
}

/** A ledger entry as stored beside what the entries before it and its consumptions imply. */
export interface TransactionRecomputed {
  member_id: string
  transaction_id: string
  type: string
  points: number
  available_delta: number
  pending_delta: number
  balance_after: number
  pending_after: number
  /** Running sums of the deltas up to and including this entry, in id (time) order. */
  ledger_balance: number
  ledger_pending: number
  /** Points the entry took from lots. */
  consumed: number
}

/**
 * How much of lots an entry must consume. Spending (redeem, expire, a negative adjustment, a
 * reversal of pending points) consumes exactly what it takes. A reversal of available points
 * may consume less: the rest is a debt (or forgiven). A credit or release consumes at most its
 * points, from its own lot, to pay off a debt.
 */
export function consumptionRule(
  t: Pick<TransactionRecomputed, 'type' | 'points' | 'available_delta'>,
): { exact: boolean; points: number } {
  if (t.points > 0) return { exact: false, points: t.points }
  if (t.type === 'reverse' && t.available_delta < 0) return { exact: false, points: -t.points }
  return { exact: true, points: -t.points }
}

export function compareTransaction(
  programId: string,
  t: TransactionRecomputed,
): LedgerDifference[] {
  const checks: [string, number, number][] = [
    ['balance_after', t.ledger_balance, t.balance_after],
    ['pending_after', t.ledger_pending, t.pending_after],
  ]
  if (t.type === 'release') {
    checks.push(
      ['points', t.available_delta, t.points],
      ['pending_delta', -t.points, t.pending_delta],
    )
  } else {
    checks.push(['points', t.available_delta + t.pending_delta, t.points])
  }
  const rule = consumptionRule(t)
  if (rule.exact) checks.push(['consumed', rule.points, t.consumed])
  else if (t.consumed > rule.points) checks.push(['consumed (at most)', rule.points, t.consumed])
  return checks
    .filter(([, expected, actual]) => expected !== actual)
    .map(([what, expected, actual]) => ({
      program_id: programId,
      member_id: t.member_id,
      transaction_id: t.transaction_id,
      what,
      expected,
      actual,
    }))
}

const shown = (value: number | string | null) => (value === null ? 'none' : String(value))

/** One line per difference: where it is, what differs, the ledger's figure and the stored one. */
export function formatDifference(d: LedgerDifference): string {
  const where = [d.program_id, d.member_id, d.lot_id, d.transaction_id].filter(Boolean).join(' ')
  return `${where} ${d.what}: expected ${shown(d.expected)}, actual ${shown(d.actual)}`
}

export function formatSummary(report: LedgerCheckReport): string {
  const n = report.differences.length
  return `checked ${report.members_checked} members, ${report.lots_checked} lots: ${n} ${n === 1 ? 'difference' : 'differences'}`
}
