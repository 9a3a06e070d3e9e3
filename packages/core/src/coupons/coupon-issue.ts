import type { CouponRow, CouponTemplateRow, DB } from '@loyalbase/db'
import type { Transaction } from 'kysely'
import { domainEvent, type NewDomainEvent } from '../domain-events/index.js'
import type { ProgramContext } from '../programs/index.js'
import { AppError } from '../shared/app-error.js'
import { newId } from '../shared/ids.js'
import { couponWindow, formatCode, newCouponCode, validityOf, windowEnded } from './coupons.js'
import {
  countMemberCoupons,
  findTemplate,
  insertCoupon,
  reserveIssues,
} from './coupons.repository.js'

/*
 * Issuing one coupon of a template to a member, in the caller's transaction with the member's
 * row locked: by `POST /v1/members/{member}/coupons` and by campaigns' rewards.
 */

/** Attempts at a coupon's code before giving up: a second attempt is already 1 in 2^60. */
const CODE_DRAWS = 5

/** A template that may issue more at `at`: active, and its window (if any) not over. */
export function assertIssuing(template: CouponTemplateRow, at: Date): void {
  if (!template.active)
    throw new AppError('coupon_invalid', 'The coupon template is not active: it issues nothing.')
  if (windowEnded(validityOf(template), at))
    throw new AppError('coupon_invalid', 'The coupon template’s validity window has ended.')
}

/** Under the member's lock: the member may have one more coupon of the template. */
export async function assertMemberRoom(
  trx: Transaction<DB>,
  programId: string,
  memberId: string,
  template: Pick<CouponTemplateRow, 'id' | 'per_member_limit'>,
): Promise<void> {
  const limit = template.per_member_limit
  if (limit === null) return
  if ((await countMemberCoupons(trx, programId, memberId, template.id)) >= limit) {
    throw new AppError(
      'limit_reached',
      `The member already has the ${limit} coupon(s) of this template its per_member_limit allows.`,
    )
  }
}

export async function issueCouponFromTemplate(
  trx: Transaction<DB>,
  program: ProgramContext,
  memberId: string,
  templateId: string,
  now: Date,
): Promise<CouponRow> {
  const template = await findTemplate(trx, program.id, templateId)
  if (!template) throw AppError.invalid('template', 'is not a coupon template of this program')
  assertIssuing(template, now)
  await assertMemberRoom(trx, program.id, memberId, template)
  // Locks the template's row to the end of the transaction: issues of one template queue.
  if (!(await reserveIssues(trx, program.id, template.id, 1))) {
    throw new AppError(
      'limit_reached',
      `The coupon template has issued all the coupons its total_limit allows (${template.total_limit}).`,
    )
  }
  const window = couponWindow(validityOf(template), now, program.timezone)
  for (let draw = 0; draw < CODE_DRAWS; draw++) {
    const row = await insertCoupon(trx, {
      program_id: program.id,
      id: newId('cpn'),
      template_id: template.id,
      code: newCouponCode(),
      status: 'active',
      member_id: memberId,
      run_id: null,
      issued_at: now,
      starts_at: window.starts_at,
      expires_at: window.expires_at,
      redeemed_at: null,
      created_at: now,
    })
    if (row) return row
  }
  throw new Error('could not draw an unused coupon code')
}

/** The `coupon.issued` event of a coupon just issued or claimed. */
export function couponIssued(
  programId: string,
  coupon: CouponRow,
  via: 'template' | 'code' | 'campaign' | 'reward',
  now: Date,
): NewDomainEvent {
  return domainEvent(
    programId,
    'coupon.issued',
    coupon.member_id as string,
    {
      member: coupon.member_id as string,
      coupon: coupon.id,
      template: coupon.template_id,
      code: formatCode(coupon.code),
      via,
      starts_at: (coupon.starts_at as Date).toISOString(),
      expires_at: (coupon.expires_at as Date).toISOString(),
    },
    now,
  )
}
