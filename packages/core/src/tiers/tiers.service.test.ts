import { createTestDb, type TestDatabase, testEngine } from '@loyalbase/db/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices, type Services } from '../create-services.js'
import type { TierLadder } from '../ladder/ladder.js'
import type { ProgramContext } from '../programs/programs.service.js'
import { fixedClock } from '../shared/clock.js'

// The tier-evaluation job reviews a page of members per transaction; these cases prove what
// only batches could get wrong: pages, and members another transaction holds meanwhile.

const engine = testEngine()
let testDb: TestDatabase
let services: Services
const clock = fixedClock('2026-05-01T04:00:00Z')
const asOf = new Date('2026-07-01T00:00:00Z')

const ladder: TierLadder = {
  metric: 'spend',
  window: { type: 'lifetime' },
  downgrade: { type: 'never' },
  tiers: [
    { key: 'normal', name: '普通会员', threshold: 0 },
    { key: 'gold', name: '金卡', threshold: 500_000 },
  ],
}

beforeAll(async () => {
  testDb = await createTestDb()
  services = createServices(testDb.database.db, clock)
})
afterAll(() => testDb.drop())

async function shop(name: string): Promise<ProgramContext> {
  const created = await services.programs.create({ name, timezone: 'Asia/Shanghai' })
  const program = await services.programs.get(JSON.parse(created.body).id)
  await services.tiers.setLadder(program, ladder)
  await services.jobs.settle()
  return services.programs.get(program.id)
}

/** A member made gold by hand until June: the July run returns it to `normal`. */
async function lapsingGold(program: ProgramContext, externalId: string): Promise<string> {
  const member = JSON.parse(
    (await services.members.create(program, { external_id: externalId })).body,
  )
  await services.tiers.override(
    program,
    member.id,
    { tier: 'gold', until: '2026-06-01T00:00:00Z', reason: 'test' },
    'test',
  )
  return member.id as string
}

const tierOf = async (program: ProgramContext, id: string) =>
  (await services.tiers.memberTier(program, id)).tier.key

describe('tier-evaluation in batches', () => {
  it('reviews every member across pages, each once, and reports progress per page', async () => {
    const program = await shop('Pages')
    // 1,203 members straight into the table (three pages of 500 and a bit), all lapsing gold.
    const since = clock.now().toISOString()
    await sql`
      INSERT INTO members (program_id, id, external_id, joined_at, referral_code, tier_key,
        tier_since, tier_overridden, tier_override_until)
      SELECT ${program.id}, 'mem_page_' || lpad(g::text, 5, '0'), 'page-' || g, ${since}::timestamptz,
        'PAGE' || g, 'gold', ${since}::timestamptz, true, '2026-06-01T00:00:00Z'::timestamptz
      FROM generate_series(1, 1203) g`.execute(testDb.database.db)
    const progress: number[] = []
    const tiers = services.tiers.job()
    expect(await tiers.run(program.id, asOf, async (seen) => void progress.push(seen))).toBe(1203)
    expect(progress).toEqual([500, 1000, 1203])
    expect(await tiers.run(program.id, asOf)).toBe(0)
    const rows = await sql<{ tier_key: string; n: number; changes: number }>`
      SELECT m.tier_key, count(*)::int AS n, sum((SELECT count(*) FROM tier_changes c
        WHERE c.program_id = m.program_id AND c.member_id = m.id))::int AS changes
      FROM members m WHERE m.program_id = ${program.id} AND NOT m.tier_overridden
      GROUP BY m.tier_key`.execute(testDb.database.db)
    expect(rows.rows).toEqual([{ tier_key: 'normal', n: 1203, changes: 1203 }])
  })

  // Only PostgreSQL has a second connection to hold a member's row while the job runs.
  if (engine === 'postgres') {
    it('reviews the rest of a page at once and waits for a member another transaction holds', async () => {
      const program = await shop('Busy')
      const free = await lapsingGold(program, 'free')
      const busy = await lapsingGold(program, 'busy')
      let release = () => {}
      const released = new Promise<void>((resolve) => {
        release = resolve
      })
      let holding = () => {}
      const held = new Promise<void>((resolve) => {
        holding = resolve
      })
      const holder = testDb.database.db.transaction().execute(async (trx) => {
        await trx
          .selectFrom('members')
          .select('id')
          .where('program_id', '=', program.id)
          .where('id', '=', busy)
          .forUpdate()
          .execute()
        holding()
        await released
      })
      await held
      let finished = false
      const run = services.jobs.runNow(program.id, 'tier-evaluation', asOf).finally(() => {
        finished = true
      })
      await new Promise((resolve) => setTimeout(resolve, 500))
      // The free member's batch has committed; the job waits for the busy one alone.
      expect(finished).toBe(false)
      expect(await tierOf(program, free)).toBe('normal')
      expect(await tierOf(program, busy)).toBe('gold')
      release()
      await holder
      expect(await run).toEqual({ processed: 2 })
      expect(await tierOf(program, busy)).toBe('normal')
      const history = await services.tiers.memberTier(program, busy)
      expect(history.history[0]).toMatchObject({
        from: 'gold',
        to: 'normal',
        reason: 'override_expired',
      })
    })
  }
})
