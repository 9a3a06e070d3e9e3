/*
 * The public API of the ladder module: what other modules of the core may import from it.
 * Anything not listed here is the module's own (see ARCHITECTURE.md, "Boundaries").
 */
export {
  assertLadder,
  DEFAULT_TIER_LADDER,
  downgradeTarget,
  dueReview,
  entryTier,
  nextTier,
  qualifyingRanges,
  qualifyingTier,
  type Range,
  retainBy,
  type TierLadder,
  type TierMetric,
  tierIndex,
  tierName,
  windowRange,
} from './ladder.js'
