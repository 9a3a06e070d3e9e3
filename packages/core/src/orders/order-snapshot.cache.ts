import type { Range } from '../ladder/index.js'
import type { OrderSnapshot } from './order-plan.js'

/**
 * What this process last knew of the members it took orders for: the snapshot each order left
 * behind, with the member's row version the write returned. The next order of the member is
 * computed from it and written at once — one statement instead of a read and a write. The write
 * checks the member's version, so a snapshot that stopped being true (a refund, a job, another
 * server) is refused, forgotten and read afresh; rule budgets kept here are never above what
 * the database holds, and the write checks every cap again. Nothing here decides anything alone.
 */
export class OrderSnapshotCache {
  /** By `program\0member id`, oldest first (a Map keeps insertion order). */
  private readonly snapshots = new Map<string, OrderSnapshot>()
  /** `{member}` references (external ids) to member ids: they never change. */
  private readonly refs = new Map<string, string>()
  /** What each budgeted rule has used, by `program\0rule`: a lower bound. */
  private readonly budgets = new Map<string, number>()

  constructor(private readonly capacity = 20_000) {}

  /**
   * The kept snapshot of the member `ref` names, when it holds what this order needs: every
   * usage row (`usageKeys`) and tier windows that still sum the same orders.
   */
  find(
    programId: string,
    ref: string,
    needs: { usageKeys: readonly string[]; budgetedRules: readonly string[]; windows: Range[] },
  ): OrderSnapshot | undefined {
    const memberId = this.refs.get(`${programId}\u0000${ref}`) ?? ref
    const kept = this.snapshots.get(`${programId}\u0000${memberId}`)
    if (!kept) return undefined
    if (!needs.usageKeys.every((key) => kept.usage.has(key))) return undefined
    const windows = sameWindows(kept, needs.windows)
    if (!windows) return undefined
    const budgets = new Map<string, number>()
    for (const rule of needs.budgetedRules) {
      const used = this.budgets.get(`${programId}\u0000${rule}`)
      if (used === undefined) return undefined
      budgets.set(rule, used)
    }
    return { ...kept, budgets, windows }
  }

  /** Keeps the member's snapshot (and what `ref` names), the newest last. */
  remember(programId: string, ref: string, snapshot: OrderSnapshot): void {
    const memberId = snapshot.member.id
    if (ref !== memberId) this.refs.set(`${programId}\u0000${ref}`, memberId)
    const key = `${programId}\u0000${memberId}`
    this.snapshots.delete(key)
    this.snapshots.set(key, snapshot)
    for (const [rule, used] of snapshot.budgets) {
      const budgetKey = `${programId}\u0000${rule}`
      this.budgets.set(budgetKey, Math.max(used, this.budgets.get(budgetKey) ?? 0))
    }
    this.evict(this.snapshots)
    this.evict(this.refs)
    this.evict(this.budgets)
  }

  forget(programId: string, memberId: string): void {
    this.snapshots.delete(`${programId}\u0000${memberId}`)
  }

  private evict(map: Map<string, unknown>) {
    if (map.size <= this.capacity) return
    for (const key of map.keys()) {
      map.delete(key)
      if (map.size <= this.capacity * 0.9) break
    }
  }
}

/**
 * The kept window sums, carried to the windows of now when they sum the same orders: the same
 * calendar years, or a rolling window that has not yet moved past the first order it counted.
 */
function sameWindows(kept: OrderSnapshot, now: Range[]): Range[] | undefined {
  if (now.length === 0) return now
  if (!kept.window) return now
  const [keptCurrent, keptPrevious] = kept.windows
  const [current, previous] = now
  if (!keptCurrent || !current) return undefined
  if (keptPrevious || previous) {
    // Calendar years: the same years, or nothing.
    const same = (a?: Range, b?: Range) =>
      a?.from?.getTime() === b?.from?.getTime() && a?.to?.getTime() === b?.to?.getTime()
    return same(keptCurrent, current) && same(keptPrevious, previous) ? now : undefined
  }
  // A rolling window only moves forward: never reuse sums for a window that starts earlier.
  const from = current.from?.getTime() ?? Number.NEGATIVE_INFINITY
  const keptFrom = keptCurrent.from?.getTime() ?? Number.NEGATIVE_INFINITY
  if (from < keptFrom) return undefined
  const earliest = kept.window.earliest
  if (earliest && from >= earliest.getTime()) return undefined
  return now
}
