import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { idempotencyClaim, programOf, sendStored } from '../http/context.js'
import type { AppDeps } from '../http/deps.js'
import { errorResponses, ZPage, ZPageQuery } from '../schemas/common.js'
import {
  ZMemberCreate,
  ZMemberParams,
  ZMemberPatch,
  ZPortalSession,
  ZPortalSessionCreate,
} from '../schemas/members.js'

const anyKey = { auth: { kind: 'program' as const } }
const writers = { auth: { kind: 'program' as const, roles: ['admin' as const, 'server' as const] } }

const ZMemberQuery = Type.Object({
  query: Type.Optional(
    Type.String({ maxLength: 200, description: 'Matches external id, name, phone or email' }),
  ),
  tier: Type.Optional(Type.String({ maxLength: 64 })),
  segment: Type.Optional(Type.String({ maxLength: 64 })),
  ...ZPageQuery,
})

export async function memberRoutes(fastify: FastifyInstance, { services }: AppDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const MemberRef = Type.Ref('Member')

  app.post(
    '/v1/members',
    {
      config: writers,
      schema: {
        tags: ['members'],
        operationId: 'createMember',
        summary: 'Create a member',
        body: ZMemberCreate,
        response: { 201: MemberRef, ...errorResponses(409) },
      },
    },
    async (request, reply) => {
      const program = programOf(request)
      return sendStored(
        reply,
        await services.members.create(program, request.body, idempotencyClaim(request)),
      )
    },
  )

  app.get(
    '/v1/members',
    {
      config: anyKey,
      schema: {
        tags: ['members'],
        operationId: 'listMembers',
        summary: 'List and search members, newest first',
        querystring: ZMemberQuery,
        response: { 200: ZPage(MemberRef), ...errorResponses() },
      },
    },
    async (request) => {
      const { segment, ...query } = request.query
      const program = programOf(request)
      // A segment narrows the list to its members now (404 for an unknown segment).
      const matches =
        segment !== undefined ? await services.segments.matcher(program, segment) : undefined
      return services.members.list(program, query, matches ? { matches } : {})
    },
  )

  app.get(
    '/v1/members/:member',
    {
      config: anyKey,
      schema: {
        tags: ['members'],
        operationId: 'getMember',
        summary: 'Get a member by id or external_id',
        params: ZMemberParams,
        response: { 200: MemberRef, ...errorResponses() },
      },
    },
    async (request) => services.members.get(programOf(request), request.params.member),
  )

  app.patch(
    '/v1/members/:member',
    {
      config: writers,
      schema: {
        tags: ['members'],
        operationId: 'updateMember',
        summary: 'Update a member; attributes are merged key by key',
        params: ZMemberParams,
        body: ZMemberPatch,
        response: { 200: MemberRef, ...errorResponses() },
      },
    },
    async (request) =>
      services.members.update(programOf(request), request.params.member, request.body),
  )

  app.post(
    '/v1/members/:member/portal-sessions',
    {
      config: writers,
      schema: {
        tags: ['portal'],
        operationId: 'createPortalSession',
        summary: 'A short-lived link that opens the member portal as this member',
        params: ZMemberParams,
        body: ZPortalSessionCreate,
        response: { 201: ZPortalSession, ...errorResponses() },
      },
    },
    async (request, reply) => {
      const base = `${request.protocol}://${request.host}/portal`
      const session = await services.portalSessions.create(
        programOf(request),
        request.params.member,
        request.body,
        base,
      )
      return reply.code(201).send(session)
    },
  )
}
