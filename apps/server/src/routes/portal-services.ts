import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { idempotencyClaim, portalOf, sendStored } from '../http/context.js'
import type { AppDeps } from '../http/deps.js'
import {
  ZAppointmentCreate,
  ZAppointmentQuery,
  ZMemberSlot,
  ZSlotQuery,
} from '../schemas/appointments.js'
import { errorResponses, ZPage, ZPageQuery } from '../schemas/common.js'
import { ZMemberEvent, ZRsvpCreate } from '../schemas/exclusive-events.js'

const portal = { auth: { kind: 'portal' as const } }
const tags = ['portal']

/** The portal's appointments and invitations: the session's member books, cancels and answers. */
export async function portalServiceRoutes(fastify: FastifyInstance, { services }: AppDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

  app.get(
    '/v1/portal/appointment-slots',
    {
      config: portal,
      schema: {
        tags,
        operationId: 'listPortalAppointmentSlots',
        summary: 'Slots not started yet, with whether the member’s tier may book each',
        querystring: ZSlotQuery,
        response: { 200: ZPage(ZMemberSlot), ...errorResponses() },
      },
    },
    async (request) => {
      const { program, memberId } = portalOf(request)
      return services.appointments.memberSlots(program, memberId, request.query)
    },
  )

  app.post(
    '/v1/portal/appointments',
    {
      config: portal,
      schema: {
        tags,
        operationId: 'bookPortalAppointment',
        summary: 'Book a place in a slot',
        description:
          'As `POST /v1/members/{member}/appointments`, for the session’s member ' +
          '(`booked_by: member`).',
        body: ZAppointmentCreate,
        response: { 201: Type.Ref('Appointment'), ...errorResponses(409, 422) },
      },
    },
    async (request, reply) => {
      const { program, memberId } = portalOf(request)
      return sendStored(
        reply,
        await services.appointments.book(
          program,
          memberId,
          request.body.slot,
          'member',
          idempotencyClaim(request),
        ),
      )
    },
  )

  app.get(
    '/v1/portal/appointments',
    {
      config: portal,
      schema: {
        tags,
        operationId: 'listPortalAppointments',
        summary: 'The member’s bookings, the latest first',
        querystring: ZAppointmentQuery,
        response: { 200: ZPage(Type.Ref('Appointment')), ...errorResponses() },
      },
    },
    async (request) => {
      const { program, memberId } = portalOf(request)
      return services.appointments.memberAppointments(program, memberId, request.query)
    },
  )

  app.delete(
    '/v1/portal/appointments/:id',
    {
      config: portal,
      schema: {
        tags,
        operationId: 'cancelPortalAppointment',
        summary: 'Cancel one of the member’s bookings',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 200: Type.Ref('Appointment'), ...errorResponses(422) },
      },
    },
    async (request) => {
      const { program, memberId } = portalOf(request)
      return services.appointments.cancel(program, memberId, request.params.id, 'member')
    },
  )

  app.get(
    '/v1/portal/exclusive-events',
    {
      config: portal,
      schema: {
        tags,
        operationId: 'listPortalExclusiveEvents',
        summary: 'The member’s invitations, and the coming events its tier may answer',
        querystring: Type.Object(ZPageQuery),
        response: { 200: ZPage(ZMemberEvent), ...errorResponses() },
      },
    },
    async (request) => {
      const { program, memberId } = portalOf(request)
      return services.exclusiveEvents.memberEvents(program, memberId, request.query)
    },
  )

  app.post(
    '/v1/portal/exclusive-events/:id/rsvp',
    {
      config: portal,
      schema: {
        tags,
        operationId: 'rsvpPortalExclusiveEvent',
        summary: 'Answer an invitation',
        description: 'As `POST /v1/members/{member}/exclusive-events/{id}/rsvp`.',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        body: ZRsvpCreate,
        response: { 201: Type.Ref('Invitation'), ...errorResponses(409, 422) },
      },
    },
    async (request, reply) => {
      const { program, memberId } = portalOf(request)
      return sendStored(
        reply,
        await services.exclusiveEvents.rsvp(
          program,
          memberId,
          request.params.id,
          request.body.attending,
          idempotencyClaim(request),
        ),
      )
    },
  )
}
