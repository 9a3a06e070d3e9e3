import { createHmac, timingSafeEqual } from 'node:crypto'
import type { webhooks } from './schema.gen.js'

/*
 * For a merchant's webhook endpoint: check `Loyalbase-Signature` and read the event, typed by
 * its `type` from the OpenAPI document's `webhooks` (docs/webhooks.md).
 */

export type WebhookEventType = keyof webhooks

/** The body of a delivery of `T`: `{ id, type, created_at, data }`. */
export type WebhookEventOf<T extends WebhookEventType> =
  webhooks[T]['post']['requestBody'] extends { content: { 'application/json': infer B } }
    ? B
    : never

/** Any delivery's body; narrow it by `type`. */
export type WebhookEvent = { [T in WebhookEventType]: WebhookEventOf<T> }[WebhookEventType]

export interface VerifyOptions {
  /** The receiver's clock (default now). */
  now?: Date
  /** How far `t` may be from `now`, in seconds, before the delivery counts as a replay (300). */
  toleranceSeconds?: number
}

/**
 * Whether `header` (`t=<unix>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`) signs `rawBody` —
 * the body's exact bytes as received, before any JSON parsing — within the tolerance. Several
 * `v1=` values are accepted (any one may match). Compared in constant time.
 */
export function verifyWebhookSignature(
  secret: string,
  rawBody: string | Uint8Array,
  header: string | null | undefined,
  options: VerifyOptions = {},
): boolean {
  if (!header) return false
  const parts = new Map<string, string[]>()
  for (const item of header.split(',')) {
    const at = item.indexOf('=')
    if (at <= 0) continue
    const key = item.slice(0, at).trim()
    parts.set(key, [...(parts.get(key) ?? []), item.slice(at + 1).trim()])
  }
  const t = Number(parts.get('t')?.[0])
  if (!Number.isInteger(t)) return false
  const now = (options.now ?? new Date()).getTime() / 1000
  if (Math.abs(now - t) > (options.toleranceSeconds ?? 300)) return false
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : Buffer.from(rawBody)
  const expected = Buffer.from(
    createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex'),
    'utf8',
  )
  return (parts.get('v1') ?? []).some((candidate) => {
    const given = Buffer.from(candidate, 'utf8')
    return given.length === expected.length && timingSafeEqual(given, expected)
  })
}

export class WebhookSignatureError extends Error {
  constructor() {
    super('The Loyalbase-Signature header does not sign this body (or is too old).')
    this.name = 'WebhookSignatureError'
  }
}

/**
 * The event of a delivery whose signature checks, else a {@link WebhookSignatureError}.
 * De-duplicate by the event's `id`: a delivery may come more than once.
 */
export function constructWebhookEvent(
  secret: string,
  rawBody: string | Uint8Array,
  header: string | null | undefined,
  options: VerifyOptions = {},
): WebhookEvent {
  if (!verifyWebhookSignature(secret, rawBody, header, options)) throw new WebhookSignatureError()
  const text = typeof rawBody === 'string' ? rawBody : Buffer.from(rawBody).toString('utf8')
  return JSON.parse(text) as WebhookEvent
}
