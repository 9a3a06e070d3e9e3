import type { DB } from '@loyalbase/db'
import type { Kysely } from 'kysely'
import { type IdempotencyClaim, runIdempotent, type StoredResponse } from '../idempotency/index.js'
import { findMemberByRef } from '../members/index.js'
import { bumpRulesVersion, type ProgramContext } from '../programs/index.js'
import { AppError } from '../shared/app-error.js'
import type { Clock } from '../shared/clock.js'
import { type Executor, isUniqueViolation } from '../shared/executor.js'
import { newId } from '../shared/ids.js'
import {
  clampLimit,
  decodeCursor,
  type Page,
  type PageRequest,
  toPage,
} from '../shared/pagination.js'
import { RulesVersionCache } from '../shared/rules-version.cache.js'
import {
  patchedRelease,
  presentRelease,
  type ReleaseAccess,
  type ReleaseInput,
  type ReleasePatch,
  type ReleaseResource,
  type ReleasesBySku,
  releaseAccess,
  releasesBySku,
  toRelease,
  validateRelease,
} from './releases.js'
import {
  findRelease,
  findReleaseBySku,
  insertRelease,
  listLiveReleases,
  listReleases,
  listUpcomingReleases,
  lockRelease,
  softDeleteRelease,
  updateRelease,
} from './releases.repository.js'

export interface ReleaseQuery extends PageRequest {
  /** Only releases not yet public now. */
  upcoming?: boolean
}

/** A release as one member sees it: the release and when it opens to them. */
export interface MemberRelease {
  sku: string
  name: string
  public_at: string
  opens_at: string
  allowed: boolean
}

const skuTaken = (sku: string) =>
  new AppError(
    'release_exists',
    `SKU "${sku}" already has a release: change it (PATCH) or delete it first.`,
  )

export function createReleasesService(db: Kysely<DB>, clock: Clock) {
  /**
   * A program's live releases by SKU, kept by rules version (shared/rules-version.cache.ts):
   * every release change moves the version in its transaction.
   */
  const live = new RulesVersionCache<ReleasesBySku>()

  async function memberOf(program: ProgramContext, ref: string) {
    const member = await findMemberByRef(db, program.id, ref)
    if (!member) throw AppError.notFound('Member')
    return member
  }

  /**
   * The program's live releases by SKU, for quotes and orders (with `earlyAccessRefusal`):
   * kept in memory and read again only when the program's rules version has moved past them.
   */
  async function liveReleasesFor(
    program: Pick<ProgramContext, 'id' | 'rules_version'>,
    on: Executor = db,
  ): Promise<ReleasesBySku> {
    return live.get(program.id, program.rules_version, async () =>
      releasesBySku((await listLiveReleases(on, program.id)).map(toRelease)),
    )
  }

  return {
    liveReleasesFor,

    async create(
      program: ProgramContext,
      input: ReleaseInput,
      claim?: IdempotencyClaim,
    ): Promise<StoredResponse> {
      validateRelease(input, program.tier_ladder)
      try {
        return await runIdempotent(db, clock, program.id, claim, 201, async (trx) => {
          if (await findReleaseBySku(trx, program.id, input.sku)) throw skuTaken(input.sku)
          const now = clock.now()
          const row = await insertRelease(trx, {
            program_id: program.id,
            id: newId('rel'),
            sku: input.sku,
            name: input.name,
            public_at: new Date(input.public_at),
            early_access: JSON.stringify(input.early_access ?? []),
            created_at: now,
            updated_at: now,
          })
          await bumpRulesVersion(trx, program.id)
          return presentRelease(toRelease(row))
        })
      } catch (error) {
        // Two creations of one SKU at once: the unique index lets one through.
        if (isUniqueViolation(error, 'releases_sku')) throw skuTaken(input.sku)
        throw error
      }
    },

    async get(program: ProgramContext, id: string): Promise<ReleaseResource> {
      const row = await findRelease(db, program.id, id)
      if (!row) throw AppError.notFound('Release')
      return presentRelease(toRelease(row))
    },

    async list(program: ProgramContext, query: ReleaseQuery): Promise<Page<ReleaseResource>> {
      const limit = clampLimit(query.limit)
      const rows = await listReleases(db, program.id, {
        beforeId: decodeCursor(query.cursor),
        ...(query.upcoming ? { publicAfter: clock.now() } : {}),
        limit: limit + 1,
      })
      return toPage(rows, limit, (row) => presentRelease(toRelease(row)))
    },

    /** Fields given replace the stored ones whole; the result is validated as a whole. */
    async update(
      program: ProgramContext,
      id: string,
      patch: ReleasePatch,
    ): Promise<ReleaseResource> {
      const next = await db
        .transaction()
        .execute(async (trx) => {
          const row = await lockRelease(trx, program.id, id)
          if (!row) throw AppError.notFound('Release')
          const input = patchedRelease(toRelease(row), patch)
          validateRelease(input, program.tier_ladder)
          if (input.sku !== row.sku && (await findReleaseBySku(trx, program.id, input.sku)))
            throw skuTaken(input.sku)
          const updated = await updateRelease(trx, program.id, id, {
            sku: input.sku,
            name: input.name,
            public_at: new Date(input.public_at),
            early_access: JSON.stringify(input.early_access ?? []),
            updated_at: clock.now(),
          })
          if (!updated) throw AppError.notFound('Release')
          await bumpRulesVersion(trx, program.id)
          return updated
        })
        .catch((error) => {
          if (isUniqueViolation(error, 'releases_sku')) throw skuTaken(patch.sku ?? '')
          throw error
        })
      return presentRelease(toRelease(next))
    },

    /** Soft delete: the SKU is on sale to everyone at once, and may have a new release. */
    async remove(program: ProgramContext, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        if (!(await softDeleteRelease(trx, program.id, id, clock.now())))
          throw AppError.notFound('Release')
        await bumpRulesVersion(trx, program.id)
      })
    },

    /** May the member buy the SKU now, and from when? */
    async access(program: ProgramContext, memberRef: string, sku: string): Promise<ReleaseAccess> {
      const member = await memberOf(program, memberRef)
      const releases = await liveReleasesFor(program)
      return releaseAccess(sku, releases.get(sku), member.tier_key, clock.now())
    },

    /** The releases not yet public, soonest first, each with when it opens to the member. */
    async upcomingFor(
      program: ProgramContext,
      memberRef: string,
      limit?: number,
    ): Promise<{ data: MemberRelease[] }> {
      const member = await memberOf(program, memberRef)
      const now = clock.now()
      const rows = await listUpcomingReleases(db, program.id, now, clampLimit(limit))
      return {
        data: rows.map((row) => {
          const access = releaseAccess(row.sku, toRelease(row), member.tier_key, now)
          return {
            sku: row.sku,
            name: row.name,
            public_at: row.public_at.toISOString(),
            opens_at: access.opens_at as string,
            allowed: access.allowed,
          }
        }),
      }
    },
  }
}

export type ReleasesService = ReturnType<typeof createReleasesService>
