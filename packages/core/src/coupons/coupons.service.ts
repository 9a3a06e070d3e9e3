import type { CouponRow, CouponTemplateRow, DB } from '@loyalbase/db'
import type { Kysely, Transaction } from 'kysely'
import { recordDomainEvents } from '../domain-events/index.js'
import { type IdempotencyClaim, runIdempotent, type StoredResponse } from '../idempotency/index.js'
import type { JobDefinition } from '../jobs/index.js'
import { findMemberByRef, lockMemberByRef } from '../members/index.js'
import type { ProgramContext } from '../programs/index.js'
import { AppError } from '../shared/app-error.js'
import type { Clock } from '../shared/clock.js'
import { newId } from '../shared/ids.js'
import { MAX_BULK_CODES } from '../shared/limits.js'
import {
  clampLimit,
  decodeCursor,
  type Page,
  type PageRequest,
  toPage,
} from '../shared/pagination.js'
import { COUPON_CODES_JOB, couponCodesJob } from './coupon-codes.job.js'
import {
  assertIssuing,
  assertMemberRoom,
  couponIssued,
  issueCouponFromTemplate,
} from './coupon-issue.js'
import {
  type CouponResource,
  type CouponTemplateInput,
  type CouponTemplatePatch,
  type CouponTemplateResource,
  CSV_HEADER,
  couponWindow,
  csvLine,
  decodeIssueCursor,
  encodeIssueCursor,
  normaliseCode,
  presentCoupon,
  presentTemplate,
  validateTemplate,
  validityOf,
} from './coupons.js'
import {
  type CouponStatusFilter,
  claimCoupon,
  findCouponByCode,
  findTemplate,
  insertBatch,
  insertTemplate,
  listMemberCoupons,
  listTemplateCoupons,
  listTemplates,
  reserveIssues,
  updateTemplate,
} from './coupons.repository.js'

/** `template`: issue a new coupon of it; `code`: claim that unassigned bulk code. One of them. */
export interface IssueInput {
  template?: string
  code?: string
}

export interface TemplateQuery extends PageRequest {
  active?: boolean
}

export interface MemberCouponQuery extends PageRequest {
  status?: 'active' | 'redeemed' | 'expired'
}

export interface CodeQuery extends PageRequest {
  status?: CouponStatusFilter
}

export interface BulkCodesStarted {
  run_id: string
  job: string
  template: string
  count: number
}

/**
 * The one answer to a code that cannot be claimed — unknown, malformed, claimed, redeemed, of a
 * deactivated template or of an ended window — so that an answer never tells a guessed code
 * from a used one (docs/coupons.md, "No oracle").
 */
export const COUPON_CODE_INVALID =
  'The coupon code is not valid: it is unknown, already used, or no longer available.'

const invalidCode = () => new AppError('coupon_invalid', COUPON_CODE_INVALID)

/** Codes per query of the CSV export. */
const EXPORT_PAGE = 5_000

export function createCouponsService(
  db: Kysely<DB>,
  clock: Clock,
  deps: {
    startJob: (programId: string, name: string, asOf: Date, runId: string) => Promise<string>
  },
) {
  async function templateOf(program: ProgramContext, id: string): Promise<CouponTemplateRow> {
    const row = await findTemplate(db, program.id, id)
    if (!row) throw AppError.notFound('Coupon template')
    return row
  }

  async function claimCode(
    trx: Transaction<DB>,
    program: ProgramContext,
    memberId: string,
    text: string,
    now: Date,
  ): Promise<CouponRow> {
    const code = normaliseCode(text)
    const found = code ? await findCouponByCode(trx, program.id, code) : undefined
    const ended = found?.template_ends_at && found.template_ends_at.getTime() <= now.getTime()
    if (found?.status !== 'unassigned' || !found.active || ended) throw invalidCode()
    await assertMemberRoom(trx, program.id, memberId, {
      id: found.template_id,
      per_member_limit: found.per_member_limit,
    })
    const validity = validityOf({
      validity_days: found.validity_days,
      starts_at: found.template_starts_at,
      ends_at: found.template_ends_at,
    })
    const claimed = await claimCoupon(trx, program.id, found.id, {
      member_id: memberId,
      issued_at: now,
      ...couponWindow(validity, now, program.timezone),
    })
    // Another member's claim of the same code committed first.
    if (!claimed) throw invalidCode()
    return claimed
  }

  return {
    async createTemplate(
      program: ProgramContext,
      input: CouponTemplateInput,
      claim?: IdempotencyClaim,
    ): Promise<StoredResponse> {
      validateTemplate(input)
      return runIdempotent(db, clock, program.id, claim, 201, async (trx) => {
        const now = clock.now()
        const window = 'days' in input.validity ? undefined : input.validity
        const row = await insertTemplate(trx, {
          program_id: program.id,
          id: newId('cpt'),
          name: input.name,
          discount: JSON.stringify(input.discount),
          min_spend: input.min_spend ?? null,
          applies_to: input.applies_to ? JSON.stringify(input.applies_to) : null,
          validity_days: 'days' in input.validity ? input.validity.days : null,
          starts_at: window ? new Date(window.starts_at) : null,
          ends_at: window ? new Date(window.ends_at) : null,
          per_member_limit: input.per_member_limit ?? null,
          total_limit: input.total_limit ?? null,
          stackable: input.stackable ?? false,
          created_at: now,
          updated_at: now,
        })
        return presentTemplate(row)
      })
    },

    async getTemplate(program: ProgramContext, id: string): Promise<CouponTemplateResource> {
      return presentTemplate(await templateOf(program, id))
    },

    async listTemplates(
      program: ProgramContext,
      query: TemplateQuery,
    ): Promise<Page<CouponTemplateResource>> {
      const limit = clampLimit(query.limit)
      const rows = await listTemplates(db, program.id, {
        ...(query.active !== undefined ? { active: query.active } : {}),
        beforeId: decodeCursor(query.cursor),
        limit: limit + 1,
      })
      return toPage(rows, limit, presentTemplate)
    },

    /** Renames, or switches off (and on again): a template's terms never change. */
    async updateTemplate(
      program: ProgramContext,
      id: string,
      patch: CouponTemplatePatch,
    ): Promise<CouponTemplateResource> {
      if (patch.name !== undefined && patch.name.trim().length === 0)
        throw AppError.invalid('name', 'must not be blank')
      const row = await updateTemplate(db, program.id, id, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
        updated_at: clock.now(),
      })
      if (!row) throw AppError.notFound('Coupon template')
      return presentTemplate(row)
    },

    /**
     * Issues a coupon of a template to a member, or gives the member an unassigned bulk code,
     * with the member's row locked (its per_member_limit counted under the lock) and, for an
     * issue, the template's count moved by a conditional update (its total_limit). Records
     * `coupon.issued` in the same transaction.
     */
    async issue(
      program: ProgramContext,
      memberRef: string,
      input: IssueInput,
      claim?: IdempotencyClaim,
    ): Promise<StoredResponse> {
      if ((input.template === undefined) === (input.code === undefined))
        throw AppError.invalid('template', 'give exactly one of template and code')
      return runIdempotent(db, clock, program.id, claim, 201, async (trx) => {
        const member = await lockMemberByRef(trx, program.id, memberRef)
        if (!member) throw AppError.notFound('Member')
        const now = clock.now()
        const coupon =
          input.template !== undefined
            ? await issueCouponFromTemplate(trx, program, member.id, input.template, now)
            : await claimCode(trx, program, member.id, input.code as string, now)
        await recordDomainEvents(trx, [
          couponIssued(program.id, coupon, input.template !== undefined ? 'template' : 'code', now),
        ])
        return presentCoupon(coupon, now)
      })
    },

    /**
     * The coupon with this code, in any state (an operator's look-up: program keys are trusted,
     * so unlike a member's claim it tells used from unknown); `[]` when there is none.
     */
    async byCode(program: ProgramContext, text: string): Promise<CouponResource[]> {
      const code = normaliseCode(text)
      const row = code ? await findCouponByCode(db, program.id, code) : undefined
      return row ? [presentCoupon(row, clock.now())] : []
    },

    async memberCoupons(
      program: ProgramContext,
      memberRef: string,
      query: MemberCouponQuery,
    ): Promise<Page<CouponResource>> {
      const member = await findMemberByRef(db, program.id, memberRef)
      if (!member) throw AppError.notFound('Member')
      const limit = clampLimit(query.limit)
      const before = decodeIssueCursor(query.cursor)
      const now = clock.now()
      const rows = await listMemberCoupons(db, program.id, member.id, {
        ...(query.status !== undefined ? { status: query.status } : {}),
        ...(before ? { before } : {}),
        now,
        limit: limit + 1,
      })
      const page = rows.slice(0, limit)
      const last = page.at(-1)
      return {
        data: page.map((row) => presentCoupon(row, now)),
        next_cursor:
          rows.length > limit && last ? encodeIssueCursor(last.issued_at as Date, last.id) : null,
      }
    },

    /**
     * Requests `count` unassigned codes: counted against the template's total_limit at once (all
     * or nothing), recorded, then made by a `coupon-codes` job run in the background, whose id
     * the answer carries.
     */
    async generateCodes(
      program: ProgramContext,
      templateId: string,
      count: number,
      claim?: IdempotencyClaim,
    ): Promise<StoredResponse> {
      if (!Number.isSafeInteger(count) || count < 1 || count > MAX_BULK_CODES)
        throw AppError.invalid('count', `must be an integer from 1 to ${MAX_BULK_CODES}`)
      const runId = newId('run')
      const stored = await runIdempotent(db, clock, program.id, claim, 202, async (trx) => {
        const template = await findTemplate(trx, program.id, templateId)
        if (!template) throw AppError.notFound('Coupon template')
        const now = clock.now()
        assertIssuing(template, now)
        if (!(await reserveIssues(trx, program.id, template.id, count))) {
          const left = Math.max(0, (template.total_limit ?? 0) - template.issued)
          throw new AppError(
            'limit_reached',
            `The coupon template's total_limit (${template.total_limit}) leaves room for ${left} more, not ${count}.`,
          )
        }
        await insertBatch(trx, {
          program_id: program.id,
          run_id: runId,
          template_id: template.id,
          count,
          created_at: now,
        })
        const started: BulkCodesStarted = {
          run_id: runId,
          job: COUPON_CODES_JOB,
          template: template.id,
          count,
        }
        return started
      })
      // A replay answers the first request's run; only a first answer starts one.
      if (!stored.replayed) await deps.startJob(program.id, COUPON_CODES_JOB, clock.now(), runId)
      return stored
    },

    async templateCodes(
      program: ProgramContext,
      templateId: string,
      query: CodeQuery,
    ): Promise<Page<CouponResource>> {
      await templateOf(program, templateId)
      const limit = clampLimit(query.limit)
      const now = clock.now()
      const rows = await listTemplateCoupons(db, program.id, templateId, {
        ...(query.status !== undefined ? { status: query.status } : {}),
        afterId: decodeCursor(query.cursor),
        now,
        limit: limit + 1,
      })
      return toPage(rows, limit, (row) => presentCoupon(row, now))
    },

    /**
     * Every code of a template (of one status, if given) as CSV text, a page of codes at a time:
     * the template is looked up first, so that a wrong id is a 404 before anything is sent.
     */
    async exportCodes(
      program: ProgramContext,
      templateId: string,
      status?: CouponStatusFilter,
    ): Promise<AsyncIterable<string>> {
      await templateOf(program, templateId)
      const now = clock.now()
      return (async function* () {
        yield `${CSV_HEADER}\n`
        let afterId: string | undefined
        for (;;) {
          const rows = await listTemplateCoupons(db, program.id, templateId, {
            ...(status !== undefined ? { status } : {}),
            ...(afterId !== undefined ? { afterId } : {}),
            now,
            limit: EXPORT_PAGE,
          })
          if (rows.length > 0)
            yield rows.map((row) => `${csvLine(presentCoupon(row, now))}\n`).join('')
          if (rows.length < EXPORT_PAGE) return
          afterId = rows.at(-1)?.id
        }
      })()
    },

    job(): JobDefinition {
      return couponCodesJob(db, clock)
    },
  }
}

export type CouponsService = ReturnType<typeof createCouponsService>
