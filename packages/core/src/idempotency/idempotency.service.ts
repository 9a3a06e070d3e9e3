import type { DB } from '@loyalbase/db'
import type { Kysely, Transaction } from 'kysely'
import { AppError } from '../shared/app-error.js'
import type { Clock } from '../shared/clock.js'
import type { IdempotencyClaim, StoredResponse } from './idempotency.js'
import { findRecord, insertClaim, saveResponse } from './idempotency.repository.js'

/**
 * Runs a use case in one transaction and answers with its response, exactly once per
 * idempotency key: the claim, the effect and the stored response commit together, so a crash
 * leaves either all of them or none. A replay with the same fingerprint returns the stored
 * bytes; a different fingerprint is `409 idempotency_conflict`. Errors store nothing: the
 * transaction rolls back with the claim, and a retry is evaluated afresh.
 */
export async function runIdempotent<T>(
  db: Kysely<DB>,
  clock: Clock,
  programId: string,
  claim: IdempotencyClaim | undefined,
  status: number,
  effect: (trx: Transaction<DB>) => Promise<T>,
): Promise<StoredResponse> {
  return db.transaction().execute(async (trx) => {
    if (claim) {
      const fresh = await insertClaim(trx, programId, claim, clock.now())
      if (!fresh) {
        const record = await findRecord(trx, programId, claim.scope, claim.key)
        if (!record) throw new Error('idempotency record vanished after a conflicting insert')
        if (record.fingerprint !== claim.fingerprint) {
          throw new AppError(
            'idempotency_conflict',
            `The key "${claim.key}" was already used with a different request.`,
          )
        }
        return { status: record.status_code, body: record.response_body, replayed: true }
      }
    }
    const body = JSON.stringify(await effect(trx))
    if (claim) await saveResponse(trx, programId, claim.scope, claim.key, status, body)
    return { status, body, replayed: false }
  })
}
