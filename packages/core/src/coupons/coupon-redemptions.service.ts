import type { Executor } from '../shared/executor.js'
import { type CouponDiscount, type CouponScope, formatCode, normaliseCode } from './coupons.js'
import {
  findPricedCouponsByCodes,
  listUsableCouponsOfMembers,
  listUsableMemberCoupons,
  type PricedCouponRow,
  redeemCoupons,
  restoreOrderCoupons,
} from './coupons.repository.js'

/*
 * Coupons as orders and checkout quotes use them (orders/coupons.port.ts): found by code for a
 * member, priced by the orders module, redeemed in the order's transaction, given back by a full
 * refund. Wired into orders by create-services.ts.
 */

/** A coupon as pricing reads it (orders/pricing.ts `PricingCoupon`). */
export interface UsableCoupon {
  id: string
  code: string
  template: string
  discount: CouponDiscount
  min_spend: number | null
  applies_to: CouponScope | null
  stackable: boolean
  starts_at: Date | null
  expires_at: Date | null
  status: 'active' | 'invalid'
}

function usable(row: PricedCouponRow, memberId: string): UsableCoupon | null {
  // Unknown, redeemed and other members' codes are alike: null, refused as `invalid`.
  const mine = row.status === 'active' && row.member_id === memberId
  if (!mine && row.status !== 'unassigned') return null
  return {
    id: row.id,
    code: formatCode(row.code),
    template: row.template_id,
    discount: row.discount as CouponDiscount,
    min_spend: row.min_spend,
    applies_to: (row.applies_to as CouponScope | null) ?? null,
    stackable: row.stackable,
    // A bulk code's window is its template's until it is claimed.
    starts_at: row.starts_at ?? row.template_starts_at,
    expires_at: row.expires_at ?? row.template_ends_at,
    status: 'active',
  }
}

export function createCouponRedemptions() {
  return {
    async byCodes(
      on: Executor,
      programId: string,
      memberId: string,
      codes: readonly string[],
      lock = false,
    ): Promise<(UsableCoupon | null)[]> {
      const normal = codes.map(normaliseCode)
      const wanted = [...new Set(normal.filter((code): code is string => code !== null))]
      const rows = await findPricedCouponsByCodes(on, programId, wanted, lock)
      const byCode = new Map(rows.map((row) => [row.code, row]))
      return normal.map((code) => {
        const row = code ? byCode.get(code) : undefined
        return row ? usable(row, memberId) : null
      })
    },

    async heldBy(
      on: Executor,
      programId: string,
      memberId: string,
      at: Date,
    ): Promise<UsableCoupon[]> {
      const rows = await listUsableMemberCoupons(on, programId, memberId, at)
      return rows.flatMap((row) => usable(row, memberId) ?? [])
    },

    /** `heldBy` for many members in one statement: each member's coupons, in the given order. */
    async heldByMany(
      on: Executor,
      members: readonly { programId: string; memberId: string }[],
      at: Date,
    ): Promise<UsableCoupon[][]> {
      const rows = await listUsableCouponsOfMembers(on, members, at)
      const byMember = new Map<string, UsableCoupon[]>()
      for (const row of rows) {
        const key = `${row.program_id}\u0000${row.member_id}`
        const coupon = usable(row, row.member_id as string)
        if (!coupon) continue
        const list = byMember.get(key)
        if (list) list.push(coupon)
        else byMember.set(key, [coupon])
      }
      return members.map((m) => byMember.get(`${m.programId}\u0000${m.memberId}`) ?? [])
    },

    async redeem(
      on: Executor,
      programId: string,
      memberId: string,
      couponIds: readonly string[],
      orderId: string,
      at: Date,
    ): Promise<boolean> {
      const done = await redeemCoupons(on, programId, memberId, couponIds, orderId, at)
      return done === new Set(couponIds).size
    },

    restore: (on: Executor, programId: string, orderId: string, at: Date) =>
      restoreOrderCoupons(on, programId, orderId, at),
  }
}

export type CouponRedemptions = ReturnType<typeof createCouponRedemptions>
