import type { Executor } from '../shared/executor.js'
import { newId } from '../shared/ids.js'
import { countDueLotsOf, sweepDueLotsOf } from './points.repository.js'

/**
 * Release and expiry for many members at once, in the caller's transaction, for members whose
 * rows the caller has locked (and read `now` after locking them). Two statements whatever the
 * number of lots: one counts the due lots, so that each gets a ledger entry id from `newId`
 * (time-ordered, so the entries of every member run in id order), and one writes everything
 * (`sweepDueLotsOf`): the lots, one entry per lot with running balances, the consumptions and
 * the members' balances. The entries are the same as one member at a time would write.
 */

export interface SweepResult {
  /** Points released or expired. */
  moved: number
  /** Lots released or expired: one ledger entry each. */
  lots: number
}

async function sweep(
  trx: Executor,
  programId: string,
  memberIds: readonly string[],
  due: 'release' | 'expire',
  asOf: Date,
  now: Date,
): Promise<SweepResult> {
  const count = await countDueLotsOf(trx, programId, memberIds, due, asOf)
  if (count === 0) return { moved: 0, lots: 0 }
  const ids = Array.from({ length: count }, () => newId('txn'))
  // An expiry tells each member's points.expired (domain-events/): an id ready for each.
  const eventIds = due === 'expire' ? memberIds.map(() => newId('evt')) : []
  return sweepDueLotsOf(trx, programId, memberIds, due, asOf, now, ids, eventIds)
}

/** Moves the members' pending lots whose return window has passed to available. */
export function releaseDueLotsOf(
  trx: Executor,
  programId: string,
  memberIds: readonly string[],
  asOf: Date,
  now: Date,
): Promise<SweepResult> {
  return sweep(trx, programId, memberIds, 'release', asOf, now)
}

/** Expires what is left of the members' lots that reached their expiry by `asOf`. */
export function expireDueLotsOf(
  trx: Executor,
  programId: string,
  memberIds: readonly string[],
  asOf: Date,
  now: Date,
): Promise<SweepResult> {
  return sweep(trx, programId, memberIds, 'expire', asOf, now)
}
