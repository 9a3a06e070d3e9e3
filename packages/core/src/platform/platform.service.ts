import type { DB } from '@loyalbase/db'
import type { Kysely } from 'kysely'
import { ADMIN_KEY_PREFIX } from '../api-keys/index.js'
import { hashSecret, newSecret, secretMatches } from '../shared/ids.js'

const ADMIN_KEY_SETTING = 'admin_key_hash'

/**
 * The platform admin key manages programs and keys only. It comes from the environment or is
 * generated on first start; either way only its hash is stored.
 */
export function createPlatformService(db: Kysely<DB>) {
  let adminKeyHash: string | undefined

  return {
    /** Returns the generated key when one was made now (to be printed once), else undefined. */
    async ensureAdminKey(fromEnv: string | undefined): Promise<string | undefined> {
      if (fromEnv) {
        adminKeyHash = hashSecret(fromEnv)
        return undefined
      }
      const generated = newSecret(ADMIN_KEY_PREFIX)
      const inserted = await db
        .insertInto('platform_settings')
        .values({ key: ADMIN_KEY_SETTING, value: JSON.stringify(hashSecret(generated)) })
        .onConflict((oc) => oc.column('key').doNothing())
        .returning('key')
        .executeTakeFirst()
      const stored = await db
        .selectFrom('platform_settings')
        .select('value')
        .where('key', '=', ADMIN_KEY_SETTING)
        .executeTakeFirstOrThrow()
      adminKeyHash = stored.value as string
      return inserted ? generated : undefined
    },

    isAdminKey(secret: string): boolean {
      return adminKeyHash !== undefined && secretMatches(secret, adminKeyHash)
    },
  }
}

export type PlatformService = ReturnType<typeof createPlatformService>
