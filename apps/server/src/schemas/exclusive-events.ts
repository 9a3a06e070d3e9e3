import { MAX_PLACES } from '@loyalbase/core'
import { type TSchema, Type } from 'typebox'
import { ZPageQuery, ZTimestamp } from './common.js'

const closed = { additionalProperties: false }
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

const ZRsvp = Type.Union([Type.Literal('yes'), Type.Literal('no')])

export const ZExclusiveEvent = Type.Object(
  {
    id: Type.String({ description: '`exev_…`' }),
    title: Type.String(),
    description: nullable(Type.String()),
    location: nullable(Type.String()),
    starts_at: ZTimestamp,
    capacity: Type.Integer({ description: 'Places for members who answer yes' }),
    tiers: Type.Array(Type.String(), { description: 'The tier keys invited' }),
    invited: Type.Integer({ description: 'Invitations made' }),
    attending: Type.Integer({ description: 'Invitations answered yes' }),
    remaining: Type.Integer({ description: '`capacity − attending`' }),
    created_at: ZTimestamp,
    updated_at: ZTimestamp,
  },
  { $id: 'ExclusiveEvent' },
)

export const ZExclusiveEventCreate = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    starts_at: Type.String({ format: 'date-time', description: 'In the future' }),
    capacity: Type.Integer({ minimum: 1, maximum: MAX_PLACES }),
    tiers: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
      minItems: 1,
      maxItems: 100,
      description: 'Every active member of these tiers is invited; an unknown key is `400`',
    }),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    location: Type.Optional(Type.String({ maxLength: 500 })),
  },
  closed,
)

export const ZEventParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64, description: '`exev_…`' }),
})

export const ZEventQuery = Type.Object({
  from: Type.Optional(
    Type.String({ format: 'date-time', description: 'Events starting at or after' }),
  ),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Events starting before' })),
  ...ZPageQuery,
})

export const ZInvitation = Type.Object(
  {
    event: Type.String({ description: 'The event’s id' }),
    member: Type.String({ description: 'The member’s id' }),
    tier: Type.String({ description: 'The member’s tier when invited' }),
    via: Type.Union([Type.Literal('creation'), Type.Literal('rsvp')], {
      description: '`creation`: invited with the event; `rsvp`: on answering, in an eligible tier',
    }),
    rsvp: nullable(ZRsvp),
    invited_at: ZTimestamp,
    responded_at: nullable(ZTimestamp),
  },
  { $id: 'Invitation' },
)

export const ZAttendee = Type.Object({
  ...ZInvitation.properties,
  member_external_id: Type.String(),
  member_name: nullable(Type.String()),
})

export const ZMemberInvitation = Type.Object({
  ...ZInvitation.properties,
  exclusive_event: Type.Ref('ExclusiveEvent'),
})

export const ZInvitationQuery = Type.Object({
  rsvp: Type.Optional(
    Type.Union([Type.Literal('yes'), Type.Literal('no'), Type.Literal('pending')], {
      description: '`yes`: the attendee list; `pending`: not answered yet',
    }),
  ),
  ...ZPageQuery,
})

export const ZRsvpCreate = Type.Object(
  { attending: Type.Boolean({ description: '`true`: yes (takes a place); `false`: no' }) },
  closed,
)

export const ZRsvpParams = Type.Object({
  member: Type.String({ minLength: 1, maxLength: 128, description: 'mem_… id or external_id' }),
  id: Type.String({ minLength: 1, maxLength: 64, description: '`exev_…`' }),
})

/** An event as the portal shows it to its member. */
export const ZMemberEvent = Type.Object({
  exclusive_event: Type.Ref('ExclusiveEvent'),
  invitation: nullable(Type.Ref('Invitation')),
  eligible: Type.Boolean({ description: 'The member may answer it now' }),
})
