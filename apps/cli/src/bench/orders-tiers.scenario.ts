import type { BenchRow, EngineRun, LoadRun } from './bench.js'
import { type BenchApi, createBenchProgram } from './bench-api.client.js'
import { MEMBER_POOL_SIZE } from './members.scenario.js'
import {
  BENCH_EARNING_RULE,
  BENCH_TIER_LADDER,
  checkOrders,
  loadOrders,
  type OrderStream,
  orderStream,
  settledOrderCount,
} from './orders.scenario.js'
import { loadTierData, TIER_ORDERS_PER_MEMBER, type TierDataPlan } from './tier-data.loader.js'
import { putLadder } from './tiers.scenario.js'

export const TIERS_OFF_SCENARIO = 'orders/s, tiers off'
export const TIERS_ON_SCENARIO = 'orders/s, tiers on'

/**
 * A program for one side of the comparison: the earning rule, 1,000 members loaded with SQL,
 * each with a past (ten orders on average over the last 15 months, as the tiers scenario
 * loads them), so that a rolling window has orders to add up. With a ladder, the members are
 * then put into the tiers their past earns, by one tier-evaluation run.
 */
async function setUp(
  run: EngineRun,
  name: string,
  scenario: string,
  ladder?: unknown,
): Promise<Side> {
  const api = await createBenchProgram(run.api.baseUrl, run.adminKey, name)
  if (ladder) await putLadder(run, api, ladder)
  await api.post('/v1/earning-rules', BENCH_EARNING_RULE)
  const plan: TierDataPlan = {
    programId: api.programId,
    members: MEMBER_POOL_SIZE,
    orders: MEMBER_POOL_SIZE * TIER_ORDERS_PER_MEMBER,
    asOf: new Date(),
    initialTiers: 'entry',
    label: `${run.label}: ${name}`,
  }
  const { db } = run.server.database
  const members = await loadTierData(db, plan, run.options.progress, run.options.signal)
  if (ladder) await run.server.services.jobs.runNow(api.programId, 'tier-evaluation', plan.asOf)
  return { scenario, api, members, stream: orderStream(members), rounds: [] }
}

/** Seconds of unmeasured orders in each program before the measured loads. */
const WARM_UP_SECONDS = 3

/**
 * Orders that are not measured: so that neither side pays for a cold start (the server's first
 * orders, the program's rows not yet in the caches), which would favour whichever runs second.
 */
async function warmUp(run: EngineRun, side: Side) {
  const stream = orderStream(side.members, 'warm')
  const seconds = Math.min(WARM_UP_SECONDS, run.options.seconds)
  await loadOrders(run, `${side.scenario} (warm-up)`, side.api, stream, { seconds })
  await settledOrderCount(run, side.api.programId, stream.prefix)
}

interface Side {
  scenario: string
  api: BenchApi
  members: string[]
  stream: OrderStream
  rounds: LoadRun[]
}

/** One round of a side's load; the next round waits until its cut-off orders are stored. */
async function round(run: EngineRun, side: Side, n: number, seconds: number) {
  const label = `${side.scenario} (round ${n} of ${ROUNDS.length / 2})`
  side.rounds.push(await loadOrders(run, label, side.api, side.stream, { seconds }))
  await settledOrderCount(run, side.api.programId, side.stream.prefix)
}

async function upgrades(run: EngineRun, programId: string): Promise<number> {
  const row = await run.server.database.db
    .selectFrom('tier_changes')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('program_id', '=', programId)
    .where('reason', '=', 'upgrade')
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

/** Both sides alternate so that drift, and bursts of other work on the machine, fall on both. */
const ROUNDS = ['off', 'on', 'on', 'off'] as const

/** A side's rounds as one row: rates and latencies are the means over its (equal) rounds. */
function combined(engine: string, side: Side): { row: BenchRow; ok2xx: number } {
  const { rounds } = side
  const requests = rounds.reduce((sum, r) => sum + r.requests, 0)
  const weighted = (pick: (r: LoadRun) => number) =>
    requests === 0 ? 0 : rounds.reduce((sum, r) => sum + pick(r) * r.requests, 0) / requests
  return {
    row: {
      engine,
      scenario: side.scenario,
      requestsPerSecond: rounds.reduce((sum, r) => sum + r.requestsPerSecond, 0) / rounds.length,
      p50Ms: weighted((r) => r.p50Ms),
      p99Ms: weighted((r) => r.p99Ms),
      non2xx: rounds.reduce((sum, r) => sum + r.non2xx, 0),
      requests,
      serverRssMb: Math.max(...rounds.map((r) => r.serverRssMb)),
    },
    ok2xx: rounds.reduce((sum, r) => sum + r.ok2xx, 0),
  }
}

/**
 * The cost of tiers to orders: the same orders load on the same engine, the same rule, members
 * and length, in two programs — one on the default one-tier ladder (tiers off: nothing to
 * upgrade to, no metric to read), one on the orders scenario's ladder (tiers on: four tiers
 * over spend in a rolling year, never downgraded — the costlier window: an order may sum its
 * member's year of orders to see whether it crosses a threshold, and some do, inside the order).
 * After a short unmeasured warm-up in each, the loads alternate off, on, on, off, each round
 * half of `--seconds`, so each side gets `--seconds` in all; then each side's orders are
 * checked as the orders scenario does.
 */
export async function benchOrdersTiers(run: EngineRun): Promise<void> {
  const { options, report } = run
  options.progress.phase(
    `${run.label}: setting up orders with tiers off and on (two programs, one earning rule, members with past orders)`,
  )
  const sides = {
    off: await setUp(run, 'Bench orders, tiers off', TIERS_OFF_SCENARIO),
    on: await setUp(run, 'Bench orders, tiers on', TIERS_ON_SCENARIO, BENCH_TIER_LADDER),
  }
  await warmUp(run, sides.off)
  await warmUp(run, sides.on)
  const seconds = Math.max(1, Math.round(options.seconds / 2))
  const upgradesBefore = await upgrades(run, sides.on.api.programId)
  for (const [i, name] of ROUNDS.entries()) {
    options.signal?.throwIfAborted()
    await round(run, sides[name], i < 2 ? 1 : 2, seconds)
  }
  const upgraded = (await upgrades(run, sides.on.api.programId)) - upgradesBefore
  report.notes.push(
    `${run.label}, orders with tiers on: ${upgraded} of ${sides.on.stream.sent()} orders sent ` +
      'upgraded their member inside the order.',
  )
  for (const side of [sides.off, sides.on]) {
    const { row, ok2xx } = combined(run.label, side)
    report.loads.push(row)
    await checkOrders(
      run,
      side.api.programId,
      side.stream,
      side.scenario,
      ok2xx,
      side.rounds.length,
    )
  }
}
