import type { AppointmentActor, AppointmentRow, AppointmentSlotRow, DB } from '@loyalbase/db'
import type { Kysely, Transaction } from 'kysely'
import type { BenefitsService } from '../benefits/index.js'
import { domainEvent, type NewDomainEvent, recordDomainEvents } from '../domain-events/index.js'
import { type IdempotencyClaim, runIdempotent, type StoredResponse } from '../idempotency/index.js'
import { findMemberByRef, lockMemberByRef } from '../members/index.js'
import type { ProgramContext } from '../programs/index.js'
import { AppError } from '../shared/app-error.js'
import type { Clock } from '../shared/clock.js'
import { isUniqueViolation } from '../shared/executor.js'
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
  type AppointmentResource,
  type AppointmentSlotInput,
  type AppointmentSlotPatch,
  type AppointmentSlotResource,
  assertSlotWindow,
  assertTierKeys,
  type DeletedSlot,
  presentAppointment,
  presentSlot,
  type SlotBookingResource,
  slotOpen,
  tierMayBook,
} from './appointments.js'
import {
  cancelBooking,
  cancelSlotBookings,
  deleteSlot,
  findLiveBooking,
  findMemberAppointment,
  findSlot,
  freePlace,
  insertAppointment,
  insertSlot,
  listMemberAppointments,
  listSlotBookings,
  listSlots,
  memberBookingsIn,
  takePlace,
  updateSlot,
} from './appointments.repository.js'

export interface SlotQuery extends PageRequest {
  from?: string
  to?: string
  service?: string
}

export interface AppointmentQuery extends PageRequest {
  status?: 'booked' | 'cancelled'
}

/** A slot as the portal shows it to one member: may it book, and its booking if it has one. */
export interface MemberSlotResource extends AppointmentSlotResource {
  tier_allowed: boolean
  my_appointment: string | null
}

function booked(
  programId: string,
  row: AppointmentRow,
  slot: AppointmentSlotRow,
  now: Date,
): NewDomainEvent {
  return domainEvent(
    programId,
    'appointment.booked',
    row.member_id,
    {
      member: row.member_id,
      appointment: row.id,
      slot: row.slot_id,
      service: slot.service,
      starts_at: slot.starts_at.toISOString(),
      by: row.booked_by,
    },
    now,
  )
}

function cancelled(programId: string, row: AppointmentRow, slotDeleted: boolean): NewDomainEvent {
  return domainEvent(
    programId,
    'appointment.cancelled',
    row.member_id,
    {
      member: row.member_id,
      appointment: row.id,
      slot: row.slot_id,
      by: row.cancelled_by ?? 'staff',
      slot_deleted: slotDeleted,
    },
    row.cancelled_at as Date,
  )
}

const slotNotFound = () => AppError.notFound('Appointment slot')

export function createAppointmentsService(
  db: Kysely<DB>,
  clock: Clock,
  deps: { benefits: BenefitsService },
) {
  function pageOfSlots<T>(
    rows: AppointmentSlotRow[],
    limit: number,
    present: (row: AppointmentSlotRow) => T,
  ): Page<T> {
    const page = rows.slice(0, limit)
    const last = page.at(-1)
    return {
      data: page.map(present),
      next_cursor: rows.length > limit && last ? encodeTimeCursor(last.starts_at, last.id) : null,
    }
  }

  async function slotsPage(program: ProgramContext, query: SlotQuery, limit: number) {
    const after = decodeTimeCursor(query.cursor)
    return listSlots(db, program.id, {
      ...(query.from !== undefined ? { from: new Date(query.from) } : {}),
      ...(query.to !== undefined ? { to: new Date(query.to) } : {}),
      ...(query.service !== undefined ? { service: query.service } : {}),
      ...(after ? { after } : {}),
      limit: limit + 1,
    })
  }

  /**
   * Books a place for the member, whose row is locked first (one member's bookings queue, so the
   * same slot twice is seen), the slot's count moved by a conditional update that never passes
   * its capacity. Order of refusals: a started slot, the tier, a second booking, a full slot.
   */
  async function book(
    trx: Transaction<DB>,
    program: ProgramContext,
    memberRef: string,
    slotId: string,
    by: AppointmentActor,
  ): Promise<AppointmentResource> {
    const member = await lockMemberByRef(trx, program.id, memberRef)
    if (!member) throw AppError.notFound('Member')
    const now = clock.now()
    const slot = await findSlot(trx, program.id, slotId)
    if (!slot) throw AppError.invalid('slot', 'is not an appointment slot of this program')
    if (!slotOpen(slot, now))
      throw new AppError('slot_closed', 'The slot has already started: it takes no bookings.')
    if (!tierMayBook(slot.tiers, member.tier_key)) {
      throw new AppError(
        'tier_required',
        `The slot is for the tiers ${(slot.tiers ?? []).join(', ')}; the member is ${member.tier_key}.`,
      )
    }
    if (await findLiveBooking(trx, program.id, slot.id, member.id))
      throw new AppError('already_booked', 'The member already holds a booking of this slot.')
    const taken = await takePlace(trx, program.id, slot.id, now)
    if (!taken) {
      // Full, unless the slot was deleted since it was read.
      if (!(await findSlot(trx, program.id, slot.id)))
        throw AppError.invalid('slot', 'is not an appointment slot of this program')
      throw new AppError('slot_full', 'The slot has no place left.')
    }
    let row: AppointmentRow
    try {
      row = await insertAppointment(trx, {
        program_id: program.id,
        id: newId('apt'),
        slot_id: slot.id,
        member_id: member.id,
        status: 'booked',
        booked_by: by,
        booked_at: now,
        cancelled_by: null,
        cancelled_at: null,
      })
    } catch (error) {
      // The member's lock makes this unreachable; the index is the database's last word.
      if (isUniqueViolation(error, 'appointments_one_per_member'))
        throw new AppError('already_booked', 'The member already holds a booking of this slot.')
      throw error
    }
    // A tier with an `appointment` benefit counts each booking against its quota
    // (`422 quota_exhausted` rolls the booking back); the use is given back with a cancellation.
    await deps.benefits.useOfType(
      trx,
      program,
      member,
      'appointment',
      { kind: 'booking', id: row.id },
      now,
    )
    await recordDomainEvents(trx, [booked(program.id, row, taken, now)])
    return presentAppointment(row, taken)
  }

  return {
    async createSlot(
      program: ProgramContext,
      input: AppointmentSlotInput,
      claim?: IdempotencyClaim,
    ): Promise<StoredResponse> {
      const startsAt = new Date(input.starts_at)
      const endsAt = new Date(input.ends_at)
      assertSlotWindow(startsAt, endsAt)
      if (input.tiers) assertTierKeys(input.tiers, program.tier_ladder)
      return runIdempotent(db, clock, program.id, claim, 201, async (trx) => {
        const now = clock.now()
        const row = await insertSlot(trx, {
          program_id: program.id,
          id: newId('slot'),
          service: input.service,
          starts_at: startsAt,
          ends_at: endsAt,
          capacity: input.capacity,
          tiers: input.tiers ? JSON.stringify(input.tiers) : null,
          created_at: now,
          updated_at: now,
        })
        return presentSlot(row)
      })
    },

    async listSlots(
      program: ProgramContext,
      query: SlotQuery,
    ): Promise<Page<AppointmentSlotResource>> {
      const limit = clampLimit(query.limit)
      return pageOfSlots(await slotsPage(program, query, limit), limit, presentSlot)
    },

    async getSlot(program: ProgramContext, id: string): Promise<AppointmentSlotResource> {
      const row = await findSlot(db, program.id, id)
      if (!row) throw slotNotFound()
      return presentSlot(row)
    },

    /**
     * Changes a slot under its row lock (bookings wait): its capacity never drops below the
     * places booked; a change of tiers keeps the bookings already made.
     */
    async updateSlot(
      program: ProgramContext,
      id: string,
      patch: AppointmentSlotPatch,
    ): Promise<AppointmentSlotResource> {
      if (patch.tiers) assertTierKeys(patch.tiers, program.tier_ladder)
      return db.transaction().execute(async (trx) => {
        const row = await findSlot(trx, program.id, id, { lock: true })
        if (!row) throw slotNotFound()
        const startsAt = patch.starts_at !== undefined ? new Date(patch.starts_at) : row.starts_at
        const endsAt = patch.ends_at !== undefined ? new Date(patch.ends_at) : row.ends_at
        assertSlotWindow(startsAt, endsAt)
        if (patch.capacity !== undefined && patch.capacity < row.booked) {
          throw AppError.invalid(
            'capacity',
            `must not be below the ${row.booked} place(s) already booked`,
          )
        }
        const updated = await updateSlot(trx, program.id, id, {
          ...(patch.service !== undefined ? { service: patch.service } : {}),
          starts_at: startsAt,
          ends_at: endsAt,
          ...(patch.capacity !== undefined ? { capacity: patch.capacity } : {}),
          ...(patch.tiers !== undefined
            ? { tiers: patch.tiers === null ? null : JSON.stringify(patch.tiers) }
            : {}),
          updated_at: clock.now(),
        })
        return presentSlot(updated)
      })
    },

    /** Deletes a slot and cancels its bookings (each with an `appointment.cancelled`). */
    async deleteSlot(program: ProgramContext, id: string): Promise<DeletedSlot> {
      return db.transaction().execute(async (trx) => {
        const now = clock.now()
        const row = await deleteSlot(trx, program.id, id, now)
        if (!row) throw slotNotFound()
        const gone = await cancelSlotBookings(trx, program.id, id, now)
        for (const booking of gone) {
          await deps.benefits.returnUses(
            trx,
            program,
            booking.member_id,
            { kind: 'booking', id: booking.id },
            { kind: 'slot_deleted', id },
            now,
          )
        }
        await recordDomainEvents(
          trx,
          gone.map((booking) => cancelled(program.id, booking, true)),
        )
        return { id, deleted: true, bookings_cancelled: gone.length }
      })
    },

    async slotBookings(
      program: ProgramContext,
      id: string,
      query: AppointmentQuery,
    ): Promise<Page<SlotBookingResource>> {
      const slot = await findSlot(db, program.id, id)
      if (!slot) throw slotNotFound()
      const limit = clampLimit(query.limit)
      const rows = await listSlotBookings(db, program.id, id, {
        ...(query.status ? { status: query.status } : {}),
        afterId: decodeCursor(query.cursor),
        limit: limit + 1,
      })
      return toPage(rows, limit, (row) => ({
        ...presentAppointment(row, slot),
        member_external_id: row.external_id,
        member_name: row.name,
      }))
    },

    async book(
      program: ProgramContext,
      memberRef: string,
      slotId: string,
      by: AppointmentActor,
      claim?: IdempotencyClaim,
    ): Promise<StoredResponse> {
      return runIdempotent(db, clock, program.id, claim, 201, (trx) =>
        book(trx, program, memberRef, slotId, by),
      )
    },

    /**
     * Cancels a booking and frees its place, once: locks the member, then the slot (the order
     * bookings take), and moves the count only if this call changed the booking's status. A
     * booking cancelled already is answered as it is.
     */
    async cancel(
      program: ProgramContext,
      memberRef: string,
      id: string,
      by: AppointmentActor,
    ): Promise<AppointmentResource> {
      return db.transaction().execute(async (trx) => {
        const member = await lockMemberByRef(trx, program.id, memberRef)
        if (!member) throw AppError.notFound('Member')
        const row = await findMemberAppointment(trx, program.id, member.id, id)
        if (!row) throw AppError.notFound('Appointment')
        const slot = await findSlot(trx, program.id, row.slot_id, { lock: true, withDeleted: true })
        if (!slot) throw new Error(`appointment ${row.id} has no slot`)
        if (row.status === 'cancelled') return presentAppointment(row, slot)
        const now = clock.now()
        if (!slotOpen(slot, now))
          throw new AppError('slot_closed', 'The slot has already started: it cannot be cancelled.')
        const done = await cancelBooking(trx, program.id, row.id, by, now)
        if (!done) return presentAppointment(row, slot)
        await freePlace(trx, program.id, slot.id, now)
        await deps.benefits.returnUses(
          trx,
          program,
          member.id,
          { kind: 'booking', id: row.id },
          { kind: 'cancellation', id: row.id },
          now,
        )
        await recordDomainEvents(trx, [cancelled(program.id, done, false)])
        return presentAppointment(done, slot)
      })
    },

    async memberAppointments(
      program: ProgramContext,
      memberRef: string,
      query: AppointmentQuery,
    ): Promise<Page<AppointmentResource>> {
      const member = await findMemberByRef(db, program.id, memberRef)
      if (!member) throw AppError.notFound('Member')
      const limit = clampLimit(query.limit)
      const rows = await listMemberAppointments(db, program.id, member.id, {
        ...(query.status ? { status: query.status } : {}),
        beforeId: decodeCursor(query.cursor),
        limit: limit + 1,
      })
      return toPage(rows, limit, (row) => presentAppointment(row, row))
    },

    /**
     * Slots for one member to choose from (the portal): those not started yet (from `from`, if
     * later), each with whether the member's tier may book it and the member's booking of it.
     */
    async memberSlots(
      program: ProgramContext,
      memberId: string,
      query: SlotQuery,
    ): Promise<Page<MemberSlotResource>> {
      const member = await findMemberByRef(db, program.id, memberId)
      if (!member) throw AppError.notFound('Member')
      const now = clock.now()
      const from =
        query.from !== undefined && new Date(query.from).getTime() > now.getTime()
          ? query.from
          : new Date(now.getTime() + 1).toISOString()
      const limit = clampLimit(query.limit)
      const rows = await slotsPage(program, { ...query, from }, limit)
      const mine = await memberBookingsIn(
        db,
        program.id,
        member.id,
        rows.map((row) => row.id),
      )
      return pageOfSlots(rows, limit, (row) => ({
        ...presentSlot(row),
        tier_allowed: tierMayBook(row.tiers, member.tier_key),
        my_appointment: mine.get(row.id) ?? null,
      }))
    },
  }
}

export type AppointmentsService = ReturnType<typeof createAppointmentsService>
