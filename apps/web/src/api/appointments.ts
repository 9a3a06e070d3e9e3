import { type ApiClient, unwrap } from './client'
import type { ApiBody, ApiResponse, Schemas } from './schema'

/*
 * Appointments (预约购物) and exclusive events (特别活动邀请): the console's calls with program
 * keys, and the portal's with the member's session token.
 */

export type AppointmentSlot = Schemas['AppointmentSlot']
export type AppointmentSlotInput = ApiBody<'/v1/appointment-slots', 'post'>
export type Appointment = Schemas['Appointment']
export type SlotBooking = ApiResponse<'/v1/appointment-slots/{id}/bookings', 'get'>['data'][number]
export type ExclusiveEvent = Schemas['ExclusiveEvent']
export type ExclusiveEventInput = ApiBody<'/v1/exclusive-events', 'post'>
export type Attendee = ApiResponse<'/v1/exclusive-events/{id}/invitations', 'get'>['data'][number]
export type RsvpFilter = 'yes' | 'no' | 'pending'
export type PortalSlot = ApiResponse<'/v1/portal/appointment-slots', 'get'>['data'][number]
export type PortalEvent = ApiResponse<'/v1/portal/exclusive-events', 'get'>['data'][number]

export function listAppointmentSlots(
  api: ApiClient,
  params: { from?: string; to?: string; limit?: number; cursor?: string },
  signal?: AbortSignal,
) {
  return unwrap(api.GET('/v1/appointment-slots', { params: { query: { ...params } }, signal }))
}

/** Every slot starting in `[from, to)`, all pages (a week of a calendar is a few hundred). */
export async function listAllSlots(api: ApiClient, from: string, to: string, signal?: AbortSignal) {
  const slots: AppointmentSlot[] = []
  let cursor: string | undefined
  do {
    const page = await listAppointmentSlots(api, { from, to, limit: 100, cursor }, signal)
    slots.push(...page.data)
    cursor = page.next_cursor ?? undefined
  } while (cursor)
  return slots
}

export function createAppointmentSlot(
  api: ApiClient,
  input: AppointmentSlotInput,
  idempotencyKey: string,
) {
  return unwrap(
    api.POST('/v1/appointment-slots', {
      body: input,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  )
}

export function deleteAppointmentSlot(api: ApiClient, id: string) {
  return unwrap(api.DELETE('/v1/appointment-slots/{id}', { params: { path: { id } } }))
}

export function listSlotBookings(
  api: ApiClient,
  id: string,
  params: { status?: 'booked' | 'cancelled'; cursor?: string },
  signal?: AbortSignal,
) {
  return unwrap(
    api.GET('/v1/appointment-slots/{id}/bookings', {
      params: { path: { id }, query: { ...params, limit: 100 } },
      signal,
    }),
  )
}

/** Staff books a place for a member (`member`: id or external id). */
export function bookAppointment(
  api: ApiClient,
  member: string,
  slot: string,
  idempotencyKey: string,
) {
  return unwrap(
    api.POST('/v1/members/{member}/appointments', {
      params: { path: { member } },
      body: { slot },
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  )
}

export function cancelAppointment(api: ApiClient, member: string, id: string) {
  return unwrap(
    api.DELETE('/v1/members/{member}/appointments/{id}', { params: { path: { member, id } } }),
  )
}

export function listExclusiveEvents(
  api: ApiClient,
  params: { limit?: number; cursor?: string },
  signal?: AbortSignal,
) {
  return unwrap(api.GET('/v1/exclusive-events', { params: { query: { ...params } }, signal }))
}

export function createExclusiveEvent(
  api: ApiClient,
  input: ExclusiveEventInput,
  idempotencyKey: string,
) {
  return unwrap(
    api.POST('/v1/exclusive-events', {
      body: input,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  )
}

export function listEventInvitations(
  api: ApiClient,
  id: string,
  params: { rsvp?: RsvpFilter; limit?: number; cursor?: string },
  signal?: AbortSignal,
) {
  return unwrap(
    api.GET('/v1/exclusive-events/{id}/invitations', {
      params: { path: { id }, query: { ...params } },
      signal,
    }),
  )
}

// ---------------------------------------------------------------------------------------------
// The portal (session token)

export function listPortalSlots(api: ApiClient, signal?: AbortSignal) {
  return unwrap(
    api.GET('/v1/portal/appointment-slots', { params: { query: { limit: 50 } }, signal }),
  )
}

export function listPortalAppointments(api: ApiClient, signal?: AbortSignal) {
  return unwrap(
    api.GET('/v1/portal/appointments', {
      params: { query: { status: 'booked', limit: 50 } },
      signal,
    }),
  )
}

export function bookPortalAppointment(api: ApiClient, slot: string, idempotencyKey: string) {
  return unwrap(
    api.POST('/v1/portal/appointments', {
      body: { slot },
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  )
}

export function cancelPortalAppointment(api: ApiClient, id: string) {
  return unwrap(api.DELETE('/v1/portal/appointments/{id}', { params: { path: { id } } }))
}

export function listPortalEvents(api: ApiClient, signal?: AbortSignal) {
  return unwrap(
    api.GET('/v1/portal/exclusive-events', { params: { query: { limit: 50 } }, signal }),
  )
}

export function rsvpPortalEvent(
  api: ApiClient,
  id: string,
  attending: boolean,
  idempotencyKey: string,
) {
  return unwrap(
    api.POST('/v1/portal/exclusive-events/{id}/rsvp', {
      params: { path: { id } },
      body: { attending },
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  )
}
