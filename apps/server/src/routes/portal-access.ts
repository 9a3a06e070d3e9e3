import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { portalOf } from '../http/context.js'
import type { AppDeps } from '../http/deps.js'
import { errorResponses } from '../schemas/common.js'
import { ZMemberRelease } from '../schemas/releases.js'

const portal = { auth: { kind: 'portal' as const } }

/** The portal's view of the session member's advisor and of early access. */
export async function portalAccessRoutes(fastify: FastifyInstance, { services }: AppDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const tags = ['portal']

  app.get(
    '/v1/portal/advisor',
    {
      config: portal,
      schema: {
        tags,
        operationId: 'getPortalAdvisor',
        summary: 'The member’s dedicated advisor, or null',
        response: {
          200: Type.Object({
            advisor: Type.Union([Type.Ref('AdvisorContact'), Type.Null()]),
          }),
          ...errorResponses(),
        },
      },
    },
    async (request) => {
      const session = portalOf(request)
      return { advisor: await services.advisors.contactFor(session.program, session.memberId) }
    },
  )

  app.get(
    '/v1/portal/releases',
    {
      config: portal,
      schema: {
        tags,
        operationId: 'listPortalReleases',
        summary: 'Releases not yet public, soonest first, with when each opens to the member',
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
        }),
        response: { 200: Type.Object({ data: Type.Array(ZMemberRelease) }), ...errorResponses() },
      },
    },
    async (request) => {
      const session = portalOf(request)
      return services.releases.upcomingFor(session.program, session.memberId, request.query.limit)
    },
  )

  app.get(
    '/v1/portal/releases/:sku',
    {
      config: portal,
      schema: {
        tags,
        operationId: 'getPortalReleaseAccess',
        summary: 'May the member buy the SKU now, and from when?',
        params: Type.Object({ sku: Type.String({ minLength: 1, maxLength: 128 }) }),
        response: { 200: Type.Ref('ReleaseAccess'), ...errorResponses() },
      },
    },
    async (request) => {
      const session = portalOf(request)
      return services.releases.access(session.program, session.memberId, request.params.sku)
    },
  )
}
