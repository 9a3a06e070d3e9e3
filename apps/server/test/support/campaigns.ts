import { fixedClock } from '@loyalbase/core'
import { afterAll, beforeAll, expect } from 'vitest'
import { createProgram, type TestProgram } from './factories.js'
import { createTestApp, type TestApp } from './test-app.js'

/*
 * The campaign tests' app and helpers (campaigns.test.ts, campaign-rewards.test.ts): an app on a
 * clock fixed at noon in Shanghai, programs made per test, and calls that create campaigns, run
 * the `campaigns` job and read reports. `campaignsApp()` registers the set-up and tear-down of
 * the calling test file; the helpers act on that file's app.
 */

export const campaignClock = fixedClock('2027-01-10T04:00:00Z')

const on = {} as { t: TestApp }

export function campaignsApp() {
  beforeAll(async () => {
    on.t = await createTestApp({ clock: campaignClock })
  })
  afterAll(() => on.t.close())
  return on
}

export async function program(name: string): Promise<TestProgram> {
  return createProgram(on.t, { name, timezone: 'Asia/Shanghai' })
}

export const campaign = (p: TestProgram, body: Record<string, unknown>, key = p.keys.admin) =>
  on.t.call('POST', '/v1/campaigns', { key, body })

export async function created(p: TestProgram, body: Record<string, unknown>) {
  const res = await campaign(p, body)
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string } & Record<string, unknown>
}

export async function runJob(p: TestProgram, asOf?: string) {
  const res = await on.t.call('POST', '/v1/jobs/campaigns/run', {
    key: p.keys.admin,
    body: asOf ? { as_of: asOf } : {},
  })
  expect(res.statusCode, res.body).toBe(200)
  return res.json().processed as number
}

export const pointsOf = async (p: TestProgram, member: string) =>
  (await on.t.call('GET', `/v1/members/${member}/points`, { key: p.keys.readonly })).json()
    .available as number

export const report = async (p: TestProgram, id: string, query = '') => {
  const res = await on.t.call('GET', `/v1/campaigns/${id}/report${query}`, { key: p.keys.readonly })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

export async function template(p: TestProgram, body: Record<string, unknown> = {}) {
  const res = await on.t.call('POST', '/v1/coupon-templates', {
    key: p.keys.admin,
    body: {
      name: 'Welcome ¥10',
      discount: { type: 'amount', amount_off: 1_000 },
      validity: { days: 30 },
      ...body,
    },
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string }
}
