/*
 * The public API of the campaigns module: what other modules of the core may import from it.
 * Anything not listed here is the module's own (see ARCHITECTURE.md, "Boundaries").
 */
export type {
  CampaignInput,
  CampaignPatch,
  CampaignResource,
  CampaignReward,
  CampaignTrigger,
} from './campaigns.js'
export type { AudiencePreview, CampaignReport, CampaignsService } from './campaigns.service.js'
