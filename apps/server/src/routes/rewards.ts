import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { actorOf, idempotencyClaim, programOf, sendStored } from '../http/context.js'
import type { AppDeps } from '../http/deps.js'
import { errorResponses, ZPage } from '../schemas/common.js'
import { ZMemberParams } from '../schemas/members.js'
import {
  ZMemberRedemptionQuery,
  ZRedeem,
  ZRedemptionClose,
  ZRedemptionParams,
  ZRedemptionQuery,
  ZRewardCreate,
  ZRewardGetQuery,
  ZRewardParams,
  ZRewardPatch,
  ZRewardQuery,
} from '../schemas/rewards.js'

const anyKey = { auth: { kind: 'program' as const } }
const admin = { auth: { kind: 'program' as const, roles: ['admin' as const] } }
const writers = { auth: { kind: 'program' as const, roles: ['admin' as const, 'server' as const] } }
const Reward = Type.Ref('Reward')
const Redemption = Type.Ref('RewardRedemption')

const REDEEM_ERRORS =
  '`422 insufficient_points` (the member’s available points fall short), `409 out_of_stock`, ' +
  '`403 tier_required` (the reward names tiers and the member is in none of them), ' +
  '`422 limit_reached` (past `per_member_limit`, counting units of redemptions not cancelled), ' +
  '`422 reward_unavailable` (the reward is switched off), `404` for an unknown reward.'

export async function rewardRoutes(fastify: FastifyInstance, { services }: AppDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const tags = ['rewards']

  app.post(
    '/v1/rewards',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'createReward',
        summary: 'Add a reward to the catalog',
        description:
          'A `coupon` reward names a `coupon_template` of the program (else `400`). `stock` ' +
          'left out or null: unlimited. `Idempotency-Key` accepted.',
        body: ZRewardCreate,
        response: { 201: Reward, ...errorResponses(409) },
      },
    },
    async (request, reply) =>
      sendStored(
        reply,
        await services.rewards.create(programOf(request), request.body, idempotencyClaim(request)),
      ),
  )

  app.get(
    '/v1/rewards',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'listRewards',
        summary: 'List the catalog, newest first',
        description: '`member`: each reward carries its `eligibility` for that member.',
        querystring: ZRewardQuery,
        response: { 200: ZPage(Reward), ...errorResponses() },
      },
    },
    async (request) => services.rewards.list(programOf(request), request.query),
  )

  app.get(
    '/v1/rewards/:id',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'getReward',
        summary: 'Get a reward',
        params: ZRewardParams,
        querystring: ZRewardGetQuery,
        response: { 200: Reward, ...errorResponses() },
      },
    },
    async (request) =>
      services.rewards.get(programOf(request), request.params.id, request.query.member),
  )

  app.patch(
    '/v1/rewards/:id',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'updateReward',
        summary: 'Change a reward’s name, costs, stock, tiers, limit, or switch it off or on',
        description:
          'A new `stock` is the whole allotment: `stock_remaining` becomes it less the units ' +
          'redeemed (not cancelled), never below 0. Redemptions made keep what they paid.',
        params: ZRewardParams,
        body: ZRewardPatch,
        response: { 200: Reward, ...errorResponses() },
      },
    },
    async (request) => services.rewards.update(programOf(request), request.params.id, request.body),
  )

  app.post(
    '/v1/members/:member/reward-redemptions',
    {
      config: writers,
      schema: {
        tags,
        operationId: 'redeemReward',
        summary: 'Redeem a reward for a member with points',
        description:
          'In one transaction: the points debited (a `redeem` ledger entry whose source is the ' +
          'redemption), a coupon reward’s coupons issued (then `fulfilled` at once; else ' +
          `\`pending\`), the stock taken. ${REDEEM_ERRORS} \`Idempotency-Key\` accepted.`,
        params: ZMemberParams,
        body: ZRedeem,
        response: { 201: Redemption, ...errorResponses(409, 422) },
      },
    },
    async (request, reply) =>
      sendStored(
        reply,
        await services.rewards.redeem(
          programOf(request),
          request.params.member,
          request.body,
          actorOf(request),
          idempotencyClaim(request),
        ),
      ),
  )

  app.get(
    '/v1/members/:member/reward-redemptions',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'listMemberRewardRedemptions',
        summary: 'A member’s reward redemptions, newest first',
        params: ZMemberParams,
        querystring: ZMemberRedemptionQuery,
        response: { 200: ZPage(Redemption), ...errorResponses() },
      },
    },
    async (request) =>
      services.rewards.memberRedemptions(programOf(request), request.params.member, request.query),
  )

  app.get(
    '/v1/reward-redemptions',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'listRewardRedemptions',
        summary: 'The program’s reward redemptions (the fulfilment queue)',
        description:
          '`status=pending&order=asc`: the queue of redemptions to fulfil, oldest first.',
        querystring: ZRedemptionQuery,
        response: { 200: ZPage(Redemption), ...errorResponses() },
      },
    },
    async (request) => services.rewards.listRedemptions(programOf(request), request.query),
  )

  app.get(
    '/v1/reward-redemptions/:id',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'getRewardRedemption',
        summary: 'Get a reward redemption',
        params: ZRedemptionParams,
        response: { 200: Redemption, ...errorResponses() },
      },
    },
    async (request) => services.rewards.getRedemption(programOf(request), request.params.id),
  )

  app.post(
    '/v1/reward-redemptions/:id/fulfill',
    {
      config: writers,
      schema: {
        tags,
        operationId: 'fulfillRewardRedemption',
        summary: 'Mark a pending redemption fulfilled',
        description:
          'A redemption that is not pending (fulfilled or cancelled already) is `409 ' +
          'redemption_not_pending`. `Idempotency-Key` accepted.',
        params: ZRedemptionParams,
        body: Type.Optional(ZRedemptionClose),
        response: { 200: Redemption, ...errorResponses(409) },
      },
    },
    async (request, reply) =>
      sendStored(
        reply,
        await services.rewards.fulfill(
          programOf(request),
          request.params.id,
          request.body?.note,
          idempotencyClaim(request),
        ),
      ),
  )

  app.post(
    '/v1/reward-redemptions/:id/cancel',
    {
      config: writers,
      schema: {
        tags,
        operationId: 'cancelRewardRedemption',
        summary: 'Cancel a pending redemption: its points and stock go back',
        description:
          'The points return to the member (a `redeem` ledger entry with positive points, ' +
          'source `reward_cancellation`) and the units to the reward’s stock, once: a ' +
          'redemption that is not pending (fulfilled, or cancelled already) is `409 ' +
          'redemption_not_pending`. `Idempotency-Key` accepted.',
        params: ZRedemptionParams,
        body: Type.Optional(ZRedemptionClose),
        response: { 200: Redemption, ...errorResponses(409) },
      },
    },
    async (request, reply) =>
      sendStored(
        reply,
        await services.rewards.cancel(
          programOf(request),
          request.params.id,
          request.body?.note,
          idempotencyClaim(request),
        ),
      ),
  )
}
