import type { ApiClient } from './client'

export type TierMetric = 'spend' | 'points_earned' | 'growth' | 'orders'

export type TierWindow =
  | { type: 'lifetime' }
  | { type: 'rolling'; months: number }
  | { type: 'calendar_year' }

export type TierDowngrade =
  | { type: 'never' }
  | { type: 'period_end'; grace_days?: number; steps?: number }

export interface Tier {
  key: string
  name: string
  threshold: number
}

export interface TierLadder {
  metric: TierMetric
  window: TierWindow
  downgrade: TierDowngrade
  tiers: Tier[]
}

export function getTierLadder(api: ApiClient, signal?: AbortSignal) {
  return api<TierLadder>('/v1/tiers', { signal })
}
