import type { BenchReport, BenchRow } from './bench.js'

/* Rows and reports the bench's report tests build their cases from. */

export function load(engine: string, requestsPerSecond: number, p99Ms: number): BenchRow {
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

export function report(parts: Partial<BenchReport>): BenchReport {
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
    benefitChecks: [],
    rewardsChecks: [],
    webhooks: [],
    transfers: [],
    campaignRuns: [],
    profiles: [],
    notes: [],
    ...parts,
  }
}

export function tierRow(engine: string, members: number, ok = true) {
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
