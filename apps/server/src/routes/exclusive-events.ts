import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { idempotencyClaim, programOf, sendStored } from '../http/context.js'
import type { AppDeps } from '../http/deps.js'
import { errorResponses, ZPage, ZPageQuery } from '../schemas/common.js'
import {
  ZAttendee,
  ZEventParams,
  ZEventQuery,
  ZExclusiveEventCreate,
  ZInvitationQuery,
  ZMemberInvitation,
  ZRsvpCreate,
  ZRsvpParams,
} from '../schemas/exclusive-events.js'
import { ZMemberParams } from '../schemas/members.js'

const anyKey = { auth: { kind: 'program' as const } }
const admin = { auth: { kind: 'program' as const, roles: ['admin' as const] } }
const writers = { auth: { kind: 'program' as const, roles: ['admin' as const, 'server' as const] } }
const ExclusiveEvent = Type.Ref('ExclusiveEvent')
const Invitation = Type.Ref('Invitation')

/** Exclusive events, their invitations and members' answers (docs/appointments-and-events.md). */
export async function exclusiveEventRoutes(fastify: FastifyInstance, { services }: AppDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const tags = ['exclusive-events']

  app.post(
    '/v1/exclusive-events',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'createExclusiveEvent',
        summary: 'Create an exclusive event and invite every eligible member',
        description:
          'Every active member whose tier is in `tiers` is invited at once (one ' +
          '`event.invited` domain event each); a member who reaches one of them later may ' +
          'answer and is invited then. `Idempotency-Key` accepted.',
        body: ZExclusiveEventCreate,
        response: { 201: ExclusiveEvent, ...errorResponses(409) },
      },
    },
    async (request, reply) =>
      sendStored(
        reply,
        await services.exclusiveEvents.create(
          programOf(request),
          request.body,
          idempotencyClaim(request),
        ),
      ),
  )

  app.get(
    '/v1/exclusive-events',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'listExclusiveEvents',
        summary: 'List exclusive events by start time',
        querystring: ZEventQuery,
        response: { 200: ZPage(ExclusiveEvent), ...errorResponses() },
      },
    },
    async (request) => services.exclusiveEvents.list(programOf(request), request.query),
  )

  app.get(
    '/v1/exclusive-events/:id',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'getExclusiveEvent',
        summary: 'Get an exclusive event with its counts',
        params: ZEventParams,
        response: { 200: ExclusiveEvent, ...errorResponses() },
      },
    },
    async (request) => services.exclusiveEvents.get(programOf(request), request.params.id),
  )

  app.get(
    '/v1/exclusive-events/:id/invitations',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'listEventInvitations',
        summary: 'An event’s invitations, with who each member is',
        description: '`rsvp=yes`: the attendee list; `no`: declined; `pending`: no answer yet.',
        params: ZEventParams,
        querystring: ZInvitationQuery,
        response: { 200: ZPage(ZAttendee), ...errorResponses() },
      },
    },
    async (request) =>
      services.exclusiveEvents.invitations(programOf(request), request.params.id, request.query),
  )

  app.post(
    '/v1/members/:member/exclusive-events/:id/rsvp',
    {
      config: writers,
      schema: {
        tags,
        operationId: 'rsvpExclusiveEvent',
        summary: 'Answer an invitation: attending or not',
        description:
          'Answers `201` with the invitation. A yes takes a place (`409 slot_full` when none is ' +
          'left); a no after a yes gives it back; the same answer again changes nothing. ' +
          '`403 tier_required`: the member was not invited and its tier is not one of the ' +
          'event’s; `422 slot_closed`: the event has started. `Idempotency-Key` accepted.',
        params: ZRsvpParams,
        body: ZRsvpCreate,
        response: { 201: Invitation, ...errorResponses(409, 422) },
      },
    },
    async (request, reply) =>
      sendStored(
        reply,
        await services.exclusiveEvents.rsvp(
          programOf(request),
          request.params.member,
          request.params.id,
          request.body.attending,
          idempotencyClaim(request),
        ),
      ),
  )

  app.get(
    '/v1/members/:member/exclusive-events',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'listMemberInvitations',
        summary: 'A member’s invitations with their events, the latest event first',
        params: ZMemberParams,
        querystring: Type.Object(ZPageQuery),
        response: { 200: ZPage(ZMemberInvitation), ...errorResponses() },
      },
    },
    async (request) =>
      services.exclusiveEvents.memberInvitations(
        programOf(request),
        request.params.member,
        request.query,
      ),
  )
}
