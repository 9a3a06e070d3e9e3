import { type Static, type TSchema, Type } from 'typebox'
import { newId } from '../shared/ids.js'

/*
 * What happened in a program, recorded by every use case in the same transaction as the change
 * (the outbox, table `outbox_events`), for the consumers that come after: webhooks, campaign
 * triggers, analytics rollups. Not to be confused with `events/`, the member behaviour
 * (reviews, check-ins) that earns points.
 *
 * One naming scheme: `<thing>.<what happened to it>`, in the past tense. Each event has a stable
 * id (`evt_` and a ULID, which sorts by time), the member it is about, and a payload whose shape
 * the catalogue below fixes, as TypeBox schemas — so the OpenAPI document can describe webhook
 * payloads from the same source. docs/domain-events.md lists them for readers.
 */

const Source = Type.Object({ kind: Type.String(), id: Type.String() })
const Reason = Type.Union([
  Type.Literal('upgrade'),
  Type.Literal('downgrade'),
  Type.Literal('override'),
  Type.Literal('override_expired'),
  Type.Literal('ladder_change'),
])

/** Every domain event type and the schema of its payload. */
export const DOMAIN_EVENT_SCHEMAS = {
  'member.created': Type.Object(
    {
      member: Type.String(),
      external_id: Type.String(),
      referred_by: Type.Union([Type.String(), Type.Null()]),
      joined_at: Type.String({ format: 'date-time' }),
    },
    { description: 'A member joined the program.' },
  ),
  'points.earned': Type.Object(
    {
      member: Type.String(),
      points: Type.Integer({ minimum: 1 }),
      status: Type.Union([Type.Literal('pending'), Type.Literal('available')]),
      source: Source,
      rules: Type.Array(Type.Object({ rule: Type.String(), points: Type.Integer() })),
    },
    {
      description:
        'An order or a behaviour event paid points, by the rules named, or a campaign rewarded points.',
    },
  ),
  'points.redeemed': Type.Object(
    { member: Type.String(), points: Type.Integer({ minimum: 1 }), transaction: Type.String() },
    { description: 'The member spent points.' },
  ),
  'points.adjusted': Type.Object(
    {
      member: Type.String(),
      points: Type.Integer(),
      transaction: Type.String(),
      actor: Type.Union([Type.String(), Type.Null()]),
    },
    { description: 'An operator added (positive) or took away (negative) points.' },
  ),
  'points.expired': Type.Object(
    { member: Type.String(), points: Type.Integer({ minimum: 1 }), lots: Type.Integer() },
    { description: 'Points reached their expiry and left the balance.' },
  ),
  'points.reversed': Type.Object(
    {
      member: Type.String(),
      points: Type.Integer({ minimum: 1 }),
      source: Source,
      cause: Source,
    },
    { description: 'A refund took back points its order paid.' },
  ),
  'points.returned': Type.Object(
    {
      member: Type.String(),
      points: Type.Integer({ minimum: 1 }),
      transaction: Type.String(),
      source: Source,
      cause: Source,
    },
    { description: 'A refund gave back points the member had paid its order with.' },
  ),
  'tier.changed': Type.Object(
    { member: Type.String(), from: Type.String(), to: Type.String(), reason: Reason },
    { description: 'The member moved to another tier, up or down.' },
  ),
  'tier.upgraded': Type.Object(
    { member: Type.String(), from: Type.String(), to: Type.String(), reason: Reason },
    { description: 'The member moved to a higher tier (also a `tier.changed`).' },
  ),
  'coupon.issued': Type.Object(
    {
      member: Type.String(),
      coupon: Type.String(),
      template: Type.String(),
      code: Type.String({ description: 'As shown: `XXXX-XXXX-XXXX-XXXX`' }),
      via: Type.Union([
        Type.Literal('template'),
        Type.Literal('code'),
        Type.Literal('campaign'),
        Type.Literal('reward'),
      ]),
      starts_at: Type.String({ format: 'date-time' }),
      expires_at: Type.String({ format: 'date-time' }),
    },
    {
      description:
        'A coupon was issued to the member from a template (by the API, a campaign or a coupon reward), or the member claimed a bulk code.',
    },
  ),
  'reward.redeemed': Type.Object(
    {
      member: Type.String(),
      redemption: Type.String(),
      reward: Type.String(),
      quantity: Type.Integer({ minimum: 1 }),
      points: Type.Integer({ minimum: 1 }),
      cash_cost: Type.Integer({ minimum: 0 }),
      status: Type.Union([Type.Literal('pending'), Type.Literal('fulfilled')]),
      transaction: Type.String(),
    },
    { description: 'The member redeemed a reward of the catalog with points.' },
  ),
  'reward.redemption_fulfilled': Type.Object(
    { member: Type.String(), redemption: Type.String(), reward: Type.String() },
    { description: 'An operator fulfilled a pending reward redemption.' },
  ),
  'reward.redemption_cancelled': Type.Object(
    {
      member: Type.String(),
      redemption: Type.String(),
      reward: Type.String(),
      quantity: Type.Integer({ minimum: 1 }),
      points: Type.Integer({ minimum: 1 }),
      transaction: Type.String(),
    },
    {
      description:
        'A pending reward redemption was cancelled: its points and stock went back (`transaction` gave the points back).',
    },
  ),
  'benefit.used': Type.Object(
    {
      member: Type.String(),
      reference: Type.Object({
        kind: Type.String({ description: '`order`, `booking`, `manual`' }),
        id: Type.Union([Type.String(), Type.Null()]),
      }),
      uses: Type.Array(
        Type.Object({
          benefit: Type.String({ description: 'The benefit’s key' }),
          use: Type.String(),
          amount: Type.Integer({ minimum: 0, description: 'What it was worth, minor units' }),
        }),
        { minItems: 1 },
      ),
    },
    {
      description:
        'The member used benefits of its tier: one event for an order (every benefit it used), a booking or a use by hand.',
    },
  ),
  'benefit.returned': Type.Object(
    {
      member: Type.String(),
      benefit: Type.String({ description: 'The benefit’s key' }),
      use: Type.String(),
      cause: Source,
    },
    { description: 'A use of a benefit was given back (its order was fully refunded).' },
  ),
  'appointment.booked': Type.Object(
    {
      member: Type.String(),
      appointment: Type.String(),
      slot: Type.String(),
      service: Type.String(),
      starts_at: Type.String({ format: 'date-time' }),
      by: Type.Union([Type.Literal('member'), Type.Literal('staff')]),
    },
    {
      description: 'The member booked a place in an appointment slot (in the portal or by staff).',
    },
  ),
  'appointment.cancelled': Type.Object(
    {
      member: Type.String(),
      appointment: Type.String(),
      slot: Type.String(),
      by: Type.Union([Type.Literal('member'), Type.Literal('staff')]),
      slot_deleted: Type.Boolean(),
    },
    {
      description:
        'A booking was cancelled and its place freed: by the member, by staff, or with its slot.',
    },
  ),
  'event.invited': Type.Object(
    {
      member: Type.String(),
      event: Type.String(),
      via: Type.Union([Type.Literal('creation'), Type.Literal('rsvp')]),
    },
    {
      description:
        'The member was invited to an exclusive event: at its creation, or on answering after reaching an eligible tier.',
    },
  ),
  'event.responded': Type.Object(
    {
      member: Type.String(),
      event: Type.String(),
      rsvp: Type.Union([Type.Literal('yes'), Type.Literal('no')]),
      previous: Type.Union([Type.Literal('yes'), Type.Literal('no'), Type.Null()]),
    },
    { description: 'The member answered an exclusive event’s invitation, or changed the answer.' },
  ),
  'advisor.assigned': Type.Object(
    { member: Type.String(), advisor: Type.String() },
    {
      description:
        'The member was given a dedicated advisor: on reaching a tier with dedicated service, or when an advisor with room appeared (recorded by the database, 0022_releases_advisors.sql).',
    },
  ),
  'advisor.released': Type.Object(
    { member: Type.String(), advisor: Type.String() },
    {
      description:
        'The member no longer has this advisor: it left the tier, or the advisor was removed.',
    },
  ),
} satisfies Record<string, TSchema>

export type DomainEventType = keyof typeof DOMAIN_EVENT_SCHEMAS
export type DomainEventData<T extends DomainEventType> = Static<(typeof DOMAIN_EVENT_SCHEMAS)[T]>

/** A domain event as it is recorded. */
export interface NewDomainEvent<T extends DomainEventType = DomainEventType> {
  program_id: string
  id: string
  type: T
  member_id: string
  data: DomainEventData<T>
  created_at: Date
}

/** A domain event of `type` about `member`, with a new stable id. */
export function domainEvent<T extends DomainEventType>(
  programId: string,
  type: T,
  memberId: string,
  data: DomainEventData<T>,
  at: Date,
): NewDomainEvent<T> {
  return {
    program_id: programId,
    id: newId('evt'),
    type,
    member_id: memberId,
    data,
    created_at: at,
  }
}
