import type { DB } from '@loyalbase/db'
import type { Kysely } from 'kysely'
import type { JobDefinition } from '../jobs/index.js'
import type { Clock } from '../shared/clock.js'
import { newId } from '../shared/ids.js'
import { newCouponCode, validityOf } from './coupons.js'
import {
  advanceBatch,
  findBatch,
  insertCodes,
  listUnfinishedBatches,
  lockBatch,
} from './coupons.repository.js'

export const COUPON_CODES_JOB = 'coupon-codes'

/** Codes per statement and per transaction (and per progress report). */
export const CODES_PER_BATCH = 5_000

/** Draws of a whole batch before giving up: a second draw is already a 1 in 2^60 event. */
const MAX_DRAWS = 5

/**
 * Makes the unassigned codes of bulk-code requests (`POST /v1/coupon-templates/{id}/codes`),
 * `CODES_PER_BATCH` at a time: each batch one transaction that locks the request, inserts its
 * codes in one statement (a code another coupon of the program holds is drawn again) and moves
 * the request's count, so that a request is never given more codes than it asked for, whoever
 * works on it.
 *
 * A run started for a request works on that request. A run without one (scheduled, or
 * `POST /v1/jobs/coupon-codes/run`) finishes the requests whose run stopped with its process.
 * The codes were counted against the template's total_limit when they were requested.
 */
export function couponCodesJob(db: Kysely<DB>, clock: Clock): JobDefinition {
  /** One batch of a request; the codes it made, or null when the request has none left to make. */
  async function nextBatch(programId: string, runId: string, own: boolean) {
    return db.transaction().execute(async (trx) => {
      const batch = await lockBatch(trx, programId, runId, !own)
      if (!batch || batch.generated >= batch.count) return null
      const want = Math.min(CODES_PER_BATCH, batch.count - batch.generated)
      const validity = validityOf(batch)
      // A window's codes carry it now; a `days` code gets its dates when it is claimed.
      const window = 'days' in validity ? null : validity
      const now = clock.now()
      let made = 0
      for (let draw = 0; draw < MAX_DRAWS && made < want; draw++) {
        const n = want - made
        const ids = Array.from({ length: n }, () => newId('cpn'))
        const codes = Array.from({ length: n }, newCouponCode)
        made += await insertCodes(
          trx,
          {
            program_id: programId,
            template_id: batch.template_id,
            run_id: runId,
            starts_at: window?.starts_at ?? null,
            expires_at: window?.ends_at ?? null,
            created_at: now,
          },
          ids,
          codes,
        )
      }
      if (made < want) throw new Error(`could not draw ${want} unused coupon codes`)
      const generated = batch.generated + made
      await advanceBatch(trx, programId, runId, generated, generated >= batch.count ? now : null)
      return made
    })
  }

  return {
    name: COUPON_CODES_JOB,
    // Only a request whose run died with its process is left for the schedule to finish.
    schedule: '50 0 * * *',
    async run(programId, _asOf, progress, runId) {
      const own = runId !== undefined && (await findBatch(db, programId, runId)) !== undefined
      const requests = own ? [runId as string] : await listUnfinishedBatches(db, programId)
      let made = 0
      for (const request of requests) {
        for (;;) {
          const n = await nextBatch(programId, request, own)
          if (n === null) break
          made += n
          await progress?.(made)
        }
      }
      return made
    },
  }
}
