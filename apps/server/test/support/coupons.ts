import { fixedClock } from '@loyalbase/core'
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, expect } from 'vitest'
import { createProgram, type TestProgram } from './factories.js'
import { createTestApp, type TestApp } from './test-app.js'

/*
 * The coupon tests' program and helpers (coupons.test.ts, coupon-codes.test.ts): an app on a
 * clock fixed at 10:00 in Shanghai, one program, and calls that create templates, issue coupons
 * and make bulk codes. `couponsProgram()` registers the set-up and tear-down of the calling test
 * file; the helpers act on that file's app and program.
 */

// 10:00 in Shanghai, the programs' default time zone.
export const START = '2026-03-01T02:00:00Z'
export const clock = fixedClock(START)
export const DEEP = Boolean(process.env.LB_DEEP)
export const CODE = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/

const on = {} as { t: TestApp; p: TestProgram }

export function couponsProgram() {
  beforeAll(async () => {
    on.t = await createTestApp({ clock })
    on.p = await createProgram(on.t, { name: 'Coupons' })
  })
  afterAll(() => on.t.close())
  return on
}

export interface Template {
  id: string
  issued: number
  total_limit: number | null
  active: boolean
  [field: string]: unknown
}
export interface Coupon {
  id: string
  code: string
  template: string
  member: string | null
  status: string
  starts_at: string | null
  expires_at: string | null
  issued_at: string | null
}

export const tenOff = { type: 'amount', amount_off: 1_000 }

export async function createTemplate(
  body: Record<string, unknown> = {},
  program: TestProgram = on.p,
): Promise<Template> {
  const res = await on.t.call('POST', '/v1/coupon-templates', {
    key: program.keys.admin,
    body: { name: '¥10 off', discount: tenOff, validity: { days: 30 }, ...body },
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

export function issue(
  member: string,
  body: Record<string, unknown>,
  options: { key?: string; headers?: Record<string, string> } = {},
) {
  return on.t.call('POST', `/v1/members/${encodeURIComponent(member)}/coupons`, {
    key: options.key ?? on.p.keys.server,
    body,
    ...(options.headers ? { headers: options.headers } : {}),
  })
}

export async function issued(member: string, body: Record<string, unknown>): Promise<Coupon> {
  const res = await issue(member, body)
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

export async function getTemplate(id: string, program: TestProgram = on.p): Promise<Template> {
  return (
    await on.t.call('GET', `/v1/coupon-templates/${id}`, { key: program.keys.readonly })
  ).json()
}

export function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status)
  expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8')
  expect(res.json().code).toBe(code)
  return res.json()
}

export async function expectInvalid(body: Record<string, unknown>, paths: string[]) {
  const res = await on.t.call('POST', '/v1/coupon-templates', {
    key: on.p.keys.admin,
    body: { name: 'Bad', discount: tenOff, validity: { days: 30 }, ...body },
  })
  const problem = expectProblem(res, 400, 'invalid_request')
  expect(problem.errors.map((e: { path: string }) => e.path).sort()).toEqual([...paths].sort())
}

/** Bulk codes made by a job run: waits for it and answers the run. */
export async function generate(template: string, count: number, program: TestProgram = on.p) {
  const res = await on.t.call('POST', `/v1/coupon-templates/${template}/codes`, {
    key: program.keys.admin,
    body: { count },
  })
  expect(res.statusCode, res.body).toBe(202)
  await on.t.services.jobs.settle()
  const run = await on.t.call('GET', `/v1/job-runs/${res.json().run_id}`, {
    key: program.keys.admin,
  })
  return { started: res.json(), run: run.json() }
}

export async function allCodes(template: string, query = ''): Promise<Coupon[]> {
  const out: Coupon[] = []
  let cursor: string | null = null
  do {
    const url: string = `/v1/coupon-templates/${template}/codes?limit=100${query}${
      cursor ? `&cursor=${cursor}` : ''
    }`
    const page = (await on.t.call('GET', url, { key: on.p.keys.admin })).json()
    out.push(...page.data)
    cursor = page.next_cursor
  } while (cursor)
  return out
}
