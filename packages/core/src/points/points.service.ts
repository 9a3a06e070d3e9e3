import type { DB, PointTransactionRow } from '@loyalbase/db'
import type { Kysely } from 'kysely'
import { domainEvent, recordDomainEvents } from '../domain-events/index.js'
import { type IdempotencyClaim, runIdempotent, type StoredResponse } from '../idempotency/index.js'
import type { JobDefinition } from '../jobs/index.js'
import { findMemberByRef } from '../members/index.js'
import type { ProgramContext } from '../programs/index.js'
import { AppError } from '../shared/app-error.js'
import type { Clock } from '../shared/clock.js'
import { newId } from '../shared/ids.js'
import {
  clampLimit,
  decodeCursor,
  type Page,
  type PageRequest,
  toPage,
} from '../shared/pagination.js'
import { creditPoints, debitPoints, expireDueLots, lockPointsHolder } from './ledger.js'
import { expireDueLotsOf, releaseDueLotsOf } from './lot-sweeps.js'
import { groupExpiring, type PointsBalance, type PointTransaction } from './points.js'
import {
  listOpenLots,
  listTransactions,
  lockBalances,
  membersWithDueLots,
} from './points.repository.js'

export function presentTransaction(row: PointTransactionRow): PointTransaction {
  return {
    id: row.id,
    type: row.type,
    points: row.points,
    balance_after: row.balance_after,
    source: { kind: row.source_kind, id: row.source_id },
    ...(row.rule_id ? { rule_id: row.rule_id } : {}),
    ...(row.expires_at ? { expires_at: row.expires_at.toISOString() } : {}),
    ...(row.note ? { note: row.note } : {}),
    created_at: row.created_at.toISOString(),
  }
}

// Jobs work a batch of members per transaction, in set-based statements, so a million lots
// never make one giant transaction nor a million small ones.
const JOB_BATCH = 500
// Batches in flight at once. The work of a batch is the database's: on PostgreSQL two batches
// are two backends, so a two-core server works at both (PGlite runs them one after the other).
const JOB_CONCURRENCY = 2

/** The domain event of a manual adjustment, in either direction. */
function adjusted(programId: string, memberId: string, txn: PointTransactionRow) {
  return domainEvent(
    programId,
    'points.adjusted',
    memberId,
    { member: memberId, points: txn.points, transaction: txn.id, actor: txn.actor },
    txn.created_at,
  )
}

function redeemed(programId: string, memberId: string, txn: PointTransactionRow) {
  return domainEvent(
    programId,
    'points.redeemed',
    memberId,
    { member: memberId, points: -txn.points, transaction: txn.id },
    txn.created_at,
  )
}

export function createPointsService(db: Kysely<DB>, clock: Clock) {
  async function memberIdOf(program: ProgramContext, ref: string): Promise<string> {
    const row = await findMemberByRef(db, program.id, ref)
    if (!row) throw AppError.notFound('Member')
    return row.id
  }

  /**
   * Expires the member's due lots now, in a transaction of its own: points past their date are
   * never spendable, and their expiry stands even when the spend that found them fails.
   */
  async function expireNow(programId: string, memberId: string) {
    await db.transaction().execute(async (trx) => {
      await lockPointsHolder(trx, programId, memberId)
      const now = clock.now()
      await expireDueLots(trx, programId, memberId, now, now)
    })
  }

  /**
   * Runs a job step for every member with due lots, as of `asOf`, a batch of members per
   * transaction; returns the points moved. A batch skips members that orders or refunds hold
   * at that moment, then sweeps each of them alone, waiting for its lock: a transaction that
   * holds a single member's lock cannot be part of a deadlock. Up to `JOB_CONCURRENCY` batches
   * run at once, each on a connection of its own (PGlite, one connection, runs them in turn):
   * their members are disjoint pages of ids and none of them waits while it holds locks.
   */
  async function sweep(programId: string, due: 'release' | 'expire', asOf: Date): Promise<number> {
    const sweepLots = due === 'release' ? releaseDueLotsOf : expireDueLotsOf
    // Locks the members (all of them, or those no one else holds), then reads the clock: the
    // entries are stamped after the lock, as everywhere.
    const run = (members: readonly string[], skipLocked: boolean) =>
      db.transaction().execute(async (trx) => {
        const locked = await lockBalances(trx, programId, members, skipLocked)
        const now = clock.now()
        const { moved } = await sweepLots(trx, programId, locked, asOf, now)
        return { moved, swept: new Set(locked) }
      })
    const batch = async (members: readonly string[]) => {
      const { moved, swept } = await run(members, true)
      let total = moved
      for (const id of members) if (!swept.has(id)) total += (await run([id], false)).moved
      return total
    }
    let moved = 0
    const running = new Set<Promise<void>>()
    let failure: { error: unknown } | undefined
    const start = (members: readonly string[]) => {
      const done: Promise<void> = batch(members).then(
        (points) => {
          moved += points
        },
        (error) => {
          failure ??= { error }
        },
      )
      running.add(done)
      void done.finally(() => running.delete(done))
    }
    let after = ''
    try {
      while (!failure) {
        const members = await membersWithDueLots(db, programId, due, asOf, after, JOB_BATCH)
        if (members.length > 0) start(members)
        if (members.length < JOB_BATCH) break
        after = members.at(-1) as string
        while (running.size >= JOB_CONCURRENCY) await Promise.race(running)
      }
    } finally {
      await Promise.all(running)
    }
    if (failure) throw failure.error
    return moved
  }

  return {
    async balance(program: ProgramContext, ref: string): Promise<PointsBalance> {
      const row = await findMemberByRef(db, program.id, ref)
      if (!row) throw AppError.notFound('Member')
      const lots = await listOpenLots(db, program.id, row.id)
      return {
        available: row.points_available,
        pending: row.points_pending,
        expiring: groupExpiring(lots.filter((l) => l.status === 'available')),
        lifetime: {
          earned: row.points_earned,
          redeemed: row.points_redeemed,
          expired: row.points_expired,
          reversed: row.points_reversed,
          adjusted: row.points_adjusted,
        },
      }
    },

    async transactions(
      program: ProgramContext,
      ref: string,
      page: PageRequest,
    ): Promise<Page<PointTransaction>> {
      const memberId = await memberIdOf(program, ref)
      const limit = clampLimit(page.limit)
      const rows = await listTransactions(
        db,
        program.id,
        memberId,
        decodeCursor(page.cursor),
        limit + 1,
      )
      return toPage(rows, limit, presentTransaction)
    },

    async explain(program: ProgramContext, ref: string) {
      const row = await findMemberByRef(db, program.id, ref)
      if (!row) throw AppError.notFound('Member')
      const lots = await listOpenLots(db, program.id, row.id)
      return {
        available: row.points_available,
        pending: row.points_pending,
        lots: lots.map((lot) => ({
          id: lot.id,
          status: lot.status,
          earned: lot.earned,
          remaining: lot.remaining,
          earned_at: lot.earned_at.toISOString(),
          expires_at: lot.expires_at ? lot.expires_at.toISOString() : null,
          source: { kind: lot.source_kind, id: lot.source_id },
          rule: lot.rule_id ? { id: lot.rule_id, name: lot.rule_name ?? lot.rule_id } : null,
        })),
      }
    },

    /** A manual correction by an operator: a new lot when positive, a FIFO spend when negative. */
    async adjust(
      program: ProgramContext,
      ref: string,
      input: { points: number; reason: string },
      actor: string,
      claim?: IdempotencyClaim,
    ): Promise<StoredResponse> {
      const memberId = await memberIdOf(program, ref)
      await expireNow(program.id, memberId)
      return runIdempotent(db, clock, program.id, claim, 201, async (trx) => {
        await lockPointsHolder(trx, program.id, memberId)
        const now = clock.now()
        if (input.points > 0) {
          const id = newId('txn')
          const txn = await creditPoints(
            trx,
            program,
            memberId,
            {
              points: input.points,
              type: 'adjust',
              earnedAt: now,
              availableAt: now,
              source: { kind: 'adjustment', id },
              note: input.reason,
              actor,
              transactionId: id,
            },
            now,
          )
          await recordDomainEvents(trx, [adjusted(program.id, memberId, txn)])
          return presentTransaction(txn)
        }
        const txn = await debitPoints(
          trx,
          program.id,
          memberId,
          {
            points: -input.points,
            type: 'adjust',
            sourceKind: 'adjustment',
            note: input.reason,
            actor,
          },
          now,
        )
        await recordDomainEvents(trx, [adjusted(program.id, memberId, txn)])
        return presentTransaction(txn)
      })
    },

    async redeem(
      program: ProgramContext,
      ref: string,
      input: { points: number; reason?: string },
      actor: string,
      claim?: IdempotencyClaim,
    ): Promise<StoredResponse> {
      const memberId = await memberIdOf(program, ref)
      await expireNow(program.id, memberId)
      return runIdempotent(db, clock, program.id, claim, 201, async (trx) => {
        await lockPointsHolder(trx, program.id, memberId)
        const now = clock.now()
        const txn = await debitPoints(
          trx,
          program.id,
          memberId,
          {
            points: input.points,
            type: 'redeem',
            sourceKind: 'redemption',
            note: input.reason ?? null,
            actor,
          },
          now,
        )
        await recordDomainEvents(trx, [redeemed(program.id, memberId, txn)])
        return presentTransaction(txn)
      })
    },

    jobs(): JobDefinition[] {
      return [
        {
          name: 'points-release',
          schedule: '10 0 * * *',
          run: (programId, asOf) => sweep(programId, 'release', asOf),
        },
        {
          name: 'points-expiry',
          schedule: '5 0 * * *',
          run: (programId, asOf) => sweep(programId, 'expire', asOf),
        },
      ]
    },
  }
}

export type PointsService = ReturnType<typeof createPointsService>
