import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { portalOf } from '../http/context.js'
import type { AppDeps } from '../http/deps.js'
import { ZMemberBenefit } from '../schemas/benefits.js'
import { errorResponses } from '../schemas/common.js'

const portal = { auth: { kind: 'portal' as const } }

const ZQuotaPeriod = Type.Union([Type.Literal('week'), Type.Literal('month'), Type.Literal('year')])

/** A member benefit as the portal shows it: its quota also says its period ("left this month"). */
const ZPortalBenefit = Type.Object({
  ...ZMemberBenefit.properties,
  quota: Type.Union([
    Type.Object({
      count: Type.Integer(),
      used: Type.Integer(),
      remaining: Type.Integer(),
      resets_at: Type.String({ format: 'date-time' }),
      period: ZQuotaPeriod,
    }),
    Type.Null(),
  ]),
})

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
          'The array of `GET /v1/members/{member}/benefits`: each benefit with its quota ' +
          '(`count`, `used`, `remaining`, `resets_at` in the program’s time zone, and the quota’s ' +
          '`period`, `week`, `month` or `year`) or `null`.',
        response: { 200: Type.Array(ZPortalBenefit), ...errorResponses() },
      },
    },
    async (request) => {
      const { program, memberId } = portalOf(request)
      const mine = await services.benefits.forMember(program, memberId)
      const periods = new Map(
        (await services.benefits.liveFor(program)).map((b) => [b.key, b.quota?.period]),
      )
      return mine.map((benefit) => ({
        ...benefit,
        quota: benefit.quota && {
          ...benefit.quota,
          period: periods.get(benefit.key) ?? 'month',
        },
      }))
    },
  )
}
