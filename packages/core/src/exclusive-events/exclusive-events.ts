import type { EventInvitationRow, ExclusiveEventRow, Rsvp } from '@loyalbase/db'
import type { TierLadder } from '../ladder/index.js'
import { AppError } from '../shared/app-error.js'

/*
 * Exclusive events (特别活动邀请), the pure part: the wire shapes, a valid event, and what an
 * answer does to the count of places. No I/O, no clock.
 */

export interface ExclusiveEventInput {
  title: string
  starts_at: string
  capacity: number
  tiers: string[]
  description?: string
  location?: string
}

export interface ExclusiveEventResource {
  id: string
  title: string
  description: string | null
  location: string | null
  starts_at: string
  capacity: number
  tiers: string[]
  invited: number
  attending: number
  remaining: number
  created_at: string
  updated_at: string
}

export interface InvitationResource {
  event: string
  member: string
  tier: string
  via: 'creation' | 'rsvp'
  rsvp: Rsvp | null
  invited_at: string
  responded_at: string | null
}

/** An invitation in an event's list, with who the member is (the console's attendee list). */
export interface AttendeeResource extends InvitationResource {
  member_external_id: string
  member_name: string | null
}

/** A member's invitation with its event (the member's list). */
export interface MemberInvitationResource extends InvitationResource {
  exclusive_event: ExclusiveEventResource
}

/** An event as the portal shows it to one member: its invitation, or whether it may answer. */
export interface MemberEventResource {
  exclusive_event: ExclusiveEventResource
  invitation: InvitationResource | null
  eligible: boolean
}

/** The tiers an event invites: each a key of the ladder, none twice. */
export function assertEventTiers(tiers: readonly string[], ladder: TierLadder): void {
  const known = new Set(ladder.tiers.map((tier) => tier.key))
  const seen = new Set<string>()
  tiers.forEach((key, index) => {
    if (!known.has(key)) throw AppError.invalid(`tiers[${index}]`, 'is not a tier of the program')
    if (seen.has(key)) throw AppError.invalid(`tiers[${index}]`, 'is given twice')
    seen.add(key)
  })
}

/** How an answer moves the event's `attending` count: +1, -1 or 0. */
export function attendingDelta(previous: Rsvp | null, next: Rsvp): -1 | 0 | 1 {
  if (previous !== 'yes' && next === 'yes') return 1
  if (previous === 'yes' && next === 'no') return -1
  return 0
}

export function presentEvent(row: ExclusiveEventRow): ExclusiveEventResource {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    location: row.location,
    starts_at: row.starts_at.toISOString(),
    capacity: row.capacity,
    tiers: row.tiers,
    invited: row.invited,
    attending: row.attending,
    remaining: Math.max(0, row.capacity - row.attending),
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  }
}

export function presentInvitation(row: EventInvitationRow): InvitationResource {
  return {
    event: row.event_id,
    member: row.member_id,
    tier: row.tier_key,
    via: row.via,
    rsvp: row.rsvp,
    invited_at: row.invited_at.toISOString(),
    responded_at: row.responded_at?.toISOString() ?? null,
  }
}
