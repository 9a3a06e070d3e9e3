import type { ApiClient } from './client'

export interface AnalyticsOverview {
  members: { total: number; new: number; active: number }
  tiers: { key: string; count: number }[]
  points: {
    issued: number
    redeemed: number
    expired: number
    outstanding: number
    redemption_rate: number
    breakage_rate: number
  }
  orders: {
    count: number
    revenue: number
    average_by_tier: Record<string, number>
    repeat_rate: number
  }
}

export function getAnalyticsOverview(
  api: ApiClient,
  range: { from?: string; to?: string } = {},
  signal?: AbortSignal,
) {
  return api<AnalyticsOverview>('/v1/analytics/overview', { query: range, signal })
}
