import { sql } from 'kysely'
import type { BenchProgress, EngineRun, RewardsCheck } from './bench.js'
import { type BenchApi, createBenchProgram } from './bench-api.client.js'
import { seedMembers } from './members.scenario.js'

export const REWARDS_SCENARIO = 'reward redemptions/s, one hot reward'
export const SPREAD_SCENARIO = 'reward redemptions/s, 50 rewards'

/** Rewards the second load spreads the same redemptions over: no row is hot. */
export const SPREAD_REWARDS = 50

/** Members who redeem the hot reward, round-robin: many members, one reward row. */
export const REWARD_MEMBERS = 500

/**
 * The hot reward: cheap and with a stock far above what any load takes, so that every
 * redemption succeeds and all of them queue on the same row of `rewards` (its stock).
 */
export const HOT_REWARD = {
  name: 'Bench: the hot reward',
  type: 'product',
  points_cost: 10,
  stock: 100_000_000,
} as const

/** Points each member is given: 100,000 redemptions' worth, more than a load can spend. */
const MEMBER_POINTS = 1_000_000

const SETUP_CONCURRENCY = 16
const SETTLE_POLL_MS = 200
const SETTLE_MAX_MS = 30_000

async function givePoints(api: BenchApi, members: readonly string[], progress: BenchProgress) {
  const tracker = progress.task('giving members points through the API', members.length, 'members')
  let next = 0
  let done = 0
  const worker = async () => {
    while (next < members.length) {
      const member = members[next++] as string
      await api.post(`/v1/members/${member}/points/adjustments`, {
        points: MEMBER_POINTS,
        reason: 'bench: points to redeem rewards with',
      })
      tracker.update(++done)
    }
  }
  try {
    await Promise.all(Array.from({ length: SETUP_CONCURRENCY }, worker))
  } finally {
    tracker.done()
  }
}

async function countRedemptions(run: EngineRun, programId: string): Promise<number> {
  const row = await run.server.database.db
    .selectFrom('reward_redemptions')
    .select(({ fn }) => fn.countAll<string>().as('count'))
    .where('program_id', '=', programId)
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

/** Waits until the redemptions stop moving: requests cut off by the load's stop still commit. */
async function settledRedemptions(run: EngineRun, programId: string): Promise<number> {
  const deadline = Date.now() + SETTLE_MAX_MS
  let last = await countRedemptions(run, programId)
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS))
    const now = await countRedemptions(run, programId)
    if (now === last || Date.now() > deadline) return now
    last = now
  }
}

/**
 * Reward redemptions per second through `POST /v1/members/{member}/reward-redemptions`, from the
 * load generator's process: `REWARD_MEMBERS` members, each with points for far more than the
 * load spends, all redeeming the one hot reward with stock (docs/rewards.md, "Concurrency").
 * Every redemption locks its own member, debits the points and writes its row, then takes the
 * stock by one conditional update on the hot row as its last statement. Afterwards, with SQL:
 * the redemptions stored equal the reward's `redeemed` and what its stock lost, the 2xx answers
 * (plus at most one cut off per connection), and the `redeem` entries of the ledger; then
 * `ledger check` over the program.
 */
export async function benchRewards(run: EngineRun): Promise<void> {
  const { options, report } = run
  const { progress } = options
  progress.phase(`${run.label}: setting up the hot reward (members, their points, the reward)`)
  const api = await createBenchProgram(run.api.baseUrl, run.adminKey, 'Bench rewards')
  const members = await seedMembers(api, REWARD_MEMBERS, progress, 'redeemer')
  options.signal?.throwIfAborted()
  await givePoints(api, members, progress)
  const reward = await api.post<{ id: string }>('/v1/rewards', HOT_REWARD)
  const spread: string[] = []
  for (let i = 0; i < SPREAD_REWARDS; i++) {
    const other = await api.post<{ id: string }>('/v1/rewards', {
      ...HOT_REWARD,
      name: `Bench: reward ${i + 1} of ${SPREAD_REWARDS}`,
    })
    spread.push(other.id)
  }
  options.signal?.throwIfAborted()
  const hot = await run.measureLoad(REWARDS_SCENARIO, api, {
    kind: 'reward-redemptions',
    members: [...members],
    rewards: [reward.id],
  })
  await settledRedemptions(run, api.programId)
  options.signal?.throwIfAborted()
  const wide = await run.measureLoad(SPREAD_SCENARIO, api, {
    kind: 'reward-redemptions',
    members: [...members],
    rewards: spread,
  })
  progress.phase(`${run.label}: checking the redemptions, the stock and the ledger with SQL`)
  const redemptions = await settledRedemptions(run, api.programId)
  const { db } = run.server.database
  const stored = await db
    .selectFrom('rewards')
    .select([
      sql<string>`sum(stock)::text`.as('stock'),
      sql<string>`sum(stock_remaining)::text`.as('stock_remaining'),
      sql<string>`sum(redeemed)::text`.as('redeemed'),
    ])
    .where('program_id', '=', api.programId)
    .executeTakeFirstOrThrow()
  const { rows } = await sql<{ entries: string; points: string | null }>`
    SELECT count(*)::text AS entries, (-sum(points))::text AS points FROM point_transactions
    WHERE program_id = ${api.programId} AND type = 'redeem' AND source_kind = 'reward_redemption'
  `.execute(db)
  const entries = Number(rows[0]?.entries ?? 0)
  const points = Number(rows[0]?.points ?? 0)
  const ledger = await run.server.services.ledgerCheck.check({ programId: api.programId })
  const stockTaken = Number(stored.stock) - Number(stored.stock_remaining)
  const answered = hot.ok2xx + wide.ok2xx
  const cutOff = redemptions - answered
  const check: RewardsCheck = {
    engine: run.label,
    members: members.length,
    answered2xx: answered,
    redemptions,
    cutOff,
    redeemed: Number(stored.redeemed),
    stockTaken,
    redeemEntries: entries,
    pointsRedeemed: points,
    ledgerMembers: ledger.members_checked,
    ledgerDifferences: ledger.differences.length,
    ok:
      hot.non2xx + wide.non2xx === 0 &&
      hot.errors + wide.errors === 0 &&
      redemptions > 0 &&
      cutOff >= 0 &&
      cutOff <= 2 * options.connections &&
      Number(stored.redeemed) === redemptions &&
      stockTaken === redemptions &&
      entries === redemptions &&
      points === redemptions * HOT_REWARD.points_cost &&
      ledger.differences.length === 0,
  }
  report.rewardsChecks.push(check)
}
