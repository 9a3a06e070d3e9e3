import { ALL_EVENTS, MAX_URL_LENGTH, WEBHOOK_EVENT_TYPES } from '@loyalbase/core'
import { Type } from 'typebox'
import { ZPageQuery, ZTimestamp } from './common.js'

const closed = { additionalProperties: false }
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()])

const terms = {
  url: Type.String({
    minLength: 1,
    maxLength: MAX_URL_LENGTH,
    description:
      '`http` or `https`, without credentials. Link-local and cloud-metadata addresses are ' +
      'refused unless the program allows private targets (`webhook_private_targets`).',
  }),
  events: Type.Array(
    Type.String({
      enum: [ALL_EVENTS, ...WEBHOOK_EVENT_TYPES],
      description: 'A domain event type (docs/domain-events.md), or `*` for every type',
    }),
    { minItems: 1, maxItems: WEBHOOK_EVENT_TYPES.length + 1, uniqueItems: true },
  ),
  description: nullable(Type.String({ maxLength: 500 })),
  active: Type.Boolean({ description: 'An inactive webhook is sent nothing new' }),
}

const webhookFields = {
  id: Type.String({ description: '`whk_…`' }),
  url: terms.url,
  events: terms.events,
  description: terms.description,
  active: terms.active,
  created_at: ZTimestamp,
  updated_at: ZTimestamp,
}

export const ZWebhook = Type.Object(webhookFields, { $id: 'Webhook' })

export const ZWebhookWithSecret = Type.Object({
  ...webhookFields,
  secret: Type.String({
    description:
      '`whsec_…`: the HMAC-SHA256 key of `Loyalbase-Signature`. Shown here and when rolled, ' +
      'never again.',
  }),
})

const ZDeliveryCounts = Type.Object({
  pending: Type.Integer({ minimum: 0 }),
  delivered: Type.Integer({ minimum: 0 }),
  failed: Type.Integer({ minimum: 0 }),
})

export const ZWebhookSummary = Type.Object({
  ...webhookFields,
  deliveries: ZDeliveryCounts,
})

export const ZWebhookCreate = Type.Object(
  {
    url: terms.url,
    events: terms.events,
    description: Type.Optional(terms.description),
    active: Type.Optional(Type.Boolean({ default: true })),
  },
  closed,
)

export const ZWebhookPatch = Type.Object(
  {
    url: Type.Optional(terms.url),
    events: Type.Optional(terms.events),
    description: Type.Optional(terms.description),
    active: Type.Optional(terms.active),
  },
  closed,
)

export const ZWebhookParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64, description: '`whk_…`' }),
})

export const ZDeliveryParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64, description: '`whk_…`' }),
  delivery: Type.String({ minLength: 1, maxLength: 64, description: '`dlv_…`' }),
})

const ZDeliveryStatus = Type.Union(
  [Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')],
  {
    description:
      '`pending` (waiting for its first or next attempt), `delivered` (a `2xx` answer), ' +
      '`failed` (every attempt failed; a redelivery tries once more)',
  },
)

export const ZDeliveryQuery = Type.Object({
  status: Type.Optional(ZDeliveryStatus),
  event_type: Type.Optional(Type.String({ maxLength: 64 })),
  ...ZPageQuery,
})

const deliveryFields = {
  id: Type.String({ description: '`dlv_…`' }),
  webhook: Type.String({ description: '`whk_…`' }),
  event: Type.Object({
    id: Type.String({ description: '`evt_…`: the same on every attempt, for de-duplication' }),
    type: Type.String(),
  }),
  status: ZDeliveryStatus,
  attempts: Type.Integer({ minimum: 0, description: 'Attempts made so far' }),
  response_code: nullable(
    Type.Integer({ description: 'The HTTP status of the last attempt’s answer' }),
  ),
  error: nullable(Type.String({ description: 'Why the last attempt failed' })),
  next_attempt_at: nullable(ZTimestamp),
  last_attempt_at: nullable(ZTimestamp),
  delivered_at: nullable(ZTimestamp),
  created_at: ZTimestamp,
}

export const ZWebhookDelivery = Type.Object(deliveryFields, { $id: 'WebhookDelivery' })

export const ZWebhookPayload = Type.Object(
  {
    id: Type.String({ description: '`evt_…`, stable across retries' }),
    type: Type.String(),
    created_at: ZTimestamp,
    data: Type.Record(Type.String(), Type.Unknown()),
  },
  { description: 'What a delivery posts: one domain event' },
)

export const ZWebhookDeliveryDetail = Type.Object({
  ...deliveryFields,
  payload: ZWebhookPayload,
  attempt_log: Type.Array(
    Type.Object({
      attempt: Type.Integer({ minimum: 1 }),
      started_at: ZTimestamp,
      duration_ms: Type.Integer({ minimum: 0 }),
      response_code: nullable(Type.Integer()),
      response_body: nullable(Type.String({ description: 'The first kilobyte of the answer' })),
      error: nullable(Type.String()),
    }),
  ),
})
