import type { DB } from '@loyalbase/db'
import type { Kysely } from 'kysely'
import { deleteOlderThan } from '../idempotency/index.js'
import type { JobDefinition } from '../jobs/index.js'
import { deleteExpiredSessions } from '../portal/index.js'
import type { Clock } from '../shared/clock.js'
import { deleteFinishedDeliveries } from '../webhooks/index.js'

/** Stored idempotent responses are kept a week: long past any client's retry window. */
export const IDEMPOTENCY_RETENTION_MS = 7 * 24 * 60 * 60 * 1000
/** Finished webhook deliveries (and their attempts) are kept 30 days in the delivery log. */
export const DELIVERY_RETENTION_MS = 30 * 24 * 60 * 60 * 1000

/**
 * Nightly clean-up: old idempotency records, expired portal sessions, and webhook deliveries
 * finished more than 30 days ago. Retention is counted
 * on the real clock, not on `as_of`: a run as of a future date (to see what expiry would do)
 * must not delete a key a client may still retry with, nor end a session still in use.
 */
export function housekeepingJob(db: Kysely<DB>, clock: Clock): JobDefinition {
  return {
    name: 'housekeeping',
    schedule: '30 3 * * *',
    async run(programId, asOf) {
      const now = clock.now()
      const until = new Date(Math.min(asOf.getTime(), now.getTime()))
      const keys = await deleteOlderThan(
        db,
        programId,
        new Date(until.getTime() - IDEMPOTENCY_RETENTION_MS),
      )
      const sessions = await deleteExpiredSessions(db, programId, until)
      const deliveries = await deleteFinishedDeliveries(
        db,
        programId,
        new Date(until.getTime() - DELIVERY_RETENTION_MS),
      )
      return keys + sessions + deliveries
    },
  }
}
