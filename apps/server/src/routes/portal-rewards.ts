import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { portalIdempotencyClaim, portalOf, sendStored } from '../http/context.js'
import type { AppDeps } from '../http/deps.js'
import { errorResponses, ZPage, ZPageQuery } from '../schemas/common.js'
import { ZMemberRedemptionQuery, ZRedeem } from '../schemas/rewards.js'

const portal = { auth: { kind: 'portal' as const } }

/** The member portal's rewards mall: the catalog as the session's member sees it. */
export async function portalRewardRoutes(fastify: FastifyInstance, { services }: AppDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const tags = ['portal']

  app.get(
    '/v1/portal/rewards',
    {
      config: portal,
      schema: {
        tags,
        operationId: 'listPortalRewards',
        summary: 'The rewards mall: active rewards, each with its state for the session member',
        description:
          'Each reward carries `eligibility`: `available`, `insufficient_points`, ' +
          '`tier_required`, `limit_reached` or `out_of_stock`.',
        querystring: Type.Object(ZPageQuery),
        response: { 200: ZPage(Type.Ref('Reward')), ...errorResponses() },
      },
    },
    async (request) => {
      const { program, memberId } = portalOf(request)
      return services.rewards.list(program, { ...request.query, active: true, member: memberId })
    },
  )

  app.post(
    '/v1/portal/reward-redemptions',
    {
      config: portal,
      schema: {
        tags,
        operationId: 'redeemPortalReward',
        summary: 'Redeem a reward with the session member’s points',
        description:
          'As `POST /v1/members/{member}/reward-redemptions` for the session’s member. ' +
          '`Idempotency-Key` accepted (scoped to the member).',
        body: ZRedeem,
        response: { 201: Type.Ref('RewardRedemption'), ...errorResponses(409, 422) },
      },
    },
    async (request, reply) => {
      const { program, memberId } = portalOf(request)
      return sendStored(
        reply,
        await services.rewards.redeem(
          program,
          memberId,
          request.body,
          `portal:${memberId}`,
          portalIdempotencyClaim(request),
        ),
      )
    },
  )

  app.get(
    '/v1/portal/reward-redemptions',
    {
      config: portal,
      schema: {
        tags,
        operationId: 'listPortalRewardRedemptions',
        summary: 'The session member’s reward redemptions, newest first',
        querystring: ZMemberRedemptionQuery,
        response: { 200: ZPage(Type.Ref('RewardRedemption')), ...errorResponses() },
      },
    },
    async (request) => {
      const { program, memberId } = portalOf(request)
      return services.rewards.memberRedemptions(program, memberId, request.query)
    },
  )
}
