import type { BenefitType } from '@loyalbase/db'
import { expect } from 'vitest'
import type { TestProgram } from './factories.js'
import type { TestApp } from './test-app.js'

/*
 * Early access and dedicated advisors (advisors.test.ts, releases.test.ts): a benefit attached
 * to tiers through `POST /v1/benefits`, which brings the advisors in line in its transaction.
 */

let benefits = 0

export async function insertBenefit(
  t: TestApp,
  program: TestProgram,
  body: { type: BenefitType; tiers: string[]; key?: string; active?: boolean },
): Promise<string> {
  benefits++
  const key = body.key ?? `${body.type.replaceAll('_', '-')}-${benefits}`
  const res = await t.call('POST', '/v1/benefits', {
    key: program.keys.admin,
    body: { key, name: key, type: body.type, tiers: body.tiers, active: body.active ?? true },
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json<{ id: string }>().id
}

/** A ladder by spend: `member` from 0, `gold` from ¥100, `black` from ¥1,000. */
export async function goldLadder(t: TestApp, program: TestProgram) {
  const res = await t.call('PUT', '/v1/tiers', {
    key: program.keys.admin,
    body: {
      metric: 'spend',
      window: { type: 'lifetime' },
      downgrade: { type: 'never' },
      tiers: [
        { key: 'member', name: '会员', threshold: 0 },
        { key: 'gold', name: '金卡', threshold: 10_000 },
        { key: 'black', name: '黑卡', threshold: 100_000 },
      ],
    },
  })
  expect(res.statusCode, res.body).toBe(200)
  await t.services.jobs.settle()
}
