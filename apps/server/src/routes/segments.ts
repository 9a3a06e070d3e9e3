import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { idempotencyClaim, programOf, sendStored } from '../http/context.js'
import type { AppDeps } from '../http/deps.js'
import { errorResponses, ZPage } from '../schemas/common.js'
import {
  ZSegmentCreate,
  ZSegmentMembersQuery,
  ZSegmentParams,
  ZSegmentPatch,
  ZSegmentPreviewBody,
  ZSegmentQuery,
} from '../schemas/segments.js'

const anyKey = { auth: { kind: 'program' as const } }
const admin = { auth: { kind: 'program' as const, roles: ['admin' as const] } }
const Segment = Type.Ref('Segment')
const Member = Type.Ref('Member')

export async function segmentRoutes(fastify: FastifyInstance, { services }: AppDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const tags = ['segments']

  app.post(
    '/v1/segments',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'createSegment',
        summary: 'Create a segment',
        description:
          'A name and a JsonLogic condition over member fields, checked as earning rules’ ' +
          'conditions are and then for what a segment can count (`400` with the path of each ' +
          'problem). `Idempotency-Key` accepted.',
        body: ZSegmentCreate,
        response: { 201: Segment, ...errorResponses(409) },
      },
    },
    async (request, reply) =>
      sendStored(
        reply,
        await services.segments.create(programOf(request), request.body, idempotencyClaim(request)),
      ),
  )

  app.post(
    '/v1/segments/preview',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'previewSegment',
        summary: 'Count a condition’s members now, with a sample, without saving it',
        body: ZSegmentPreviewBody,
        response: {
          200: Type.Object({
            count: Type.Integer({ minimum: 0 }),
            sample: Type.Array(Member, { description: 'Up to 10 of them, by id' }),
          }),
          ...errorResponses(),
        },
      },
    },
    async (request) => services.segments.preview(programOf(request), request.body.condition),
  )

  app.get(
    '/v1/segments',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'listSegments',
        summary: 'List segments, newest first',
        querystring: ZSegmentQuery,
        response: { 200: ZPage(Segment), ...errorResponses() },
      },
    },
    async (request) => services.segments.list(programOf(request), request.query),
  )

  app.get(
    '/v1/segments/:id',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'getSegment',
        summary: 'Get a segment with the count of its members now',
        params: ZSegmentParams,
        response: { 200: Segment, ...errorResponses() },
      },
    },
    async (request) => services.segments.get(programOf(request), request.params.id),
  )

  app.patch(
    '/v1/segments/:id',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'updateSegment',
        summary: 'Rename a segment or change its condition',
        params: ZSegmentParams,
        body: ZSegmentPatch,
        response: { 200: Segment, ...errorResponses() },
      },
    },
    async (request) =>
      services.segments.update(programOf(request), request.params.id, request.body),
  )

  app.delete(
    '/v1/segments/:id',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'deleteSegment',
        summary: 'Delete a segment',
        params: ZSegmentParams,
        response: { 204: Type.Null({ description: 'Deleted' }), ...errorResponses() },
      },
    },
    async (request, reply) => {
      await services.segments.remove(programOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/v1/segments/:id/members',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'listSegmentMembers',
        summary: 'List the members matching a segment now, by id, with their count',
        description:
          'A page and its `count` are read from one snapshot; pages follow member ids, so a ' +
          'walk through every page meets each matching member once while nothing changes.',
        params: ZSegmentParams,
        querystring: ZSegmentMembersQuery,
        response: {
          200: Type.Object({
            data: Type.Array(Member),
            next_cursor: Type.Union([Type.String(), Type.Null()]),
            count: Type.Integer({ minimum: 0, description: 'Members matching, on every page' }),
          }),
          ...errorResponses(),
        },
      },
    },
    async (request) =>
      services.segments.members(programOf(request), request.params.id, request.query),
  )
}
