import { createTestDb, type TestDatabase } from '@loyalbase/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices, type Services } from '../create-services.js'
import type { ProgramContext } from '../programs/programs.service.js'
import { fixedClock } from '../shared/clock.js'
import { buildOrderContext, memberFactsOf } from './rule-context.js'
import { type EarningRule, evaluateRules, type RuleInput } from './rules.js'

let testDb: TestDatabase
let services: Services
let program: ProgramContext
const clock = fixedClock('2026-05-01T04:00:00Z')

beforeAll(async () => {
  testDb = await createTestDb()
  services = createServices(testDb.database.db, clock)
  program = await newProgram('Rules')
})
afterAll(() => testDb.drop())

async function newProgram(name: string): Promise<ProgramContext> {
  const created = await services.programs.create({ name })
  return services.programs.get(JSON.parse(created.body).id)
}

/** The program as a request that starts now sees it (its current rules version). */
const live = (p: ProgramContext) => services.programs.get(p.id)

async function newMember(p = program): Promise<string> {
  const created = await services.members.create(p, { external_id: `m-${Math.random()}` })
  return JSON.parse(created.body).id
}

async function newRule(fields: Partial<RuleInput> = {}, p = program): Promise<EarningRule> {
  const created = await services.rules.create(p, {
    name: 'Rule',
    trigger: 'order.completed',
    reward: { type: 'per_amount', points: 1, per: 100 },
    ...fields,
  })
  const [rule] = (
    await services.rules.activeRulesFor(await live(p), fields.trigger ?? 'order.completed')
  ).filter((r) => r.id === JSON.parse(created.body).id)
  if (!rule) throw new Error('created rule is not live')
  return rule
}

const reserve = (rule: EarningRule, memberId: string, points: number, at: string) =>
  testDb.database.db
    .transaction()
    .execute((trx) =>
      services.rules.reserveWithinLimits(trx, program, rule, memberId, points, new Date(at)),
    )

describe('rule use cases', () => {
  it('creates, reads, changes, pauses and soft-deletes a rule', async () => {
    const own = await newProgram('CRUD')
    const rule = await newRule({ name: 'First' }, own)
    expect((await services.rules.get(own, rule.id)).name).toBe('First')
    clock.set('2026-05-01T05:00:00Z')
    const changed = await services.rules.update(own, rule.id, { name: 'Second', active: false })
    expect(changed).toMatchObject({
      name: 'Second',
      active: false,
      updated_at: '2026-05-01T05:00:00.000Z',
    })
    expect(await services.rules.activeRulesFor(await live(own), 'order.completed')).toEqual([])
    await services.rules.remove(own, rule.id)
    await expect(services.rules.get(own, rule.id)).rejects.toMatchObject({ code: 'not_found' })
    expect((await services.rules.list(own, {})).data).toEqual([])
    // The row stays, so ledger entries can still name the rule.
    const row = await testDb.database.db
      .selectFrom('earning_rules')
      .select(['id', 'deleted_at'])
      .where('program_id', '=', own.id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ id: rule.id, deleted_at: new Date('2026-05-01T05:00:00Z') })
  })

  it('keeps programs apart', async () => {
    const other = await newProgram('Other')
    const rule = await newRule()
    await expect(services.rules.get(other, rule.id)).rejects.toMatchObject({ code: 'not_found' })
    await expect(services.rules.update(other, rule.id, { name: 'x' })).rejects.toMatchObject({
      code: 'not_found',
    })
    await expect(services.rules.remove(other, rule.id)).rejects.toMatchObject({ code: 'not_found' })
    expect(await services.rules.activeRulesFor(await live(other), 'order.completed')).toEqual([])
  })

  it('moves updated_at on every change, so a cached condition is rebuilt', async () => {
    const own = await newProgram('Cache')
    const rule = await newRule({ condition: { '==': [{ var: 'order.channel' }, 'store'] } }, own)
    const member = await newMember(own)
    const row = await testDb.database.db
      .selectFrom('members')
      .selectAll()
      .where('id', '=', member)
      .executeTakeFirstOrThrow()
    const ctx = buildOrderContext(
      { amount: 500, channel: 'app' },
      memberFactsOf(row),
      clock.now(),
      own.timezone,
    )
    const pay = async () =>
      evaluateRules(
        await services.rules.activeRulesFor(await live(own), 'order.completed'),
        ctx,
        'order.completed',
        clock.now(),
      )
    expect(await pay()).toEqual([])
    // The clock stands still, yet the new version must not reuse the old compiled condition.
    await services.rules.update(own, rule.id, {
      condition: { '==': [{ var: 'order.channel' }, 'app'] },
    })
    expect((await pay()).map((m) => m.points)).toEqual([5])
  })
})

describe('reserveWithinLimits', () => {
  it('counts days and months in the program’s time zone', async () => {
    const rule = await newRule({ limits: { per_member_per_day: 100, per_member_per_month: 250 } })
    const member = await newMember()
    // 23:30 and 00:30 in Shanghai: two different days.
    expect(await reserve(rule, member, 80, '2026-05-01T15:30:00Z')).toBe(80)
    expect(await reserve(rule, member, 80, '2026-05-01T15:45:00Z')).toBe(20)
    expect(await reserve(rule, member, 80, '2026-05-01T16:30:00Z')).toBe(80)
    expect(await reserve(rule, member, 100, '2026-05-03T00:00:00Z')).toBe(70)
    expect(await reserve(rule, member, 100, '2026-06-01T00:00:00Z')).toBe(100)
    const usage = await testDb.database.db
      .selectFrom('earning_rule_usage')
      .select(['period', 'points'])
      .where('rule_id', '=', rule.id)
      .orderBy('period')
      .execute()
    expect(usage).toEqual([
      { period: 'day:2026-05-01', points: 100 },
      { period: 'day:2026-05-02', points: 80 },
      { period: 'day:2026-05-03', points: 70 },
      { period: 'day:2026-06-01', points: 100 },
      { period: 'month:2026-05', points: 250 },
      { period: 'month:2026-06', points: 100 },
    ])
  })

  it('pays in full without limits and records nothing', async () => {
    const rule = await newRule()
    expect(await reserve(rule, await newMember(), 12345, '2026-05-01T00:00:00Z')).toBe(12345)
    const rows = await testDb.database.db
      .selectFrom('earning_rule_usage')
      .selectAll()
      .where('rule_id', '=', rule.id)
      .execute()
    expect(rows).toEqual([])
  })

  it('never overshoots a daily cap under parallel calls for one member', async () => {
    const rule = await newRule({
      trigger: 'member.checked_in',
      limits: { per_member_per_day: 100 },
    })
    const member = await newMember()
    const paid = await Promise.all(
      Array.from({ length: 20 }, () => reserve(rule, member, 30, '2026-05-01T02:00:00Z')),
    )
    expect(paid.reduce((a, b) => a + b, 0)).toBe(100)
    expect(paid.filter((p) => p === 30)).toHaveLength(3)
    expect(paid.filter((p) => p === 10)).toHaveLength(1)
  })

  it('never overshoots a total budget under parallel calls for many members', async () => {
    const rule = await newRule({ limits: { total_budget: 1000, per_member_total: 150 } })
    const members = await Promise.all(Array.from({ length: 12 }, () => newMember()))
    const paid = await Promise.all(
      members.map((m) => reserve(rule, m, 200, '2026-05-01T02:00:00Z')),
    )
    expect(paid.reduce((a, b) => a + b, 0)).toBe(1000)
    expect(Math.max(...paid)).toBe(150)
    expect((await services.rules.get(program, rule.id)).budget_used).toBe(1000)
    expect(await reserve(rule, members[0] as string, 1, '2026-05-02T02:00:00Z')).toBe(0)
  })
})

describe('preview', () => {
  it('counts a stored member’s usage and the rule’s budget, and changes nothing', async () => {
    const rule = await newRule({ limits: { per_member_per_day: 100, total_budget: 500 } })
    const member = await newMember()
    await reserve(rule, member, 70, '2026-05-01T02:00:00Z')
    const order = { amount: 12999, occurred_at: '2026-05-01T03:00:00Z' }
    const result = await services.rules.preview(program, { rule: rule.id, order, member })
    expect(result).toEqual({ matched: true, points: 30, growth: 0, points_before_limits: 129 })
    // Another day leaves the daily cap; a sample member has used nothing.
    const nextDay = { amount: 12999, occurred_at: '2026-05-02T03:00:00Z' }
    expect(
      (await services.rules.preview(program, { rule: rule.id, order: nextDay, member })).points,
    ).toBe(100)
    expect((await services.rules.preview(program, { rule: rule.id, order })).points).toBe(100)
    const again = await services.rules.preview(program, { rule: rule.id, order, member })
    expect(again).toEqual(result)
    expect((await services.rules.get(program, rule.id)).budget_used).toBe(70)
  })
})
