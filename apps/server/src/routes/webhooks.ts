import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { idempotencyClaim, programOf, sendStored } from '../http/context.js'
import type { AppDeps } from '../http/deps.js'
import { errorResponses, ZPage, ZPageQuery } from '../schemas/common.js'
import {
  ZDeliveryParams,
  ZDeliveryQuery,
  ZWebhookCreate,
  ZWebhookDeliveryDetail,
  ZWebhookParams,
  ZWebhookPatch,
  ZWebhookSummary,
  ZWebhookWithSecret,
} from '../schemas/webhooks.js'

const anyKey = { auth: { kind: 'program' as const } }
const admin = { auth: { kind: 'program' as const, roles: ['admin' as const] } }
const Webhook = Type.Ref('Webhook')
const Delivery = Type.Ref('WebhookDelivery')

/** Webhook endpoints and their delivery logs (docs/webhooks.md). */
export async function webhookRoutes(fastify: FastifyInstance, { services }: AppDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const tags = ['webhooks']

  app.post(
    '/v1/webhooks',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'createWebhook',
        summary: 'Subscribe an endpoint to domain events',
        description:
          'Every event of the listed types recorded from now on is posted to `url`, signed ' +
          '(`Loyalbase-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`), ' +
          'and retried with backoff until a `2xx` answers (first retry within 10 seconds). The ' +
          '`secret` is shown only in this answer (and when rolled). `Idempotency-Key` accepted.',
        body: ZWebhookCreate,
        response: { 201: ZWebhookWithSecret, ...errorResponses(409, 422) },
      },
    },
    async (request, reply) =>
      sendStored(
        reply,
        await services.webhooks.create(programOf(request), request.body, idempotencyClaim(request)),
      ),
  )

  app.get(
    '/v1/webhooks',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'listWebhooks',
        summary: 'List webhooks, oldest first',
        querystring: Type.Object(ZPageQuery),
        response: { 200: ZPage(Webhook), ...errorResponses() },
      },
    },
    async (request) => services.webhooks.list(programOf(request), request.query),
  )

  app.get(
    '/v1/webhooks/:id',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'getWebhook',
        summary: 'Get a webhook with its deliveries counted by status',
        params: ZWebhookParams,
        response: { 200: ZWebhookSummary, ...errorResponses() },
      },
    },
    async (request) => services.webhooks.get(programOf(request), request.params.id),
  )

  app.patch(
    '/v1/webhooks/:id',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'updateWebhook',
        summary: 'Change a webhook’s URL, events or description, or switch it off or on',
        description:
          'Deliveries already made keep going to the webhook (to its new URL); an inactive ' +
          'webhook is sent no new events.',
        params: ZWebhookParams,
        body: ZWebhookPatch,
        response: { 200: Webhook, ...errorResponses() },
      },
    },
    async (request) =>
      services.webhooks.update(programOf(request), request.params.id, request.body),
  )

  app.post(
    '/v1/webhooks/:id/secret',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'rollWebhookSecret',
        summary: 'Roll the webhook’s secret',
        description: 'Deliveries from now on are signed with the new secret, shown once here.',
        params: ZWebhookParams,
        response: { 200: ZWebhookWithSecret, ...errorResponses() },
      },
    },
    async (request) => services.webhooks.rollSecret(programOf(request), request.params.id),
  )

  app.delete(
    '/v1/webhooks/:id',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'deleteWebhook',
        summary: 'Delete a webhook with its deliveries',
        params: ZWebhookParams,
        response: { 204: Type.Null({ description: 'Deleted' }), ...errorResponses() },
      },
    },
    async (request, reply) => {
      await services.webhooks.remove(programOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/v1/webhooks/:id/deliveries',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'listWebhookDeliveries',
        summary: 'The webhook’s delivery log, newest first',
        description:
          'One delivery per event: its status, the attempts made, the last answer’s status code ' +
          'or error, and when it is tried next.',
        params: ZWebhookParams,
        querystring: ZDeliveryQuery,
        response: { 200: ZPage(Delivery), ...errorResponses() },
      },
    },
    async (request) =>
      services.webhooks.deliveries(programOf(request), request.params.id, request.query),
  )

  app.get(
    '/v1/webhooks/:id/deliveries/:delivery',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'getWebhookDelivery',
        summary: 'A delivery with its payload and every attempt',
        params: ZDeliveryParams,
        response: { 200: ZWebhookDeliveryDetail, ...errorResponses() },
      },
    },
    async (request) =>
      services.webhooks.delivery(programOf(request), request.params.id, request.params.delivery),
  )

  app.post(
    '/v1/webhooks/:id/deliveries/:delivery/redeliver',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'redeliverWebhookDelivery',
        summary: 'Send a delivery again now',
        description:
          'The same event (same `id`, same body) is sent again at once, whether it was ' +
          'delivered, failed or is still waiting; a failed delivery gets one more attempt.',
        params: ZDeliveryParams,
        response: { 200: Delivery, ...errorResponses() },
      },
    },
    async (request) =>
      services.webhooks.redeliver(programOf(request), request.params.id, request.params.delivery),
  )
}
