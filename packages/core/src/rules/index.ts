/*
 * The public API of the rules module: what other modules of the core may import from it.
 * Anything not listed here is the module's own (see ARCHITECTURE.md, "Boundaries").
 */
export { assertCondition, conditionErrors } from './rule-condition.js'
export {
  buildEventContext,
  buildOrderContext,
  memberFactsOf,
  type RuleContext,
} from './rule-context.js'
export {
  applyLimits,
  type EarningRule,
  evaluateRules,
  limitedGrowth,
  limitedPeriods,
  ORDER_TRIGGER,
  periodCap,
  type RuleInput,
  usageOf,
} from './rules.js'
export type { RulesService } from './rules.service.js'
