import { fixedClock } from '@loyalbase/core'
import { afterAll, beforeAll, expect } from 'vitest'
import { createMember, createProgram, type TestProgram } from './factories.js'
import { createTestApp, type TestApp } from './test-app.js'

/*
 * The rewards tests' program and helpers (rewards*.test.ts): an app on a clock fixed at 10:00
 * in Shanghai, one program with a three-tier ladder, and calls that create rewards, give members
 * points and redeem. `rewardsProgram()` registers the set-up and tear-down of the calling file.
 */

export const REWARDS_START = '2026-03-01T02:00:00Z'
export const rewardsClock = fixedClock(REWARDS_START)

export const REWARD_LADDER = {
  metric: 'spend',
  window: { type: 'lifetime' },
  downgrade: { type: 'never' },
  tiers: [
    { key: 'normal', name: '普通会员', threshold: 0 },
    { key: 'silver', name: '银卡', threshold: 100_000 },
    { key: 'gold', name: '金卡', threshold: 500_000 },
  ],
}

const on = {} as { t: TestApp; p: TestProgram }

export function rewardsProgram() {
  beforeAll(async () => {
    on.t = await createTestApp({ clock: rewardsClock })
    on.p = await createProgram(on.t, { name: 'Rewards' })
    const ladder = await on.t.call('PUT', '/v1/tiers', {
      key: on.p.keys.admin,
      body: REWARD_LADDER,
    })
    expect(ladder.statusCode, ladder.body).toBe(200)
    await on.t.services.jobs.settle()
  })
  afterAll(() => on.t.close())
  return on
}

export interface Reward {
  id: string
  name: string
  type: string
  points_cost: number
  cash_cost: number
  stock: number | null
  stock_remaining: number | null
  redeemed: number
  tiers: string[]
  per_member_limit: number | null
  coupon_template: string | null
  active: boolean
  eligibility?: { status: string; [field: string]: unknown }
  [field: string]: unknown
}

export interface Redemption {
  id: string
  reward: string
  member: string
  quantity: number
  status: string
  points_spent: number
  cash_cost: number
  transaction: string
  coupon: { id: string; code: string } | null
  coupons: { id: string; code: string }[]
  [field: string]: unknown
}

export async function createReward(
  body: Record<string, unknown> = {},
  program: TestProgram = on.p,
): Promise<Reward> {
  const res = await on.t.call('POST', '/v1/rewards', {
    key: program.keys.admin,
    body: { name: '保温杯', type: 'product', points_cost: 100, ...body },
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

export async function getReward(id: string, program: TestProgram = on.p): Promise<Reward> {
  const res = await on.t.call('GET', `/v1/rewards/${id}`, { key: program.keys.readonly })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

/** A member of the program with `points` available (an adjustment), in `tier` if given. */
export async function memberWith(
  points: number,
  tier?: string,
  program: TestProgram = on.p,
): Promise<{ id: string; external_id: string }> {
  const member = await createMember(on.t, program.keys.admin)
  if (points > 0) {
    const res = await on.t.call('POST', `/v1/members/${member.id}/points/adjustments`, {
      key: program.keys.admin,
      body: { points, reason: 'rewards test' },
    })
    expect(res.statusCode, res.body).toBe(201)
  }
  if (tier) {
    const res = await on.t.call('PUT', `/v1/members/${member.id}/tier`, {
      key: program.keys.admin,
      body: { tier, reason: 'rewards test' },
    })
    expect(res.statusCode, res.body).toBe(200)
  }
  return member
}

export function redeem(
  member: string,
  body: Record<string, unknown>,
  options: { key?: string; headers?: Record<string, string> } = {},
) {
  return on.t.call('POST', `/v1/members/${encodeURIComponent(member)}/reward-redemptions`, {
    key: options.key ?? on.p.keys.server,
    body,
    ...(options.headers ? { headers: options.headers } : {}),
  })
}

export async function redeemed(member: string, body: Record<string, unknown>): Promise<Redemption> {
  const res = await redeem(member, body)
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

export async function availablePoints(
  member: string,
  program: TestProgram = on.p,
): Promise<number> {
  const res = await on.t.call('GET', `/v1/members/${member}/points`, { key: program.keys.readonly })
  return res.json().available
}

export function closeRedemption(id: string, action: 'fulfill' | 'cancel', body?: unknown) {
  return on.t.call('POST', `/v1/reward-redemptions/${id}/${action}`, {
    key: on.p.keys.server,
    ...(body !== undefined ? { body } : {}),
  })
}
