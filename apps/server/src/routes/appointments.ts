import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { idempotencyClaim, programOf, sendStored } from '../http/context.js'
import type { AppDeps } from '../http/deps.js'
import {
  ZAppointmentCreate,
  ZAppointmentParams,
  ZAppointmentQuery,
  ZAppointmentSlotCreate,
  ZAppointmentSlotPatch,
  ZDeletedSlot,
  ZSlotBooking,
  ZSlotParams,
  ZSlotQuery,
} from '../schemas/appointments.js'
import { errorResponses, ZPage } from '../schemas/common.js'
import { ZMemberParams } from '../schemas/members.js'

const anyKey = { auth: { kind: 'program' as const } }
const admin = { auth: { kind: 'program' as const, roles: ['admin' as const] } }
const writers = { auth: { kind: 'program' as const, roles: ['admin' as const, 'server' as const] } }
const Slot = Type.Ref('AppointmentSlot')
const Appointment = Type.Ref('Appointment')

/** Appointment slots (configuration) and members' bookings of them (docs/appointments-and-events.md). */
export async function appointmentRoutes(fastify: FastifyInstance, { services }: AppDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const tags = ['appointments']

  app.post(
    '/v1/appointment-slots',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'createAppointmentSlot',
        summary: 'Open a slot for appointments',
        description:
          'A service at a time with a number of places, open to every tier or to the `tiers` ' +
          'given. `Idempotency-Key` accepted.',
        body: ZAppointmentSlotCreate,
        response: { 201: Slot, ...errorResponses(409) },
      },
    },
    async (request, reply) =>
      sendStored(
        reply,
        await services.appointments.createSlot(
          programOf(request),
          request.body,
          idempotencyClaim(request),
        ),
      ),
  )

  app.get(
    '/v1/appointment-slots',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'listAppointmentSlots',
        summary: 'List slots by start time',
        description: 'Slots starting in `[from, to)`, of one `service` if given, earliest first.',
        querystring: ZSlotQuery,
        response: { 200: ZPage(Slot), ...errorResponses() },
      },
    },
    async (request) => services.appointments.listSlots(programOf(request), request.query),
  )

  app.get(
    '/v1/appointment-slots/:id',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'getAppointmentSlot',
        summary: 'Get a slot',
        params: ZSlotParams,
        response: { 200: Slot, ...errorResponses() },
      },
    },
    async (request) => services.appointments.getSlot(programOf(request), request.params.id),
  )

  app.patch(
    '/v1/appointment-slots/:id',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'updateAppointmentSlot',
        summary: 'Change a slot',
        description:
          'A `capacity` below the places booked is `400`; bookings already made stay whatever ' +
          'the change of `tiers` or times.',
        params: ZSlotParams,
        body: ZAppointmentSlotPatch,
        response: { 200: Slot, ...errorResponses() },
      },
    },
    async (request) =>
      services.appointments.updateSlot(programOf(request), request.params.id, request.body),
  )

  app.delete(
    '/v1/appointment-slots/:id',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'deleteAppointmentSlot',
        summary: 'Delete a slot and cancel its bookings',
        description:
          'Each live booking is cancelled (`cancelled_by: staff`) with an ' +
          '`appointment.cancelled` event; the slot leaves every list.',
        params: ZSlotParams,
        response: { 200: ZDeletedSlot, ...errorResponses() },
      },
    },
    async (request) => services.appointments.deleteSlot(programOf(request), request.params.id),
  )

  app.get(
    '/v1/appointment-slots/:id/bookings',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'listSlotBookings',
        summary: 'A slot’s bookings, with who booked, in booking order',
        params: ZSlotParams,
        querystring: ZAppointmentQuery,
        response: { 200: ZPage(ZSlotBooking), ...errorResponses() },
      },
    },
    async (request) =>
      services.appointments.slotBookings(programOf(request), request.params.id, request.query),
  )

  app.post(
    '/v1/members/:member/appointments',
    {
      config: writers,
      schema: {
        tags,
        operationId: 'bookAppointment',
        summary: 'Book a place in a slot for a member',
        description:
          '`403 tier_required`: the slot has `tiers` and the member’s tier is not among them; ' +
          '`409 already_booked`: the member holds a booking of the slot; `409 slot_full`: no ' +
          'place left; `422 slot_closed`: the slot has started; an unknown slot is `400`. ' +
          '`Idempotency-Key` accepted.',
        params: ZMemberParams,
        body: ZAppointmentCreate,
        response: { 201: Appointment, ...errorResponses(409, 422) },
      },
    },
    async (request, reply) =>
      sendStored(
        reply,
        await services.appointments.book(
          programOf(request),
          request.params.member,
          request.body.slot,
          'staff',
          idempotencyClaim(request),
        ),
      ),
  )

  app.get(
    '/v1/members/:member/appointments',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'listMemberAppointments',
        summary: 'A member’s bookings, the latest first',
        params: ZMemberParams,
        querystring: ZAppointmentQuery,
        response: { 200: ZPage(Appointment), ...errorResponses() },
      },
    },
    async (request) =>
      services.appointments.memberAppointments(
        programOf(request),
        request.params.member,
        request.query,
      ),
  )

  app.delete(
    '/v1/members/:member/appointments/:id',
    {
      config: writers,
      schema: {
        tags,
        operationId: 'cancelAppointment',
        summary: 'Cancel a booking and free its place',
        description:
          'Idempotent: a booking cancelled already is answered as it is, and its place is freed ' +
          'once. `422 slot_closed` once the slot has started.',
        params: ZAppointmentParams,
        response: { 200: Appointment, ...errorResponses(422) },
      },
    },
    async (request) =>
      services.appointments.cancel(
        programOf(request),
        request.params.member,
        request.params.id,
        'staff',
      ),
  )
}
