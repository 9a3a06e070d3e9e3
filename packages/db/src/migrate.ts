import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import type { Database } from './database.js'

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations')
// Any constant works; it keeps two processes starting together from migrating at once.
const MIGRATION_LOCK = 7_420_061

/**
 * Applies the numbered SQL files in `migrations/` that have not run yet, each in its own
 * transaction, in order. Forward-only: a file that has run is never run again or undone.
 */
export async function migrate(database: Database): Promise<string[]> {
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort()
  const applied: string[] = []
  await database.execScript(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  )
  const applyPending = async () => {
    const done = await sql<{ name: string }>`select name from schema_migrations`.execute(
      database.db,
    )
    const seen = new Set(done.rows.map((r) => r.name))
    for (const file of files) {
      if (seen.has(file)) continue
      const body = readFileSync(join(MIGRATIONS_DIR, file), 'utf8')
      const name = file.replaceAll("'", "''")
      await database.execScript(
        `BEGIN;\n${body}\n;INSERT INTO schema_migrations (name) VALUES ('${name}');\nCOMMIT;`,
      )
      applied.push(file)
    }
  }
  // PGlite has one connection and one process: nothing can race it.
  if (database.engine === 'pglite') {
    await applyPending()
    return applied
  }
  await database.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(conn)
    try {
      await applyPending()
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(conn)
    }
  })
  return applied
}
