import { describe, expect, it } from 'vitest'
import { type BenchReport, type BenchRow, parseEngines, parseScenarios } from './bench.js'
import { formatReport, targetLines } from './bench.report.js'
import { parsePgbenchOutput } from './ceiling.scenario.js'
import { benchOrder } from './orders.scenario.js'

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
  }
}

function report(parts: Partial<BenchReport>): BenchReport {
  return { loads: [], orderChecks: [], ceilings: [], expiries: [], notes: [], ...parts }
}

const ceiling = {
  engine: 'postgres 15.20',
  clients: 8,
  seconds: 10,
  tps: 4000,
  latencyAvgMs: 2,
  transactions: 40_000,
}

describe('targetLines', () => {
  it('passes what meets issue 4 and misses what does not', () => {
    const lines = targetLines(
      report({
        loads: [load('pglite', 400, 200), load('postgres 15.20', 2_400, 40)],
        ceilings: [ceiling],
      }),
    )
    expect(lines.map((line) => [line.figure, line.result])).toEqual([
      ['0.60 (2400.0 / 4000.0)', 'PASS'],
      ['40.0 ms', 'PASS'],
      ['400.0', 'MISS'],
    ])
  })

  it('says what was not measured', () => {
    const lines = targetLines(report({ loads: [load('postgres 15.20', 1_000, 80)] }))
    expect(lines.map((line) => [line.figure, line.result])).toEqual([
      ['not measured', '-'],
      ['80.0 ms', 'MISS'],
      ['not measured', '-'],
    ])
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
    expect(titles).toEqual(['HTTP load', 'PostgreSQL ceiling', 'Targets (issue 4)', 'Notes'])
    expect(text).toMatch(/postgres 15\.20 +4000\.0 +2\.00 +40000 +1000\.0 +0\.25\n/)
  })
})
