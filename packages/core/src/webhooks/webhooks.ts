import { createHmac } from 'node:crypto'
import type { WebhookAttemptRow, WebhookDeliveryRow, WebhookRow } from '@loyalbase/db'
import { DOMAIN_EVENT_SCHEMAS } from '../domain-events/index.js'
import { AppError } from '../shared/app-error.js'
import { checkTargetUrl } from './webhook-target.js'

/*
 * Webhooks: what a subscription is, how a delivery is signed, and when a failed one is tried
 * again. Pure; the sender (webhook-sender.ts) and the service use it. The receiver's side, the
 * signature check, ships in the client SDK (packages/client/src/webhooks.ts).
 */

/** Every type a webhook may subscribe to: the domain events' catalogue, and `*` for all. */
export const WEBHOOK_EVENT_TYPES = Object.keys(DOMAIN_EVENT_SCHEMAS).sort()
export const ALL_EVENTS = '*'

export const MAX_WEBHOOKS_PER_PROGRAM = 20
export const MAX_URL_LENGTH = 2048

export interface WebhookInput {
  url: string
  events: string[]
  description?: string | null
  active?: boolean
}

export type WebhookPatch = Partial<WebhookInput>

export interface WebhookResource {
  id: string
  url: string
  events: string[]
  description: string | null
  active: boolean
  created_at: string
  updated_at: string
}

export interface WebhookWithSecret extends WebhookResource {
  /** The key of the signatures: shown when the webhook is made and when the secret is rolled. */
  secret: string
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed'

export interface WebhookDeliveryResource {
  id: string
  webhook: string
  event: { id: string; type: string }
  status: DeliveryStatus
  attempts: number
  response_code: number | null
  error: string | null
  next_attempt_at: string | null
  last_attempt_at: string | null
  delivered_at: string | null
  created_at: string
}

export interface WebhookAttempt {
  attempt: number
  started_at: string
  duration_ms: number
  response_code: number | null
  response_body: string | null
  error: string | null
}

export interface WebhookDeliveryDetail extends WebhookDeliveryResource {
  /** The body that is (and was) sent: `{ id, type, created_at, data }`. */
  payload: WebhookPayload
  attempt_log: WebhookAttempt[]
}

/** What a delivery posts: one domain event. Its `id` stays the same across retries. */
export interface WebhookPayload {
  id: string
  type: string
  created_at: string
  data: Record<string, unknown>
}

/** Checks a webhook's fields; the URL against the program's rule on private targets. */
export function validateWebhook(input: WebhookPatch, allowPrivateTargets: boolean): void {
  if (input.url !== undefined) checkTargetUrl(input.url, { allowPrivateTargets, path: 'url' })
  if (input.events !== undefined) {
    if (input.events.length === 0) throw AppError.invalid('events', 'name at least one event type')
    const known = new Set(WEBHOOK_EVENT_TYPES)
    input.events.forEach((type, i) => {
      if (type !== ALL_EVENTS && !known.has(type))
        throw AppError.invalid(
          `events[${i}]`,
          `"${type}" is not an event type; use "*" or one of ${WEBHOOK_EVENT_TYPES.join(', ')}`,
        )
    })
    if (new Set(input.events).size !== input.events.length)
      throw AppError.invalid('events', 'names an event type twice')
  }
}

export function presentWebhook(row: WebhookRow): WebhookResource {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    description: row.description,
    active: row.active,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  }
}

export function presentDelivery(row: WebhookDeliveryRow): WebhookDeliveryResource {
  return {
    id: row.id,
    webhook: row.webhook_id,
    event: { id: row.event_id, type: row.event_type },
    status: row.status,
    attempts: row.attempts,
    response_code: row.response_code,
    error: row.error,
    next_attempt_at: row.next_attempt_at?.toISOString() ?? null,
    last_attempt_at: row.last_attempt_at?.toISOString() ?? null,
    delivered_at: row.delivered_at?.toISOString() ?? null,
    created_at: row.created_at.toISOString(),
  }
}

export function presentAttempt(row: WebhookAttemptRow): WebhookAttempt {
  return {
    attempt: row.attempt,
    started_at: row.started_at.toISOString(),
    duration_ms: row.duration_ms,
    response_code: row.response_code,
    response_body: row.response_body,
    error: row.error,
  }
}

/** The body of a delivery, byte for byte the same on every attempt. */
export function payloadBody(payload: WebhookPayload): string {
  return JSON.stringify(payload)
}

/**
 * The `Loyalbase-Signature` header (api.md): `t=<unix seconds>,v1=<hex HMAC-SHA256(secret,
 * t + "." + body)>`. The time is signed with the body, so a receiver can refuse old replays.
 */
export function signatureHeader(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000)
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')
  return `t=${t},v1=${v1}`
}

/**
 * How long after its `attempts`-th failed attempt a delivery is tried again: `base` × 4ⁿ⁻¹,
 * at most six hours, less up to a fifth at random so that a receiver coming back is not met by
 * every delivery in the same second. With the default base of 5 s: 5 s, 20 s, 80 s, 5 min,
 * 21 min, 85 min, 5.7 h, then every 6 h — 15 attempts span about two and a half days.
 */
export function retryDelayMs(attempts: number, baseMs: number, random = Math.random()): number {
  const cap = 6 * 60 * 60 * 1000
  const delay = Math.min(cap, baseMs * 4 ** Math.max(0, attempts - 1))
  return Math.round(delay * (1 - 0.2 * random))
}
