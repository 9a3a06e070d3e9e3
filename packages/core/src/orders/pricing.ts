import { minorPerMajor, percentOf, pointsValue, spread } from '../shared/money.js'

export { minorPerMajor, pointsValue }

/*
 * What a basket costs after coupons and points: the one pricing computation the checkout quote
 * and the order share (api.md, "Coupons, quote, campaigns, segments"). Pure: the coupons, the
 * member's available points and the policy come in; amounts, reasons and each discount's share
 * of every item go out. Money is integer minor units; every division is one of money.ts's, so
 * each rounding has one stated rule:
 *
 * - a percentage discount is `percent_off` % of what the coupon's eligible items still cost,
 *   rounded down (money.ts `percentOf`), then capped by `max_amount`;
 * - an amount discount is `amount_off`, or what the eligible items still cost if that is less;
 * - a discount is spread over its eligible items in proportion to what each still costs, by the
 *   largest remainder (money.ts `spread`), so the shares add up to exactly the discount — a
 *   refund of an item gives back exactly that item's share;
 * - a tier's discount benefit (`source: "tier"`) comes first: `percent_off` % of the items
 *   (rounded down, capped by its `max_amount`), spread over every item as a coupon's is;
 * - coupons apply in the order given, each on what the ones before left, so discounts never
 *   exceed the subtotal; free shipping takes the shipping fee;
 * - a tier's free shipping benefit (`source: "benefit"`) takes what coupons left of the shipping
 *   fee (a free-shipping coupon the member chose to use is used first; the benefit's quota is
 *   spared);
 * - points pay at most `max_redeem_percent` % of what is left to pay (rounded down), never more
 *   than the member has or asked for, and only whole minor units: the value of P points is
 *   ⌊P × minor units per major unit ÷ redeem_rate⌋, and the points taken are the fewest that buy
 *   that value, so no point is spent on a fraction of a minor unit.
 */

export type CouponDiscount =
  | { type: 'percent'; percent_off: number; max_amount?: number | null }
  | { type: 'amount'; amount_off: number }
  | { type: 'free_shipping' }

/** A coupon as pricing sees it: what it gives, and when and on what it may be used. */
export interface PricingCoupon {
  id: string
  code: string
  template: string
  discount: CouponDiscount
  min_spend: number | null
  applies_to: { categories?: string[]; skus?: string[] } | null
  stackable: boolean
  starts_at: Date | null
  expires_at: Date | null
  /** `active` coupons may be used; any other status is refused as `invalid`. */
  status: string
}

export interface PricingItem {
  sku: string
  category?: string | null
  quantity: number
  unit_price: number
}

/** The benefits of the member's tier an order applies by itself, each with a use left. */
export interface PricingBenefits {
  tier_discount?: { id: string; key: string; percent_off: number; max_amount?: number }
  free_shipping?: { id: string; key: string }
}

export interface PricingInput {
  items: readonly PricingItem[]
  benefits?: PricingBenefits
  shipping_fee: number
  /** The coupons named by the basket's codes, in the codes' order; null for a code not found. */
  coupons: readonly (PricingCoupon | null)[]
  /** The codes as given, for the reasons of codes that were not found. */
  codes: readonly string[]
  points_to_redeem: number
  points_available: number
  policy: { redeem_rate: number; max_redeem_percent: number }
  /** Minor units in one major unit of the program's currency (100 for CNY, 1 for JPY). */
  minor_per_major: number
  at: Date
}

/** Why a coupon does not apply. `invalid` covers unknown, used and foreign codes alike. */
export type CouponRefusal =
  | 'invalid'
  | 'not_started'
  | 'expired'
  | 'min_spend_not_met'
  | 'no_eligible_items'
  | 'not_stackable'
  | 'duplicate'

export interface AppliedDiscount {
  source: 'coupon' | 'tier' | 'benefit'
  /** The coupon's id, or the benefit's. */
  id: string
  /** The coupon's code, or the benefit's key. */
  code: string
  amount: number
  /** The discount's share of each item, in the items' order (0 for items it does not cover). */
  by_item: number[]
  shipping: number
}

export interface Pricing {
  subtotal: number
  discounts: AppliedDiscount[]
  shipping_fee: number
  shipping_discount: number
  points_redeemed: number
  points_value: number
  total: number
  refused: { code: string; id: string | null; reason: CouponRefusal }[]
}

export function lineAmount(item: PricingItem): number {
  return item.quantity * item.unit_price
}

function covers(coupon: PricingCoupon, item: PricingItem): boolean {
  const scope = coupon.applies_to
  if (!scope || (!scope.categories?.length && !scope.skus?.length)) return true
  if (scope.skus?.includes(item.sku)) return true
  return item.category != null && (scope.categories?.includes(item.category) ?? false)
}

/** Is the coupon usable at `at` on its own terms (status and dates)? */
export function couponTimeRefusal(coupon: PricingCoupon, at: Date): CouponRefusal | null {
  if (coupon.status !== 'active') return 'invalid'
  if (coupon.starts_at && at < coupon.starts_at) return 'not_started'
  if (coupon.expires_at && at >= coupon.expires_at) return 'expired'
  return null
}

/** The fewest points worth `value` minor units. */
export function pointsFor(value: number, redeemRate: number, minorPerMajor: number): number {
  const product = BigInt(value) * BigInt(redeemRate)
  const divisor = BigInt(minorPerMajor)
  return Number((product + divisor - 1n) / divisor)
}

/** Why a coupon cannot be used in this basket before its discount is worked out, or null. */
function refusalOf(
  coupon: PricingCoupon,
  seen: ReadonlySet<string>,
  several: boolean,
  subtotal: number,
  at: Date,
): CouponRefusal | null {
  if (seen.has(coupon.id)) return 'duplicate'
  const timing = couponTimeRefusal(coupon, at)
  if (timing) return timing
  if (several && !coupon.stackable) return 'not_stackable'
  if (coupon.min_spend !== null && subtotal < coupon.min_spend) return 'min_spend_not_met'
  return null
}

export function priceBasket(input: PricingInput): Pricing {
  const items = input.items
  const remaining = items.map(lineAmount)
  const subtotal = remaining.reduce((sum, amount) => sum + amount, 0)
  let shippingLeft = input.shipping_fee
  const discounts: AppliedDiscount[] = []
  const refused: Pricing['refused'] = []
  const seen = new Set<string>()
  const tierDiscount = input.benefits?.tier_discount
  if (tierDiscount && subtotal > 0) {
    const amount = Math.min(
      percentOf(subtotal, tierDiscount.percent_off),
      tierDiscount.max_amount ?? Number.MAX_SAFE_INTEGER,
      subtotal,
    )
    if (amount > 0) {
      const byItem = spread(amount, remaining)
      for (const [i, share] of byItem.entries()) remaining[i] = (remaining[i] ?? 0) - share
      discounts.push({
        source: 'tier',
        id: tierDiscount.id,
        code: tierDiscount.key,
        amount,
        by_item: byItem,
        shipping: 0,
      })
    }
  }
  const named = input.coupons.filter((c): c is PricingCoupon => c !== null)
  const several = named.length > 1

  for (const [index, coupon] of input.coupons.entries()) {
    const code = input.codes[index] ?? coupon?.code ?? ''
    const reason = coupon ? refusalOf(coupon, seen, several, subtotal, input.at) : 'invalid'
    if (reason || !coupon) {
      refused.push({ code, id: coupon?.id ?? null, reason: reason ?? 'invalid' })
      continue
    }
    seen.add(coupon.id)
    const discount = coupon.discount
    if (discount.type === 'free_shipping') {
      const shipping = shippingLeft
      shippingLeft -= shipping
      const byItem = items.map(() => 0)
      discounts.push({
        source: 'coupon',
        id: coupon.id,
        code: coupon.code,
        amount: shipping,
        by_item: byItem,
        shipping,
      })
      continue
    }
    const eligible = items.map((item, i) => (covers(coupon, item) ? (remaining[i] ?? 0) : 0))
    const base = eligible.reduce((sum, amount) => sum + amount, 0)
    if (base <= 0) {
      refused.push({ code, id: coupon.id, reason: 'no_eligible_items' })
      continue
    }
    const wanted =
      discount.type === 'percent'
        ? Math.min(
            percentOf(base, discount.percent_off),
            discount.max_amount ?? Number.MAX_SAFE_INTEGER,
          )
        : discount.amount_off
    const amount = Math.min(wanted, base)
    const byItem = spread(amount, eligible)
    for (const [i, share] of byItem.entries()) remaining[i] = (remaining[i] ?? 0) - share
    discounts.push({
      source: 'coupon',
      id: coupon.id,
      code: coupon.code,
      amount,
      by_item: byItem,
      shipping: 0,
    })
  }

  const freeShipping = input.benefits?.free_shipping
  if (freeShipping && shippingLeft > 0) {
    discounts.push({
      source: 'benefit',
      id: freeShipping.id,
      code: freeShipping.key,
      amount: shippingLeft,
      by_item: items.map(() => 0),
      shipping: shippingLeft,
    })
    shippingLeft = 0
  }

  const goods = remaining.reduce((sum, amount) => sum + amount, 0)
  const due = goods + shippingLeft
  const { redeem_rate: rate, max_redeem_percent: maxPercent } = input.policy
  const wantedPoints = Math.min(
    Math.max(0, input.points_to_redeem),
    Math.max(0, input.points_available),
  )
  const value = Math.min(
    percentOf(due, maxPercent),
    pointsValue(wantedPoints, rate, input.minor_per_major),
  )
  const points = value > 0 ? pointsFor(value, rate, input.minor_per_major) : 0
  return {
    subtotal,
    discounts,
    shipping_fee: input.shipping_fee,
    shipping_discount: input.shipping_fee - shippingLeft,
    points_redeemed: points,
    points_value: value,
    total: due - value,
    refused,
  }
}

const REFUSALS: Record<CouponRefusal, string> = {
  invalid: 'cannot be used',
  not_started: 'is not valid yet',
  expired: 'has expired',
  min_spend_not_met: 'needs a larger order (min_spend)',
  no_eligible_items: 'covers none of the items',
  not_stackable: 'cannot be combined with other coupons',
  duplicate: 'is given twice',
}

/**
 * The detail of `422 coupon_invalid`. Unknown, used and other members' codes read alike, so a
 * guessed code learns nothing.
 */
export function couponRefusalText(code: string, reason: CouponRefusal): string {
  return `The coupon code "${code}" ${REFUSALS[reason]}.`
}
