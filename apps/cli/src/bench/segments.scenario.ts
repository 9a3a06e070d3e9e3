import type { DB } from '@loyalbase/db'
import { type Kysely, type RawBuilder, sql } from 'kysely'
import {
  DEFAULT_SEGMENT_MEMBERS,
  type EngineRun,
  SEGMENT_TARGET_MEMBERS,
  type SegmentCountRow,
} from './bench.js'
import { type BenchApi, createBenchProgram } from './bench-api.client.js'
import { BENCH_TIER_LADDER } from './orders.scenario.js'
import { putLadder } from './tiers.scenario.js'

/** The segment's three conditions: a tier, a lifetime spend, and an order in the last days. */
const SEGMENT_TIER = 'gold'
const SEGMENT_MIN_SPEND = 50_000
const SEGMENT_MAX_DAYS = 90

/** The segment counted (docs/segments.md): `POST /v1/segments` as sent. */
export const BENCH_SEGMENT = {
  name: 'Bench: gold, ¥500 or more in all, an order in the last 90 days',
  condition: {
    and: [
      { '==': [{ var: 'tier' }, SEGMENT_TIER] },
      { '>=': [{ var: 'lifetime_spend' }, SEGMENT_MIN_SPEND] },
      { '<=': [{ var: 'days_since_last_order' }, SEGMENT_MAX_DAYS] },
    ],
  },
} as const

/** The segment's condition in words, for the table's title. */
export const SEGMENT_DESCRIPTION =
  `tier == "${SEGMENT_TIER}" and lifetime_spend >= ${SEGMENT_MIN_SPEND} and ` +
  `days_since_last_order <= ${SEGMENT_MAX_DAYS}`

/** Requests timed, one after the other: the first right after the load, then warm. */
export const SEGMENT_REQUESTS = 3
/** Members (and their orders) per INSERT: big enough to be fast, small enough to show progress. */
const MEMBER_CHUNK = 50_000

/*
 * Member `m` is made from its number alone, so that its row and its orders agree without a
 * second pass: `ordersOf` orders (0 to 3: one member in four never ordered), each of `amountOf`
 * (log-uniform from ¥10 to ¥4,000, times a scale of the member's own from 1/4 to 64, so that
 * each of the ladder's upper tiers holds a tenth of the members or more: a million members give
 * about 582,000 `member`, 177,000 `silver`, 116,000 `gold` and 124,000 `diamond`), the newest `daysOf` local days ago (0 to 364)
 * and each older one 30 days before the next.
 */
const ordersOf = (m: string) => sql`((${sql.raw(m)} * 7) % 4)`
const amountOf = (m: string) =>
  sql`floor(exp(ln(1000) + ((${sql.raw(m)} * 7919) % 1000) / 1000.0 * ln(400)) * power(2, ((${sql.raw(m)} * 5) % 9) - 2))::bigint`
const daysOf = (m: string) => sql`((${sql.raw(m)} * 37) % 365)`
// Zero-padded so that ids sort like numbers.
const memberId = (m: string) => sql`'mem_seg_' || lpad((${sql.raw(m)})::text, 9, '0')`

interface Plan {
  programId: string
  members: number
  /** The program's local date at the load, `YYYY-MM-DD`, and its time zone. */
  today: string
  timeZone: string
}

/** Noon, local time, `days` before the plan's today: clear of any day's edge. */
function localNoon(plan: Plan, days: RawBuilder<unknown>) {
  return sql`((${plan.today}::date - (${days})::int) + time '12:00') AT TIME ZONE ${plan.timeZone}::text`
}

/** The key of the highest tier of the orders' ladder that `spend` reaches, as SQL. */
function tierKeyOf(spend: RawBuilder<unknown>) {
  const cases = [...BENCH_TIER_LADDER.tiers]
    .reverse()
    .map((tier) => sql`WHEN ${spend} >= ${sql.lit(tier.threshold)} THEN ${sql.lit(tier.key)}`)
  return sql`(CASE ${sql.join(cases, sql` `)} END)`
}

/**
 * Members `from`..`to` with everything a segment reads: the tier their lifetime spend reaches,
 * `lifetime_spend` and `orders_count` as their orders add up, and a balance of 1 point per ¥1
 * spent (as earned; the ledger is not loaded, a segment reads only the members' columns).
 */
async function insertMembers(db: Kysely<DB>, plan: Plan, from: number, to: number) {
  const joined = localNoon(plan, sql.lit(500))
  await sql`
    INSERT INTO members (program_id, id, external_id, joined_at, referral_code, tier_key,
      tier_since, points_available, points_earned, lifetime_spend, orders_count, created_at,
      updated_at)
    SELECT ${plan.programId}, ${memberId('m')}, 'segment-' || m, ${joined}, 'BENCHG' || m,
      ${tierKeyOf(sql`spend`)}, ${joined}, spend / 100, spend / 100, spend, k, ${joined}, ${joined}
    FROM (
      SELECT m, ${ordersOf('m')} AS k, ${ordersOf('m')} * ${amountOf('m')} AS spend
      FROM generate_series(${from}::bigint, ${to}::bigint) m
    ) s
  `.execute(db)
}

/** The orders of members `from`..`to`: what their counters and their last order say. */
async function insertOrders(db: Kysely<DB>, plan: Plan, from: number, to: number) {
  const at = localNoon(plan, sql`${daysOf('m')} + 30 * j`)
  await sql`
    INSERT INTO orders (program_id, id, member_id, amount, channel, occurred_at, fingerprint,
      created_at)
    SELECT ${plan.programId}, 'ord_seg_' || lpad(m::text, 9, '0') || '_' || j, ${memberId('m')},
      ${amountOf('m')}, CASE WHEN (m + j) % 4 = 0 THEN 'store' ELSE 'online' END, ${at},
      'bench', ${at}
    FROM generate_series(${from}::bigint, ${to}::bigint) m,
      generate_series(0, ${ordersOf('m')} - 1) j
  `.execute(db)
}

async function load(run: EngineRun, plan: Plan) {
  const { db } = run.server.database
  const tracker = run.options.progress.task(
    `${run.label}: loading members and their orders with SQL`,
    plan.members,
    'members',
  )
  try {
    for (let from = 1; from <= plan.members; from += MEMBER_CHUNK) {
      run.options.signal?.throwIfAborted()
      const to = Math.min(from + MEMBER_CHUNK - 1, plan.members)
      await insertMembers(db, plan, from, to)
      await insertOrders(db, plan, from, to)
      tracker.update(to)
    }
  } finally {
    tracker.done()
  }
  // As autovacuum would soon after a real load: the count is planned on fresh statistics.
  await sql`ANALYZE members, orders`.execute(db)
}

async function localToday(db: Kysely<DB>, timeZone: string): Promise<string> {
  const { rows } = await sql<{ today: string }>`
    SELECT to_char(now() AT TIME ZONE ${timeZone}::text, 'YYYY-MM-DD') AS today`.execute(db)
  return rows[0]?.today ?? ''
}

/**
 * The segment counted by the bench itself, independently of the core's translation: each
 * member's last order by one grouped scan of the orders, instead of a probe per member.
 */
async function expectedCount(db: Kysely<DB>, plan: Plan): Promise<number> {
  const today = await localToday(db, plan.timeZone)
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n
    FROM members m
      JOIN (SELECT member_id, max(occurred_at) AS last FROM orders
            WHERE program_id = ${plan.programId} GROUP BY member_id) o ON o.member_id = m.id
    WHERE m.program_id = ${plan.programId} AND m.tier_key = ${SEGMENT_TIER}
      AND m.lifetime_spend >= ${SEGMENT_MIN_SPEND}
      AND ${today}::date - (o.last AT TIME ZONE ${plan.timeZone}::text)::date <= ${SEGMENT_MAX_DAYS}
  `.execute(db)
  return Number(rows[0]?.n ?? 0)
}

async function loaded(db: Kysely<DB>, programId: string) {
  const { rows } = await sql<{ members: number; orders: number }>`
    SELECT
      (SELECT count(*) FROM members WHERE program_id = ${programId})::int AS members,
      (SELECT count(*) FROM orders WHERE program_id = ${programId})::int AS orders`.execute(db)
  return { members: Number(rows[0]?.members ?? 0), orders: Number(rows[0]?.orders ?? 0) }
}

/** `GET /v1/segments/{id}/members?limit=1` `SEGMENT_REQUESTS` times, each timed. */
async function countSegment(run: EngineRun, api: BenchApi, segmentId: string) {
  run.options.progress.phase(
    `${run.label}: counting the segment (GET /v1/segments/{id}/members?limit=1, ${SEGMENT_REQUESTS} times)`,
  )
  const answers: { seconds: number; count: number; page: number }[] = []
  for (let i = 0; i < SEGMENT_REQUESTS; i++) {
    const started = performance.now()
    const response = await api.send('GET', `/v1/segments/${segmentId}/members?limit=1`)
    const seconds = (performance.now() - started) / 1000
    if (response.status !== 200) {
      throw new Error(
        `GET /v1/segments/${segmentId}/members answered ${response.status}: ${response.body}`,
      )
    }
    const page = JSON.parse(response.body) as { data: unknown[]; count: number }
    answers.push({ seconds, count: page.count, page: page.data.length })
  }
  return answers
}

/**
 * Counting a segment of three conditions (a tier, a lifetime spend, days since the last order)
 * over bulk-loaded members: a fresh program on the orders' ladder, `--segment-members` members
 * and their orders loaded with SQL, the segment created through `POST /v1/segments`, then
 * `GET /v1/segments/{id}/members?limit=1` (a page of one and the count) timed, three times.
 * Every answer's count must equal the bench's own count of the condition in SQL.
 */
export async function benchSegments(run: EngineRun): Promise<void> {
  const { options, report } = run
  const { db } = run.server.database
  const members = options.segmentMembers ?? DEFAULT_SEGMENT_MEMBERS[run.engine]
  const api = await createBenchProgram(run.api.baseUrl, run.adminKey, 'Bench segments')
  await putLadder(run, api, BENCH_TIER_LADDER)
  const program = await db
    .selectFrom('programs')
    .select('timezone')
    .where('id', '=', api.programId)
    .executeTakeFirstOrThrow()
  const plan: Plan = {
    programId: api.programId,
    members,
    today: await localToday(db, program.timezone),
    timeZone: program.timezone,
  }
  await load(run, plan)
  options.signal?.throwIfAborted()
  const segment = await api.post<{ id: string }>('/v1/segments', BENCH_SEGMENT)
  const answers = await countSegment(run, api, segment.id)
  const expected = await expectedCount(db, plan)
  const found = await loaded(db, plan.programId)
  const row: SegmentCountRow = {
    engine: run.label,
    members: found.members,
    orders: found.orders,
    count: answers[0]?.count ?? 0,
    expected,
    seconds: answers.map((answer) => answer.seconds),
    ok:
      found.members === members &&
      answers.every((answer) => answer.count === expected && answer.page === Math.min(1, expected)),
  }
  report.segmentCounts.push(row)
  if (members < SEGMENT_TARGET_MEMBERS) {
    const why =
      options.segmentMembers === undefined
        ? ` (the default on ${run.engine})`
        : ' (--segment-members)'
    report.notes.push(
      `${run.label}: the segment was counted over ${members.toLocaleString('en')} members${why}, ` +
        `not the target's ${SEGMENT_TARGET_MEMBERS.toLocaleString('en')}.`,
    )
  }
}
