import {
  type Benefit,
  multiplierOf,
  tierDiscountOf,
  type UsableBenefit,
  usableOrderBenefits,
} from '../benefits/index.js'
import type { OrderBenefitUse, OrderSnapshot } from './order-plan.js'
import type { PricingBenefits } from './pricing.js'

/*
 * The benefits of the member's tier an order (or a quote) applies by itself (docs/benefits.md):
 * a tier discount and free shipping through pricing, a points multiplier through the plan. Each
 * is applied only with a use left in its quota period, as the snapshot's usage rows say; the
 * order's write takes the use and refuses the plan if another took the last one meanwhile.
 */

export type OrderBenefits = ReturnType<typeof usableOrderBenefits>

/** The order benefits of the member's tier with a use left, from the snapshot's usage rows. */
export function orderBenefits(
  benefits: readonly Benefit[],
  snapshot: OrderSnapshot,
  at: Date,
  timeZone: string,
) {
  if (benefits.length === 0) return {}
  return usableOrderBenefits(benefits, snapshot.member.tier_key, snapshot.usage, at, timeZone)
}

/** What pricing applies of the usable benefits (a tier discount, free shipping). */
export function pricingBenefits(usable: OrderBenefits): PricingBenefits {
  const discount = usable.discount?.benefit
  const shipping = usable.free_shipping?.benefit
  return {
    ...(discount && {
      tier_discount: { id: discount.id, key: discount.key, ...tierDiscountOf(discount) },
    }),
    ...(shipping && { free_shipping: { id: shipping.id, key: shipping.key } }),
  }
}

/** The benefit uses behind the priced discounts of `source` tier and benefit. */
export function benefitUses(
  discounts: readonly { source: string; amount: number }[],
  usable: OrderBenefits,
): OrderBenefitUse[] {
  return discounts.flatMap((d) => {
    const found =
      d.source === 'tier'
        ? usable.discount
        : d.source === 'benefit'
          ? usable.free_shipping
          : undefined
    return found ? [{ ...useOf(found), amount: d.amount }] : []
  })
}

function useOf(usable: UsableBenefit): OrderBenefitUse {
  return {
    benefit_id: usable.benefit.id,
    key: usable.benefit.key,
    period: usable.period,
    cap: usable.cap,
    amount: 0,
  }
}

/** The points multiplier benefit as the plan applies it. */
export function multiplierUse(usable: UsableBenefit | undefined) {
  return usable ? { ...useOf(usable), multiplier: multiplierOf(usable.benefit) } : undefined
}
