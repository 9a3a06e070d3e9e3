import type { DB } from '@loyalbase/db'
import { type Kysely, sql, type Transaction } from 'kysely'

/** What a repository runs on: the database, or the transaction of the use case calling it. */
export type Executor = Kysely<DB> | Transaction<DB>

/**
 * Reads that must agree with each other (a page and its count, an audit's counts) in one
 * repeatable-read snapshot, without JIT: a count over a million members cost PostgreSQL's JIT
 * more to compile (0.6 s of 1.2 s on the bench) than it saved (a no-op where there is no JIT).
 */
export function inOneSnapshot<T>(
  db: Kysely<DB>,
  work: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      await sql`SET LOCAL jit = off`.execute(trx)
      return work(trx)
    })
}

/** Postgres' SQLSTATE for a unique-constraint violation. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string } | null
  if (e?.code !== '23505') return false
  if (constraint === undefined) return true
  return e.constraint === constraint || (e.message?.includes(constraint) ?? false)
}
