import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { idempotencyClaim, programOf, sendStored } from '../http/context.js'
import type { AppDeps } from '../http/deps.js'
import {
  ZAdvisorCreate,
  ZAdvisorMember,
  ZAdvisorParams,
  ZAdvisorPatch,
  ZAdvisorQuery,
} from '../schemas/advisors.js'
import { errorResponses, ZPage, ZPageQuery } from '../schemas/common.js'
import { ZMemberParams } from '../schemas/members.js'

const anyKey = { auth: { kind: 'program' as const } }
const admin = { auth: { kind: 'program' as const, roles: ['admin' as const] } }
const Advisor = Type.Ref('Advisor')

/** Dedicated advisors (专属客服) and who they serve (docs/advisors-and-early-access.md). */
export async function advisorRoutes(fastify: FastifyInstance, { services }: AppDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const tags = ['benefits']

  app.post(
    '/v1/advisors',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'createAdvisor',
        summary: 'Add a dedicated advisor',
        description:
          'Members of a tier with a `dedicated_service` benefit who wait for an advisor get this ' +
          'one at once, while it has room. `Idempotency-Key` accepted.',
        body: ZAdvisorCreate,
        response: { 201: Advisor, ...errorResponses(409) },
      },
    },
    async (request, reply) =>
      sendStored(
        reply,
        await services.advisors.create(programOf(request), request.body, idempotencyClaim(request)),
      ),
  )

  app.get(
    '/v1/advisors',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'listAdvisors',
        summary: 'List advisors with their load, oldest first',
        querystring: ZAdvisorQuery,
        response: { 200: ZPage(Advisor), ...errorResponses() },
      },
    },
    async (request) => services.advisors.list(programOf(request), request.query),
  )

  app.get(
    '/v1/advisors/:id',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'getAdvisor',
        summary: 'Get an advisor',
        params: ZAdvisorParams,
        response: { 200: Advisor, ...errorResponses() },
      },
    },
    async (request) => services.advisors.get(programOf(request), request.params.id),
  )

  app.get(
    '/v1/advisors/:id/members',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'listAdvisorMembers',
        summary: 'The members an advisor serves',
        params: ZAdvisorParams,
        querystring: Type.Object(ZPageQuery),
        response: { 200: ZPage(ZAdvisorMember), ...errorResponses() },
      },
    },
    async (request) =>
      services.advisors.members(programOf(request), request.params.id, request.query),
  )

  app.patch(
    '/v1/advisors/:id',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'updateAdvisor',
        summary: 'Change an advisor’s name, contact, capacity, or switch it off or on',
        description:
          'More capacity (or switching on) gives the waiting members an advisor at once. Less ' +
          'capacity than its load, or switching off, keeps the members it has and takes no more.',
        params: ZAdvisorParams,
        body: ZAdvisorPatch,
        response: { 200: Advisor, ...errorResponses() },
      },
    },
    async (request) =>
      services.advisors.update(programOf(request), request.params.id, request.body),
  )

  app.delete(
    '/v1/advisors/:id',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'deleteAdvisor',
        summary: 'Remove an advisor; its members go to the others with room',
        description:
          'Its members are given to the least-loaded advisors with room, those waiting longest ' +
          'first; members left without room wait for one.',
        params: ZAdvisorParams,
        response: { 204: Type.Null({ description: 'Deleted' }), ...errorResponses() },
      },
    },
    async (request, reply) => {
      await services.advisors.remove(programOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/v1/members/:member/advisor',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'getMemberAdvisor',
        summary: 'The member’s dedicated advisor',
        description: '`404` when the member has none.',
        params: ZMemberParams,
        response: { 200: Type.Ref('AdvisorContact'), ...errorResponses() },
      },
    },
    async (request) => services.advisors.ofMember(programOf(request), request.params.member),
  )
}
