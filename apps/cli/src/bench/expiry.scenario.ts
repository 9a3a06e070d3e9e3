import type { DB } from '@loyalbase/db'
import { type Kysely, sql } from 'kysely'
import { DEFAULT_EXPIRY_LOTS, type EngineRun, type ExpiryRow } from './bench.js'
import { createBenchProgram } from './bench-api.client.js'

export const EXPIRY_LOTS_PER_MEMBER = 10
const POINTS_PER_LOT = 10
// Constants go into the SQL as literals: a bare parameter in an INSERT … SELECT list is text.
const POINTS = sql.lit(POINTS_PER_LOT)
const PER = sql.lit(EXPIRY_LOTS_PER_MEMBER)
/** Lots (and as many ledger entries) per INSERT: big enough to be fast, small enough to show progress. */
const LOAD_CHUNK = 50_000
const POLL_MS = 1_000
const DAY_MS = 24 * 60 * 60 * 1000

// Zero-padded so that ids sort like numbers, as the job's member-by-member paging expects.
const memberId = (m: string) => sql`'mem_bench_' || lpad((${sql.raw(m)})::text, 9, '0')`
const lotId = (g: string) => sql`'lot_bench_' || lpad((${sql.raw(g)})::text, 10, '0')`
const txnId = (g: string) => sql`'txn_bench_' || lpad((${sql.raw(g)})::text, 10, '0')`

interface Plan {
  programId: string
  lots: number
  members: number
  asOf: Date
}

/**
 * Members `from`..`to`, each with the balance its lots will add up to: lots 10(m-1)+1 … 10m
 * belong to member m (the last member may have fewer).
 */
async function insertMembers(db: Kysely<DB>, plan: Plan, from: number, to: number) {
  const joined = new Date(plan.asOf.getTime() - 500 * DAY_MS).toISOString()
  const balance = sql`${POINTS}::bigint * (least(m * ${PER}, ${plan.lots}::bigint) - (m - 1) * ${PER})`
  await sql`
    INSERT INTO members (program_id, id, external_id, joined_at, referral_code, tier_key,
      tier_since, points_available, points_adjusted, created_at, updated_at)
    SELECT p.id, ${memberId('m')}, 'expiry-' || m, ${joined}::timestamptz, 'BENCHX' || m,
      p.tier_ladder -> 'tiers' -> 0 ->> 'key', ${joined}::timestamptz, ${balance}, ${balance},
      ${joined}::timestamptz, ${joined}::timestamptz
    FROM programs p, generate_series(${from}::bigint, ${to}::bigint) m
    WHERE p.id = ${plan.programId}
  `.execute(db)
}

/**
 * Lots `from`..`to`, all available and all expired by `asOf` (a day to ten days before it),
 * and the ledger entry that credited each: an adjustment of 10 points whose `balance_after`
 * runs up the member's lots in order. Balances, lots and ledger agree, as `ledger check` wants.
 */
async function insertLots(db: Kysely<DB>, plan: Plan, from: number, to: number) {
  const asOf = plan.asOf.toISOString()
  const rows = sql`
    SELECT g, (g - 1) / ${PER} + 1 AS m, (g - 1) % ${PER} AS k,
      ${asOf}::timestamptz - interval '400 days' + ((g - 1) % ${PER}) * interval '1 day' AS earned_at,
      ${asOf}::timestamptz - interval '10 days' + ((g - 1) % ${PER}) * interval '1 day' AS expires_at
    FROM generate_series(${from}::bigint, ${to}::bigint) g`
  await sql`
    INSERT INTO point_lots (program_id, member_id, id, status, earned, remaining, earned_at,
      available_at, expires_at, source_kind, source_id, created_at)
    SELECT ${plan.programId}, ${memberId('m')}, ${lotId('g')}, 'available', ${POINTS},
      ${POINTS}, earned_at, earned_at, expires_at, 'adjustment', ${txnId('g')}, earned_at
    FROM (${rows}) r
  `.execute(db)
  await sql`
    INSERT INTO point_transactions (program_id, member_id, id, type, points, available_delta,
      pending_delta, balance_after, pending_after, source_kind, source_id, lot_id, expires_at,
      note, actor, created_at)
    SELECT ${plan.programId}, ${memberId('m')}, ${txnId('g')}, 'adjust', ${POINTS},
      ${POINTS}, 0, ${POINTS} * (k + 1), 0, 'adjustment', ${txnId('g')},
      ${lotId('g')}, expires_at, 'bench seed', 'bench', earned_at
    FROM (${rows}) r
  `.execute(db)
}

async function dueLots(db: Kysely<DB>, plan: Plan): Promise<number> {
  const row = await db
    .selectFrom('point_lots')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('program_id', '=', plan.programId)
    .where('status', '=', 'available')
    .where('remaining', '>', 0)
    .where('expires_at', '<=', plan.asOf)
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

async function load(run: EngineRun, plan: Plan) {
  const { db } = run.server.database
  const tracker = run.options.progress.task(
    `${run.label}: loading members, lots and ledger entries with SQL`,
    plan.lots,
    'lots',
  )
  try {
    const memberChunk = LOAD_CHUNK / EXPIRY_LOTS_PER_MEMBER
    for (let from = 1; from <= plan.members; from += memberChunk) {
      await insertMembers(db, plan, from, Math.min(from + memberChunk - 1, plan.members))
    }
    for (let from = 1; from <= plan.lots; from += LOAD_CHUNK) {
      run.options.signal?.throwIfAborted()
      const to = Math.min(from + LOAD_CHUNK - 1, plan.lots)
      await insertLots(db, plan, from, to)
      tracker.update(to)
    }
  } finally {
    tracker.done()
  }
  // As autovacuum would soon after a real load: the job's queries are planned on fresh statistics.
  await sql`ANALYZE members, point_lots, point_transactions`.execute(db)
}

/**
 * Runs the job. On PostgreSQL a bar follows the lots still due when the terminal shows it; on
 * PGlite nothing can be polled: its queries resolve without returning to the event loop, so
 * the whole job runs before any timer (or HTTP request) gets a turn.
 */
async function runJob(run: EngineRun, plan: Plan): Promise<{ processed: number; ms: number }> {
  const { db } = run.server.database
  const { progress } = run.options
  const label = `${run.label}: points-expiry job`
  const polled = progress.live && run.engine === 'postgres'
  const tracker = polled ? progress.task(label, plan.lots, 'lots') : undefined
  if (!polled) progress.phase(`${label} over ${plan.lots.toLocaleString('en')} lots`)
  let polling: Promise<unknown> = Promise.resolve()
  const timer = tracker
    ? setInterval(() => {
        polling = polling
          .then(() => dueLots(db, plan))
          .then((left) => tracker.update(plan.lots - left))
          .catch(() => {})
      }, POLL_MS)
    : undefined
  const started = performance.now()
  try {
    const { processed } = await run.server.services.jobs.runNow(
      plan.programId,
      'points-expiry',
      plan.asOf,
    )
    return { processed, ms: performance.now() - started }
  } finally {
    clearInterval(timer)
    await polling
    tracker?.update(plan.lots)
    tracker?.done()
  }
}

async function verify(db: Kysely<DB>, plan: Plan) {
  const lots = await db
    .selectFrom('point_lots')
    .select((eb) => [
      eb.fn.countAll<number>().as('lots'),
      sql<number>`count(*) FILTER (WHERE remaining > 0)`.as('left'),
    ])
    .where('program_id', '=', plan.programId)
    .executeTakeFirstOrThrow()
  const balances = await db
    .selectFrom('members')
    .select(sql<number>`count(*) FILTER (WHERE points_available <> 0)`.as('left'))
    .where('program_id', '=', plan.programId)
    .executeTakeFirstOrThrow()
  const entries = await db
    .selectFrom('point_transactions')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('program_id', '=', plan.programId)
    .where('type', '=', 'expire')
    .executeTakeFirstOrThrow()
  return {
    lots: Number(lots.lots),
    lotsLeft: Number(lots.left),
    balancesLeft: Number(balances.left),
    expireEntries: Number(entries.count),
  }
}

/**
 * `points-expiry` over bulk-loaded lots: a fresh program, members with 10 lots each, every
 * lot due, loaded straight into the tables with SQL; then the job runs once, timed, and
 * afterwards every lot must be empty, every balance 0, and every lot have its `expire` entry.
 */
export async function benchExpiry(run: EngineRun): Promise<void> {
  const { options, report } = run
  const lots = options.expiryLots ?? DEFAULT_EXPIRY_LOTS[run.engine]
  const api = await createBenchProgram(run.api.baseUrl, run.adminKey, 'Bench expiry')
  const plan: Plan = {
    programId: api.programId,
    lots,
    members: Math.ceil(lots / EXPIRY_LOTS_PER_MEMBER),
    asOf: new Date(Math.floor(Date.now() / 1000) * 1000),
  }
  await load(run, plan)
  options.signal?.throwIfAborted()
  const { processed, ms } = await runJob(run, plan)
  const found = await verify(run.server.database.db, plan)
  const row: ExpiryRow = {
    engine: run.label,
    members: plan.members,
    lots: found.lots,
    seconds: ms / 1000,
    lotsPerSecond: found.lots / (ms / 1000),
    processed,
    lotsLeft: found.lotsLeft,
    balancesLeft: found.balancesLeft,
    expireEntries: found.expireEntries,
    ok:
      found.lots === lots &&
      found.lotsLeft === 0 &&
      found.balancesLeft === 0 &&
      found.expireEntries === lots &&
      processed === lots * POINTS_PER_LOT,
  }
  report.expiries.push(row)
}
