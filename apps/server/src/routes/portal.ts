import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { portalOf } from '../http/context.js'
import type { AppDeps } from '../http/deps.js'
import { errorResponses, ZPage, ZPageQuery } from '../schemas/common.js'
import { ZCoupon, ZCouponTemplate, ZMemberCouponQuery } from '../schemas/coupons.js'
import { ZPointsBalance } from '../schemas/points.js'
import { ZTierStatus } from '../schemas/tiers.js'

const portal = { auth: { kind: 'portal' as const } }

/** A member's coupon with what it does, for the portal (the template's terms, not its counts). */
const ZPortalCoupon = Type.Object({
  ...ZCoupon.properties,
  terms: Type.Object(
    {
      name: ZCouponTemplate.properties.name,
      discount: ZCouponTemplate.properties.discount,
      min_spend: ZCouponTemplate.properties.min_spend,
      applies_to: ZCouponTemplate.properties.applies_to,
      stackable: ZCouponTemplate.properties.stackable,
    },
    { description: 'What the coupon takes off, on what, from its template' },
  ),
})

/** The member portal's own API: everything is the session's member, nothing else. */
export async function portalRoutes(fastify: FastifyInstance, { services }: AppDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  app.get(
    '/v1/portal/me',
    {
      config: portal,
      schema: {
        tags: ['portal'],
        operationId: 'getPortalMe',
        summary: 'The session’s member and program, for the member card',
        response: {
          200: Type.Object({
            member: Type.Ref('Member'),
            program: Type.Object({
              id: Type.String(),
              name: Type.String(),
              currency: Type.String(),
              locale: Type.String(),
              timezone: Type.String(),
              points_policy: Type.Object(
                {
                  redeem_rate: Type.Number({
                    description: 'Points worth one major currency unit at checkout',
                  }),
                  max_redeem_percent: Type.Number({
                    description: 'The most of an order points may pay, in percent',
                  }),
                },
                { description: 'Points as cash at checkout' },
              ),
            }),
            locale: Type.Union([Type.String(), Type.Null()]),
            return_url: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses(),
        },
      },
    },
    async (request) => {
      const session = portalOf(request)
      const { program } = session
      return {
        member: await services.members.get(program, session.memberId),
        program: {
          id: program.id,
          name: program.name,
          currency: program.currency,
          locale: program.locale,
          timezone: program.timezone,
          points_policy: {
            redeem_rate: program.points_policy.redeem_rate,
            max_redeem_percent: program.points_policy.max_redeem_percent,
          },
        },
        locale: session.locale,
        return_url: session.returnUrl,
      }
    },
  )

  app.get(
    '/v1/portal/points',
    {
      config: portal,
      schema: {
        tags: ['portal'],
        operationId: 'getPortalPoints',
        summary: 'The session member’s balance, pending points and what expires when',
        response: { 200: ZPointsBalance, ...errorResponses() },
      },
    },
    async (request) => {
      const session = portalOf(request)
      return services.points.balance(session.program, session.memberId)
    },
  )

  app.get(
    '/v1/portal/points/transactions',
    {
      config: portal,
      schema: {
        tags: ['portal'],
        operationId: 'listPortalPointTransactions',
        summary: 'The session member’s points history, newest first',
        querystring: Type.Object(ZPageQuery),
        response: { 200: ZPage(Type.Ref('PointTransaction')), ...errorResponses() },
      },
    },
    async (request) => {
      const session = portalOf(request)
      return services.points.transactions(session.program, session.memberId, request.query)
    },
  )

  app.get(
    '/v1/portal/tier',
    {
      config: portal,
      schema: {
        tags: ['portal'],
        operationId: 'getPortalTier',
        summary: 'The session member’s tier, progress to the next and what keeps it',
        response: {
          200: Type.Object({
            ...ZTierStatus.properties,
            ladder: Type.Array(
              Type.Object({
                key: Type.String(),
                name: Type.String(),
                threshold: Type.Integer(),
                name_en: Type.Optional(Type.String()),
                color: Type.Optional(Type.String()),
              }),
            ),
            metric_type: Type.String(),
          }),
          ...errorResponses(),
        },
      },
    },
    async (request) => {
      const session = portalOf(request)
      const status = await services.tiers.memberTier(session.program, session.memberId)
      return {
        ...status,
        ladder: session.program.tier_ladder.tiers,
        metric_type: session.program.tier_ladder.metric,
      }
    },
  )

  app.get(
    '/v1/portal/coupons',
    {
      config: portal,
      schema: {
        tags: ['portal'],
        operationId: 'listPortalCoupons',
        summary: 'The session member’s coupons with what each does, the latest issued first',
        description:
          '`status=active`: usable now or later; `redeemed`: used; `expired`: past `expires_at`.',
        querystring: ZMemberCouponQuery,
        response: { 200: ZPage(ZPortalCoupon), ...errorResponses() },
      },
    },
    async (request) => {
      const { program, memberId } = portalOf(request)
      const page = await services.coupons.memberCoupons(program, memberId, request.query)
      const ids = [...new Set(page.data.map((coupon) => coupon.template))]
      const templates = new Map(
        await Promise.all(
          ids.map(async (id) => [id, await services.coupons.getTemplate(program, id)] as const),
        ),
      )
      return {
        next_cursor: page.next_cursor,
        data: page.data.map((coupon) => {
          const template = templates.get(coupon.template)
          if (!template) throw new Error(`coupon ${coupon.id} has no template`)
          return {
            ...coupon,
            terms: {
              name: template.name,
              discount: template.discount,
              min_spend: template.min_spend,
              applies_to: template.applies_to,
              stackable: template.stackable,
            },
          }
        }),
      }
    },
  )
}
