import type { ApiKeyRow, DB } from '@loyalbase/db'
import type { Kysely } from 'kysely'
import type { StoredResponse } from '../idempotency/idempotency.js'
import { findProgram } from '../programs/programs.repository.js'
import { type ProgramContext, toProgramContext } from '../programs/programs.service.js'
import { AppError } from '../shared/app-error.js'
import type { Clock } from '../shared/clock.js'
import { hashSecret, newId } from '../shared/ids.js'
import {
  clampLimit,
  decodeCursor,
  type Page,
  type PageRequest,
  toPage,
} from '../shared/pagination.js'
import { type ApiKey, generateProgramKey, type KeyRole } from './api-keys.js'
import {
  findLiveKeyByHash,
  insertApiKey,
  listApiKeys,
  revokeApiKey,
  touchApiKey,
} from './api-keys.repository.js'

export interface ProgramKeyIdentity {
  keyId: string
  role: KeyRole
  program: ProgramContext
}

// last_used_at is a hint for operators; writing it on every request would cost a write per read.
const TOUCH_INTERVAL_MS = 60_000

function presentApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    created_at: row.created_at.toISOString(),
    last_used_at: row.last_used_at ? row.last_used_at.toISOString() : null,
  }
}

export function createApiKeysService(db: Kysely<DB>, clock: Clock) {
  async function requireProgram(programId: string) {
    if (!(await findProgram(db, programId))) throw AppError.notFound('Program')
  }

  return {
    /**
     * Not idempotent on purpose: a stored response would keep the secret in the database,
     * which holds only its hash. A retried request makes a second key; revoke the spare one.
     */
    async create(
      programId: string,
      input: { name: string; role: KeyRole },
    ): Promise<StoredResponse> {
      await requireProgram(programId)
      const { key, prefix } = generateProgramKey()
      const row = await insertApiKey(db, {
        program_id: programId,
        id: newId('key'),
        name: input.name,
        role: input.role,
        prefix,
        key_hash: hashSecret(key),
        created_at: clock.now(),
      })
      return { status: 201, body: JSON.stringify({ ...presentApiKey(row), key }), replayed: false }
    },

    async list(programId: string, page: PageRequest = {}): Promise<Page<ApiKey>> {
      await requireProgram(programId)
      const limit = clampLimit(page.limit)
      const rows = await listApiKeys(db, programId, decodeCursor(page.cursor), limit + 1)
      return toPage(rows, limit, presentApiKey)
    },

    async revoke(programId: string, keyId: string): Promise<void> {
      await requireProgram(programId)
      if (!(await revokeApiKey(db, programId, keyId, clock.now())))
        throw AppError.notFound('API key')
    },

    /** The program key's identity, or undefined for an unknown or revoked key. */
    async authenticate(secret: string): Promise<ProgramKeyIdentity | undefined> {
      const found = await findLiveKeyByHash(db, hashSecret(secret))
      if (!found) return undefined
      const now = clock.now()
      const last = found.key.last_used_at?.getTime() ?? 0
      if (now.getTime() - last > TOUCH_INTERVAL_MS) {
        await touchApiKey(db, found.key.program_id, found.key.id, now)
      }
      return { keyId: found.key.id, role: found.key.role, program: toProgramContext(found.program) }
    },
  }
}

export type ApiKeysService = ReturnType<typeof createApiKeysService>
