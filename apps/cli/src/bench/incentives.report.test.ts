import { describe, expect, it } from 'vitest'
import { load, report, tierRow } from './bench.fixtures.js'
import type { BenchReport } from './bench.js'
import { formatReport } from './bench.report.js'
import { incentiveTargetLines } from './incentives.report.js'

function quotesCheck(engine: string, ok = true) {
  return {
    engine,
    members: 1_000,
    couponsPerMember: 3,
    consistent: 16,
    sampled: 16,
    changed: ok ? [] : ['orders'],
    ok,
  }
}

function segmentRow(engine: string, members: number, seconds: number[], ok = true) {
  return {
    engine,
    members,
    orders: members * 1.5,
    count: 42,
    expected: ok ? 42 : 41,
    seconds,
    ok,
  }
}

const bulkCodes = {
  engine: 'postgres 15.20',
  codes: 100_000,
  seconds: 8,
  jobSeconds: 7.9,
  processed: 100_000,
  stored: 100_000,
  unassigned: 100_000,
  distinct: 100_000,
  ok: true,
}

function redeemCheck(engine: string, ok = true) {
  return {
    engine,
    members: 1_000,
    codes: 30_000,
    points: 100,
    pointsValue: 100,
    sent: 5_012,
    orders: 5_012,
    couponsRedeemed: 5_012,
    rightCoupon: ok ? 5_012 : 5_011,
    redeemEntries: 5_012,
    rightPoints: 5_012,
    ledgerMembers: 1_000,
    ledgerDifferences: 0,
    ok,
  }
}

const campaignRun = {
  engine: 'postgres 15.20',
  members: 1_000_000,
  day: '12-07',
  holdoutPercent: 10,
  seconds: 4,
  processed: 2_738,
  audienceSeconds: 0.4,
  rewardSeconds: 3.5,
  rewarded: 2_466,
  heldOut: 272,
  otherRows: 0,
  expectedRewarded: 2_466,
  expectedHeldOut: 272,
  wrongMembers: 0,
  earnEntries: 2_466,
  pointsCredited: 246_600,
  balances: 246_600,
  rerunProcessed: 0,
  rerunSeconds: 0.05,
  ok: true,
}

describe('incentiveTargetLines', () => {
  const quotes = (engine: string, requestsPerSecond: number, p99Ms: number) => ({
    ...load(engine, requestsPerSecond, p99Ms),
    scenario: 'quotes/s',
  })

  it("compares quotes/s with the same run's orders/s, and judges the full-size segment count", () => {
    const lines = incentiveTargetLines(
      report({
        loads: [
          load('pglite (disk)', 1_000, 80),
          quotes('pglite (disk)', 900, 40),
          load('postgres 15.20', 1_600, 60),
          quotes('postgres 15.20', 2_400, 20),
        ],
        segmentCounts: [segmentRow('postgres 15.20', 1_000_000, [3.2, 2.5, 2.4])],
      }),
      32,
    )
    expect(lines.map((line) => [line.target, line.figure, line.result])).toEqual([
      [
        'pglite (disk): quotes/s >= orders/s at 32 connections (same run)',
        '0.90 (900.0 / 1000.0)',
        'MISS',
      ],
      [
        'postgres 15.20: quotes/s >= orders/s at 32 connections (same run)',
        '1.50 (2400.0 / 1600.0)',
        'PASS',
      ],
      [
        'segment count (3 conditions) over 1,000,000 members on PostgreSQL <= 5 s',
        '3.20 s (slowest of 3), check OK',
        'PASS',
      ],
    ])
  })

  it('leaves other connections, a missing orders load and smaller segment runs without a verdict', () => {
    const figures = (parts: Partial<BenchReport>, connections = 32) =>
      incentiveTargetLines(report(parts), connections).map((line) => [line.figure, line.result])
    expect(
      figures({ loads: [load('postgres 15.20', 100, 60), quotes('postgres 15.20', 200, 20)] }, 4),
    ).toEqual([
      ['2.00 (200.0 / 100.0) at 4 connections', '-'],
      ['not measured', '-'],
    ])
    expect(figures({ loads: [quotes('postgres 15.20', 200, 20)] })[0]).toEqual([
      'orders/s not measured',
      '-',
    ])
    expect(
      figures({ segmentCounts: [segmentRow('postgres 15.20', 1_000, [0.1, 0.1, 0.1])] }),
    ).toEqual([['0.10 s (slowest of 3), check OK, 1,000 members only', '-']])
    // PGlite's count is a figure of the table, not of the PostgreSQL target.
    expect(figures({ segmentCounts: [segmentRow('pglite (disk)', 1_000_000, [1, 1, 1])] })).toEqual(
      [['not measured', '-']],
    )
    expect(
      figures({ segmentCounts: [segmentRow('postgres 15.20', 1_000_000, [6, 4, 4])] }),
    ).toEqual([['6.00 s (slowest of 3), check OK', 'MISS']])
    expect(
      figures({ segmentCounts: [segmentRow('postgres 15.20', 1_000_000, [1, 1, 1], false)] }),
    ).toEqual([['1.00 s (slowest of 3), check FAIL', 'MISS']])
  })

  it('prints the quotes beside orders, the segment count and bulk codes, then their targets last', () => {
    const text = formatReport(
      report({
        loads: [load('postgres 15.20', 1_600, 60), quotes('postgres 15.20', 2_400, 20)],
        quotesChecks: [quotesCheck('postgres 15.20')],
        segmentCounts: [segmentRow('postgres 15.20', 1_000_000, [3.2, 2.5, 2.4])],
        bulkCodes: [bulkCodes],
        tierEvaluations: [tierRow('postgres 15.20', 100_000)],
      }),
      32,
    )
    const titles = text.split('\n\n').map((section) => section.split('\n')[0]?.split(/[:(]/)[0])
    expect(titles).toEqual([
      'HTTP load',
      'tier-evaluation job over bulk-loaded members and orders ',
      'Checkout quotes beside orders',
      'Segment count over bulk-loaded members',
      'Bulk coupon codes',
      'Targets ',
      'Targets ',
      'Targets ',
    ])
    expect(text.indexOf('Targets (issue 5)\n')).toBeLessThan(text.indexOf('Targets (incentives)\n'))
    expect(text).toMatch(
      /postgres 15\.20 +2400\.0 +10\.0 +20\.0 +1600\.0 +30\.0 +60\.0 +1\.50 +16\/16 +nothing +OK\n/,
    )
    expect(text).toMatch(
      /postgres 15\.20 +1000000 +1500000 +42 +42 +3\.20, 2\.50, 2\.40 +3\.20 +OK\n/,
    )
    expect(text).toMatch(
      /postgres 15\.20 +100000 +8\.0 +12500 +7\.9 +100000 +100000 +100000 +100000 +OK\n/,
    )
  })

  const redeem = (engine: string, requestsPerSecond: number, p99Ms: number) => ({
    ...load(engine, requestsPerSecond, p99Ms),
    scenario: 'orders/s, coupon + points',
  })

  it("compares orders paying with a coupon and points with the same run's plain orders/s", () => {
    const lines = (parts: Partial<BenchReport>, connections = 32) =>
      incentiveTargetLines(report(parts), connections)
        .filter((line) => line.target.includes('coupon and points'))
        .map((line) => [line.target, line.figure, line.result])
    expect(
      lines({
        loads: [
          load('pglite (disk)', 1_000, 80),
          redeem('pglite (disk)', 700, 90),
          load('postgres 15.20', 1_600, 60),
          redeem('postgres 15.20', 1_300, 70),
        ],
        redeemChecks: [redeemCheck('pglite (disk)'), redeemCheck('postgres 15.20')],
      }),
    ).toEqual([
      [
        'pglite (disk): orders/s with a coupon and points >= 0.8 x orders/s at 32 connections (same run)',
        '0.70 (700.0 / 1000.0)',
        'MISS',
      ],
      [
        'postgres 15.20: orders/s with a coupon and points >= 0.8 x orders/s at 32 connections (same run)',
        '0.81 (1300.0 / 1600.0)',
        'PASS',
      ],
    ])
    // A fast run whose orders did not all redeem what they named misses.
    expect(
      lines({
        loads: [load('postgres 15.20', 1_000, 60), redeem('postgres 15.20', 900, 70)],
        redeemChecks: [redeemCheck('postgres 15.20', false)],
      })[0]?.slice(1),
    ).toEqual(['0.90 (900.0 / 1000.0), check FAIL', 'MISS'])
    expect(
      lines(
        { loads: [load('postgres 15.20', 1_000, 60), redeem('postgres 15.20', 900, 70)] },
        4,
      )[0]?.slice(1),
    ).toEqual(['0.90 (900.0 / 1000.0) at 4 connections', '-'])
    expect(lines({ loads: [redeem('postgres 15.20', 900, 70)] })[0]?.slice(1)).toEqual([
      'orders/s not measured',
      '-',
    ])
  })

  it('prints orders paying with a coupon and points beside plain orders, and the campaigns job', () => {
    const text = formatReport(
      report({
        loads: [load('postgres 15.20', 1_600, 60), redeem('postgres 15.20', 1_300, 70)],
        redeemChecks: [redeemCheck('postgres 15.20')],
        bulkCodes: [bulkCodes],
        campaignRuns: [campaignRun],
      }),
      32,
    )
    const titles = text.split('\n\n').map((section) => section.split('\n')[0]?.split(/[:(]/)[0])
    expect(titles).toEqual([
      'HTTP load',
      'Orders paying with a coupon and points beside plain orders',
      'Bulk coupon codes',
      'Campaigns job',
      'Targets ',
      'Targets ',
    ])
    expect(text.indexOf('Targets (speed)\n')).toBeLessThan(text.indexOf('Targets (incentives)\n'))
    expect(text).toMatch(
      /postgres 15\.20 +1300\.0 +35\.0 +70\.0 +1600\.0 +30\.0 +60\.0 +0\.81 +30000 +5012 +5012 +5012\/5012 +5012 +5012\/5012 +OK \(1000 members\) +OK\n/,
    )
    expect(text).toMatch(
      /postgres 15\.20 +1000000 +12-07 +4\.00 +250000 +0\.40 +3\.50 +2738 +2466 +272 +2466 \+ 272 +617 +246600 +0 +0\.05 +OK\n/,
    )
    // No target for the campaigns job: its figure is the table's.
    expect(text).not.toMatch(/^.*campaign.*(PASS|MISS)/m)
  })

  it('names what quotes changed, and prints no incentives section when none ran', () => {
    const text = formatReport(
      report({
        loads: [quotes('pglite (disk)', 900, 40)],
        quotesChecks: [quotesCheck('pglite (disk)', false)],
      }),
      32,
    )
    expect(text).toMatch(
      /pglite \(disk\) +900\.0 +20\.0 +40\.0 +- +- +- +- +16\/16 +orders +FAIL\n/,
    )
    expect(formatReport(report({ loads: [load('postgres 15.20', 1_000, 80)] }), 32)).not.toContain(
      'incentives',
    )
  })
})
