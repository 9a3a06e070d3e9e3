import type { ProgramRow } from '@loyalbase/db'
import type { Executor } from '../shared/executor.js'

export async function insertPortalSession(
  db: Executor,
  row: {
    token_hash: string
    program_id: string
    member_id: string
    locale: string | null
    return_url: string | null
    expires_at: Date
    created_at: Date
  },
): Promise<void> {
  await db.insertInto('portal_sessions').values(row).execute()
}

/** The live session with this token hash and its program. */
export async function findLiveSession(
  db: Executor,
  tokenHash: string,
  now: Date,
): Promise<
  | (ProgramRow & {
      member_id: string
      session_locale: string | null
      return_url: string | null
    })
  | undefined
> {
  return db
    .selectFrom('portal_sessions as s')
    .innerJoin('programs as p', 'p.id', 's.program_id')
    .selectAll('p')
    .select(['s.member_id', 's.locale as session_locale', 's.return_url'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .executeTakeFirst()
}

export async function deleteExpiredSessions(
  db: Executor,
  programId: string,
  before: Date,
): Promise<number> {
  const result = await db
    .deleteFrom('portal_sessions')
    .where('program_id', '=', programId)
    .where('expires_at', '<', before)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
