import type { DB } from '@loyalbase/db'
import type { Kysely, Transaction } from 'kysely'
import { AppError } from '../shared/app-error.js'
import type { Clock } from '../shared/clock.js'
import type { IdempotencyClaim, StoredResponse } from './idempotency.js'
import { findRecord, insertClaim, saveResponse } from './idempotency.repository.js'

/**
 * Where a use case's claim and first response live: the idempotency-key table, or the
 * resource's own row for orders, refunds and events (idempotent by the merchant's id).
 */
export interface ClaimStore {
  /** What the conflict message names, e.g. `The key "k1"` or `The order id "o-1"`. */
  label: string
  fingerprint: string
  /** Inserts the claim; false when it exists (a concurrent duplicate waits here for the first). */
  claim(trx: Transaction<DB>): Promise<boolean>
  find(
    trx: Transaction<DB>,
  ): Promise<{ fingerprint: string; status: number; body: string } | undefined>
  save(trx: Transaction<DB>, status: number, body: string): Promise<void>
}

/**
 * Runs a use case in one transaction and answers with its response, exactly once per claim:
 * the claim, the effect and the stored response commit together, so a crash leaves either all
 * of them or none. A replay with the same fingerprint returns the stored bytes; a different
 * fingerprint is `409 idempotency_conflict`. Errors store nothing: the transaction rolls back
 * with the claim, and a retry is evaluated afresh.
 */
export async function runClaimed<T>(
  db: Kysely<DB>,
  store: ClaimStore | undefined,
  status: number,
  effect: (trx: Transaction<DB>) => Promise<T>,
): Promise<StoredResponse> {
  return db.transaction().execute(async (trx) => {
    if (store && !(await store.claim(trx))) {
      const record = await store.find(trx)
      if (!record) throw new Error('claim vanished after a conflicting insert')
      if (record.fingerprint !== store.fingerprint) {
        throw new AppError(
          'idempotency_conflict',
          `${store.label} was already used with a different request.`,
        )
      }
      return { status: record.status, body: record.body, replayed: true }
    }
    const body = JSON.stringify(await effect(trx))
    if (store) await store.save(trx, status, body)
    return { status, body, replayed: false }
  })
}

/** The `Idempotency-Key` store: one row per (program, scope, key), kept a week. */
export function keyStore(clock: Clock, programId: string, claim: IdempotencyClaim): ClaimStore {
  return {
    label: `The key "${claim.key}"`,
    fingerprint: claim.fingerprint,
    claim: (trx) => insertClaim(trx, programId, claim, clock.now()),
    async find(trx) {
      const record = await findRecord(trx, programId, claim.scope, claim.key)
      return (
        record && {
          fingerprint: record.fingerprint,
          status: record.status_code,
          body: record.response_body,
        }
      )
    },
    save: (trx, status, body) => saveResponse(trx, programId, claim.scope, claim.key, status, body),
  }
}

export async function runIdempotent<T>(
  db: Kysely<DB>,
  clock: Clock,
  programId: string,
  claim: IdempotencyClaim | undefined,
  status: number,
  effect: (trx: Transaction<DB>) => Promise<T>,
): Promise<StoredResponse> {
  return runClaimed(db, claim && keyStore(clock, programId, claim), status, effect)
}
