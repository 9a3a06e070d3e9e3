import type { ApiClient } from './client'
import type { Page } from './members'

export type RuleReward =
  | { type: 'per_amount'; points: number; per: number }
  | { type: 'fixed'; points: number }

export interface RuleLimits {
  per_member_per_day?: number
  per_member_per_month?: number
  per_member_total?: number
  total_budget?: number
}

/** What a client may send to create a rule (also the draft a preview evaluates). */
export interface EarningRuleInput {
  name: string
  /** `order.completed` or an event type. */
  trigger: string
  /** JsonLogic over `{ order | event, member }`; null: always. */
  condition?: Record<string, unknown> | null
  reward: RuleReward
  growth?: RuleReward | null
  tier_multipliers?: Record<string, number>
  limits?: RuleLimits
  starts_at?: string | null
  ends_at?: string | null
  active?: boolean
}

export interface EarningRule extends Required<Omit<EarningRuleInput, 'growth'>> {
  id: string
  growth: RuleReward | null
  condition: Record<string, unknown> | null
  /** Points paid so far (what `limits.total_budget` is measured against). */
  budget_used: number
  created_at: string
  updated_at: string
}

export interface SampleOrder {
  amount: number
  channel?: string
  occurred_at?: string
  items?: { sku: string; category?: string; quantity: number; unit_price: number }[]
}

export interface SampleEvent {
  type?: string
  properties?: Record<string, unknown>
}

export interface RulePreviewRequest {
  /** A saved rule's id, or a draft. */
  rule: string | (Omit<EarningRuleInput, 'name'> & { name?: string })
  order?: SampleOrder
  event?: SampleEvent
  /** A member's id or external id. */
  member?: string
}

export interface RulePreview {
  /** The rule is live and its condition holds. */
  matched: boolean
  /** Points it would pay, limits included. */
  points: number
  growth: number
  points_before_limits: number
}

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

const rulePath = (id: string) => `/v1/earning-rules/${encodeURIComponent(id)}`

export function listEarningRules(
  api: ApiClient,
  params: { limit?: number; cursor?: string; trigger?: string },
  signal?: AbortSignal,
) {
  return api<Page<EarningRule>>('/v1/earning-rules', { query: { ...params }, signal })
}

export function getEarningRule(api: ApiClient, id: string, signal?: AbortSignal) {
  return api<EarningRule>(rulePath(id), { signal })
}

export function createEarningRule(api: ApiClient, rule: EarningRuleInput) {
  return api<EarningRule>('/v1/earning-rules', { method: 'POST', body: rule })
}

/** Fields given replace the stored ones whole; null clears. */
export function updateEarningRule(api: ApiClient, id: string, patch: Partial<EarningRuleInput>) {
  return api<EarningRule>(rulePath(id), { method: 'PATCH', body: patch })
}

export function deleteEarningRule(api: ApiClient, id: string) {
  return api<void>(rulePath(id), { method: 'DELETE' })
}

/** What an order or event would earn by a rule (saved or draft), limits included. */
export function previewEarningRule(api: ApiClient, request: RulePreviewRequest) {
  return api<RulePreview>('/v1/earning-rules/preview', { method: 'POST', body: request })
}
