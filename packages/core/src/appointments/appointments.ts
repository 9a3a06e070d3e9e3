import type { AppointmentActor, AppointmentRow, AppointmentSlotRow } from '@loyalbase/db'
import type { TierLadder } from '../ladder/index.js'
import { AppError } from '../shared/app-error.js'

/*
 * Appointments (预约购物), the pure part: what a slot and a booking look like on the wire, what
 * a valid slot is, and who may book one. No I/O, no clock: the service passes `now` in.
 */

export interface AppointmentSlotInput {
  service: string
  starts_at: string
  ends_at: string
  capacity: number
  tiers?: string[] | null
}

export interface AppointmentSlotPatch {
  service?: string
  starts_at?: string
  ends_at?: string
  capacity?: number
  tiers?: string[] | null
}

export interface AppointmentSlotResource {
  id: string
  service: string
  starts_at: string
  ends_at: string
  capacity: number
  booked: number
  remaining: number
  tiers: string[] | null
  created_at: string
  updated_at: string
}

export interface AppointmentResource {
  id: string
  slot: string
  member: string
  status: 'booked' | 'cancelled'
  service: string
  starts_at: string
  ends_at: string
  booked_by: AppointmentActor
  booked_at: string
  cancelled_by: AppointmentActor | null
  cancelled_at: string | null
}

/** A booking in a slot's list, with who the member is (the console's view). */
export interface SlotBookingResource extends AppointmentResource {
  member_external_id: string
  member_name: string | null
}

export interface DeletedSlot {
  id: string
  deleted: true
  bookings_cancelled: number
}

/**
 * Tier keys given for a slot or an event: each a key of the program's ladder, none twice.
 * `path` names the field in errors (`tiers[1]`).
 */
export function assertTierKeys(tiers: readonly string[], ladder: TierLadder, path = 'tiers') {
  const known = new Set(ladder.tiers.map((tier) => tier.key))
  const seen = new Set<string>()
  tiers.forEach((key, index) => {
    if (!known.has(key)) throw AppError.invalid(`${path}[${index}]`, 'is not a tier of the program')
    if (seen.has(key)) throw AppError.invalid(`${path}[${index}]`, 'is given twice')
    seen.add(key)
  })
}

/** A slot's window: it ends after it starts. */
export function assertSlotWindow(startsAt: Date, endsAt: Date): void {
  if (endsAt.getTime() <= startsAt.getTime())
    throw AppError.invalid('ends_at', 'must be after starts_at')
}

/** May a member of `tierKey` book a slot with these tiers (null: every tier)? */
export function tierMayBook(tiers: readonly string[] | null, tierKey: string): boolean {
  return tiers === null || tiers.includes(tierKey)
}

/** A slot takes bookings (and cancellations) until it starts. */
export function slotOpen(slot: Pick<AppointmentSlotRow, 'starts_at'>, now: Date): boolean {
  return slot.starts_at.getTime() > now.getTime()
}

export function presentSlot(row: AppointmentSlotRow): AppointmentSlotResource {
  return {
    id: row.id,
    service: row.service,
    starts_at: row.starts_at.toISOString(),
    ends_at: row.ends_at.toISOString(),
    capacity: row.capacity,
    booked: row.booked,
    remaining: Math.max(0, row.capacity - row.booked),
    tiers: row.tiers,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  }
}

export function presentAppointment(
  row: AppointmentRow,
  slot: Pick<AppointmentSlotRow, 'service' | 'starts_at' | 'ends_at'>,
): AppointmentResource {
  return {
    id: row.id,
    slot: row.slot_id,
    member: row.member_id,
    status: row.status,
    service: slot.service,
    starts_at: slot.starts_at.toISOString(),
    ends_at: slot.ends_at.toISOString(),
    booked_by: row.booked_by,
    booked_at: row.booked_at.toISOString(),
    cancelled_by: row.cancelled_by,
    cancelled_at: row.cancelled_at?.toISOString() ?? null,
  }
}
