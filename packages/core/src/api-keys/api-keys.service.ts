import type { ApiKeyRow, DB } from '@loyalbase/db'
import type { Kysely } from 'kysely'
import type { StoredResponse } from '../idempotency/index.js'
import { findProgram, type ProgramContext, toProgramContext } from '../programs/index.js'
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
import { StatementBatcher } from '../shared/statement.batcher.js'
import { type ApiKey, generateProgramKey, type KeyRole } from './api-keys.js'
import {
  findLiveKeysByHashes,
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

/** How many keys a process remembers for `authenticate({ remembered: true })`. */
const REMEMBERED_KEYS = 10_000

export function createApiKeysService(db: Kysely<DB>, clock: Clock) {
  async function requireProgram(programId: string) {
    if (!(await findProgram(db, programId))) throw AppError.notFound('Program')
  }

  /**
   * Identities this process has seen, by key hash, with when `last_used_at` was last written.
   * Only requests whose own write checks that the key is live and the program unchanged use
   * them (an order's write refuses a revoked key or a changed program): for every other
   * request the key is read each time, so a revocation takes effect at once everywhere.
   */
  const remembered = new Map<string, { identity: ProgramKeyIdentity; touchedAt: number }>()
  // The keys of concurrent requests are read together, one statement for a batch: each request
  // still waits for its own key's answer from the database (statement.batcher.ts).
  const keyReads = new StatementBatcher((hashes: string[]) => findLiveKeysByHashes(db, hashes))
  function remember(hash: string, identity: ProgramKeyIdentity, touchedAt: number) {
    remembered.delete(hash)
    remembered.set(hash, { identity, touchedAt })
    if (remembered.size > REMEMBERED_KEYS) {
      for (const oldest of remembered.keys()) {
        remembered.delete(oldest)
        if (remembered.size <= REMEMBERED_KEYS * 0.9) break
      }
    }
  }

  /** A revoked key: no remembered identity answers for it any more. */
  function forgetKey(keyId: string): void {
    for (const [hash, seen] of remembered)
      if (seen.identity.keyId === keyId) remembered.delete(hash)
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
      forgetKey(keyId)
    },

    /**
     * The program key's identity, or undefined for an unknown or revoked key. With
     * `remembered`, an identity this process has seen is answered without a query; the caller
     * must then check the key and the program in its own write (orders do).
     */
    async authenticate(
      secret: string,
      options: { remembered?: boolean } = {},
    ): Promise<ProgramKeyIdentity | undefined> {
      const hash = hashSecret(secret)
      const now = clock.now()
      const seen = options.remembered ? remembered.get(hash) : undefined
      if (seen && now.getTime() - seen.touchedAt <= TOUCH_INTERVAL_MS) return seen.identity
      const found = await keyReads.call(hash)
      if (!found) {
        remembered.delete(hash)
        return undefined
      }
      const last = found.key.last_used_at?.getTime() ?? 0
      let touchedAt = last
      if (now.getTime() - last > TOUCH_INTERVAL_MS) {
        await touchApiKey(db, found.key.program_id, found.key.id, now)
        touchedAt = now.getTime()
      }
      const identity: ProgramKeyIdentity = {
        keyId: found.key.id,
        role: found.key.role,
        program: toProgramContext(found.program),
      }
      remember(hash, identity, touchedAt)
      return identity
    },

    /** A revoked key: no remembered identity answers for it any more. */
    forgetKey(keyId: string): void {
      for (const [hash, seen] of remembered)
        if (seen.identity.keyId === keyId) remembered.delete(hash)
    },

    /** The program as it is now, for the identities remembered with an older one. */
    refreshProgram(program: ProgramContext): void {
      for (const seen of remembered.values()) {
        if (
          seen.identity.program.id === program.id &&
          seen.identity.program.version < program.version
        )
          seen.identity = { ...seen.identity, program }
      }
    },
  }
}

export type ApiKeysService = ReturnType<typeof createApiKeysService>
