import { createTestDb, type TestDatabase } from '@loyalbase/db/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices, type Services } from '../create-services.js'
import { addMonths } from '../shared/calendar.js'
import { type Clock, fixedClock, systemClock } from '../shared/clock.js'
import { DEMO_MEMBER_COUNT } from './demo.js'
import type { DemoProgram } from './demo.service.js'

/*
 * The demo program as the server creates it on first start, written through the use cases and
 * read back from the database: api.md's figures, the same program on any day, ledgers that
 * check, orders priced as their baskets say, and something on every page of the console.
 */

interface Seeded {
  testDb: TestDatabase
  services: Services
  demo: DemoProgram
  now: Date
}

async function seed(clock: Clock): Promise<Seeded> {
  const testDb = await createTestDb()
  const services = createServices(testDb.database.db, clock)
  const now = clock.now()
  const demo = await services.demo.seedIfEmpty()
  if (!demo) throw new Error('the demo was not created on an empty database')
  await services.jobs.settle()
  return { testDb, services, demo, now }
}

/** Orders per member, by external id. */
async function ordersPerMember({ testDb, demo }: Seeded): Promise<Record<string, number>> {
  const rows = await testDb.database.db
    .selectFrom('members as m')
    .leftJoin('orders as o', (join) =>
      join.onRef('o.program_id', '=', 'm.program_id').onRef('o.member_id', '=', 'm.id'),
    )
    .select(['m.external_id', (eb) => eb.fn.count<string>('o.id').as('orders')])
    .where('m.program_id', '=', demo.programId)
    .groupBy('m.external_id')
    .execute()
  return Object.fromEntries(rows.map((r) => [r.external_id, Number(r.orders)]))
}

let first: Seeded
let second: Seeded

beforeAll(async () => {
  // Once on a fixed spring morning, once today: the same program, apart from ids and instants.
  first = await seed(fixedClock('2026-04-17T01:20:00Z'))
  second = await seed(systemClock)
}, 600_000)
afterAll(async () => {
  await first?.testDb.drop()
  await second?.testDb.drop()
})

describe('the demo program', () => {
  it('has what api.md promises, counted in the database', async () => {
    const db = first.testDb.database.db
    const program = await first.services.programs.get(first.demo.programId)
    expect(program.tier_ladder.tiers).toHaveLength(4)
    const counts = Object.values(await ordersPerMember(first))
    expect(counts).toHaveLength(DEMO_MEMBER_COUNT)
    expect(counts.length).toBeGreaterThanOrEqual(500)
    const tiers = await db
      .selectFrom('members')
      .select('tier_key')
      .distinct()
      .where('program_id', '=', program.id)
      .execute()
    expect(tiers.length).toBeGreaterThanOrEqual(3)
    const inYear = await db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('program_id', '=', program.id)
      .where('occurred_at', '>', addMonths(first.now, -12))
      .executeTakeFirstOrThrow()
    expect(Number(inYear.n)).toBeGreaterThanOrEqual(2_000)
    expect(counts.filter((c) => c === 1).length / counts.length).toBeGreaterThan(0.15)
    expect(counts.filter((c) => c >= 8).length / counts.length).toBeGreaterThan(0.03)
  })

  it('is the same program whatever day it starts: the same buying, member by member', async () => {
    expect(await ordersPerMember(second)).toEqual(await ordersPerMember(first))
    // And what it led to: spend, tiers and points (no rule of the demo reads the calendar).
    const members = async ({ testDb, demo }: Seeded) =>
      testDb.database.db
        .selectFrom('members')
        .select([
          'external_id',
          'name',
          'phone',
          'email',
          'tier_key',
          'lifetime_spend',
          'points_available',
          'points_pending',
        ])
        .where('program_id', '=', demo.programId)
        .orderBy('external_id')
        .execute()
    expect(await members(second)).toEqual(await members(first))
  })

  it('keeps exact ledgers: the ledger check finds no difference', async () => {
    for (const { services, demo } of [first, second]) {
      const report = await services.ledgerCheck.check({ programId: demo.programId })
      expect(report.members_checked).toBe(DEMO_MEMBER_COUNT)
      expect(report.differences).toEqual([])
    }
  })

  it('charges each order what its basket comes to, less discounts and points', async () => {
    const { rows } = await sql<{ orders: number; priced: number }>`
      SELECT count(*)::int AS orders, count(*) FILTER (WHERE amount =
        (SELECT sum((i->>'quantity')::int * (i->>'unit_price')::int)
          FROM jsonb_array_elements(items) i)
        + shipping_fee
        - (SELECT coalesce(sum((d->>'amount')::int), 0) FROM jsonb_array_elements(discounts) d)
        - points_value)::int AS priced
      FROM orders WHERE program_id = ${first.demo.programId}`.execute(first.testDb.database.db)
    expect(rows[0]?.priced).toBe(rows[0]?.orders)
  })

  it('leaves no page of the console empty', async () => {
    const db = first.testDb.database.db
    const program = first.demo.programId
    const count = async (query: ReturnType<typeof sql<{ n: number }>>) =>
      (await query.execute(db)).rows[0]?.n ?? 0
    const where = sql`program_id = ${program}`
    const figures = {
      rules: await count(sql`SELECT count(*)::int AS n FROM earning_rules WHERE ${where}`),
      benefits: await count(sql`SELECT count(*)::int AS n FROM benefits WHERE ${where}`),
      refunds: await count(sql`SELECT count(*)::int AS n FROM refunds WHERE ${where}`),
      reviews: await count(
        sql`SELECT count(*)::int AS n FROM events WHERE ${where} AND type = 'review.posted'`,
      ),
      checkIns: await count(
        sql`SELECT count(*)::int AS n FROM events WHERE ${where} AND type = 'member.checked_in'`,
      ),
      referrals: await count(
        sql`SELECT count(*)::int AS n FROM events WHERE ${where} AND type = 'referral.converted'`,
      ),
      upgrades: await count(sql`SELECT count(*)::int AS n FROM tier_changes WHERE ${where}`),
      couponsRedeemed: await count(
        sql`SELECT count(*)::int AS n FROM coupons WHERE ${where} AND status = 'redeemed'`,
      ),
      couponsActive: await count(
        sql`SELECT count(*)::int AS n FROM coupons WHERE ${where} AND status = 'active'`,
      ),
      treated: await count(
        sql`SELECT count(*)::int AS n FROM campaign_members WHERE ${where} AND status = 'rewarded'`,
      ),
      heldOut: await count(
        sql`SELECT count(*)::int AS n FROM campaign_members WHERE ${where} AND grp = 'holdout'`,
      ),
      segments: await count(sql`SELECT count(*)::int AS n FROM segments WHERE ${where}`),
      releases: await count(sql`SELECT count(*)::int AS n FROM releases WHERE ${where}`),
      bookings: await count(sql`SELECT count(*)::int AS n FROM appointments WHERE ${where}`),
      attending: await count(
        sql`SELECT count(*)::int AS n FROM event_invitations WHERE ${where} AND rsvp = 'yes'`,
      ),
      fulfilled: await count(
        sql`SELECT count(*)::int AS n FROM reward_redemptions
          WHERE ${where} AND status = 'fulfilled'`,
      ),
      toShip: await count(
        sql`SELECT count(*)::int AS n FROM reward_redemptions
          WHERE ${where} AND status = 'pending'`,
      ),
      benefitsUsed: await count(
        sql`SELECT count(DISTINCT benefit_id)::int AS n FROM benefit_uses WHERE ${where}`,
      ),
    }
    for (const [figure, value] of Object.entries(figures)) {
      expect(value, figure).toBeGreaterThan(0)
    }
    // Every black-card member has a dedicated advisor.
    const unserved = await count(sql`
      SELECT count(*)::int AS n FROM members m WHERE m.program_id = ${program}
        AND m.tier_key = 'black' AND NOT EXISTS (SELECT 1 FROM advisor_assignments a
          WHERE a.program_id = m.program_id AND a.member_id = m.id)`)
    expect(unserved).toBe(0)
  })

  it('is made once: a database with a program stays as it is', async () => {
    expect(await first.services.demo.seedIfEmpty()).toBeUndefined()
  })
})
