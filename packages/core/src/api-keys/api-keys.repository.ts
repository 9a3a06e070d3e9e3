import type { ApiKeyRow, ProgramRow } from '@loyalbase/db'
import type { Executor } from '../shared/executor.js'

export async function insertApiKey(
  db: Executor,
  row: Omit<ApiKeyRow, 'last_used_at' | 'revoked_at'>,
): Promise<ApiKeyRow> {
  return db.insertInto('api_keys').values(row).returningAll().executeTakeFirstOrThrow()
}

export async function listApiKeys(
  db: Executor,
  programId: string,
  afterId: string | undefined,
  limit: number,
): Promise<ApiKeyRow[]> {
  let query = db
    .selectFrom('api_keys')
    .selectAll()
    .where('program_id', '=', programId)
    .where('revoked_at', 'is', null)
    .orderBy('id', 'asc')
    .limit(limit)
  if (afterId) query = query.where('id', '>', afterId)
  return query.execute()
}

export async function revokeApiKey(
  db: Executor,
  programId: string,
  keyId: string,
  at: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('api_keys')
    .set({ revoked_at: at })
    .where('program_id', '=', programId)
    .where('id', '=', keyId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** The live key with this hash and its program, in one round trip (this runs per request). */
export type LiveKey = { key: ApiKeyRow; program: ProgramRow }

/** The live keys (and their programs) of these hashes, in their order; null for none. */
export async function findLiveKeysByHashes(
  db: Executor,
  keyHashes: readonly string[],
): Promise<(LiveKey | null)[]> {
  if (keyHashes.length === 0) return []
  const rows = await db
    .selectFrom('api_keys as k')
    .innerJoin('programs as p', 'p.id', 'k.program_id')
    .select([
      'k.program_id',
      'k.id',
      'k.name',
      'k.role',
      'k.prefix',
      'k.key_hash',
      'k.created_at as key_created_at',
      'k.last_used_at',
      'k.revoked_at',
      'p.name as program_name',
      'p.currency',
      'p.timezone',
      'p.locale',
      'p.points_policy',
      'p.tier_ladder',
      'p.rules_version',
      'p.created_at as program_created_at',
      'p.version as program_version',
      'p.webhook_private_targets',
    ])
    .where('k.key_hash', 'in', [...new Set(keyHashes)])
    .where('k.revoked_at', 'is', null)
    .execute()
  const byHash = new Map(
    rows.map((row): [string, LiveKey] => [
      row.key_hash,
      {
        key: {
          program_id: row.program_id,
          id: row.id,
          name: row.name,
          role: row.role,
          prefix: row.prefix,
          key_hash: row.key_hash,
          created_at: row.key_created_at,
          last_used_at: row.last_used_at,
          revoked_at: row.revoked_at,
        },
        program: {
          id: row.program_id,
          name: row.program_name,
          currency: row.currency,
          timezone: row.timezone,
          locale: row.locale,
          points_policy: row.points_policy,
          tier_ladder: row.tier_ladder,
          rules_version: row.rules_version,
          version: row.program_version,
          webhook_private_targets: row.webhook_private_targets,
          created_at: row.program_created_at,
        },
      },
    ]),
  )
  return keyHashes.map((hash) => byHash.get(hash) ?? null)
}

export async function touchApiKey(db: Executor, programId: string, keyId: string, at: Date) {
  await db
    .updateTable('api_keys')
    .set({ last_used_at: at })
    .where('program_id', '=', programId)
    .where('id', '=', keyId)
    .execute()
}
