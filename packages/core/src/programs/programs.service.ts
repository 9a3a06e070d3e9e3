import type { DB, ProgramRow } from '@loyalbase/db'
import type { Kysely } from 'kysely'
import { type IdempotencyClaim, runIdempotent, type StoredResponse } from '../idempotency/index.js'
import { DEFAULT_TIER_LADDER, type TierLadder } from '../ladder/index.js'
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
  assertCurrency,
  assertLocale,
  assertTimezone,
  DEFAULT_POINTS_POLICY,
  mergePointsPolicy,
  type NewProgramInput,
  type PointsPolicy,
  type Program,
  type ProgramPatch,
} from './programs.js'
import { findProgram, insertProgram, listPrograms, updateProgram } from './programs.repository.js'

/** The program as services need it: its settings, already parsed. */
export interface ProgramContext {
  id: string
  name: string
  currency: string
  timezone: string
  locale: string
  points_policy: PointsPolicy
  tier_ladder: TierLadder
  /**
   * Moves with every earning-rule change, in the change's transaction. Read with the request's
   * key, so a rule change that has answered is seen by every request that starts after it.
   */
  rules_version: number
  /**
   * The row version the settings were read at: a write that depends on them (an order's)
   * checks that it is still current, and is computed again when it is not.
   */
  version: number
  /** Webhooks may post to link-local and cloud-metadata addresses (docs/webhooks.md). */
  webhook_private_targets: boolean
  created_at: Date
}

export function toProgramContext(row: ProgramRow): ProgramContext {
  return {
    id: row.id,
    name: row.name,
    currency: row.currency,
    timezone: row.timezone,
    locale: row.locale,
    points_policy: mergePointsPolicy(
      DEFAULT_POINTS_POLICY,
      row.points_policy as Partial<PointsPolicy>,
    ),
    tier_ladder: row.tier_ladder as unknown as TierLadder,
    rules_version: row.rules_version,
    version: row.version,
    webhook_private_targets: row.webhook_private_targets,
    created_at: row.created_at,
  }
}

export function presentProgram(program: ProgramContext): Program {
  return {
    id: program.id,
    name: program.name,
    currency: program.currency,
    timezone: program.timezone,
    locale: program.locale,
    points_policy: program.points_policy,
    webhook_private_targets: program.webhook_private_targets,
    created_at: program.created_at.toISOString(),
  }
}

// The platform's own idempotency records live under this pseudo-program.
const PLATFORM = '_platform'

export function createProgramsService(db: Kysely<DB>, clock: Clock) {
  return {
    async create(input: NewProgramInput, claim?: IdempotencyClaim): Promise<StoredResponse> {
      const currency = input.currency ?? 'CNY'
      const timezone = input.timezone ?? 'Asia/Shanghai'
      const locale = input.locale ?? 'zh-CN'
      assertCurrency(currency)
      assertTimezone(timezone)
      assertLocale(locale)
      return runIdempotent(db, clock, PLATFORM, claim, 201, async (trx) => {
        const row = await insertProgram(trx, {
          id: newId('prog'),
          name: input.name,
          currency,
          timezone,
          locale,
          points_policy: DEFAULT_POINTS_POLICY,
          tier_ladder: DEFAULT_TIER_LADDER,
          created_at: clock.now(),
        })
        return presentProgram(toProgramContext(row))
      })
    },

    present(program: ProgramContext): Program {
      return presentProgram(program)
    },

    async get(id: string): Promise<ProgramContext> {
      const row = await findProgram(db, id)
      if (!row) throw AppError.notFound('Program')
      return toProgramContext(row)
    },

    async list(page: PageRequest): Promise<Page<Program>> {
      const limit = clampLimit(page.limit)
      const rows = await listPrograms(db, decodeCursor(page.cursor), limit + 1)
      return toPage(rows, limit, (row) => presentProgram(toProgramContext(row)))
    },

    async update(program: ProgramContext, patch: ProgramPatch): Promise<Program> {
      if (patch.timezone !== undefined) assertTimezone(patch.timezone)
      if (patch.locale !== undefined) assertLocale(patch.locale)
      const changes = {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.timezone !== undefined ? { timezone: patch.timezone } : {}),
        ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
        ...(patch.points_policy ? { points_policy: patch.points_policy } : {}),
        ...(patch.webhook_private_targets !== undefined
          ? { webhook_private_targets: patch.webhook_private_targets }
          : {}),
      }
      const row =
        Object.keys(changes).length > 0
          ? await updateProgram(db, program.id, changes)
          : await findProgram(db, program.id)
      if (!row) throw AppError.notFound('Program')
      return presentProgram(toProgramContext(row))
    },
  }
}

export type ProgramsService = ReturnType<typeof createProgramsService>
