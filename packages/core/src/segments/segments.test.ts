import type { DB } from '@loyalbase/db'
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from 'kysely'
import { describe, expect, it } from 'vitest'
import { AppError } from '../shared/app-error.js'
import { evaluateSegment, type SegmentFacts, segmentSql } from './segments.js'

// Compiles without a database: the SQL text and its parameters.
const db = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
})
const context = { today: '2026-05-01', timeZone: 'Asia/Shanghai' }
const compile = (logic: unknown) => segmentSql(logic, context).compile(db)

function problems(logic: unknown): { path: string; message: string }[] {
  try {
    segmentSql(logic, context)
  } catch (error) {
    if (error instanceof AppError && error.code === 'invalid_request') return error.errors ?? []
    throw error
  }
  throw new Error('expected invalid_request')
}

const facts: SegmentFacts = {
  unused_benefits: ['free-ship'],
  tier: 'gold',
  status: 'active',
  points: 1200,
  pending_points: 0,
  lifetime_spend: 250_000,
  orders_count: 7,
  growth: 300,
  days_since_joined: 400,
  days_since_last_order: null,
  birthday_month: 5,
  attributes: { city: 'Shanghai', visits: 12, vip: true, tags: ['coffee', 3] },
}

describe('segment conditions to SQL', () => {
  it('binds every value as a parameter and reads columns of members m', () => {
    const query = compile({
      and: [
        { '==': [{ var: 'tier' }, "gold'; DROP TABLE members; --"] },
        { '>=': [{ var: 'lifetime_spend' }, 100000] },
        { in: ['cof', { var: 'attributes.tags' }] },
      ],
    })
    expect(query.sql).toBe(
      '((coalesce("m"."tier_key" IN ($1::text), false)) AND coalesce("m"."lifetime_spend" >= $2::numeric, false) AND ' +
        "(CASE WHEN jsonb_typeof((m.attributes #> ARRAY[$3::text])) = 'string' THEN strpos((m.attributes #> ARRAY[$4::text]) #>> '{}', $5::text) > 0 " +
        "WHEN jsonb_typeof((m.attributes #> ARRAY[$6::text])) = 'array' THEN EXISTS (SELECT 1 FROM jsonb_array_elements((m.attributes #> ARRAY[$7::text])) AS e WHERE e.value = $8::jsonb) ELSE false END))",
    )
    expect(query.parameters).toEqual([
      "gold'; DROP TABLE members; --",
      '100000',
      'tags',
      'tags',
      'cof',
      'tags',
      'tags',
      '"cof"',
    ])
  })

  it('compares attributes by their JSON type: a number as a number, guarded', () => {
    const query = compile({ '<': [{ var: 'attributes.visits' }, 20] })
    expect(query.sql).toBe(
      "(CASE WHEN jsonb_typeof((m.attributes #> ARRAY[$1::text])) = 'number' THEN ((m.attributes #> ARRAY[$2::text]) #>> '{}')::numeric < $3::numeric ELSE false END)",
    )
  })

  it('flips a literal-first comparison and splits between into two', () => {
    expect(compile({ '>': [100, { var: 'points' }] }).sql).toBe(
      'coalesce("m"."points_available" < $1::numeric, false)',
    )
    expect(compile({ '<=': [1, { var: 'birthday_month' }, 3] }).sql).toBe(
      '(coalesce((left(right(m.birthday, 5), 2)::int) >= $1::numeric, false) AND coalesce((left(right(m.birthday, 5), 2)::int) <= $2::numeric, false))',
    )
  })

  it('reads the last order by a correlated probe, in the program’s time zone', () => {
    const query = compile({ '>': [{ var: 'days_since_last_order' }, 30] })
    expect(query.sql).toContain(
      '(SELECT max(o.occurred_at) FROM orders o WHERE o.program_id = m.program_id AND o.member_id = m.id) AT TIME ZONE $2::text',
    )
    expect(query.parameters).toEqual(['2026-05-01', 'Asia/Shanghai', '30'])
  })

  it('is never NULL: ! of a comparison with a missing value is true', () => {
    expect(compile({ '!': { '==': [{ var: 'birthday_month' }, 5] } }).sql).toBe(
      '(NOT (coalesce((left(right(m.birthday, 5), 2)::int) IN ($1::numeric), false)))',
    )
    expect(compile({ in: [{ var: 'tier' }, []] }).sql).toBe('false')
  })
})

describe('segment condition errors', () => {
  it('names the path of each problem, as the earning rules do', () => {
    expect(
      problems({
        and: [
          { '==': [{ var: 'favourite_colour' }, 'red'] },
          { '>': [{ var: 'points' }, 'many'] },
          { if: [true, true, false] },
          { '<': [{ var: 'tier' }, { var: 'status' }] },
        ],
      }),
    ).toEqual([
      {
        path: 'condition.and[0].==[0].var',
        message:
          'unknown field "favourite_colour"; segments read tier, status, points, pending_points, lifetime_spend, orders_count, growth, days_since_joined, days_since_last_order, birthday_month, unused_benefits, attributes.<key>',
      },
      { path: 'condition.and[1].>[1]', message: 'points is a number: compare it with a number' },
      {
        path: 'condition.and[2].if',
        message:
          'segments do not support "if"; they use and, or, !, ==, !=, ===, !==, >, >=, <, <=, in',
      },
      {
        path: 'condition.and[3].<',
        message: 'compares one field ({"var": "…"}) with one literal value',
      },
    ])
  })

  it('keeps the earning rules’ own checks: unknown operators, depth, size', () => {
    expect(problems({ or: [{ nope: [1] }] })).toEqual([
      { path: 'condition.or[0].nope', message: 'unknown operator "nope"' },
    ])
    let deep: unknown = { '==': [{ var: 'points' }, 1] }
    for (let i = 0; i < 40; i++) deep = { '!': [deep] }
    expect(problems(deep)[0]?.message).toBe('nests more than 32 levels deep')
    expect(problems({ in: [{ var: 'tier' }, Array(5000).fill('gold-tier')] })).toEqual([
      { path: 'condition', message: expect.stringMatching(/^must be at most 16 KB as JSON/) },
    ])
  })

  it('looks inside unused_benefits, and only looks inside it', () => {
    expect(evaluateSegment({ in: ['free-ship', { var: 'unused_benefits' }] }, facts)).toBe(true)
    expect(evaluateSegment({ in: ['spa', { var: 'unused_benefits' }] }, facts)).toBe(false)
    expect(
      problems({ '==': [{ var: 'unused_benefits' }, 'free-ship'] }).map((p) => p.path),
    ).toEqual(['condition.==[1]'])
    expect(problems({ in: [3, { var: 'unused_benefits' }] }).map((p) => p.path)).toEqual([
      'condition.in[0]',
    ])
  })

  it('says rfm_segment arrives with analytics', () => {
    expect(problems({ '==': [{ var: 'rfm_segment' }, 'champions'] })).toEqual([
      {
        path: 'condition.==[0].var',
        message: 'rfm_segment arrives with analytics (RFM scoring); segments cannot use it yet',
      },
    ])
  })

  it('refuses wrong arity, bare values, defaults and orderings of booleans', () => {
    expect(problems({ '==': [{ var: 'points' }] })).toEqual([
      { path: 'condition.==', message: '"==" takes 2 arguments' },
    ])
    expect(problems({ '>': [1, { var: 'points' }, 3] })).toEqual([
      { path: 'condition.>', message: '">" takes 2 arguments' },
    ])
    expect(problems({ and: [{ var: 'points' }] })).toEqual([
      {
        path: 'condition.and[0].var',
        message:
          'segments do not support "var"; they use and, or, !, ==, !=, ===, !==, >, >=, <, <=, in',
      },
    ])
    expect(problems({ and: [5] })).toEqual([
      {
        path: 'condition.and[0]',
        message: 'must be a condition: a comparison, "in", or "and" / "or" / "!" of conditions',
      },
    ])
    expect(problems({ '==': [{ var: ['points', 0] }, 1] })).toEqual([
      { path: 'condition.==[0].var', message: 'names one field as a string, with no default' },
    ])
    expect(problems({ '<': [{ var: 'attributes.vip' }, true] })).toEqual([
      { path: 'condition.<[1]', message: 'an ordering compares with a number or a string' },
    ])
    expect(problems({ in: [3, { var: 'points' }] })).toEqual([
      { path: 'condition.in[1]', message: '"in" looks inside a string or a list, not a number' },
    ])
    expect(problems({ '==': [{ var: 'attributes' }, 1] })[0]?.message).toMatch(
      /\(compare one key of attributes\)$/,
    )
    expect(problems({ '==': [{ var: 'attributes.a..b' }, 1] })).toEqual([
      {
        path: 'condition.==[0].var',
        message: '"attributes.a..b": each step after "attributes." is a key or an index',
      },
    ])
  })
})

describe('segment conditions in JavaScript', () => {
  it('compares strictly: missing and mistyped values are never ordered, missing equals null', () => {
    const is = (logic: unknown) => evaluateSegment(logic, facts)
    expect(is({ '<': [{ var: 'days_since_last_order' }, 30] })).toBe(false)
    expect(is({ '>': [{ var: 'days_since_last_order' }, 30] })).toBe(false)
    expect(is({ '==': [{ var: 'days_since_last_order' }, null] })).toBe(true)
    expect(is({ '==': [{ var: 'attributes.missing' }, null] })).toBe(true)
    expect(is({ '!=': [{ var: 'attributes.missing' }, 3] })).toBe(true)
    expect(is({ '==': [{ var: 'attributes.visits' }, '12'] })).toBe(false)
    expect(is({ '<': [{ var: 'attributes.city' }, 5] })).toBe(false)
    expect(is({ '<': [{ var: 'attributes.city' }, 'T'] })).toBe(true)
    expect(is({ in: ['ang', { var: 'attributes.city' }] })).toBe(true)
    expect(is({ in: [3, { var: 'attributes.tags' }] })).toBe(true)
    expect(is({ in: ['3', { var: 'attributes.tags' }] })).toBe(false)
    expect(is({ '==': [{ var: 'attributes.city.0' }, 'S'] })).toBe(false)
    expect(is({ '==': [{ var: 'attributes.tags.0' }, 'coffee'] })).toBe(true)
    expect(is({ '<': [4, { var: 'birthday_month' }, 6] })).toBe(true)
    expect(
      is({
        and: [
          { in: [{ var: 'tier' }, ['gold', 'platinum']] },
          { '!': { '==': [{ var: 'attributes.vip' }, false] } },
        ],
      }),
    ).toBe(true)
  })
})
