import type {
  EventInvitationRow,
  EventInvitationsTable,
  ExclusiveEventRow,
  ExclusiveEventsTable,
  Rsvp,
} from '@loyalbase/db'
import { type Insertable, sql } from 'kysely'
import type { Executor } from '../shared/executor.js'

// ---------------------------------------------------------------------------------------------
// Events

export async function insertEvent(
  db: Executor,
  row: Insertable<ExclusiveEventsTable>,
): Promise<ExclusiveEventRow> {
  return db.insertInto('exclusive_events').values(row).returningAll().executeTakeFirstOrThrow()
}

export async function findEvent(
  db: Executor,
  programId: string,
  id: string,
): Promise<ExclusiveEventRow | undefined> {
  return db
    .selectFrom('exclusive_events')
    .selectAll()
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .executeTakeFirst()
}

/** Events by start time, then id; `after` is the last row of the previous page. */
export async function listEvents(
  db: Executor,
  programId: string,
  filter: { from?: Date; to?: Date; after?: { at: Date; id: string }; limit: number },
): Promise<ExclusiveEventRow[]> {
  let query = db
    .selectFrom('exclusive_events')
    .selectAll()
    .where('program_id', '=', programId)
    .orderBy('starts_at')
    .orderBy('id')
    .limit(filter.limit)
  if (filter.from) query = query.where('starts_at', '>=', filter.from)
  if (filter.to) query = query.where('starts_at', '<', filter.to)
  const after = filter.after
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('starts_at', '>', after.at),
        eb.and([eb('starts_at', '=', after.at), eb('id', '>', after.id)]),
      ]),
    )
  }
  return query.execute()
}

/**
 * Moves an event's counts: `attending` by `delta` — a +1 by a conditional update that never
 * passes `capacity` (the row is locked by it, so concurrent answers queue here) — and `invited`
 * by `invited`. Undefined when a +1 finds no place left.
 */
export async function moveCounts(
  db: Executor,
  programId: string,
  id: string,
  delta: { attending: -1 | 0 | 1; invited: 0 | 1 },
  at: Date,
): Promise<ExclusiveEventRow | undefined> {
  let query = db
    .updateTable('exclusive_events')
    .set((eb) => ({
      attending: eb('attending', '+', delta.attending),
      invited: eb('invited', '+', delta.invited),
      updated_at: at,
    }))
    .where('program_id', '=', programId)
    .where('id', '=', id)
  if (delta.attending > 0) query = query.where(sql<boolean>`attending < capacity`)
  return query.returningAll().executeTakeFirst()
}

// ---------------------------------------------------------------------------------------------
// Invitations

/**
 * Invites every active member of the tiers, in one statement; answers the members invited.
 * Members are read as the statement finds them: one who joins a tier later answers on the fly.
 */
export async function inviteTiers(
  db: Executor,
  programId: string,
  eventId: string,
  tiers: readonly string[],
  at: Date,
): Promise<string[]> {
  const rows = await db
    .insertInto('event_invitations')
    .columns(['program_id', 'event_id', 'member_id', 'tier_key', 'via', 'invited_at'])
    .expression((eb) =>
      eb
        .selectFrom('members')
        .select([
          'program_id',
          sql<string>`${eventId}::text`.as('event_id'),
          'id',
          'tier_key',
          sql<'creation'>`'creation'`.as('via'),
          sql<Date>`${at}::timestamptz`.as('invited_at'),
        ])
        .where('program_id', '=', programId)
        .where('status', '=', 'active')
        .where('tier_key', 'in', [...tiers]),
    )
    .returning('member_id')
    .execute()
  return rows.map((row) => row.member_id)
}

export async function setInvitedCount(
  db: Executor,
  programId: string,
  id: string,
  invited: number,
): Promise<ExclusiveEventRow> {
  return db
    .updateTable('exclusive_events')
    .set({ invited })
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function findInvitation(
  db: Executor,
  programId: string,
  eventId: string,
  memberId: string,
): Promise<EventInvitationRow | undefined> {
  return db
    .selectFrom('event_invitations')
    .selectAll()
    .where('program_id', '=', programId)
    .where('event_id', '=', eventId)
    .where('member_id', '=', memberId)
    .executeTakeFirst()
}

export async function insertInvitation(
  db: Executor,
  row: Insertable<EventInvitationsTable>,
): Promise<EventInvitationRow> {
  return db.insertInto('event_invitations').values(row).returningAll().executeTakeFirstOrThrow()
}

export async function answerInvitation(
  db: Executor,
  programId: string,
  eventId: string,
  memberId: string,
  rsvp: Rsvp,
  at: Date,
): Promise<EventInvitationRow> {
  return db
    .updateTable('event_invitations')
    .set({ rsvp, responded_at: at })
    .where('program_id', '=', programId)
    .where('event_id', '=', eventId)
    .where('member_id', '=', memberId)
    .returningAll()
    .executeTakeFirstOrThrow()
}

export type RsvpFilter = Rsvp | 'pending'

/** An event's invitations with who the member is, by member id. */
export async function listInvitations(
  db: Executor,
  programId: string,
  eventId: string,
  filter: { rsvp?: RsvpFilter; afterMember?: string; limit: number },
): Promise<(EventInvitationRow & { id: string; external_id: string; name: string | null })[]> {
  let query = db
    .selectFrom('event_invitations as i')
    .innerJoin('members as m', (join) =>
      join.onRef('m.program_id', '=', 'i.program_id').onRef('m.id', '=', 'i.member_id'),
    )
    .selectAll('i')
    .select(['m.id', 'm.external_id', 'm.name'])
    .where('i.program_id', '=', programId)
    .where('i.event_id', '=', eventId)
    .orderBy('i.member_id')
    .limit(filter.limit)
  if (filter.rsvp === 'pending') query = query.where('i.rsvp', 'is', null)
  else if (filter.rsvp) query = query.where('i.rsvp', '=', filter.rsvp)
  if (filter.afterMember) query = query.where('i.member_id', '>', filter.afterMember)
  return query.execute()
}

export interface MemberEventRow extends ExclusiveEventRow {
  invitation: EventInvitationRow | null
}

/**
 * A member's events, newest event first: those it is invited to and, with `eligibleTier`, the
 * events not started yet whose tiers include it (it may answer them and be invited on the fly).
 */
export async function listMemberEvents(
  db: Executor,
  programId: string,
  memberId: string,
  filter: { eligibleTier?: string; now: Date; beforeId?: string; limit: number },
): Promise<MemberEventRow[]> {
  let query = db
    .selectFrom('exclusive_events as e')
    .leftJoin('event_invitations as i', (join) =>
      join
        .onRef('i.program_id', '=', 'e.program_id')
        .onRef('i.event_id', '=', 'e.id')
        .on('i.member_id', '=', memberId),
    )
    .selectAll('e')
    .select([
      'i.member_id as i_member_id',
      'i.tier_key as i_tier_key',
      'i.via as i_via',
      'i.invited_at as i_invited_at',
      'i.rsvp as i_rsvp',
      'i.responded_at as i_responded_at',
    ])
    .where('e.program_id', '=', programId)
    .orderBy('e.id', 'desc')
    .limit(filter.limit)
  const tier = filter.eligibleTier
  query =
    tier === undefined
      ? query.where('i.member_id', 'is not', null)
      : query.where((eb) =>
          eb.or([
            eb('i.member_id', 'is not', null),
            eb.and([
              eb('e.starts_at', '>', filter.now),
              eb(sql`e.tiers`, '@>', sql`jsonb_build_array(${tier}::text)`),
            ]),
          ]),
        )
  if (filter.beforeId) query = query.where('e.id', '<', filter.beforeId)
  const rows = await query.execute()
  return rows.map(
    ({ i_member_id, i_tier_key, i_via, i_invited_at, i_rsvp, i_responded_at, ...event }) => ({
      ...event,
      invitation:
        i_member_id === null
          ? null
          : {
              program_id: event.program_id,
              event_id: event.id,
              member_id: i_member_id,
              tier_key: i_tier_key as string,
              via: i_via as 'creation' | 'rsvp',
              invited_at: i_invited_at as Date,
              rsvp: i_rsvp,
              responded_at: i_responded_at,
            },
    }),
  )
}
