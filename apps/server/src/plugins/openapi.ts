import swagger, { type FastifyDynamicSwaggerOptions } from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { DOMAIN_EVENT_SCHEMAS } from '@loyalbase/core'
import type { FastifyInstance, FastifySchema } from 'fastify'
import fp from 'fastify-plugin'
import { problemResponse } from '../schemas/common.js'
import { SHARED_SCHEMAS } from '../schemas/shared.js'

const SUCCESS: Record<string, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No content',
}

/**
 * What every route shares, filled in once: a description for each success response, 413 and
 * 415 for each route that reads a body.
 */
function completeResponses(schema: FastifySchema): FastifySchema {
  const response = { ...(schema.response as Record<string, Record<string, unknown>>) }
  for (const [status, answer] of Object.entries(response)) {
    if (/^2\d\d$/.test(status) && !answer.description) {
      // Beside a $ref the description stays out of the schema; inline it would not.
      const key = '$ref' in answer ? 'description' : 'x-response-description'
      response[status] = { ...answer, [key]: SUCCESS[status] ?? 'Success' }
    }
  }
  if (schema.body) {
    response[413] ??= problemResponse(413)
    response[415] ??= problemResponse(415)
  }
  return { ...schema, response }
}

/**
 * OpenAPI 3.1 `webhooks`: what a webhook endpoint receives for each event type, from the domain
 * events' own schemas, with the signature header it must check.
 */
type OpenApi31 = Extract<
  NonNullable<FastifyDynamicSwaggerOptions['openapi']>,
  { webhooks?: unknown }
>
type Webhooks = NonNullable<OpenApi31['webhooks']>

function webhookPayloads(): Webhooks {
  return Object.fromEntries(
    Object.entries(DOMAIN_EVENT_SCHEMAS).map(([type, schema]) => {
      // Plain JSON: the schema objects carry TypeBox's symbols.
      const data = JSON.parse(JSON.stringify(schema)) as { description?: string }
      const operation = {
        operationId: `webhook_${type.replace(/[^a-z]+/g, '_')}`,
        summary: `${type}: ${data.description ?? 'a domain event'}`,
        tags: ['webhooks'],
        security: [],
        parameters: [
          {
            name: 'Loyalbase-Signature',
            in: 'header',
            required: true,
            description:
              '`t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>`: check it ' +
              'against the raw body and refuse a stale `t`.',
            schema: { type: 'string' },
          },
          {
            name: 'Loyalbase-Event-Id',
            in: 'header',
            required: true,
            description: 'The event’s `id`, the same on every retry: de-duplicate by it.',
            schema: { type: 'string' },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['id', 'type', 'created_at', 'data'],
                properties: {
                  id: { type: 'string', description: '`evt_…`' },
                  type: { type: 'string', const: type },
                  created_at: { type: 'string', format: 'date-time' },
                  data,
                },
              },
            },
          },
        },
        responses: {
          '200': { description: 'Any 2xx answer marks the delivery delivered' },
          default: { description: 'Anything else (or no answer in 10 s) is retried with backoff' },
        },
      }
      return [type, { post: operation }]
    }),
  ) as Webhooks
}

/** The OpenAPI 3.1 document is generated from the routes' own schemas. */
export const openApiPlugin = fp(async (app: FastifyInstance) => {
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema)
  app.addHook('onRoute', (route) => {
    if (route.schema?.response && !route.schema.hide) route.schema = completeResponses(route.schema)
  })
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Loyalbase API',
        version: '1.0.0',
        description:
          'Membership and loyalty engine: members, tiers, points, coupons, benefits and analytics.',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      // Relative: the document is served by the server it describes.
      servers: [{ url: '/', description: 'This Loyalbase server' }],
      components: {
        securitySchemes: {
          bearerAuth: {
            type: 'http',
            scheme: 'bearer',
            description:
              'A program key (lb_sk_…), the platform admin key, or a portal session token.',
          },
        },
      },
      security: [{ bearerAuth: [] }],
      webhooks: webhookPayloads(),
      tags: [
        { name: 'programs', description: 'Programs and their keys (platform admin key)' },
        { name: 'program', description: 'The calling key’s own program' },
        { name: 'members', description: 'Members' },
        { name: 'points', description: 'Points balances, ledger and spending' },
        { name: 'earning-rules', description: 'Earning rules: what orders and events pay' },
        { name: 'orders', description: 'Orders and refunds' },
        {
          name: 'checkout',
          description: 'Checkout quotes: prices, coupons and points before the order',
        },
        { name: 'events', description: 'Behaviour events' },
        { name: 'tiers', description: 'Tier ladder' },
        { name: 'coupons', description: 'Coupon templates, coupons and bulk codes' },
        {
          name: 'benefits',
          description:
            'Member benefits: quotas, uses, the delivery audit; early access releases, dedicated advisors',
        },
        {
          name: 'rewards',
          description: 'The rewards catalog (积分商城): rewards, redemptions and their fulfilment',
        },
        { name: 'segments', description: 'Segments: members chosen by a condition, counted live' },
        { name: 'appointments', description: 'Appointment slots and members’ bookings (预约购物)' },
        {
          name: 'exclusive-events',
          description: 'Exclusive events, invitations and RSVPs (特别活动邀请)',
        },
        { name: 'portal', description: 'Member portal sessions and the portal’s own API' },
        { name: 'jobs', description: 'Scheduled jobs' },
        { name: 'imports', description: 'CSV imports of members and orders, from the console' },
        {
          name: 'webhooks',
          description: 'Webhook endpoints, their signed deliveries and delivery logs',
        },
        { name: 'health', description: 'Liveness and readiness' },
      ],
    },
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`),
    },
  })
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true },
  })
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
})
