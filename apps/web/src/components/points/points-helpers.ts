import type { PointLot, PointsExpiring, PointTransactionType } from '../../api/points'

/** Tag colours of ledger entry types: gains green/cyan, spending blue, losses orange/red. */
export const TRANSACTION_COLORS: Record<PointTransactionType, string> = {
  earn: 'green',
  release: 'cyan',
  redeem: 'blue',
  expire: 'orange',
  reverse: 'red',
  adjust: 'purple',
}

/** The next expiry, and how many more follow it (the list comes soonest first). */
export function nextExpiry(
  expiring: readonly PointsExpiring[],
): { next: PointsExpiring; later: number } | null {
  const sorted = [...expiring].sort((a, b) => Date.parse(a.expires_at) - Date.parse(b.expires_at))
  const next = sorted.find((entry) => entry.points > 0)
  if (!next) return null
  return { next, later: sorted.filter((entry) => entry !== next && entry.points > 0).length }
}

export interface RemainingSlice {
  /** Rule id, or `source:<kind>` for lots no rule paid (adjustments, …). */
  key: string
  /** Display name, already resolved. */
  name: string
  available: number
  pending: number
}

/**
 * The remaining points of the lots behind a balance, grouped by the rule that paid them
 * (or the kind of source when no rule did), largest first. Lots with nothing left are
 * dropped; `sourceName` names a source kind for people.
 */
export function groupRemainingPoints(
  lots: readonly PointLot[],
  sourceName: (kind: string) => string,
): RemainingSlice[] {
  const groups = new Map<string, RemainingSlice>()
  for (const lot of lots) {
    if (lot.remaining <= 0) continue
    const key = lot.rule ? lot.rule.id : `source:${lot.source.kind}`
    const name = lot.rule ? lot.rule.name : sourceName(lot.source.kind)
    const group = groups.get(key) ?? { key, name, available: 0, pending: 0 }
    if (lot.status === 'pending') group.pending += lot.remaining
    else group.available += lot.remaining
    groups.set(key, group)
  }
  return [...groups.values()].sort(
    (a, b) => b.available + b.pending - (a.available + a.pending) || a.name.localeCompare(b.name),
  )
}
