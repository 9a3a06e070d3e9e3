import { newSecret } from '../shared/ids.js'

export type KeyRole = 'admin' | 'server' | 'readonly'
export const KEY_ROLES: readonly KeyRole[] = ['admin', 'server', 'readonly']

export const PROGRAM_KEY_PREFIX = 'lb_sk_'
export const ADMIN_KEY_PREFIX = 'lb_admin_'
export const PORTAL_TOKEN_PREFIX = 'lb_ps_'

export interface ApiKey {
  id: string
  name: string
  role: KeyRole
  prefix: string
  created_at: string
  last_used_at: string | null
}

/** A fresh program key and the part of it that may be shown again (to tell keys apart). */
export function generateProgramKey(): { key: string; prefix: string } {
  const key = newSecret(PROGRAM_KEY_PREFIX)
  return { key, prefix: key.slice(0, PROGRAM_KEY_PREFIX.length + 6) }
}
