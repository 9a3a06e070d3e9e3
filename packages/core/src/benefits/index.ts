/*
 * The public API of the benefits module: what other modules of the core may import from it.
 * Anything not listed here is the module's own (see ARCHITECTURE.md, "Boundaries").
 */
export {
  type Benefit,
  type BenefitInput,
  benefitUsageKey,
  multiplierOf,
  orderBenefitUsageNeeds,
  type TierDiscount,
  tierDiscountOf,
  type UsableBenefit,
  usableOrderBenefits,
} from './benefits.js'
export type { BenefitsService } from './benefits.service.js'
