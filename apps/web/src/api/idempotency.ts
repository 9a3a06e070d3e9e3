/**
 * A fresh `Idempotency-Key`: a random UUID (v4). `crypto.randomUUID` exists only in secure
 * contexts (https, localhost); a console opened over plain http on a LAN address falls back
 * to the same format built from `getRandomValues`, which is available everywhere.
 */
export function newIdempotencyKey(source: Pick<Crypto, 'getRandomValues'> = crypto): string {
  if (source === crypto && typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID()
  }
  const bytes = source.getRandomValues(new Uint8Array(16))
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40 // version 4
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80 // RFC 4122 variant
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
