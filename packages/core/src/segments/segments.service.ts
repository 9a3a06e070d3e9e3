import type { DB } from '@loyalbase/db'
import type { Kysely, RawBuilder, Transaction } from 'kysely'
import { type IdempotencyClaim, runIdempotent, type StoredResponse } from '../idempotency/index.js'
import { type Member, presentMember } from '../members/index.js'
import type { ProgramContext } from '../programs/index.js'
import { AppError } from '../shared/app-error.js'
import { localDate } from '../shared/calendar.js'
import type { Clock } from '../shared/clock.js'
import { type Executor, inOneSnapshot } from '../shared/executor.js'
import { newId } from '../shared/ids.js'
import {
  clampLimit,
  decodeCursor,
  type Page,
  type PageRequest,
  toPage,
} from '../shared/pagination.js'
import {
  parseSegmentCondition,
  presentSegment,
  type SegmentCondition,
  type SegmentInput,
  type SegmentPatch,
  type SegmentResource,
  segmentSql,
} from './segments.js'
import {
  countSegmentMembers,
  deleteSegment,
  findSegment,
  insertSegment,
  listSegmentMembers,
  listSegments,
  updateSegment,
} from './segments.repository.js'

export interface SegmentQuery extends PageRequest {
  with_counts?: boolean
}

export interface SegmentMembersPage extends Page<Member> {
  count: number
}

export interface SegmentPreview {
  count: number
  sample: Member[]
}

/** Members a preview shows beside its count. */
export const PREVIEW_SAMPLE = 10

function assertName(name: string): void {
  if (name.trim().length === 0) throw AppError.invalid('name', 'must not be blank')
}

/**
 * The SQL of a segment's condition (over `members m`) on the program's local day at `at`, for
 * another module's query of the members it names; undefined for an unknown segment.
 */
export async function segmentMatch(
  db: Executor,
  program: ProgramContext,
  id: string,
  at: Date,
): Promise<RawBuilder<boolean> | undefined> {
  const row = await findSegment(db, program.id, id)
  return row
    ? segmentSql(row.condition, {
        today: localDate(at, program.timezone),
        timeZone: program.timezone,
      })
    : undefined
}

export function createSegmentsService(db: Kysely<DB>, clock: Clock) {
  /** The condition as SQL on the program's local day now. */
  function matching(program: ProgramContext, condition: SegmentCondition) {
    return segmentSql(condition, {
      today: localDate(clock.now(), program.timezone),
      timeZone: program.timezone,
    })
  }

  async function segmentOf(trx: Transaction<DB> | Kysely<DB>, program: ProgramContext, id: string) {
    const row = await findSegment(trx, program.id, id)
    if (!row) throw AppError.notFound('Segment')
    return row
  }

  /** Reads that must agree with each other (a page and its count) see one snapshot. */
  const snapshot = <T>(work: (trx: Transaction<DB>) => Promise<T>) => inOneSnapshot(db, work)

  return {
    async create(
      program: ProgramContext,
      input: SegmentInput,
      claim?: IdempotencyClaim,
    ): Promise<StoredResponse> {
      assertName(input.name)
      parseSegmentCondition(input.condition)
      return runIdempotent(db, clock, program.id, claim, 201, async (trx) => {
        const now = clock.now()
        const row = await insertSegment(trx, {
          program_id: program.id,
          id: newId('seg'),
          name: input.name,
          condition: JSON.stringify(input.condition),
          created_at: now,
          updated_at: now,
        })
        return presentSegment(row)
      })
    },

    /** The segment with `count`: the members matching it now. */
    async get(program: ProgramContext, id: string): Promise<SegmentResource> {
      return snapshot(async (trx) => {
        const row = await segmentOf(trx, program, id)
        const count = await countSegmentMembers(trx, program.id, matching(program, row.condition))
        return presentSegment(row, count)
      })
    },

    async list(program: ProgramContext, query: SegmentQuery): Promise<Page<SegmentResource>> {
      const limit = clampLimit(query.limit)
      return snapshot(async (trx) => {
        const rows = await listSegments(trx, program.id, {
          beforeId: decodeCursor(query.cursor),
          limit: limit + 1,
        })
        const page = toPage(rows, limit, (row) => row)
        const data: SegmentResource[] = []
        for (const row of page.data) {
          const count = query.with_counts
            ? await countSegmentMembers(trx, program.id, matching(program, row.condition))
            : undefined
          data.push(presentSegment(row, count))
        }
        return { data, next_cursor: page.next_cursor }
      })
    },

    async update(
      program: ProgramContext,
      id: string,
      patch: SegmentPatch,
    ): Promise<SegmentResource> {
      if (patch.name !== undefined) assertName(patch.name)
      if (patch.condition !== undefined) parseSegmentCondition(patch.condition)
      const row = await updateSegment(db, program.id, id, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.condition !== undefined ? { condition: JSON.stringify(patch.condition) } : {}),
        updated_at: clock.now(),
      })
      if (!row) throw AppError.notFound('Segment')
      return presentSegment(row)
    },

    async remove(program: ProgramContext, id: string): Promise<void> {
      if (!(await deleteSegment(db, program.id, id))) throw AppError.notFound('Segment')
    },

    /** A page of the members matching now, by member id, with the count of them all. */
    async members(
      program: ProgramContext,
      id: string,
      query: PageRequest,
    ): Promise<SegmentMembersPage> {
      const limit = clampLimit(query.limit)
      const afterId = decodeCursor(query.cursor)
      return snapshot(async (trx) => {
        const row = await segmentOf(trx, program, id)
        const matches = matching(program, row.condition)
        const count = await countSegmentMembers(trx, program.id, matches)
        const rows = await listSegmentMembers(trx, program.id, matches, {
          ...(afterId !== undefined ? { afterId } : {}),
          limit: limit + 1,
        })
        return {
          ...toPage(rows, limit, (member) => presentMember(member, program.tier_ladder)),
          count,
        }
      })
    },

    /** A condition's count and a few of its members, before it is saved (the console's view). */
    /** The segment's condition as SQL over `members m`, for narrowing a member list; 404 if unknown. */
    async matcher(program: ProgramContext, id: string): Promise<RawBuilder<boolean>> {
      const matches = await segmentMatch(db, program, id, clock.now())
      if (!matches) throw AppError.notFound('Segment')
      return matches
    },

    async preview(program: ProgramContext, condition: SegmentCondition): Promise<SegmentPreview> {
      const matches = matching(program, condition)
      return snapshot(async (trx) => {
        const count = await countSegmentMembers(trx, program.id, matches)
        const rows = await listSegmentMembers(trx, program.id, matches, { limit: PREVIEW_SAMPLE })
        return { count, sample: rows.map((row) => presentMember(row, program.tier_ladder)) }
      })
    },
  }
}

export type SegmentsService = ReturnType<typeof createSegmentsService>
