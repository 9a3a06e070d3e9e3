import { type ApiClient, unwrap } from './client'
import type { ApiBody, ApiResponse, Schemas } from './schema'

export type Webhook = Schemas['Webhook']
export type WebhookInput = ApiBody<'/v1/webhooks', 'post'>
export type WebhookPatch = ApiBody<'/v1/webhooks/{id}', 'patch'>
/** A webhook as created or with its secret rolled: the only answers that carry the secret. */
export type WebhookWithSecret = ApiResponse<'/v1/webhooks', 'post', 201>
/** A webhook with its deliveries counted by status. */
export type WebhookSummary = ApiResponse<'/v1/webhooks/{id}', 'get'>
export type DeliveryCounts = WebhookSummary['deliveries']
export type WebhookEventType = Webhook['events'][number]
export type WebhookDelivery = Schemas['WebhookDelivery']
export type DeliveryStatus = WebhookDelivery['status']
export type WebhookDeliveryDetail = ApiResponse<'/v1/webhooks/{id}/deliveries/{delivery}', 'get'>
export type DeliveryAttempt = WebhookDeliveryDetail['attempt_log'][number]

/** `*`: every event type, those to come included. */
export const ALL_EVENTS = '*' satisfies WebhookEventType

/** The event types a webhook may subscribe to (the domain events' catalogue), by area. */
export const WEBHOOK_EVENT_TYPES = [
  'member.created',
  'points.earned',
  'points.redeemed',
  'points.adjusted',
  'points.expired',
  'points.reversed',
  'points.returned',
  'tier.changed',
  'tier.upgraded',
  'coupon.issued',
  'reward.redeemed',
  'reward.redemption_fulfilled',
  'reward.redemption_cancelled',
  'benefit.used',
  'benefit.returned',
  'appointment.booked',
  'appointment.cancelled',
  'event.invited',
  'event.responded',
  'advisor.assigned',
  'advisor.released',
] as const satisfies readonly Exclude<WebhookEventType, typeof ALL_EVENTS>[]

// The list above names every type of the contract: a type the server adds fails the type check.
type Unlisted = Exclude<WebhookEventType, typeof ALL_EVENTS | (typeof WEBHOOK_EVENT_TYPES)[number]>
const everyTypeListed: [Unlisted] extends [never] ? true : Unlisted = true
void everyTypeListed

export const DELIVERY_STATUSES = [
  'pending',
  'delivered',
  'failed',
] as const satisfies readonly DeliveryStatus[]

/** The program's webhooks, oldest first. */
export function listWebhooks(
  api: ApiClient,
  params: { limit?: number; cursor?: string },
  signal?: AbortSignal,
) {
  return unwrap(api.GET('/v1/webhooks', { params: { query: { ...params } }, signal }))
}

export function getWebhook(api: ApiClient, id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/v1/webhooks/{id}', { params: { path: { id } }, signal }))
}

/** Admin keys; the answer's `secret` is shown once. The idempotency key makes one webhook. */
export function createWebhook(api: ApiClient, input: WebhookInput, idempotencyKey: string) {
  return unwrap(
    api.POST('/v1/webhooks', { body: input, headers: { 'Idempotency-Key': idempotencyKey } }),
  )
}

export function updateWebhook(api: ApiClient, id: string, patch: WebhookPatch) {
  return unwrap(api.PATCH('/v1/webhooks/{id}', { params: { path: { id } }, body: patch }))
}

/** Deletes the webhook with its deliveries and their log. */
export async function deleteWebhook(api: ApiClient, id: string): Promise<void> {
  await unwrap(api.DELETE('/v1/webhooks/{id}', { params: { path: { id } } }))
}

/** A new secret, in force at once and shown once. */
export function rollWebhookSecret(api: ApiClient, id: string) {
  return unwrap(api.POST('/v1/webhooks/{id}/secret', { params: { path: { id } } }))
}

/** The delivery log, newest first. */
export function listWebhookDeliveries(
  api: ApiClient,
  id: string,
  params: { status?: DeliveryStatus; event_type?: string; limit?: number; cursor?: string },
  signal?: AbortSignal,
) {
  return unwrap(
    api.GET('/v1/webhooks/{id}/deliveries', {
      params: { path: { id }, query: { ...params } },
      signal,
    }),
  )
}

/** A delivery with the payload it posts and every attempt made. */
export function getWebhookDelivery(
  api: ApiClient,
  id: string,
  delivery: string,
  signal?: AbortSignal,
) {
  return unwrap(
    api.GET('/v1/webhooks/{id}/deliveries/{delivery}', {
      params: { path: { id, delivery } },
      signal,
    }),
  )
}

/** Sends the same event (same id, same body) again now; the delivery is pending again. */
export function redeliverWebhookDelivery(api: ApiClient, id: string, delivery: string) {
  return unwrap(
    api.POST('/v1/webhooks/{id}/deliveries/{delivery}/redeliver', {
      params: { path: { id, delivery } },
    }),
  )
}

/** Every webhook with its deliveries counted: a program has at most 20, so one page, then each. */
export async function listWebhookSummaries(
  api: ApiClient,
  signal?: AbortSignal,
): Promise<WebhookSummary[]> {
  const page = await listWebhooks(api, { limit: 100 }, signal)
  return Promise.all(page.data.map((webhook) => getWebhook(api, webhook.id, signal)))
}
