import { sql } from 'kysely'
import type { Executor } from '../shared/executor.js'

/** The tables an import fills, whose statistics its statements are planned by. */
const IMPORTED_TABLES = [
  'members',
  'orders',
  'point_lots',
  'point_transactions',
  'tier_changes',
  'outbox_events',
  'earning_rule_usage',
]

/** Refreshes the planner's statistics of those tables (a sample of each: quick at any size). */
export async function analyzeImportedTables(db: Executor): Promise<void> {
  await sql.raw(`ANALYZE ${IMPORTED_TABLES.join(', ')}`).execute(db)
}
