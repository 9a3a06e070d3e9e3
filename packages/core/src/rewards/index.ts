/*
 * The public API of the rewards module: what other modules of the core may import from it.
 * Anything not listed here is the module's own (see ARCHITECTURE.md, "Boundaries").
 */
export type {
  RedemptionResource,
  RewardEligibility,
  RewardInput,
  RewardPatch,
  RewardResource,
} from './rewards.js'
export type { RewardsService } from './rewards.service.js'
