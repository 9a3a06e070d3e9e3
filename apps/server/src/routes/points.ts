import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { actorOf, idempotencyClaim, programOf, sendStored } from '../http/context.js'
import type { AppDeps } from '../http/deps.js'
import { errorResponses, ZPage, ZPageQuery } from '../schemas/common.js'
import { ZMemberParams } from '../schemas/members.js'
import { ZAdjustment, ZPointsBalance, ZPointsExplain, ZRedemption } from '../schemas/points.js'

const anyKey = { auth: { kind: 'program' as const } }
const admin = { auth: { kind: 'program' as const, roles: ['admin' as const] } }
const writers = { auth: { kind: 'program' as const, roles: ['admin' as const, 'server' as const] } }
const Txn = Type.Ref('PointTransaction')

export async function pointRoutes(fastify: FastifyInstance, { services }: AppDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const tags = ['points']

  app.get(
    '/v1/members/:member/points',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'getMemberPoints',
        summary: 'The member’s balance, what expires when, and lifetime totals',
        params: ZMemberParams,
        response: { 200: ZPointsBalance, ...errorResponses() },
      },
    },
    async (request) => services.points.balance(programOf(request), request.params.member),
  )

  app.get(
    '/v1/members/:member/points/transactions',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'listMemberPointTransactions',
        summary: 'The member’s ledger, newest first',
        params: ZMemberParams,
        querystring: Type.Object(ZPageQuery),
        response: { 200: ZPage(Txn), ...errorResponses() },
      },
    },
    async (request) =>
      services.points.transactions(programOf(request), request.params.member, request.query),
  )

  app.get(
    '/v1/members/:member/points/explain',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'explainMemberPoints',
        summary: 'The lots behind the balance, oldest first, each with its source and rule',
        params: ZMemberParams,
        response: { 200: ZPointsExplain, ...errorResponses() },
      },
    },
    async (request) => services.points.explain(programOf(request), request.params.member),
  )

  app.post(
    '/v1/members/:member/points/adjustments',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'adjustMemberPoints',
        summary: 'Add or take away points by hand, with a reason (admin keys; audited)',
        params: ZMemberParams,
        body: ZAdjustment,
        response: { 201: Txn, ...errorResponses(409, 422) },
      },
    },
    async (request, reply) =>
      sendStored(
        reply,
        await services.points.adjust(
          programOf(request),
          request.params.member,
          request.body,
          actorOf(request),
          idempotencyClaim(request),
        ),
      ),
  )

  app.post(
    '/v1/members/:member/points/redemptions',
    {
      config: writers,
      schema: {
        tags,
        operationId: 'redeemMemberPoints',
        summary: 'Spend available points, oldest first',
        params: ZMemberParams,
        body: ZRedemption,
        response: { 201: Txn, ...errorResponses(409, 422) },
      },
    },
    async (request, reply) =>
      sendStored(
        reply,
        await services.points.redeem(
          programOf(request),
          request.params.member,
          request.body,
          actorOf(request),
          idempotencyClaim(request),
        ),
      ),
  )
}
