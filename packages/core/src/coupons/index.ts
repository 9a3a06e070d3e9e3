/*
 * The public API of the coupons module: what other modules of the core may import from it.
 * Anything not listed here is the module's own (see ARCHITECTURE.md, "Boundaries").
 */

export { couponIssued, issueCouponFromTemplate } from './coupon-issue.js'
export {
  type CheckoutCouponRow,
  type CouponRedemptions,
  createCouponRedemptions,
  type UsableCoupon,
} from './coupon-redemptions.service.js'
export {
  type CouponDiscount,
  type CouponResource,
  type CouponScope,
  type CouponTemplateResource,
  couponWindow,
  formatCode,
  normaliseCode,
  statusAt,
  type TemplateValidity,
  validityOf,
} from './coupons.js'
export { findTemplate as findCouponTemplate } from './coupons.repository.js'
export type { CouponsService } from './coupons.service.js'
