import type { DB } from '@loyalbase/db'
import type { Expression, Kysely, SqlBool } from 'kysely'
import { domainEvent, recordDomainEvents } from '../domain-events/index.js'
import { type IdempotencyClaim, runIdempotent, type StoredResponse } from '../idempotency/index.js'
import { entryTier } from '../ladder/index.js'
import type { ProgramContext } from '../programs/index.js'
import { AppError } from '../shared/app-error.js'
import type { Clock } from '../shared/clock.js'
import { isUniqueViolation } from '../shared/executor.js'
import { newId, randomCode } from '../shared/ids.js'
import {
  clampLimit,
  decodeCursor,
  type Page,
  type PageRequest,
  toPage,
} from '../shared/pagination.js'
import {
  assertAttributes,
  assertMemberFields,
  type Member,
  type MemberPatch,
  mergeAttributes,
  type NewMemberInput,
  presentMember,
  REFERRAL_CODE_LENGTH,
} from './members.js'
import {
  findMemberByRef,
  findMemberIdByReferralCode,
  insertMember,
  listMembers,
  lockMember,
  updateMember,
} from './members.repository.js'

export interface MemberQuery extends PageRequest {
  query?: string
  tier?: string
}

/** Narrows a member list to a condition over `members m` (a segment's, in SQL). */
export interface MemberListFilter {
  matches?: Expression<SqlBool>
}

export function createMembersService(db: Kysely<DB>, clock: Clock) {
  return {
    async create(
      program: ProgramContext,
      input: NewMemberInput,
      claim?: IdempotencyClaim,
    ): Promise<StoredResponse> {
      assertMemberFields(input, clock.now(), program.timezone)
      try {
        return await runIdempotent(db, clock, program.id, claim, 201, async (trx) => {
          let referredBy: string | null = null
          if (input.referred_by !== undefined) {
            referredBy =
              (await findMemberIdByReferralCode(trx, program.id, input.referred_by)) ?? null
            if (!referredBy) throw AppError.invalid('referred_by', 'is not a known referral code')
          }
          const now = clock.now()
          const joinedAt = input.joined_at ? new Date(input.joined_at) : now
          const tier = entryTier(program.tier_ladder)
          // A referral-code collision (1 in 2^50 per pair) draws again rather than failing.
          for (let attempt = 0; attempt < 5; attempt++) {
            const row = await insertMember(trx, {
              program_id: program.id,
              id: newId('mem'),
              external_id: input.external_id,
              name: input.name ?? null,
              phone: input.phone ?? null,
              email: input.email ?? null,
              birthday: input.birthday ?? null,
              joined_at: joinedAt,
              attributes: JSON.stringify(input.attributes ?? {}),
              referral_code: randomCode(REFERRAL_CODE_LENGTH),
              referred_by: referredBy,
              tier_key: tier.key,
              tier_since: joinedAt,
              created_at: now,
            })
            if (row) {
              await recordDomainEvents(trx, [
                domainEvent(
                  program.id,
                  'member.created',
                  row.id,
                  {
                    member: row.id,
                    external_id: row.external_id,
                    referred_by: row.referred_by,
                    joined_at: row.joined_at.toISOString(),
                  },
                  now,
                ),
              ])
              return presentMember(row, program.tier_ladder)
            }
          }
          throw new Error('could not draw a unique referral code')
        })
      } catch (error) {
        if (isUniqueViolation(error, 'members_program_id_external_id_key')) {
          throw new AppError(
            'member_exists',
            `A member with external_id "${input.external_id}" already exists.`,
          )
        }
        throw error
      }
    },

    async get(program: ProgramContext, ref: string): Promise<Member> {
      const row = await findMemberByRef(db, program.id, ref)
      if (!row) throw AppError.notFound('Member')
      return presentMember(row, program.tier_ladder)
    },

    /** The member's id for a `{member}` path reference; 404 when it is not in this program. */
    async resolveId(program: ProgramContext, ref: string): Promise<string> {
      const row = await findMemberByRef(db, program.id, ref)
      if (!row) throw AppError.notFound('Member')
      return row.id
    },

    async update(program: ProgramContext, ref: string, patch: MemberPatch): Promise<Member> {
      assertMemberFields(patch, clock.now(), program.timezone)
      return db.transaction().execute(async (trx) => {
        const found = await findMemberByRef(trx, program.id, ref)
        const current = found && (await lockMember(trx, program.id, found.id))
        if (!current) throw AppError.notFound('Member')
        const { attributes, ...fields } = patch
        const merged = attributes ? mergeAttributes(current.attributes, attributes) : undefined
        if (merged) assertAttributes(merged)
        const row = await updateMember(
          trx,
          program.id,
          current.id,
          { ...fields, ...(merged ? { attributes: merged } : {}) },
          clock.now(),
        )
        if (!row) throw AppError.notFound('Member')
        return presentMember(row, program.tier_ladder)
      })
    },

    async list(
      program: ProgramContext,
      query: MemberQuery,
      filter: MemberListFilter = {},
    ): Promise<Page<Member>> {
      const limit = clampLimit(query.limit)
      const rows = await listMembers(db, program.id, {
        ...(query.query ? { query: query.query } : {}),
        ...(query.tier ? { tier: query.tier } : {}),
        ...(filter.matches ? { matches: filter.matches } : {}),
        beforeId: decodeCursor(query.cursor),
        limit: limit + 1,
      })
      return toPage(rows, limit, (row) => presentMember(row, program.tier_ladder))
    },
  }
}

export type MembersService = ReturnType<typeof createMembersService>
