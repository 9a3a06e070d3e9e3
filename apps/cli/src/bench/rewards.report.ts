import { type Column, formatTable } from '../text-table.js'
import type { BenchReport, BenchRow, RewardsCheck } from './bench.js'
import { ORDERS_SCENARIO } from './orders.scenario.js'
import {
  HOT_REWARD,
  REWARDS_SCENARIO,
  SPREAD_REWARDS,
  SPREAD_SCENARIO,
} from './rewards.scenario.js'

/* The rewards scenario's section of the bench's stdout: the hot reward beside plain orders. */

interface RewardsLine extends RewardsCheck {
  rewards: BenchRow | undefined
  spread: BenchRow | undefined
  orders: BenchRow | undefined
}

const count = (n: number) => n.toLocaleString('en')
const fixed = (n: number, digits = 1) => n.toFixed(digits)

const REWARDS_COLUMNS: Column<RewardsLine>[] = [
  { header: 'engine', value: (row) => row.engine },
  {
    header: 'redemptions/s',
    value: (row) => (row.rewards ? fixed(row.rewards.requestsPerSecond) : '-'),
    align: 'right',
  },
  {
    header: 'p99 ms',
    value: (row) => (row.rewards ? fixed(row.rewards.p99Ms) : '-'),
    align: 'right',
  },
  {
    header: `over ${SPREAD_REWARDS} rewards/s`,
    value: (row) => (row.spread ? fixed(row.spread.requestsPerSecond) : '-'),
    align: 'right',
  },
  {
    header: 'plain orders/s',
    value: (row) => (row.orders ? fixed(row.orders.requestsPerSecond) : '-'),
    align: 'right',
  },
  {
    header: 'redemptions / orders',
    value: (row) =>
      row.rewards && row.orders && row.orders.requestsPerSecond > 0
        ? fixed(row.rewards.requestsPerSecond / row.orders.requestsPerSecond, 2)
        : '-',
    align: 'right',
  },
  { header: 'in db', value: (row) => String(row.redemptions), align: 'right' },
  { header: '2xx', value: (row) => String(row.answered2xx), align: 'right' },
  { header: 'cut off at stop', value: (row) => String(row.cutOff), align: 'right' },
  {
    header: 'redeemed / stock taken',
    value: (row) => `${row.redeemed}/${row.stockTaken}`,
    align: 'right',
  },
  { header: 'redeem entries', value: (row) => String(row.redeemEntries), align: 'right' },
  {
    header: 'ledger check',
    value: (row) =>
      row.ledgerDifferences === 0
        ? `OK (${row.ledgerMembers} members)`
        : `${row.ledgerDifferences} differences`,
  },
  { header: 'check', value: (row) => (row.ok ? 'OK' : 'FAIL') },
]

const loadOf = (report: BenchReport, engine: string, scenario: string) =>
  report.loads.find((load) => load.engine === engine && load.scenario === scenario)

/** The section, or undefined when the rewards scenario did not run. */
export function rewardsSection(report: BenchReport): string | undefined {
  const first = report.rewardsChecks[0]
  if (!first) return undefined
  const lines = report.rewardsChecks.map((check) => ({
    ...check,
    rewards: loadOf(report, check.engine, REWARDS_SCENARIO),
    spread: loadOf(report, check.engine, SPREAD_SCENARIO),
    orders: loadOf(report, check.engine, ORDERS_SCENARIO),
  }))
  return (
    `Reward redemptions on one hot reward beside plain orders: POST /v1/members/{member}/` +
    `reward-redemptions of one reward with a stock of ${count(HOT_REWARD.stock)}, round-robin ` +
    `over ${count(first.members)} members, then the same spread over ${SPREAD_REWARDS} rewards ` +
    `(no hot row); plain orders/s is the orders load of the same run; every redemption of both ` +
    `loads must have taken its stock and its points exactly once\n` +
    formatTable(REWARDS_COLUMNS, lines)
  )
}
