import { MAX_PLACES } from '@loyalbase/core'
import { type TSchema, Type } from 'typebox'
import { ZPageQuery, ZTimestamp } from './common.js'

const closed = { additionalProperties: false }
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

const ZService = Type.String({
  minLength: 1,
  maxLength: 200,
  description: 'What is booked, e.g. `personal_styling` or “私人造型”',
})
const ZCapacity = Type.Integer({
  minimum: 1,
  maximum: MAX_PLACES,
  description: 'Places in the slot',
})
const ZTierKeys = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
  minItems: 1,
  maxItems: 100,
  description: 'Tier keys whose members may book; an unknown key is `400`',
})
const ZActor = Type.Union([Type.Literal('member'), Type.Literal('staff')], {
  description: '`member`: in the portal; `staff`: with a program key',
})

export const ZAppointmentSlot = Type.Object(
  {
    id: Type.String({ description: '`slot_…`' }),
    service: ZService,
    starts_at: ZTimestamp,
    ends_at: ZTimestamp,
    capacity: ZCapacity,
    booked: Type.Integer({ description: 'Live bookings' }),
    remaining: Type.Integer({ description: '`capacity − booked`' }),
    tiers: nullable(
      Type.Array(Type.String(), { description: 'Tier keys that may book; `null`: every tier' }),
    ),
    created_at: ZTimestamp,
    updated_at: ZTimestamp,
  },
  { $id: 'AppointmentSlot' },
)

export const ZAppointmentSlotCreate = Type.Object(
  {
    service: ZService,
    starts_at: ZTimestamp,
    ends_at: Type.String({ format: 'date-time', description: 'After `starts_at`' }),
    capacity: ZCapacity,
    tiers: Type.Optional(nullable(ZTierKeys)),
  },
  closed,
)

export const ZAppointmentSlotPatch = Type.Object(
  {
    service: Type.Optional(ZService),
    starts_at: Type.Optional(ZTimestamp),
    ends_at: Type.Optional(ZTimestamp),
    capacity: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: MAX_PLACES,
        description: 'Not below the places booked (else `400`)',
      }),
    ),
    tiers: Type.Optional(nullable(ZTierKeys)),
  },
  { ...closed, description: 'Bookings already made stay, whatever the change of tiers' },
)

export const ZDeletedSlot = Type.Object({
  id: Type.String(),
  deleted: Type.Literal(true),
  bookings_cancelled: Type.Integer({ description: 'Live bookings the deletion cancelled' }),
})

export const ZSlotParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64, description: '`slot_…`' }),
})

export const ZSlotQuery = Type.Object({
  from: Type.Optional(
    Type.String({ format: 'date-time', description: 'Slots starting at or after' }),
  ),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Slots starting before' })),
  service: Type.Optional(ZService),
  ...ZPageQuery,
})

export const ZAppointment = Type.Object(
  {
    id: Type.String({ description: '`apt_…`' }),
    slot: Type.String({ description: 'The slot’s id' }),
    member: Type.String({ description: 'The member’s id' }),
    status: Type.Union([Type.Literal('booked'), Type.Literal('cancelled')]),
    service: Type.String({ description: 'The slot’s service' }),
    starts_at: ZTimestamp,
    ends_at: ZTimestamp,
    booked_by: ZActor,
    booked_at: ZTimestamp,
    cancelled_by: nullable(ZActor),
    cancelled_at: nullable(ZTimestamp),
  },
  { $id: 'Appointment' },
)

export const ZSlotBooking = Type.Object({
  ...ZAppointment.properties,
  member_external_id: Type.String(),
  member_name: nullable(Type.String()),
})

export const ZAppointmentCreate = Type.Object(
  { slot: Type.String({ minLength: 1, maxLength: 64, description: 'The slot’s id, `slot_…`' }) },
  closed,
)

export const ZAppointmentParams = Type.Object({
  member: Type.String({ minLength: 1, maxLength: 128, description: 'mem_… id or external_id' }),
  id: Type.String({ minLength: 1, maxLength: 64, description: '`apt_…`' }),
})

export const ZAppointmentQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('booked'), Type.Literal('cancelled')])),
  ...ZPageQuery,
})

/** A slot as the portal shows it to its member. */
export const ZMemberSlot = Type.Object({
  ...ZAppointmentSlot.properties,
  tier_allowed: Type.Boolean({ description: 'The member’s tier may book it' }),
  my_appointment: nullable(Type.String({ description: 'The member’s live booking of it' })),
})
