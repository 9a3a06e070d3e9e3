import type {
  AppointmentActor,
  AppointmentRow,
  AppointmentSlotRow,
  AppointmentSlotsTable,
  AppointmentStatus,
  AppointmentsTable,
} from '@loyalbase/db'
import { type Insertable, sql } from 'kysely'
import type { Executor } from '../shared/executor.js'

// ---------------------------------------------------------------------------------------------
// Slots

export async function insertSlot(
  db: Executor,
  row: Insertable<AppointmentSlotsTable>,
): Promise<AppointmentSlotRow> {
  return db.insertInto('appointment_slots').values(row).returningAll().executeTakeFirstOrThrow()
}

/** A live (not deleted) slot; `lock` takes its row lock to the end of the transaction. */
export async function findSlot(
  db: Executor,
  programId: string,
  id: string,
  options: { lock?: boolean; withDeleted?: boolean } = {},
): Promise<AppointmentSlotRow | undefined> {
  let query = db
    .selectFrom('appointment_slots')
    .selectAll()
    .where('program_id', '=', programId)
    .where('id', '=', id)
  if (!options.withDeleted) query = query.where('deleted_at', 'is', null)
  if (options.lock) query = query.forUpdate()
  return query.executeTakeFirst()
}

/** Live slots by start time, then id; `after` is the last row of the previous page. */
export async function listSlots(
  db: Executor,
  programId: string,
  filter: {
    from?: Date
    to?: Date
    service?: string
    after?: { at: Date; id: string }
    limit: number
  },
): Promise<AppointmentSlotRow[]> {
  let query = db
    .selectFrom('appointment_slots')
    .selectAll()
    .where('program_id', '=', programId)
    .where('deleted_at', 'is', null)
    .orderBy('starts_at')
    .orderBy('id')
    .limit(filter.limit)
  if (filter.from) query = query.where('starts_at', '>=', filter.from)
  if (filter.to) query = query.where('starts_at', '<', filter.to)
  if (filter.service !== undefined) query = query.where('service', '=', filter.service)
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

export async function updateSlot(
  db: Executor,
  programId: string,
  id: string,
  changes: {
    service?: string
    starts_at?: Date
    ends_at?: Date
    capacity?: number
    tiers?: string | null
    updated_at: Date
  },
): Promise<AppointmentSlotRow> {
  return db
    .updateTable('appointment_slots')
    .set(changes)
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/**
 * Takes one place of a live slot, in one conditional update: the row is locked by it, so
 * concurrent bookings queue here and `booked` never passes `capacity`. Undefined when the slot
 * is full (or was deleted meanwhile).
 */
export async function takePlace(
  db: Executor,
  programId: string,
  id: string,
  at: Date,
): Promise<AppointmentSlotRow | undefined> {
  return db
    .updateTable('appointment_slots')
    .set((eb) => ({ booked: eb('booked', '+', 1), updated_at: at }))
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .where(sql<boolean>`booked < capacity`)
    .returningAll()
    .executeTakeFirst()
}

export async function freePlace(
  db: Executor,
  programId: string,
  id: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('appointment_slots')
    .set((eb) => ({ booked: eb('booked', '-', 1), updated_at: at }))
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .where('booked', '>', 0)
    .execute()
}

/** Marks a live slot deleted with no bookings left; undefined when there is no such slot. */
export async function deleteSlot(
  db: Executor,
  programId: string,
  id: string,
  at: Date,
): Promise<AppointmentSlotRow | undefined> {
  return db
    .updateTable('appointment_slots')
    .set({ deleted_at: at, updated_at: at, booked: 0 })
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .returningAll()
    .executeTakeFirst()
}

// ---------------------------------------------------------------------------------------------
// Bookings

export async function insertAppointment(
  db: Executor,
  row: Insertable<AppointmentsTable>,
): Promise<AppointmentRow> {
  return db.insertInto('appointments').values(row).returningAll().executeTakeFirstOrThrow()
}

export async function findLiveBooking(
  db: Executor,
  programId: string,
  slotId: string,
  memberId: string,
): Promise<AppointmentRow | undefined> {
  return db
    .selectFrom('appointments')
    .selectAll()
    .where('program_id', '=', programId)
    .where('slot_id', '=', slotId)
    .where('member_id', '=', memberId)
    .where('status', '=', 'booked')
    .executeTakeFirst()
}

export async function findMemberAppointment(
  db: Executor,
  programId: string,
  memberId: string,
  id: string,
): Promise<AppointmentRow | undefined> {
  return db
    .selectFrom('appointments')
    .selectAll()
    .where('program_id', '=', programId)
    .where('member_id', '=', memberId)
    .where('id', '=', id)
    .executeTakeFirst()
}

/** Cancels a live booking; undefined when it was cancelled already (nothing to free). */
export async function cancelBooking(
  db: Executor,
  programId: string,
  id: string,
  by: AppointmentActor,
  at: Date,
): Promise<AppointmentRow | undefined> {
  return db
    .updateTable('appointments')
    .set({ status: 'cancelled', cancelled_by: by, cancelled_at: at })
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .where('status', '=', 'booked')
    .returningAll()
    .executeTakeFirst()
}

/** Cancels every live booking of a slot (the slot is being deleted). */
export async function cancelSlotBookings(
  db: Executor,
  programId: string,
  slotId: string,
  at: Date,
): Promise<AppointmentRow[]> {
  return db
    .updateTable('appointments')
    .set({ status: 'cancelled', cancelled_by: 'staff', cancelled_at: at })
    .where('program_id', '=', programId)
    .where('slot_id', '=', slotId)
    .where('status', '=', 'booked')
    .returningAll()
    .execute()
}

type SlotTimes = Pick<AppointmentSlotRow, 'service' | 'starts_at' | 'ends_at'>

/** A member's bookings with their slots' times, newest first. */
export async function listMemberAppointments(
  db: Executor,
  programId: string,
  memberId: string,
  filter: { status?: AppointmentStatus; beforeId?: string; limit: number },
): Promise<(AppointmentRow & SlotTimes)[]> {
  let query = db
    .selectFrom('appointments as a')
    .innerJoin('appointment_slots as s', (join) =>
      join.onRef('s.program_id', '=', 'a.program_id').onRef('s.id', '=', 'a.slot_id'),
    )
    .selectAll('a')
    .select(['s.service', 's.starts_at', 's.ends_at'])
    .where('a.program_id', '=', programId)
    .where('a.member_id', '=', memberId)
    .orderBy('a.id', 'desc')
    .limit(filter.limit)
  if (filter.status) query = query.where('a.status', '=', filter.status)
  if (filter.beforeId) query = query.where('a.id', '<', filter.beforeId)
  return query.execute()
}

/** A slot's bookings with who booked, in booking order. */
export async function listSlotBookings(
  db: Executor,
  programId: string,
  slotId: string,
  filter: { status?: AppointmentStatus; afterId?: string; limit: number },
): Promise<(AppointmentRow & { external_id: string; name: string | null })[]> {
  let query = db
    .selectFrom('appointments as a')
    .innerJoin('members as m', (join) =>
      join.onRef('m.program_id', '=', 'a.program_id').onRef('m.id', '=', 'a.member_id'),
    )
    .selectAll('a')
    .select(['m.external_id', 'm.name'])
    .where('a.program_id', '=', programId)
    .where('a.slot_id', '=', slotId)
    .orderBy('a.id')
    .limit(filter.limit)
  if (filter.status) query = query.where('a.status', '=', filter.status)
  if (filter.afterId) query = query.where('a.id', '>', filter.afterId)
  return query.execute()
}

/** The member's live bookings among these slots: slot id → booking id. */
export async function memberBookingsIn(
  db: Executor,
  programId: string,
  memberId: string,
  slotIds: string[],
): Promise<Map<string, string>> {
  if (slotIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('appointments')
    .select(['slot_id', 'id'])
    .where('program_id', '=', programId)
    .where('member_id', '=', memberId)
    .where('status', '=', 'booked')
    .where('slot_id', 'in', slotIds)
    .execute()
  return new Map(rows.map((row) => [row.slot_id, row.id]))
}
