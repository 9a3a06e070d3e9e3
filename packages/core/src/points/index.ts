/*
 * The public API of the points module: what other modules of the core may import from it.
 * Anything not listed here is the module's own (see ARCHITECTURE.md, "Boundaries").
 */
export { payRules } from './earn-by-rules.js'
export {
  creditPoints,
  debitPoints,
  lockPointsHolder,
  returnRedeemedPoints,
  reversePoints,
} from './ledger.js'
export { availableAtFor, expiryFor, planConsumption } from './points.js'
