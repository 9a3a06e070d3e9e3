import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { portalOf } from '../http/context.js'
import type { AppDeps } from '../http/deps.js'
import { ZMemberBenefit } from '../schemas/benefits.js'
import { errorResponses } from '../schemas/common.js'

const portal = { auth: { kind: 'portal' as const } }

/** The portal's benefits: the session member's, as `GET /v1/members/{member}/benefits` shows them. */
export async function portalBenefitRoutes(fastify: FastifyInstance, { services }: AppDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  app.get(
    '/v1/portal/benefits',
    {
      config: portal,
      schema: {
        tags: ['portal'],
        operationId: 'listPortalBenefits',
        summary: 'The benefits of the session member’s tier, with what is left of each this period',
        description:
          'The same array as `GET /v1/members/{member}/benefits`: each benefit with its quota ' +
          '(`count`, `used`, `remaining`, `resets_at` in the program’s time zone) or `null`.',
        response: { 200: Type.Array(ZMemberBenefit), ...errorResponses() },
      },
    },
    async (request) => {
      const { program, memberId } = portalOf(request)
      return services.benefits.forMember(program, memberId)
    },
  )
}
