import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { keyIdOf, programOf } from '../http/context.js'
import type { AppDeps } from '../http/deps.js'
import { ZQuote, ZQuoteRequest } from '../schemas/checkout.js'
import { errorResponses } from '../schemas/common.js'

// A quote's read checks its key and program (checkout.service.ts): the key may be remembered.
const writers = {
  auth: {
    kind: 'program' as const,
    roles: ['admin' as const, 'server' as const],
    rechecked: true,
  },
}

export async function checkoutRoutes(fastify: FastifyInstance, { services }: AppDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

  app.post(
    '/v1/checkout/quote',
    {
      config: writers,
      schema: {
        tags: ['checkout'],
        operationId: 'quoteCheckout',
        summary: 'What a basket costs after coupons and points, and what it earns; no side effects',
        body: ZQuoteRequest,
        response: { 200: ZQuote, ...errorResponses() },
      },
    },
    async (request) =>
      services.checkout.quote(programOf(request), request.body, { keyId: keyIdOf(request) }),
  )
}
