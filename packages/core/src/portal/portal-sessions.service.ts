import type { DB } from '@loyalbase/db'
import type { Kysely } from 'kysely'
import { PORTAL_TOKEN_PREFIX } from '../api-keys/index.js'
import { findMemberByRef } from '../members/index.js'
import { type ProgramContext, toProgramContext } from '../programs/index.js'
import { AppError } from '../shared/app-error.js'
import type { Clock } from '../shared/clock.js'
import { hashSecret, newSecret } from '../shared/ids.js'
import { findLiveSession, insertPortalSession } from './portal-sessions.repository.js'

export const PORTAL_SESSION_TTL_MS = 60 * 60 * 1000

export interface PortalSession {
  url: string
  token: string
  expires_at: string
}

export interface PortalIdentity {
  program: ProgramContext
  memberId: string
  locale: string | null
  returnUrl: string | null
}

export function createPortalSessionsService(db: Kysely<DB>, clock: Clock) {
  return {
    /**
     * A short-lived link that opens the portal as the member. The token rides in the URL's
     * fragment, which browsers never send to servers, so it stays out of access logs.
     */
    async create(
      program: ProgramContext,
      memberRef: string,
      input: { locale?: string; return_url?: string },
      portalBaseUrl: string,
    ): Promise<PortalSession> {
      const member = await findMemberByRef(db, program.id, memberRef)
      if (!member) throw AppError.notFound('Member')
      const token = newSecret(PORTAL_TOKEN_PREFIX)
      const expiresAt = new Date(clock.now().getTime() + PORTAL_SESSION_TTL_MS)
      await insertPortalSession(db, {
        token_hash: hashSecret(token),
        program_id: program.id,
        member_id: member.id,
        locale: input.locale ?? null,
        return_url: input.return_url ?? null,
        expires_at: expiresAt,
        created_at: clock.now(),
      })
      const fragment = new URLSearchParams({
        token,
        ...(input.locale ? { locale: input.locale } : {}),
      })
      return {
        url: `${portalBaseUrl}#${fragment.toString()}`,
        token,
        expires_at: expiresAt.toISOString(),
      }
    },

    /** The member a live portal token stands for, or undefined. */
    async authenticate(token: string): Promise<PortalIdentity | undefined> {
      const row = await findLiveSession(db, hashSecret(token), clock.now())
      if (!row) return undefined
      return {
        program: toProgramContext(row),
        memberId: row.member_id,
        locale: row.session_locale,
        returnUrl: row.return_url,
      }
    },
  }
}

export type PortalSessionsService = ReturnType<typeof createPortalSessionsService>
