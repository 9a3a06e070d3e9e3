import { type ApiClient, unwrap } from './client'
import type { ApiBody, ApiResponse, Schemas } from './schema'

export type Campaign = Schemas['Campaign']
export type CampaignTrigger = Campaign['trigger']
export type CampaignTriggerType = CampaignTrigger['type']
export type CampaignReward = Campaign['reward']
export type CampaignBudget = Campaign['budget']
export type CampaignInput = ApiBody<'/v1/campaigns', 'post'>
export type CampaignPatch = ApiBody<'/v1/campaigns/{id}', 'patch'>
export type AudiencePreview = ApiResponse<'/v1/campaigns/preview', 'post'>
export type AudienceBasis = AudiencePreview['basis']
export type CampaignReport = ApiResponse<'/v1/campaigns/{id}/report', 'get'>
export type CampaignVerdict = CampaignReport['verdict']

export const CAMPAIGN_TRIGGER_TYPES = [
  'member_joined',
  'birthday',
  'tier_upgraded',
  'inactive',
  'scheduled',
] as const satisfies readonly CampaignTriggerType[]

export const CAMPAIGN_VERDICTS = [
  'effective',
  'no_significant_difference',
  'negative',
  'too_few_members',
] as const satisfies readonly CampaignVerdict[]

/** The job that finds each running campaign's members and rewards them. */
export const CAMPAIGNS_JOB = 'campaigns'

export function listCampaigns(
  api: ApiClient,
  params: { limit?: number; cursor?: string },
  signal?: AbortSignal,
) {
  return unwrap(api.GET('/v1/campaigns', { params: { query: { ...params } }, signal }))
}

export function getCampaign(api: ApiClient, id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/v1/campaigns/{id}', { params: { path: { id } }, signal }))
}

/** Admin keys; the idempotency key makes a repeated submission create one campaign. */
export function createCampaign(api: ApiClient, input: CampaignInput, idempotencyKey: string) {
  return unwrap(
    api.POST('/v1/campaigns', { body: input, headers: { 'Idempotency-Key': idempotencyKey } }),
  )
}

/** Renames, switches off or on, ends, or changes the budget: trigger, reward and holdout stay. */
export function updateCampaign(api: ApiClient, id: string, patch: CampaignPatch) {
  return unwrap(api.PATCH('/v1/campaigns/{id}', { params: { path: { id } }, body: patch }))
}

/** How many members a trigger reaches: now, or over the last or next 30 days (`basis`). */
export function previewCampaignAudience(
  api: ApiClient,
  trigger: CampaignTrigger,
  signal?: AbortSignal,
) {
  return unwrap(api.POST('/v1/campaigns/preview', { body: { trigger }, signal }))
}

/** Rewards, cost, and revenue per treated and holdout member in the `windowDays` after. */
export function getCampaignReport(
  api: ApiClient,
  id: string,
  windowDays: number,
  signal?: AbortSignal,
) {
  return unwrap(
    api.GET('/v1/campaigns/{id}/report', {
      params: { path: { id }, query: { window_days: windowDays } },
      signal,
    }),
  )
}
