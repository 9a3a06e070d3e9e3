import type { Executor } from '../shared/executor.js'

export interface IdempotencyRecord {
  fingerprint: string
  status_code: number
  response_body: string
}

/**
 * Inserts the claim unless the key exists. On PostgreSQL a concurrent duplicate blocks on the
 * unique key until the first transaction ends, then finds its row.
 */
export async function insertClaim(
  db: Executor,
  programId: string,
  claim: { scope: string; key: string; fingerprint: string },
  at: Date,
): Promise<boolean> {
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({
      program_id: programId,
      scope: claim.scope,
      key: claim.key,
      fingerprint: claim.fingerprint,
      status_code: 0,
      response_body: '',
      created_at: at,
    })
    .onConflict((oc) => oc.columns(['program_id', 'scope', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst()
  return inserted !== undefined
}

export async function findRecord(
  db: Executor,
  programId: string,
  scope: string,
  key: string,
): Promise<IdempotencyRecord | undefined> {
  return db
    .selectFrom('idempotency_keys')
    .select(['fingerprint', 'status_code', 'response_body'])
    .where('program_id', '=', programId)
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirst()
}

export async function saveResponse(
  db: Executor,
  programId: string,
  scope: string,
  key: string,
  status: number,
  body: string,
): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ status_code: status, response_body: body })
    .where('program_id', '=', programId)
    .where('scope', '=', scope)
    .where('key', '=', key)
    .execute()
}

export async function deleteOlderThan(
  db: Executor,
  programId: string,
  cutoff: Date,
): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_keys')
    .where('program_id', '=', programId)
    .where('created_at', '<', cutoff)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
