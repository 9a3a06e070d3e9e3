import { randomUUID } from 'node:crypto'
import type { Config } from '@loyalbase/config'
import type { Services } from '@loyalbase/core'
import Fastify, { type FastifyInstance } from 'fastify'
import type { AppDeps } from './http/deps.js'
import type { AuthRequirement } from './http/identity.js'
import { authPlugin } from './plugins/auth.js'
import { errorsPlugin, frameworkErrors } from './plugins/errors.js'
import { jsonBodyPlugin } from './plugins/json-body.js'
import { metricsPlugin } from './plugins/metrics.js'
import { openApiPlugin } from './plugins/openapi.js'
import { rateLimitPlugin } from './plugins/rate-limit.js'
import { validationPlugin } from './plugins/validation.js'
import { webPlugin } from './plugins/web.js'
import { advisorRoutes } from './routes/advisors.js'
import { appointmentRoutes } from './routes/appointments.js'
import { benefitRoutes } from './routes/benefits.js'
import { campaignRoutes } from './routes/campaigns.js'
import { checkoutRoutes } from './routes/checkout.js'
import { couponRoutes } from './routes/coupons.js'
import { earningRuleRoutes } from './routes/earning-rules.js'
import { exclusiveEventRoutes } from './routes/exclusive-events.js'
import { healthRoutes } from './routes/health.js'
import { importRoutes } from './routes/imports.js'
import { jobRoutes } from './routes/jobs.js'
import { memberRoutes } from './routes/members.js'
import { orderRoutes } from './routes/orders.js'
import { pointRoutes } from './routes/points.js'
import { portalRoutes } from './routes/portal.js'
import { portalAccessRoutes } from './routes/portal-access.js'
import { portalBenefitRoutes } from './routes/portal-benefits.js'
import { portalRewardRoutes } from './routes/portal-rewards.js'
import { portalServiceRoutes } from './routes/portal-services.js'
import { programRoutes } from './routes/programs.js'
import { releaseRoutes } from './routes/releases.js'
import { rewardRoutes } from './routes/rewards.js'
import { segmentRoutes } from './routes/segments.js'
import { tierRoutes } from './routes/tiers.js'
import { webhookRoutes } from './routes/webhooks.js'

export type { AppDeps } from './http/deps.js'

/** Every route with its auth requirement: tests walk it to prove program isolation. */
export interface RouteEntry {
  method: string
  url: string
  auth: AuthRequirement
}

declare module 'fastify' {
  interface FastifyInstance {
    routeCatalog: RouteEntry[]
  }
}

export const BODY_LIMIT = 1024 * 1024
const REQUEST_ID = /^[\w.:-]{1,128}$/

export type AppConfig = Pick<Config, 'rateLimit' | 'trustProxy' | 'logLevel' | 'webDist'>

/** Builds the HTTP app: plugins first (errors, parsing, auth, limits), then one file per resource. */
export async function buildApp(services: Services, config: AppConfig): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
    bodyLimit: BODY_LIMIT,
    trustProxy: config.trustProxy === false ? false : config.trustProxy,
    // A caller's request id is kept only when it is a sane token; otherwise we make one.
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id']
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID()
    },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
    // Path parameters hold external ids of up to 128 characters, percent-encoded.
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 2048 },
    frameworkErrors,
  })
  const catalog: RouteEntry[] = []
  app.decorate('routeCatalog', catalog)
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    for (const method of methods) {
      if (method === 'HEAD') continue
      catalog.push({ method, url: route.url, auth: route.config?.auth ?? { kind: 'public' } })
    }
  })
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })

  const deps: AppDeps = { services }
  await app.register(errorsPlugin)
  await app.register(validationPlugin)
  await app.register(jsonBodyPlugin)
  await app.register(openApiPlugin)
  await app.register(authPlugin, { services })
  await app.register(rateLimitPlugin, { max: config.rateLimit })
  await app.register(metricsPlugin)

  await app.register(healthRoutes, deps)
  await app.register(programRoutes, deps)
  await app.register(memberRoutes, deps)
  await app.register(pointRoutes, deps)
  await app.register(orderRoutes, deps)
  await app.register(checkoutRoutes, deps)
  await app.register(earningRuleRoutes, deps)
  await app.register(tierRoutes, deps)
  await app.register(couponRoutes, deps)
  await app.register(segmentRoutes, deps)
  await app.register(campaignRoutes, deps)
  await app.register(benefitRoutes, deps)
  await app.register(appointmentRoutes, deps)
  await app.register(exclusiveEventRoutes, deps)
  await app.register(portalRoutes, deps)
  await app.register(portalServiceRoutes, deps)
  await app.register(releaseRoutes, deps)
  await app.register(advisorRoutes, deps)
  await app.register(portalAccessRoutes, deps)
  await app.register(portalBenefitRoutes, deps)
  await app.register(rewardRoutes, deps)
  await app.register(portalRewardRoutes, deps)
  await app.register(jobRoutes, deps)
  await app.register(webhookRoutes, deps)
  await app.register(importRoutes, deps)
  if (config.webDist) await app.register(webPlugin, { dist: config.webDist })
  return app
}
