import { describe, expect, it } from 'vitest'
import { load, report, tierRow } from './bench.fixtures.js'
import { formatReport } from './bench.report.js'
import { tierTargetLines } from './tiers.report.js'

describe('tierTargetLines', () => {
  const rate = (engine: string, scenario: string, requestsPerSecond: number) => ({
    ...load(engine, requestsPerSecond, 50),
    scenario,
  })

  it('compares orders with tiers on and off on each engine, and checks the full-size job', () => {
    const lines = tierTargetLines(
      report({
        loads: [
          rate('pglite', 'orders/s, tiers off', 200),
          rate('pglite', 'orders/s, tiers on', 170),
          rate('postgres 15.20', 'orders/s, tiers off', 500),
          rate('postgres 15.20', 'orders/s, tiers on', 480),
        ],
        tierEvaluations: [tierRow('postgres 15.20', 100_000)],
      }),
    )
    expect(lines.map((line) => [line.target, line.figure, line.result])).toEqual([
      ['pglite: orders/s with tiers on >= 0.9 x tiers off', '0.85 (170.0 / 200.0)', 'MISS'],
      ['postgres 15.20: orders/s with tiers on >= 0.9 x tiers off', '0.96 (480.0 / 500.0)', 'PASS'],
      [
        'PostgreSQL tier-evaluation over 100,000 members, 1,000,000 orders, correct',
        '10.0 s, check OK',
        'PASS',
      ],
    ])
  })

  it('misses a wrong evaluation and leaves smaller or unmeasured ones open', () => {
    const figures = (rows: ReturnType<typeof tierRow>[]) =>
      tierTargetLines(report({ tierEvaluations: rows })).map((line) => [line.figure, line.result])
    expect(figures([tierRow('postgres 15.20', 100_000, false)])).toEqual([
      ['10.0 s, check FAIL', 'MISS'],
    ])
    expect(figures([tierRow('postgres 15.20', 1_000)])).toEqual([['1,000 members only', '-']])
    expect(figures([tierRow('pglite', 10_000)])).toEqual([['not measured', '-']])
  })

  it('prints the tiers table after the other jobs, and issue 5 targets after issue 4', () => {
    const text = formatReport(
      report({
        loads: [load('postgres 15.20', 1_000, 80)],
        tierEvaluations: [tierRow('postgres 15.20', 100_000)],
      }),
      32,
    )
    const titles = text.split('\n\n').map((section) => section.split('\n')[0]?.split(/[:(]/)[0])
    expect(titles).toEqual([
      'HTTP load',
      'tier-evaluation job over bulk-loaded members and orders ',
      'Targets ',
      'Targets ',
    ])
    expect(text.indexOf('Targets (speed)\n')).toBeLessThan(text.indexOf('Targets (issue 5)\n'))
    expect(text).toMatch(/postgres 15\.20 +100000 +1000000 +10\.0 +10000 +3 +2 +1 +99997\/1\/1\/1 /)
  })
})
