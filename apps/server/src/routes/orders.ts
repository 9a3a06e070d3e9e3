import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { keyIdOf, programOf, sendStored } from '../http/context.js'
import type { AppDeps } from '../http/deps.js'
import { errorResponses } from '../schemas/common.js'
import {
  ZEvent,
  ZEventCreate,
  ZEventCreated,
  ZOrderCreate,
  ZOrderCreated,
  ZRefundCreate,
  ZRefundCreated,
} from '../schemas/orders.js'

const anyKey = { auth: { kind: 'program' as const } }
const writers = { auth: { kind: 'program' as const, roles: ['admin' as const, 'server' as const] } }
// The order's write checks the key and the program again (lb_apply_order).
const orderWriters = { auth: { ...writers.auth, rechecked: true } }
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 128 }) })

/** Orders, refunds and events: idempotent by the merchant's own ids. */
export async function orderRoutes(fastify: FastifyInstance, { services }: AppDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

  app.post(
    '/v1/orders',
    {
      config: orderWriters,
      schema: {
        tags: ['orders'],
        operationId: 'createOrder',
        summary: 'Record a completed order; earns by the rules at once',
        description:
          'Idempotent by the order `id`: a replay with the same body returns the first response, another body is 409.',
        body: ZOrderCreate,
        response: { 201: ZOrderCreated, ...errorResponses(409, 422) },
      },
    },
    async (request, reply) =>
      sendStored(
        reply,
        await services.orders.create(programOf(request), request.body, {
          keyId: keyIdOf(request),
        }),
      ),
  )

  app.get(
    '/v1/orders/:id',
    {
      config: anyKey,
      schema: {
        tags: ['orders'],
        operationId: 'getOrder',
        summary: 'An order with what it earned and its refunds',
        params: IdParams,
        response: { 200: Type.Ref('Order'), ...errorResponses() },
      },
    },
    async (request) => services.orders.get(programOf(request), request.params.id),
  )

  app.post(
    '/v1/orders/:id/refunds',
    {
      config: writers,
      schema: {
        tags: ['orders'],
        operationId: 'createRefund',
        summary: 'Refund part or all of an order; points and growth are reversed in proportion',
        description: 'Idempotent by the refund `id`.',
        params: IdParams,
        body: ZRefundCreate,
        response: { 201: ZRefundCreated, ...errorResponses(409, 422) },
      },
    },
    async (request, reply) =>
      sendStored(
        reply,
        await services.orders.refund(programOf(request), request.params.id, request.body),
      ),
  )

  app.post(
    '/v1/events',
    {
      config: writers,
      schema: {
        tags: ['events'],
        operationId: 'createEvent',
        summary: 'Record a behaviour event (review, share, check-in, custom…); earns by the rules',
        description: 'Idempotent by the event `id`.',
        body: ZEventCreate,
        response: { 201: ZEventCreated, ...errorResponses(409) },
      },
    },
    async (request, reply) =>
      sendStored(reply, await services.events.record(programOf(request), request.body)),
  )

  app.get(
    '/v1/events/:id',
    {
      config: anyKey,
      schema: {
        tags: ['events'],
        operationId: 'getEvent',
        summary: 'An event and what it earned',
        params: IdParams,
        response: { 200: ZEvent, ...errorResponses() },
      },
    },
    async (request) => services.events.get(programOf(request), request.params.id),
  )
}
