import { describe, expect, it } from 'vitest'
import { load, report } from './bench.fixtures.js'
import { parseEngines, parseScenarios } from './bench.js'
import { formatReport, targetLines } from './bench.report.js'
import { parsePgbenchOutput } from './ceiling.scenario.js'
import { benchOrder } from './load.plan.js'

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
