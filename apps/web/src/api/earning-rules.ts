import { type ApiClient, unwrap } from './client'
import type { ApiBody, ApiQuery, ApiResponse, Schemas } from './schema'

export type EarningRule = Schemas['EarningRule']
export type RuleReward = EarningRule['reward']
export type RuleLimits = EarningRule['limits']

/** What a client may send to create a rule (also the draft a preview evaluates). */
export type EarningRuleInput = ApiBody<'/v1/earning-rules', 'post'>

/** Fields given replace the stored ones whole; null clears. */
export type EarningRulePatch = ApiBody<'/v1/earning-rules/{id}', 'patch'>

/** A saved rule's id or a draft, against a sample order or event (and optionally a member). */
export type RulePreviewRequest = ApiBody<'/v1/earning-rules/preview', 'post'>
export type SampleOrder = NonNullable<RulePreviewRequest['order']>
export type SampleEvent = NonNullable<RulePreviewRequest['event']>

/** Whether the rule matched, and the points and growth it would pay (limits included). */
export type RulePreview = ApiResponse<'/v1/earning-rules/preview', 'post'>

export const BUILT_IN_EVENT_TYPES = [
  'review.posted',
  'content.shared',
  'member.checked_in',
  'profile.completed',
  'referral.converted',
] as const

export const ORDER_TRIGGER = 'order.completed'

/** The shape every trigger (custom event types included) must have. */
export const TRIGGER_PATTERN = /^[a-z][a-z0-9_.]*$/

export function listEarningRules(
  api: ApiClient,
  params: ApiQuery<'/v1/earning-rules', 'get'>,
  signal?: AbortSignal,
) {
  return unwrap(api.GET('/v1/earning-rules', { params: { query: { ...params } }, signal }))
}

export function getEarningRule(api: ApiClient, id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/v1/earning-rules/{id}', { params: { path: { id } }, signal }))
}

export function createEarningRule(api: ApiClient, rule: EarningRuleInput) {
  return unwrap(api.POST('/v1/earning-rules', { body: rule }))
}

export function updateEarningRule(api: ApiClient, id: string, patch: EarningRulePatch) {
  return unwrap(api.PATCH('/v1/earning-rules/{id}', { params: { path: { id } }, body: patch }))
}

export async function deleteEarningRule(api: ApiClient, id: string): Promise<void> {
  await unwrap(api.DELETE('/v1/earning-rules/{id}', { params: { path: { id } } }))
}

/** What an order or event would earn by a rule (saved or draft), limits included. */
export function previewEarningRule(api: ApiClient, request: RulePreviewRequest) {
  return unwrap(api.POST('/v1/earning-rules/preview', { body: request }))
}
