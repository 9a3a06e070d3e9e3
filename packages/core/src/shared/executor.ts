import type { DB } from '@loyalbase/db'
import type { Kysely, Transaction } from 'kysely'

/** What a repository runs on: the database, or the transaction of the use case calling it. */
export type Executor = Kysely<DB> | Transaction<DB>

/** Postgres' SQLSTATE for a unique-constraint violation. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string } | null
  if (e?.code !== '23505') return false
  if (constraint === undefined) return true
  return e.constraint === constraint || (e.message?.includes(constraint) ?? false)
}
