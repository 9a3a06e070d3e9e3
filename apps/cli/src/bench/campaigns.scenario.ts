import type { DB } from '@loyalbase/db'
import { type Kysely, type RawBuilder, sql } from 'kysely'
import {
  CAMPAIGN_TARGET_MEMBERS,
  type CampaignRunRow,
  DEFAULT_CAMPAIGN_MEMBERS,
  type EngineRun,
} from './bench.js'
import { type BenchApi, createBenchProgram } from './bench-api.client.js'

/** Points each rewarded member gets. */
export const CAMPAIGN_POINTS = 100
/** Share of the audience held out (docs/campaigns.md, "Holdout"). */
export const CAMPAIGN_HOLDOUT_PERCENT = 10

/** The campaign run (docs/campaigns.md): `POST /v1/campaigns` as sent. */
export const BENCH_CAMPAIGN = {
  name: 'Bench: 100 points on your birthday',
  trigger: { type: 'birthday' },
  reward: { type: 'points', points: CAMPAIGN_POINTS },
  holdout_percent: CAMPAIGN_HOLDOUT_PERCENT,
} as const

/** Members per INSERT: big enough to be fast, small enough to show progress. */
const MEMBER_CHUNK = 50_000

/** The holdout's buckets: md5(`campaign:member`) modulo this, held out below the percent × 100. */
const HOLDOUT_BUCKETS = 10_000

/*
 * Member `m`'s birthday is day `(m × 7919) mod 13149` after 1970-01-01: 13,149 days are the 36
 * years 1970–2005, and 7919 (a prime) does not divide it, so each run of 13,149 members takes
 * every date of those years once: every day of the year is someone's birthday, 29 February in
 * the leap years only, about one member in 365.25 for each day.
 */
const BIRTH_DAYS = 13_149
const birthdayOf = (m: string) =>
  sql`to_char(date '1970-01-01' + ((${sql.raw(m)} * 7919) % ${sql.lit(BIRTH_DAYS)})::int, 'YYYY-MM-DD')`
// Zero-padded so that ids sort like numbers.
const memberId = (m: string) => sql`'mem_cmp_' || lpad((${sql.raw(m)})::text, 9, '0')`

interface Plan {
  programId: string
  members: number
  /** The tier every member is in: the entry tier of the program's ladder. */
  tier: string
  joinedAt: Date
}

/** Members `from`..`to`, active, with a birthday each and nothing else a campaign reads. */
async function insertMembers(db: Kysely<DB>, plan: Plan, from: number, to: number) {
  await sql`
    INSERT INTO members (program_id, id, external_id, birthday, joined_at, referral_code,
      tier_key, tier_since, created_at, updated_at)
    SELECT ${plan.programId}, ${memberId('m')}, 'campaign-' || m, ${birthdayOf('m')},
      ${plan.joinedAt}, 'BENCHC' || m, ${plan.tier}, ${plan.joinedAt}, ${plan.joinedAt},
      ${plan.joinedAt}
    FROM generate_series(${from}::bigint, ${to}::bigint) m
  `.execute(db)
}

async function load(run: EngineRun, plan: Plan) {
  const { db } = run.server.database
  const tracker = run.options.progress.task(
    `${run.label}: loading members with birthdays with SQL`,
    plan.members,
    'members',
  )
  try {
    for (let from = 1; from <= plan.members; from += MEMBER_CHUNK) {
      run.options.signal?.throwIfAborted()
      const to = Math.min(from + MEMBER_CHUNK - 1, plan.members)
      await insertMembers(db, plan, from, to)
      tracker.update(to)
    }
  } finally {
    tracker.done()
  }
  // As autovacuum would soon after a real load: the job is planned on fresh statistics.
  await sql`ANALYZE members`.execute(db)
}

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

/**
 * The birthdays (`MM-DD`) celebrated on the local day of `asOf`: that day's, and on 28 February
 * of a common year also 29 February's (docs/campaigns.md, "Triggers").
 */
async function birthdaysOf(db: Kysely<DB>, asOf: Date, timeZone: string) {
  const { rows } = await sql<{ day: string }>`
    SELECT to_char(${asOf}::timestamptz AT TIME ZONE ${timeZone}::text, 'YYYY-MM-DD') AS day`.execute(
    db,
  )
  const date = rows[0]?.day ?? ''
  const day = date.slice(5)
  const common = !isLeapYear(Number(date.slice(0, 4)))
  return day === '02-28' && common ? [day, '02-29'] : [day]
}

/** Whether a member's birthday is one of `days`, read as a date (not as the core reads it). */
function bornOn(birthday: RawBuilder<unknown>, days: readonly string[]) {
  return sql`to_char((${birthday})::date, 'MM-DD') IN (${sql.join(days.map((day) => sql`${day}`))})`
}

/** The holdout's formula (docs/campaigns.md): is the member's bucket below the percent? */
function heldOut(campaignId: string, member: RawBuilder<unknown>) {
  const cut = Math.round(CAMPAIGN_HOLDOUT_PERCENT * (HOLDOUT_BUCKETS / 100))
  return sql`((('x' || substr(md5(${campaignId}::text || ':' || ${member}), 1, 8))::bit(32)::bigint % ${HOLDOUT_BUCKETS}) < ${cut})`
}

/** The bench's own count of the audience: active members born on `days`, split by bucket. */
async function expected(db: Kysely<DB>, programId: string, campaignId: string, days: string[]) {
  const { rows } = await sql<{ rewarded: number; held: number }>`
    SELECT count(*) FILTER (WHERE NOT held)::int AS rewarded,
      count(*) FILTER (WHERE held)::int AS held
    FROM (
      SELECT ${heldOut(campaignId, sql`m.id`)} AS held FROM members m
      WHERE m.program_id = ${programId} AND m.status = 'active' AND m.birthday IS NOT NULL
        AND ${bornOn(sql`m.birthday`, days)}
    ) t
  `.execute(db)
  return { rewarded: Number(rows[0]?.rewarded ?? 0), heldOut: Number(rows[0]?.held ?? 0) }
}

/**
 * What the run recorded: the campaign's rows by status, those whose member is not born on `days`
 * or whose group is not the member's bucket, the `earn` entries crediting the campaign and the
 * points the program's members hold.
 */
async function recorded(db: Kysely<DB>, programId: string, campaignId: string, days: string[]) {
  const { rows } = await sql<{
    rewarded: number
    held: number
    other: number
    wrong: number
    entries: number
    credited: string
    balances: string
    audience_s: string | null
    rewards_s: string | null
  }>`
    SELECT
      count(*) FILTER (WHERE cm.status = 'rewarded')::int AS rewarded,
      count(*) FILTER (WHERE cm.status = 'holdout')::int AS held,
      count(*) FILTER (WHERE cm.status NOT IN ('rewarded', 'holdout'))::int AS other,
      count(*) FILTER (WHERE m.birthday IS NULL OR NOT ${bornOn(sql`m.birthday`, days)}
        OR (cm.grp = 'holdout') <> ${heldOut(campaignId, sql`cm.member_id`)})::int AS wrong,
      (SELECT count(*) FROM point_transactions t WHERE t.program_id = ${programId}
        AND t.type = 'earn' AND t.source_kind = 'campaign' AND t.source_id = ${campaignId})::int
        AS entries,
      (SELECT coalesce(sum(t.points), 0) FROM point_transactions t WHERE t.program_id = ${programId}
        AND t.type = 'earn' AND t.source_kind = 'campaign' AND t.source_id = ${campaignId})::text
        AS credited,
      (SELECT coalesce(sum(points_available), 0) FROM members
        WHERE program_id = ${programId})::text AS balances,
      extract(epoch FROM min(cm.rewarded_at) - min(cm.assigned_at))::text AS audience_s,
      extract(epoch FROM max(cm.rewarded_at) - min(cm.rewarded_at))::text AS rewards_s
    FROM campaign_members cm
      JOIN members m ON m.program_id = cm.program_id AND m.id = cm.member_id
    WHERE cm.program_id = ${programId} AND cm.campaign_id = ${campaignId}
  `.execute(db)
  const row = rows[0]
  return {
    rewarded: Number(row?.rewarded ?? 0),
    heldOut: Number(row?.held ?? 0),
    otherRows: Number(row?.other ?? 0),
    wrongMembers: Number(row?.wrong ?? 0),
    earnEntries: Number(row?.entries ?? 0),
    pointsCredited: Number(row?.credited ?? 0),
    balances: Number(row?.balances ?? 0),
    audienceSeconds: Number(row?.audience_s ?? 0),
    rewardSeconds: Number(row?.rewards_s ?? 0),
  }
}

/** `POST /v1/jobs/campaigns/run { as_of }`, timed from the request to its answer. */
async function runJob(api: BenchApi, asOf: Date) {
  const started = performance.now()
  const response = await api.send('POST', '/v1/jobs/campaigns/run', {
    as_of: asOf.toISOString(),
  })
  const seconds = (performance.now() - started) / 1000
  if (response.status !== 200) {
    throw new Error(`POST /v1/jobs/campaigns/run answered ${response.status}: ${response.body}`)
  }
  return { processed: (JSON.parse(response.body) as { processed: number }).processed, seconds }
}

/**
 * The campaigns job for a birthday campaign over bulk-loaded members: a fresh program,
 * `--campaign-members` members loaded with SQL with birthdays spread evenly over the year, a
 * campaign through `POST /v1/campaigns` (100 points on the birthday, 10 % held out), then
 * `POST /v1/jobs/campaigns/run { as_of }` timed, `as_of` being the moment after the campaign was
 * created: the members whose birthday is its local day (Asia/Shanghai, the program's time zone)
 * are the audience, about one in 365. A second run with the same `as_of` must change nothing;
 * the rows must be exactly the bench's own SQL count of the members born that day, split by the
 * holdout's formula, and every rewarded member credited its points once.
 */
export async function benchCampaigns(run: EngineRun): Promise<void> {
  const { options, report } = run
  const { db } = run.server.database
  const members = options.campaignMembers ?? DEFAULT_CAMPAIGN_MEMBERS[run.engine]
  const api = await createBenchProgram(run.api.baseUrl, run.adminKey, 'Bench campaigns')
  const program = await db
    .selectFrom('programs')
    .select(['timezone', 'tier_ladder'])
    .where('id', '=', api.programId)
    .executeTakeFirstOrThrow()
  const ladder = program.tier_ladder as { tiers: { key: string }[] }
  const plan: Plan = {
    programId: api.programId,
    members,
    tier: ladder.tiers[0]?.key ?? 'member',
    joinedAt: new Date(Date.now() - 400 * 86_400_000),
  }
  await load(run, plan)
  options.signal?.throwIfAborted()
  const campaign = await api.post<{ id: string }>('/v1/campaigns', BENCH_CAMPAIGN)
  // After the campaign's start (its creation): the run finds it running.
  const asOf = new Date()
  const days = await birthdaysOf(db, asOf, program.timezone)
  options.progress.phase(
    `${run.label}: running the campaigns job as of ${asOf.toISOString()} (birthdays ${days.join(', ')} ` +
      `in ${program.timezone}) over ${members.toLocaleString('en')} members (POST /v1/jobs/campaigns/run)`,
  )
  const first = await runJob(api, asOf)
  options.progress.phase(`${run.label}: running it again with the same as_of`)
  const rerun = await runJob(api, asOf)
  const want = await expected(db, api.programId, campaign.id, days)
  const found = await recorded(db, api.programId, campaign.id, days)
  const row: CampaignRunRow = {
    engine: run.label,
    members,
    day: days.join('+'),
    holdoutPercent: CAMPAIGN_HOLDOUT_PERCENT,
    seconds: first.seconds,
    processed: first.processed,
    audienceSeconds: found.audienceSeconds,
    rewardSeconds: found.rewardSeconds,
    rewarded: found.rewarded,
    heldOut: found.heldOut,
    otherRows: found.otherRows,
    expectedRewarded: want.rewarded,
    expectedHeldOut: want.heldOut,
    wrongMembers: found.wrongMembers,
    earnEntries: found.earnEntries,
    pointsCredited: found.pointsCredited,
    balances: found.balances,
    rerunProcessed: rerun.processed,
    rerunSeconds: rerun.seconds,
    ok:
      want.rewarded > 0 &&
      found.rewarded === want.rewarded &&
      found.heldOut === want.heldOut &&
      found.otherRows === 0 &&
      found.wrongMembers === 0 &&
      first.processed === found.rewarded + found.heldOut &&
      found.earnEntries === found.rewarded &&
      found.pointsCredited === found.rewarded * CAMPAIGN_POINTS &&
      found.balances === found.pointsCredited &&
      rerun.processed === 0,
  }
  report.campaignRuns.push(row)
  if (members < CAMPAIGN_TARGET_MEMBERS) {
    const why =
      options.campaignMembers === undefined
        ? ` (the default on ${run.engine})`
        : ' (--campaign-members)'
    report.notes.push(
      `${run.label}: the campaigns job ran over ${members.toLocaleString('en')} members${why}, ` +
        `not the ${CAMPAIGN_TARGET_MEMBERS.toLocaleString('en')} asked for.`,
    )
  }
}
