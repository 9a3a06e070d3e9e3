import type { DB, EventInvitationRow, Rsvp } from '@loyalbase/db'
import type { Kysely } from 'kysely'
import { domainEvent, type NewDomainEvent, recordDomainEvents } from '../domain-events/index.js'
import { type IdempotencyClaim, runIdempotent, type StoredResponse } from '../idempotency/index.js'
import { findMemberByRef, lockMemberByRef } from '../members/index.js'
import type { ProgramContext } from '../programs/index.js'
import { AppError } from '../shared/app-error.js'
import type { Clock } from '../shared/clock.js'
import { newId } from '../shared/ids.js'
import {
  clampLimit,
  decodeCursor,
  decodeTimeCursor,
  encodeTimeCursor,
  type Page,
  type PageRequest,
  toPage,
} from '../shared/pagination.js'
import {
  type AttendeeResource,
  assertEventTiers,
  attendingDelta,
  type ExclusiveEventInput,
  type ExclusiveEventResource,
  type MemberEventResource,
  type MemberInvitationResource,
  presentEvent,
  presentInvitation,
} from './exclusive-events.js'
import {
  answerInvitation,
  findEvent,
  findInvitation,
  insertEvent,
  insertInvitation,
  inviteTiers,
  listEvents,
  listInvitations,
  listMemberEvents,
  moveCounts,
  type RsvpFilter,
  setInvitedCount,
} from './exclusive-events.repository.js'

export interface EventQuery extends PageRequest {
  from?: string
  to?: string
}

export interface InvitationQuery extends PageRequest {
  rsvp?: RsvpFilter
}

/** Domain events recorded per statement when an event invites many members. */
const EVENTS_PER_INSERT = 1_000

const eventNotFound = () => AppError.notFound('Exclusive event')

function invited(
  programId: string,
  eventId: string,
  memberId: string,
  via: 'creation' | 'rsvp',
  at: Date,
): NewDomainEvent {
  return domainEvent(
    programId,
    'event.invited',
    memberId,
    { member: memberId, event: eventId, via },
    at,
  )
}

export function createExclusiveEventsService(db: Kysely<DB>, clock: Clock) {
  return {
    /**
     * Creates the event and invites every active member of its tiers in one INSERT … SELECT,
     * recording an `event.invited` for each, all in one transaction.
     */
    async create(
      program: ProgramContext,
      input: ExclusiveEventInput,
      claim?: IdempotencyClaim,
    ): Promise<StoredResponse> {
      assertEventTiers(input.tiers, program.tier_ladder)
      const startsAt = new Date(input.starts_at)
      return runIdempotent(db, clock, program.id, claim, 201, async (trx) => {
        const now = clock.now()
        if (startsAt.getTime() <= now.getTime())
          throw AppError.invalid('starts_at', 'must be in the future')
        const event = await insertEvent(trx, {
          program_id: program.id,
          id: newId('exev'),
          title: input.title,
          description: input.description ?? null,
          location: input.location ?? null,
          starts_at: startsAt,
          capacity: input.capacity,
          tiers: JSON.stringify(input.tiers),
          created_at: now,
          updated_at: now,
        })
        const members = await inviteTiers(trx, program.id, event.id, input.tiers, now)
        for (let i = 0; i < members.length; i += EVENTS_PER_INSERT) {
          await recordDomainEvents(
            trx,
            members
              .slice(i, i + EVENTS_PER_INSERT)
              .map((member) => invited(program.id, event.id, member, 'creation', now)),
          )
        }
        return presentEvent(await setInvitedCount(trx, program.id, event.id, members.length))
      })
    },

    async list(program: ProgramContext, query: EventQuery): Promise<Page<ExclusiveEventResource>> {
      const limit = clampLimit(query.limit)
      const after = decodeTimeCursor(query.cursor)
      const rows = await listEvents(db, program.id, {
        ...(query.from !== undefined ? { from: new Date(query.from) } : {}),
        ...(query.to !== undefined ? { to: new Date(query.to) } : {}),
        ...(after ? { after } : {}),
        limit: limit + 1,
      })
      const page = rows.slice(0, limit)
      const last = page.at(-1)
      return {
        data: page.map(presentEvent),
        next_cursor: rows.length > limit && last ? encodeTimeCursor(last.starts_at, last.id) : null,
      }
    },

    async get(program: ProgramContext, id: string): Promise<ExclusiveEventResource> {
      const row = await findEvent(db, program.id, id)
      if (!row) throw eventNotFound()
      return presentEvent(row)
    },

    /** The event's invitations (`rsvp=yes`: the attendee list), by member id. */
    async invitations(
      program: ProgramContext,
      id: string,
      query: InvitationQuery,
    ): Promise<Page<AttendeeResource>> {
      if (!(await findEvent(db, program.id, id))) throw eventNotFound()
      const limit = clampLimit(query.limit)
      const rows = await listInvitations(db, program.id, id, {
        ...(query.rsvp ? { rsvp: query.rsvp } : {}),
        afterMember: decodeCursor(query.cursor),
        limit: limit + 1,
      })
      return toPage(rows, limit, (row) => ({
        ...presentInvitation(row),
        member_external_id: row.external_id,
        member_name: row.name,
      }))
    },

    /**
     * A member's answer, under the member's lock (one member's answers queue): invited on the
     * fly if its tier is one of the event's; a yes takes a place by a conditional update that
     * never passes the capacity, a no after a yes gives it back; the same answer again changes
     * nothing. Refused once the event has started.
     */
    async rsvp(
      program: ProgramContext,
      memberRef: string,
      eventId: string,
      attending: boolean,
      claim?: IdempotencyClaim,
    ): Promise<StoredResponse> {
      return runIdempotent(db, clock, program.id, claim, 201, async (trx) => {
        const member = await lockMemberByRef(trx, program.id, memberRef)
        if (!member) throw AppError.notFound('Member')
        const event = await findEvent(trx, program.id, eventId)
        if (!event) throw eventNotFound()
        const now = clock.now()
        if (event.starts_at.getTime() <= now.getTime())
          throw new AppError('slot_closed', 'The event has already started: it takes no answers.')
        const found = await findInvitation(trx, program.id, event.id, member.id)
        if (!found && !event.tiers.includes(member.tier_key)) {
          throw new AppError(
            'tier_required',
            `The event is for the tiers ${event.tiers.join(', ')}; the member is ${member.tier_key} and was not invited.`,
          )
        }
        const next: Rsvp = attending ? 'yes' : 'no'
        const previous = found?.rsvp ?? null
        if (found && previous === next) return presentInvitation(found)
        const delta = attendingDelta(previous, next)
        if (delta !== 0 || !found) {
          const moved = await moveCounts(
            trx,
            program.id,
            event.id,
            { attending: delta, invited: found ? 0 : 1 },
            now,
          )
          if (!moved) throw new AppError('slot_full', 'The event has no place left.')
        }
        const events: NewDomainEvent[] = []
        let invitation: EventInvitationRow
        if (found) {
          invitation = await answerInvitation(trx, program.id, event.id, member.id, next, now)
        } else {
          invitation = await insertInvitation(trx, {
            program_id: program.id,
            event_id: event.id,
            member_id: member.id,
            tier_key: member.tier_key,
            via: 'rsvp',
            invited_at: now,
            rsvp: next,
            responded_at: now,
          })
          events.push(invited(program.id, event.id, member.id, 'rsvp', now))
        }
        events.push(
          domainEvent(
            program.id,
            'event.responded',
            member.id,
            { member: member.id, event: event.id, rsvp: next, previous },
            now,
          ),
        )
        await recordDomainEvents(trx, events)
        return presentInvitation(invitation)
      })
    },

    /** The member's invitations with their events, newest event first. */
    async memberInvitations(
      program: ProgramContext,
      memberRef: string,
      query: PageRequest,
    ): Promise<Page<MemberInvitationResource>> {
      const member = await findMemberByRef(db, program.id, memberRef)
      if (!member) throw AppError.notFound('Member')
      const limit = clampLimit(query.limit)
      const rows = await listMemberEvents(db, program.id, member.id, {
        now: clock.now(),
        beforeId: decodeCursor(query.cursor),
        limit: limit + 1,
      })
      return toPage(rows, limit, (row) => ({
        ...presentInvitation(row.invitation as EventInvitationRow),
        exclusive_event: presentEvent(row),
      }))
    },

    /**
     * The portal's list: the member's invitations and the events not started yet that its tier
     * may answer, newest event first.
     */
    async memberEvents(
      program: ProgramContext,
      memberId: string,
      query: PageRequest,
    ): Promise<Page<MemberEventResource>> {
      const member = await findMemberByRef(db, program.id, memberId)
      if (!member) throw AppError.notFound('Member')
      const limit = clampLimit(query.limit)
      const now = clock.now()
      const rows = await listMemberEvents(db, program.id, member.id, {
        eligibleTier: member.tier_key,
        now,
        beforeId: decodeCursor(query.cursor),
        limit: limit + 1,
      })
      return toPage(rows, limit, (row) => ({
        exclusive_event: presentEvent(row),
        invitation: row.invitation ? presentInvitation(row.invitation) : null,
        eligible:
          row.starts_at.getTime() > now.getTime() &&
          (row.invitation !== null || row.tiers.includes(member.tier_key)),
      }))
    },
  }
}

export type ExclusiveEventsService = ReturnType<typeof createExclusiveEventsService>
