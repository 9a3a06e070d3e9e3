import type { MemberRow } from '@loyalbase/db'
import { createTestDb, type TestDatabase } from '@loyalbase/db/testing'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices, type Services } from '../create-services.js'
import type { ProgramContext } from '../programs/programs.service.js'
import { localDate } from '../shared/calendar.js'
import { fixedClock } from '../shared/clock.js'
import { evaluateSegment, segmentFactsOf, segmentSql } from './segments.js'
import { countSegmentMembers, listSegmentMembers } from './segments.repository.js'

/*
 * The translation held to its oracle on a real database (both engines): random conditions over
 * random members select, in SQL, exactly the members json-logic-engine selects one by one.
 */

const NOW = '2026-05-01T04:00:00Z'
const clock = fixedClock(NOW)
const DEEP = Boolean(process.env.LB_DEEP)

let testDb: TestDatabase
let services: Services
let program: ProgramContext
const members: { row: MemberRow; lastOrderAt: Date | null }[] = []

const TIERS = ['member', 'silver', 'gold', 'Gold']
const STATUSES = ['active', 'blocked']
const KEYS = ['n', 's', 'b', 'tags', 'deep']

const attributeValue = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(0.5, 2.5, -1.25, 1e6),
  fc.constantFrom('', 'a', 'ab', 'b', 'gold', '3', '10', 'Ab'),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(['a', 'b'], [1, 2], [], ['ab', 3, true, null], [[1]]),
  fc.constantFrom({ x: 1 }, { x: 'a' }, {}),
)

const memberArb = fc.record({
  tier: fc.constantFrom(...TIERS),
  status: fc.constantFrom(...STATUSES),
  points: fc.integer({ min: 0, max: 2000 }),
  pending: fc.integer({ min: 0, max: 50 }),
  spend: fc.integer({ min: 0, max: 1_000_000 }),
  orders: fc.integer({ min: 0, max: 20 }),
  growth: fc.integer({ min: 0, max: 500 }),
  // Minutes before now: joined at a local midnight's either side too.
  joinedMinutesAgo: fc.integer({ min: 0, max: 60 * 24 * 400 }),
  birthday: fc.oneof(
    fc.constant(null),
    fc.integer({ min: 1, max: 12 }).map((m) => `1990-${String(m).padStart(2, '0')}-15`),
    fc.integer({ min: 1, max: 12 }).map((m) => `--${String(m).padStart(2, '0')}-01`),
  ),
  attributes: fc.dictionary(fc.constantFrom(...KEYS), attributeValue, { maxKeys: 4 }),
  lastOrderMinutesAgo: fc.option(fc.integer({ min: 0, max: 60 * 24 * 120 }), { nil: null }),
})

const NUMBER_FIELDS = [
  'points',
  'pending_points',
  'lifetime_spend',
  'orders_count',
  'growth',
  'days_since_joined',
]
const NULLABLE_FIELDS = ['days_since_last_order', 'birthday_month']
const ATTRIBUTES = [...KEYS.map((k) => `attributes.${k}`), 'attributes.deep.x', 'attributes.tags.0']

const v = (name: string) => ({ var: name })
const anyNumber = fc.oneof(
  fc.integer({ min: -2, max: 1000 }),
  fc.constantFrom(0, 1, 3, 12, 30, 500, 1500, 500_000, 0.5, 2.5),
)
const anyScalar = fc.oneof(anyNumber, fc.constantFrom('', 'a', 'ab', 'gold', '3'), fc.boolean())
const EQ = ['==', '===', '!=', '!==']
const ORD = ['<', '<=', '>', '>=']

/** A comparison of one field with a literal of a type the field takes, either way round. */
const comparison: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...EQ, ...ORD),
      fc.constantFrom(...NUMBER_FIELDS),
      anyNumber,
      fc.boolean(),
    )
    .map(([op, f, n, flip]) => ({ [op]: flip ? [n, v(f)] : [v(f), n] })),
  fc
    .tuple(
      fc.constantFrom(...EQ, ...ORD),
      fc.constantFrom(...NULLABLE_FIELDS),
      fc.oneof(anyNumber, fc.constantFrom(1, 5, 12)),
    )
    .map(([op, f, n]) => ({ [op]: [v(f), n] })),
  fc
    .tuple(fc.constantFrom(...EQ), fc.constantFrom(...NULLABLE_FIELDS))
    .map(([op, f]) => ({ [op]: [v(f), null] })),
  fc
    .tuple(
      fc.constantFrom(...EQ, ...ORD),
      fc.constantFrom('tier', 'status'),
      fc.constantFrom(...TIERS, ...STATUSES, 'h'),
    )
    .map(([op, f, s]) => ({ [op]: [v(f), s] })),
  fc
    .tuple(
      fc.constantFrom(...EQ),
      fc.constantFrom(...ATTRIBUTES),
      fc.oneof(anyScalar, fc.constant(null)),
    )
    .map(([op, f, x]) => ({ [op]: [v(f), x] })),
  fc
    .tuple(
      fc.constantFrom(...ORD),
      fc.constantFrom(...ATTRIBUTES),
      fc.oneof(anyNumber, fc.constantFrom('', 'a', 'ab', 'b', '3')),
    )
    .map(([op, f, x]) => ({ [op]: [v(f), x] })),
  fc
    .tuple(
      fc.constantFrom('<', '<='),
      fc.constantFrom(...NUMBER_FIELDS, ...NULLABLE_FIELDS, 'attributes.n'),
      anyNumber,
      anyNumber,
    )
    .map(([op, f, low, high]) => ({ [op]: [low, v(f), high] })),
  fc
    .tuple(fc.constantFrom('tier', 'status'), fc.subarray([...TIERS, ...STATUSES]))
    .map(([f, list]) => ({ in: [v(f), list] })),
  fc
    .tuple(
      fc.constantFrom(...ATTRIBUTES),
      fc.array(fc.oneof(anyScalar, fc.constant(null)), { maxLength: 3 }),
    )
    .map(([f, list]) => ({ in: [v(f), list] })),
  fc
    .tuple(
      fc.constantFrom(...NULLABLE_FIELDS),
      fc.array(fc.oneof(anyNumber, fc.constant(null)), { maxLength: 3 }),
    )
    .map(([f, list]) => ({ in: [v(f), list] })),
  fc
    .tuple(fc.constantFrom('', 'o', 'ol', 'G', 'a'), fc.constantFrom('tier', 'status'))
    .map(([s, f]) => ({ in: [s, v(f)] })),
  fc
    .tuple(
      fc.oneof(fc.constantFrom('', 'a', 'b', 'ab'), fc.constantFrom(1, 3, true)),
      fc.constantFrom(...ATTRIBUTES),
    )
    .map(([s, f]) => ({ in: [s, v(f)] })),
)

const condition: fc.Arbitrary<Record<string, unknown>> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    comparison,
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((items) => ({ and: items })),
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((items) => ({ or: items })),
    tie('node').map((item) => ({ '!': [item] })),
    tie('node').map((item) => ({ '!': item })),
  ),
})).node as fc.Arbitrary<Record<string, unknown>>

beforeAll(async () => {
  testDb = await createTestDb()
  services = createServices(testDb.database.db, clock)
  const created = await services.programs.create({ name: 'Segments' })
  program = await services.programs.get(JSON.parse(created.body).id)
  const db = testDb.database.db
  const now = clock.now().getTime()
  const samples = fc.sample(memberArb, { numRuns: DEEP ? 400 : 120, seed: 42 })
  for (const [i, m] of samples.entries()) {
    const id = `mem_${String(i).padStart(26, '0')}`
    const row = await db
      .insertInto('members')
      .values({
        program_id: program.id,
        id,
        external_id: `x${i}`,
        referral_code: `R${i}`,
        tier_key: m.tier,
        tier_since: new Date(now),
        status: m.status,
        joined_at: new Date(now - m.joinedMinutesAgo * 60_000),
        birthday: m.birthday,
        attributes: JSON.stringify(m.attributes),
        points_available: m.points,
        points_pending: m.pending,
        lifetime_spend: m.spend,
        orders_count: m.orders,
        growth: m.growth,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    let lastOrderAt: Date | null = null
    if (m.lastOrderMinutesAgo !== null) {
      lastOrderAt = new Date(now - m.lastOrderMinutesAgo * 60_000)
      // An older order too: the newest one counts.
      for (const [n, at] of [
        lastOrderAt,
        new Date(lastOrderAt.getTime() - 86_400_000 * 9),
      ].entries()) {
        await db
          .insertInto('orders')
          .values({
            program_id: program.id,
            id: `o-${i}-${n}`,
            member_id: id,
            amount: 100,
            occurred_at: at,
            fingerprint: 'f',
          })
          .execute()
      }
    }
    members.push({ row, lastOrderAt })
  }
}, 120_000)
afterAll(() => testDb.drop())

async function selectedBySql(logic: unknown): Promise<string[]> {
  const matches = segmentSql(logic, {
    today: localDate(clock.now(), program.timezone),
    timeZone: program.timezone,
  })
  const rows = await listSegmentMembers(testDb.database.db, program.id, matches, { limit: 10_000 })
  const count = await countSegmentMembers(testDb.database.db, program.id, matches)
  expect(count).toBe(rows.length)
  return rows.map((row) => row.id)
}

function selectedByJs(logic: unknown): string[] {
  return members
    .filter(({ row, lastOrderAt }) =>
      evaluateSegment(logic, segmentFactsOf(row, lastOrderAt, clock.now(), program.timezone)),
    )
    .map(({ row }) => row.id)
    .sort()
}

describe('segment SQL against the JavaScript evaluation', () => {
  it('selects exactly the members json-logic-engine selects, for random conditions', async () => {
    await fc.assert(
      fc.asyncProperty(condition, async (logic) => {
        expect(await selectedBySql(logic)).toEqual(selectedByJs(logic))
      }),
      { numRuns: DEEP ? 1000 : 200, seed: 7 },
    )
  }, 300_000)

  it('reaches every kind of member: each field splits them', async () => {
    for (const logic of [
      { '==': [{ var: 'days_since_last_order' }, null] },
      { '<': [{ var: 'days_since_last_order' }, 30] },
      { '==': [{ var: 'birthday_month' }, null] },
      { '>': [{ var: 'attributes.n' }, 0] },
      { in: ['a', { var: 'attributes.tags' }] },
      { '==': [{ var: 'attributes.b' }, true] },
    ]) {
      const selected = await selectedBySql(logic)
      expect(selected).toEqual(selectedByJs(logic))
      expect(selected.length).toBeGreaterThan(0)
      expect(selected.length).toBeLessThan(members.length)
    }
  })
})
