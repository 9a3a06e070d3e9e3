import type { DB } from '@loyalbase/db'
import type { Kysely } from 'kysely'
import { deleteOlderThan } from '../idempotency/idempotency.repository.js'
import { deleteExpiredSessions } from '../portal/portal-sessions.repository.js'
import type { JobDefinition } from './jobs.js'

/** Stored idempotent responses are kept a week: long past any client's retry window. */
export const IDEMPOTENCY_RETENTION_MS = 7 * 24 * 60 * 60 * 1000

/** Nightly clean-up: old idempotency records and expired portal sessions. */
export function housekeepingJob(db: Kysely<DB>): JobDefinition {
  return {
    name: 'housekeeping',
    schedule: '30 3 * * *',
    async run(programId, asOf) {
      const cutoff = new Date(asOf.getTime() - IDEMPOTENCY_RETENTION_MS)
      const keys = await deleteOlderThan(db, programId, cutoff)
      const sessions = await deleteExpiredSessions(db, programId, asOf)
      return keys + sessions
    },
  }
}
