/*
 * The public API of the tiers module: what other modules of the core may import from it.
 * Anything not listed here is the module's own (see ARCHITECTURE.md, "Boundaries").
 */
export { tierChangeRecords, upgradeIfQualified, windowedMetricBound } from './tier-changes.js'
export { lifetimeCounter, type NewOutboxEvent, type NewTierChange } from './tier-upgrade.js'
