import { dueReview, type TierLadder, windowRange } from '@loyalbase/core'
import type { DB } from '@loyalbase/db'
import { type Kysely, type RawBuilder, sql } from 'kysely'
import { DEFAULT_TIER_MEMBERS, type EngineRun, type TierEvaluationRow } from './bench.js'
import { type BenchApi, createBenchProgram } from './bench-api.client.js'
import {
  benchMemberNumber,
  initialTierIndexSql,
  loadTierData,
  TIER_ORDERS_PER_MEMBER,
  TIERS_BENCH_LADDER,
  type TierDataPlan,
  tierIndexSql,
  tierKeySql,
} from './tier-data.loader.js'

const POLL_MS = 1_000
const LADDER = TIERS_BENCH_LADDER as unknown as TierLadder

/** Saves a ladder through the API and waits for the re-evaluation it starts. */
export async function putLadder(run: EngineRun, api: BenchApi, ladder: unknown): Promise<void> {
  const response = await api.send('PUT', '/v1/tiers', ladder)
  if (response.status < 200 || response.status > 299) {
    throw new Error(`PUT /v1/tiers answered ${response.status}: ${response.body}`)
  }
  await run.server.services.jobs.settle()
}

async function programTimezone(db: Kysely<DB>, programId: string): Promise<string> {
  const row = await db
    .selectFrom('programs')
    .select('timezone')
    .where('id', '=', programId)
    .executeTakeFirstOrThrow()
  return row.timezone
}

async function runningProgress(db: Kysely<DB>, programId: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('job_runs')
    .select('progress')
    .where('program_id', '=', programId)
    .where('name', '=', 'tier-evaluation')
    .where('finished_at', 'is', null)
    .orderBy('started_at', 'desc')
    .executeTakeFirst()
  return row?.progress == null ? undefined : Number(row.progress)
}

/**
 * Runs `tier-evaluation` once as of the plan's time, timed. On PostgreSQL a bar follows the
 * run's progress when the terminal shows it; PGlite cannot be polled while a job runs.
 */
async function runJob(run: EngineRun, plan: TierDataPlan, label: string) {
  const { db } = run.server.database
  const { progress } = run.options
  const polled = progress.live && run.engine === 'postgres'
  const tracker = polled ? progress.task(label, plan.members, 'members') : undefined
  if (!polled) progress.phase(`${label} over ${plan.members.toLocaleString('en')} members`)
  let polling: Promise<unknown> = Promise.resolve()
  const timer = tracker
    ? setInterval(() => {
        polling = polling
          .then(() => runningProgress(db, plan.programId))
          .then((done) => done !== undefined && tracker.update(done))
          .catch(() => {})
      }, POLL_MS)
    : undefined
  const started = performance.now()
  try {
    const { processed } = await run.server.services.jobs.runNow(
      plan.programId,
      'tier-evaluation',
      plan.asOf,
    )
    return { changed: processed, seconds: (performance.now() - started) / 1000 }
  } finally {
    clearInterval(timer)
    await polling
    tracker?.update(plan.members)
    tracker?.done()
  }
}

interface Expected {
  mismatches: number
  upgrades: number
  downgrades: number
}

/**
 * Recomputes with one SQL query, independently of the job's code, where every member must
 * end: its starting tier (from its number and lifetime spend, as loaded), raised to what its
 * spend over the rolling year qualifies for, or else — the month's review being due — lowered
 * to what the better of that and the year that ended with the month qualifies for.
 */
async function expectedTiers(db: Kysely<DB>, plan: TierDataPlan, timeZone: string) {
  const review = dueReview(LADDER, plan.asOf, timeZone)
  if (!review) throw new Error('the bench ladder reviews every month')
  const now = windowRange(LADDER.window, plan.asOf, timeZone)
  const atEnd = windowRange(LADDER.window, review.end, timeZone)
  const spendIn = ({ from, to }: { from: Date | null; to: Date }) => sql`
    SELECT member_id, sum(amount - refunded_amount) AS v FROM orders
    WHERE program_id = ${plan.programId} AND occurred_at > ${from ?? new Date(0)}
      AND occurred_at <= ${to}
    GROUP BY member_id`
  const { rows } = await sql<Expected>`
    WITH now AS (${spendIn(now)}), pe AS (${spendIn(atEnd)}),
    e AS (
      SELECT m.id, m.tier_key,
        ${initialTierIndexSql(benchMemberNumber('m.id'), sql`m.lifetime_spend`)} AS cur,
        ${tierIndexSql(sql`coalesce(now.v, 0)`)} AS qn,
        ${tierIndexSql(sql`coalesce(pe.v, 0)`)} AS qp
      FROM members m
        LEFT JOIN now ON now.member_id = m.id
        LEFT JOIN pe ON pe.member_id = m.id
      WHERE m.program_id = ${plan.programId}
    ), x AS (
      SELECT tier_key, cur,
        CASE WHEN qn > cur THEN qn ELSE least(cur, greatest(qn, qp)) END AS expected
      FROM e
    )
    SELECT
      count(*) FILTER (WHERE tier_key <> ${tierKeySql(sql`expected`)})::int AS mismatches,
      count(*) FILTER (WHERE expected > cur)::int AS upgrades,
      count(*) FILTER (WHERE expected < cur)::int AS downgrades
    FROM x
  `.execute(db)
  return { ...(rows[0] as Expected), reviewKey: review.key }
}

/** What the run wrote besides the members' tiers: history, outbox events, review marks. */
async function recorded(db: Kysely<DB>, programId: string, reviewKey: string) {
  const count = async (query: RawBuilder<{ n: number }>) =>
    Number((await query.execute(db)).rows[0]?.n ?? 0)
  const changes = await sql<{ reason: string; n: number }>`
    SELECT reason, count(*)::int AS n FROM tier_changes WHERE program_id = ${programId}
    GROUP BY reason`.execute(db)
  const byReason = new Map(changes.rows.map((row) => [row.reason, Number(row.n)]))
  return {
    upgrades: byReason.get('upgrade') ?? 0,
    downgrades: byReason.get('downgrade') ?? 0,
    otherChanges: [...byReason].filter(([r]) => r !== 'upgrade' && r !== 'downgrade').length,
    changedEvents: await count(sql`
      SELECT count(*)::int AS n FROM outbox_events
      WHERE program_id = ${programId} AND type = 'tier.changed'`),
    upgradedEvents: await count(sql`
      SELECT count(*)::int AS n FROM outbox_events
      WHERE program_id = ${programId} AND type = 'tier.upgraded'`),
    reviewed: await count(sql`
      SELECT count(*)::int AS n FROM members
      WHERE program_id = ${programId} AND tier_reviewed = ${reviewKey}`),
  }
}

async function distribution(db: Kysely<DB>, programId: string): Promise<number[]> {
  const { rows } = await sql<{ tier_key: string; n: number }>`
    SELECT tier_key, count(*)::int AS n FROM members WHERE program_id = ${programId}
    GROUP BY tier_key`.execute(db)
  const counts = new Map(rows.map((row) => [row.tier_key, Number(row.n)]))
  return TIERS_BENCH_LADDER.tiers.map((tier) => counts.get(tier.key) ?? 0)
}

/**
 * `tier-evaluation` over bulk-loaded members and orders: a fresh program with a four-tier
 * ladder (spend over a rolling year, reviewed monthly), members and their orders loaded with
 * SQL, three in four members starting in the tier their lifetime spend reaches and the rest
 * in the first; then the job runs once as of now, timed, and every member's tier is compared
 * with one recomputed in SQL. A second run as of the same time must change nothing.
 */
export async function benchTiers(run: EngineRun): Promise<void> {
  const { options, report } = run
  const { db } = run.server.database
  const members = options.tierMembers ?? DEFAULT_TIER_MEMBERS[run.engine]
  const api = await createBenchProgram(run.api.baseUrl, run.adminKey, 'Bench tiers')
  await putLadder(run, api, TIERS_BENCH_LADDER)
  const plan: TierDataPlan = {
    programId: api.programId,
    members,
    orders: members * TIER_ORDERS_PER_MEMBER,
    asOf: new Date(Math.floor(Date.now() / 1000) * 1000),
    initialTiers: 'mixed',
    label: `${run.label}: ${members.toLocaleString('en')} members`,
  }
  await loadTierData(db, plan, options.progress, options.signal)
  options.signal?.throwIfAborted()
  const label = `${run.label}: tier-evaluation job`
  const first = await runJob(run, plan, label)
  const again = await runJob(run, plan, `${label} again, as of the same time`)
  const timeZone = await programTimezone(db, plan.programId)
  const expected = await expectedTiers(db, plan, timeZone)
  const found = await recorded(db, plan.programId, expected.reviewKey)
  const row: TierEvaluationRow = {
    engine: run.label,
    members,
    orders: plan.orders,
    seconds: first.seconds,
    membersPerSecond: members / first.seconds,
    changed: first.changed,
    upgrades: found.upgrades,
    downgrades: found.downgrades,
    distribution: await distribution(db, plan.programId),
    rerunChanged: again.changed,
    rerunSeconds: again.seconds,
    mismatches: expected.mismatches,
    ok:
      expected.mismatches === 0 &&
      first.changed === expected.upgrades + expected.downgrades &&
      found.upgrades === expected.upgrades &&
      found.downgrades === expected.downgrades &&
      found.otherChanges === 0 &&
      found.changedEvents === first.changed &&
      found.upgradedEvents === expected.upgrades &&
      found.reviewed === members - expected.upgrades &&
      again.changed === 0,
  }
  report.tierEvaluations.push(row)
}
