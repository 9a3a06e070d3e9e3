import { describe, expect, it } from 'vitest'
import { type BenchReport, type BenchRow, parseEngines, parseScenarios } from './bench.js'
import { formatReport, targetLines } from './bench.report.js'
import { parsePgbenchOutput } from './ceiling.scenario.js'
import { incentiveTargetLines } from './incentives.report.js'
import { benchOrder } from './load.plan.js'
import { tierTargetLines } from './tiers.report.js'

describe('parseEngines', () => {
  it('reads a comma-separated list in the fixed engine order, once each', () => {
    expect(parseEngines('pglite,postgres')).toEqual(['pglite', 'postgres'])
    expect(parseEngines(' Postgres , pglite,postgres')).toEqual(['pglite', 'postgres'])
    expect(parseEngines('postgres')).toEqual(['postgres'])
  })

  it.each(['', ',', 'mysql', 'pglite,mysql'])('rejects %j', (text) => {
    expect(parseEngines(text)).toBeUndefined()
  })
})

describe('parseScenarios', () => {
  it('reads the names in the fixed run order, once each', () => {
    expect(parseScenarios('expiry,orders')).toEqual(['orders', 'expiry'])
    expect(parseScenarios('members, ceiling ,members')).toEqual(['members', 'ceiling'])
    expect(parseScenarios('tiers,orders-tiers,orders')).toEqual(['orders', 'orders-tiers', 'tiers'])
    // Quotes run right after orders, whose rate they are compared with; so do orders paying
    // with a coupon and points.
    expect(parseScenarios('coupon-codes,segments,quotes,tiers,orders')).toEqual([
      'orders',
      'quotes',
      'tiers',
      'segments',
      'coupon-codes',
    ])
    expect(parseScenarios('campaigns,orders-redeem,orders-tiers,orders')).toEqual([
      'orders',
      'orders-redeem',
      'orders-tiers',
      'campaigns',
    ])
  })

  it.each(['', 'reads', 'orders,reads'])('rejects %j', (text) => {
    expect(parseScenarios(text)).toBeUndefined()
  })
})

describe('parsePgbenchOutput', () => {
  it('reads the summary of pgbench 15', () => {
    const output = `pgbench (15.20 (Debian 15.20-0+deb12u1))
transaction type: /tmp/bare-write.sql
scaling factor: 1
query mode: prepared
number of clients: 8
number of threads: 2
maximum number of tries: 1
duration: 10 s
number of transactions actually processed: 47012
number of failed transactions: 0 (0.000%)
latency average = 1.701 ms
initial connection time = 9.120 ms
tps = 4702.376151 (without initial connection time)
`
    expect(parsePgbenchOutput(output)).toEqual({
      tps: 4702.376151,
      latencyAvgMs: 1.701,
      transactions: 47012,
      failed: 0,
    })
  })

  it('reads the older wording, which counted connection time in and out', () => {
    const output = `number of transactions actually processed: 1200
latency average = 6.667 ms
tps = 1199.5 (including connections establishing)
tps = 1200.25 (excluding connections establishing)
`
    expect(parsePgbenchOutput(output)).toEqual({
      tps: 1200.25,
      latencyAvgMs: 6.667,
      transactions: 1200,
      failed: 0,
    })
  })

  it('gives up on output without a summary', () => {
    expect(parsePgbenchOutput('pgbench: error: connection refused')).toBeUndefined()
  })
})

describe('benchOrder', () => {
  it('has 1 to 3 items whose total is the amount, and varies the amount', () => {
    const orders = Array.from({ length: 30 }, (_, n) => benchOrder(`o${n}`, 'mem_1', n))
    for (const order of orders) {
      expect(order.items.length).toBeGreaterThanOrEqual(1)
      expect(order.items.length).toBeLessThanOrEqual(3)
      expect(order.amount).toBe(
        order.items.reduce((sum, item) => sum + item.quantity * item.unit_price, 0),
      )
    }
    expect(new Set(orders.map((order) => order.items.length)).size).toBe(3)
    expect(new Set(orders.map((order) => order.amount)).size).toBeGreaterThan(20)
  })
})

function load(engine: string, requestsPerSecond: number, p99Ms: number): BenchRow {
  return {
    engine,
    scenario: 'orders/s',
    requestsPerSecond,
    p50Ms: p99Ms / 2,
    p99Ms,
    non2xx: 0,
    requests: requestsPerSecond * 10,
    serverRssMb: 250,
  }
}

function report(parts: Partial<BenchReport>): BenchReport {
  return {
    loads: [],
    orderChecks: [],
    ceilings: [],
    expiries: [],
    tierEvaluations: [],
    quotesChecks: [],
    segmentCounts: [],
    bulkCodes: [],
    redeemChecks: [],
    campaignRuns: [],
    profiles: [],
    notes: [],
    ...parts,
  }
}

const ceiling = {
  engine: 'postgres 15.20',
  clients: 8,
  seconds: 10,
  tps: 4000,
  latencyAvgMs: 2,
  transactions: 40_000,
}

function expiry(engine: string, lots: number, seconds: number, ok = true) {
  return {
    engine,
    members: lots / 10,
    lots,
    seconds,
    lotsPerSecond: lots / seconds,
    processed: lots * 10,
    lotsLeft: 0,
    balancesLeft: 0,
    expireEntries: lots,
    ok,
  }
}

describe('targetLines', () => {
  it('passes what meets the speed targets and misses what does not', () => {
    const lines = targetLines(
      report({
        loads: [load('pglite (disk)', 400, 200), load('postgres 15.20', 1_600, 40)],
        ceilings: [ceiling],
        expiries: [
          expiry('pglite (disk)', 1_000_000, 130),
          expiry('postgres 15.20', 1_000_000, 55),
        ],
      }),
      32,
    )
    expect(lines.map((line) => [line.target, line.figure, line.result])).toEqual([
      ['PostgreSQL orders/s >= 0.3 x pgbench ceiling (same run)', '0.40 (1600.0 / 4000.0)', 'PASS'],
      ['stretch: PostgreSQL orders/s >= 0.5 x pgbench ceiling', '0.40 (1600.0 / 4000.0)', 'MISS'],
      ['PostgreSQL orders p99 <= 50 ms at 32 connections', '40.0 ms', 'PASS'],
      ['PGlite (on disk) orders/s >= 1,000', '400.0', 'MISS'],
      ['points-expiry over 1,000,000 lots on PostgreSQL <= 60 s', '55.0 s, check OK', 'PASS'],
      ['points-expiry over 1,000,000 lots on PGlite <= 120 s', '130.0 s, check OK', 'MISS'],
    ])
  })

  it('says what was not measured, and projects smaller expiry runs without a verdict', () => {
    const lines = targetLines(
      report({
        loads: [load('postgres 15.20', 1_000, 80)],
        expiries: [expiry('postgres 15.20', 200_000, 10)],
      }),
      32,
    )
    expect(lines.map((line) => [line.figure, line.result])).toEqual([
      ['not measured', '-'],
      ['not measured', '-'],
      ['80.0 ms', 'MISS'],
      ['not measured', '-'],
      ['projected 50.0 s (200,000 lots measured, 20000 lots/s)', '-'],
      ['not measured', '-'],
    ])
  })

  it('judges p99 only at 32 connections, and a wrong or larger expiry run by its check', () => {
    const lines = targetLines(
      report({
        loads: [load('postgres 15.20', 1_000, 20)],
        expiries: [expiry('postgres 15.20', 2_000_000, 50, false)],
      }),
      4,
    )
    expect(lines[2]).toMatchObject({ figure: '20.0 ms at 4 connections', result: '-' })
    expect(lines[4]).toMatchObject({
      figure: '50.0 s for 2,000,000 lots, check FAIL',
      result: 'MISS',
    })
  })
})

describe('formatReport', () => {
  it('prints only the sections that have figures, with the ratio beside the ceiling', () => {
    const text = formatReport(
      report({ loads: [load('postgres 15.20', 1_000, 80)], ceilings: [ceiling], notes: ['n'] }),
      32,
    )
    const titles = text
      .split('\n\n')
      .map((section) => section.split('\n')[0]?.split(':')[0])
      .filter(Boolean)
    expect(titles).toEqual(['HTTP load', 'PostgreSQL ceiling', 'Targets (speed)', 'Notes'])
    // No bare route in this run: its columns say so.
    expect(text).toMatch(/postgres 15\.20 +4000\.0 +2\.00 +40000 +1000\.0 +0\.25 +- +- +-\n/)
    // The server's peak RSS is a column of the load table.
    expect(text).toMatch(/ +requests +server RSS MB\n/)
    expect(text).toMatch(/postgres 15\.20 +orders\/s +1000\.0 +40\.0 +80\.0 +0 +10000 +250\n/)
  })

  it('puts the bare route beside the ceiling, and orders as a share of it in the targets', () => {
    const bare = { ...load('postgres 15.20', 2_000, 30), scenario: 'bare route (1 statement)' }
    const withBare = report({
      loads: [load('postgres 15.20', 1_000, 80), bare],
      ceilings: [ceiling],
    })
    const text = formatReport(withBare, 32)
    expect(text).toContain(
      'bare route: the same statement behind a bare Fastify route, 32 connections like orders/s\n',
    )
    expect(text).toMatch(
      / +ratio +bare route req\/s +orders \/ bare route +bare route \/ pgbench\n/,
    )
    expect(text).toMatch(
      /postgres 15\.20 +4000\.0 +2\.00 +40000 +1000\.0 +0\.25 +2000\.0 +0\.50 +0\.50\n/,
    )
    expect(text).toMatch(/postgres 15\.20 +bare route \(1 statement\) +2000\.0 /)
    // Information without a verdict, right after the two ceiling targets they leave unchanged.
    const lines = targetLines(withBare, 32)
    expect(lines.slice(0, 3).map((line) => [line.target, line.figure, line.result])).toEqual([
      ['PostgreSQL orders/s >= 0.3 x pgbench ceiling (same run)', '0.25 (1000.0 / 4000.0)', 'MISS'],
      ['stretch: PostgreSQL orders/s >= 0.5 x pgbench ceiling', '0.25 (1000.0 / 4000.0)', 'MISS'],
      [
        'info: PostgreSQL orders/s as a share of the bare route (1 statement)',
        '0.50 (1000.0 / 2000.0)',
        '-',
      ],
    ])
    expect(lines).toHaveLength(7)
    // Without the orders load, the share is not measured; without the bare route, no line.
    expect(targetLines(report({ loads: [bare] }), 32)[2]).toEqual({
      target: 'info: PostgreSQL orders/s as a share of the bare route (1 statement)',
      figure: 'not measured',
      result: '-',
    })
  })

  it('prints a CPU profile summary after the jobs', () => {
    const text = formatReport(
      report({
        loads: [load('postgres 15.20', 1_000, 80)],
        profiles: [
          {
            engine: 'postgres 15.20',
            scenario: 'orders/s',
            file: '/tmp/prof/orders-postgres.cpuprofile',
            summary: {
              wallMs: 10_000,
              idleMs: 4_000,
              busyMs: 6_000,
              functions: [
                {
                  name: 'writev',
                  location: '',
                  package: 'node internals',
                  selfMs: 600,
                  share: 0.1,
                },
              ],
              packages: [{ package: 'node internals', selfMs: 600, share: 0.1 }],
            },
          },
        ],
      }),
      32,
    )
    expect(text).toContain(
      "CPU profile of the server's process, postgres 15.20, orders/s load: /tmp/prof/orders-postgres.cpuprofile\n",
    )
    expect(text).toMatch(/writev +600 +10\.0 % +node internals/)
    expect(text.indexOf('CPU profile')).toBeLessThan(text.indexOf('Targets (speed)'))
  })
})

function tierRow(engine: string, members: number, ok = true) {
  return {
    engine,
    members,
    orders: members * 10,
    seconds: 10,
    membersPerSecond: members / 10,
    changed: 3,
    upgrades: 2,
    downgrades: 1,
    distribution: [members - 3, 1, 1, 1],
    rerunChanged: 0,
    rerunSeconds: 5,
    mismatches: ok ? 0 : 1,
    ok,
  }
}

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
