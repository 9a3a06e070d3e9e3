import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { monotonicFactory } from 'ulidx'

const ulid = monotonicFactory()

/** A server id: a prefix and a time-ordered ULID (`mem_01J…`), so ids sort by creation. */
export function newId(prefix: string): string {
  return `${prefix}_${ulid()}`
}

// Crockford's base32 without I, L, O, U: easy to read out and type, hard to guess.
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** Random text of `length` characters from a 32-letter alphabet (5 bits each). */
export function randomCode(length: number): string {
  const bytes = randomBytes(length)
  let out = ''
  for (const byte of bytes) out += CODE_ALPHABET[byte & 31]
  return out
}

/** A secret token: prefix plus 32 random base62 characters (~190 bits). */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(24).toString('base64url')}`
}

/** Secrets are high-entropy, so a plain SHA-256 is a sound one-way store for them. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex')
  const b = Buffer.from(hash, 'hex')
  return a.length === b.length && timingSafeEqual(a, b)
}
