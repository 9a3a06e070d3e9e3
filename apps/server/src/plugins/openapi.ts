import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { SHARED_SCHEMAS } from '../schemas/shared.js'

/** The OpenAPI 3.1 document is generated from the routes' own schemas. */
export const openApiPlugin = fp(async (app: FastifyInstance) => {
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema)
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
      servers: [{ url: 'http://localhost:3000', description: 'A local Loyalbase' }],
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
      tags: [
        { name: 'programs', description: 'Programs and their keys (platform admin key)' },
        { name: 'program', description: 'The calling key’s own program' },
        { name: 'members', description: 'Members' },
        { name: 'tiers', description: 'Tier ladder' },
        { name: 'portal', description: 'Member portal sessions and the portal’s own API' },
        { name: 'jobs', description: 'Scheduled jobs' },
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
