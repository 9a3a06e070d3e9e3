import type { DB } from '@loyalbase/db'
import type { Kysely } from 'kysely'
import { type IdempotencyClaim, runIdempotent, type StoredResponse } from '../idempotency/index.js'
import { findMemberByRef } from '../members/index.js'
import type { ProgramContext } from '../programs/index.js'
import { AppError } from '../shared/app-error.js'
import type { Clock } from '../shared/clock.js'
import { newId } from '../shared/ids.js'
import {
  clampLimit,
  decodeCursor,
  type Page,
  type PageRequest,
  toPage,
} from '../shared/pagination.js'
import {
  type AdvisorContact,
  type AdvisorInput,
  type AdvisorMember,
  type AdvisorPatch,
  type AdvisorResource,
  presentAdvisor,
  presentContact,
  validateAdvisor,
} from './advisors.js'
import {
  assignAdvisors,
  deleteAdvisor,
  findAdvisor,
  findMemberAdvisor,
  insertAdvisor,
  listAdvisorMembers,
  listAdvisors,
  lockAdvisors,
  releaseAdvisorMembers,
  updateAdvisor,
} from './advisors.repository.js'

export interface AdvisorQuery extends PageRequest {
  active?: boolean
}

/*
 * Advisors and who they serve. A member's own advisor is given and taken by the database in the
 * transaction of its tier change (trigger `members_tier_advisor`); these use cases change the
 * advisors, each with every advisor of the program locked first (the one lock order), then let
 * `lb_assign_advisors` give the waiting members the room there now is.
 */
export function createAdvisorsService(db: Kysely<DB>, clock: Clock) {
  async function advisorOf(program: ProgramContext, id: string) {
    const row = await findAdvisor(db, program.id, id)
    if (!row) throw AppError.notFound('Advisor')
    return row
  }

  return {
    async create(
      program: ProgramContext,
      input: AdvisorInput,
      claim?: IdempotencyClaim,
    ): Promise<StoredResponse> {
      validateAdvisor(input)
      return runIdempotent(db, clock, program.id, claim, 201, async (trx) => {
        const now = clock.now()
        await lockAdvisors(trx, program.id)
        const row = await insertAdvisor(trx, {
          program_id: program.id,
          id: newId('adv'),
          name: input.name,
          contact: input.contact,
          capacity: input.capacity,
          active: input.active ?? true,
          created_at: now,
          updated_at: now,
        })
        // Members who reached a dedicated tier while no advisor had room get one now.
        await assignAdvisors(trx, program.id, now)
        return presentAdvisor((await findAdvisor(trx, program.id, row.id)) ?? row)
      })
    },

    async get(program: ProgramContext, id: string): Promise<AdvisorResource> {
      return presentAdvisor(await advisorOf(program, id))
    },

    async list(program: ProgramContext, query: AdvisorQuery): Promise<Page<AdvisorResource>> {
      const limit = clampLimit(query.limit)
      const rows = await listAdvisors(db, program.id, {
        afterId: decodeCursor(query.cursor),
        ...(query.active !== undefined ? { active: query.active } : {}),
        limit: limit + 1,
      })
      return toPage(rows, limit, presentAdvisor)
    },

    /**
     * Renames, moves the capacity, or switches an advisor off (it takes no new members and keeps
     * those it has) or on. More room goes to the waiting at once; less keeps the members it has.
     */
    async update(
      program: ProgramContext,
      id: string,
      patch: AdvisorPatch,
    ): Promise<AdvisorResource> {
      validateAdvisor(patch)
      return db.transaction().execute(async (trx) => {
        await lockAdvisors(trx, program.id)
        const now = clock.now()
        const row = await updateAdvisor(trx, program.id, id, {
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.contact !== undefined ? { contact: patch.contact } : {}),
          ...(patch.capacity !== undefined ? { capacity: patch.capacity } : {}),
          ...(patch.active !== undefined ? { active: patch.active } : {}),
          updated_at: now,
        })
        if (!row) throw AppError.notFound('Advisor')
        if (patch.capacity !== undefined || patch.active !== undefined)
          await assignAdvisors(trx, program.id, now)
        return presentAdvisor((await findAdvisor(trx, program.id, id)) ?? row)
      })
    },

    /**
     * Removes the advisor; its members go to the least-loaded advisors with room, the waiting
     * longest first, and those left without room wait for one.
     */
    async remove(program: ProgramContext, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await lockAdvisors(trx, program.id)
        if (!(await findAdvisor(trx, program.id, id))) throw AppError.notFound('Advisor')
        const now = clock.now()
        await releaseAdvisorMembers(trx, program.id, id, now)
        await deleteAdvisor(trx, program.id, id)
        await assignAdvisors(trx, program.id, now)
      })
    },

    async members(
      program: ProgramContext,
      id: string,
      query: PageRequest,
    ): Promise<Page<AdvisorMember>> {
      await advisorOf(program, id)
      const limit = clampLimit(query.limit)
      const rows = await listAdvisorMembers(db, program.id, id, {
        afterId: decodeCursor(query.cursor),
        limit: limit + 1,
      })
      return toPage(rows, limit, (row) => ({
        id: row.id,
        external_id: row.external_id,
        name: row.name,
        tier: row.tier_key,
        assigned_at: row.assigned_at.toISOString(),
      }))
    },

    /** The member's advisor; 404 when the member has none (or does not exist). */
    async ofMember(program: ProgramContext, memberRef: string): Promise<AdvisorContact> {
      const member = await findMemberByRef(db, program.id, memberRef)
      if (!member) throw AppError.notFound('Member')
      const advisor = await findMemberAdvisor(db, program.id, member.id)
      if (!advisor) throw new AppError('not_found', 'The member has no dedicated advisor.')
      return presentContact(advisor)
    },

    /** For the portal: the member's advisor, or null. */
    async contactFor(program: ProgramContext, memberId: string): Promise<AdvisorContact | null> {
      const advisor = await findMemberAdvisor(db, program.id, memberId)
      return advisor ? presentContact(advisor) : null
    },

    /**
     * Brings assignments in line with the program's benefits and advisors, in the caller's
     * transaction: for the benefits module after a dedicated_service benefit changes.
     */
    reconcile: (trx: Parameters<typeof assignAdvisors>[0], programId: string, at: Date) =>
      assignAdvisors(trx, programId, at),
  }
}

export type AdvisorsService = ReturnType<typeof createAdvisorsService>
