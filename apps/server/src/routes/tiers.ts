import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { AppDeps } from '../app.js'
import { programOf } from '../http/context.js'
import { errorResponses } from '../schemas/common.js'

export async function tierRoutes(app: FastifyInstance, _deps: AppDeps) {
  app.get(
    '/v1/tiers',
    {
      config: { auth: { kind: 'program' } },
      schema: {
        tags: ['tiers'],
        operationId: 'getTiers',
        summary: 'The program’s tier ladder',
        response: { 200: Type.Ref('TierLadder'), ...errorResponses() },
      },
    },
    async (request) => programOf(request).tier_ladder,
  )
}
