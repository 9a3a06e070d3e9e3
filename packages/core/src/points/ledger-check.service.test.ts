import { createTestDb, type TestDatabase } from '@loyalbase/db/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices, type Services } from '../create-services.js'
import type { ProgramContext } from '../programs/programs.service.js'
import { fixedClock } from '../shared/clock.js'

let testDb: TestDatabase
let services: Services
let program: ProgramContext
const members: string[] = []
const clock = fixedClock('2026-05-01T04:00:00Z')

beforeAll(async () => {
  testDb = await createTestDb()
  services = createServices(testDb.database.db, clock)
  const created = await services.programs.create({ name: 'Batches' })
  program = await services.programs.get(JSON.parse(created.body).id)
  for (let i = 1; i <= 7; i++) {
    const member = await services.members.create(program, { external_id: `b${i}` })
    const id = JSON.parse(member.body).id as string
    members.push(id)
    await services.points.adjust(program, id, { points: 10 * i, reason: 'seed' }, 'test')
    await services.points.redeem(program, id, { points: i }, 'test')
  }
  members.sort()
})
afterAll(() => testDb.drop())

describe('ledger check in batches', () => {
  it('checks every member once across batches and reports progress after each', async () => {
    const progress: [number, number][] = []
    const report = await services.ledgerCheck.check({
      programId: program.id,
      batchSize: 3,
      onProgress: (checked, total) => progress.push([checked, total]),
    })
    expect(report).toEqual({
      members_checked: 7,
      lots_checked: 7,
      transactions_checked: 14,
      differences: [],
    })
    expect(progress).toEqual([
      [3, 7],
      [6, 7],
      [7, 7],
    ])
  })

  it('finds a difference in a middle batch, in a lot, an entry and a counter', async () => {
    const member = members[4] as string
    const db = testDb.database.db
    const lot = await db
      .selectFrom('point_lots')
      .select(['id'])
      .where('member_id', '=', member)
      .executeTakeFirstOrThrow()
    const redemption = await db
      .selectFrom('point_transactions')
      .select(['id', 'balance_after'])
      .where('member_id', '=', member)
      .where('type', '=', 'redeem')
      .executeTakeFirstOrThrow()
    const before = await db
      .selectFrom('point_lots')
      .select('earned')
      .where('id', '=', lot.id)
      .executeTakeFirstOrThrow()
    await sql`UPDATE point_lots SET earned = earned + 1, remaining = remaining + 1 WHERE id = ${lot.id}`.execute(
      db,
    )
    await sql`UPDATE point_transactions SET balance_after = balance_after - 2 WHERE id = ${redemption.id}`.execute(
      db,
    )
    await sql`UPDATE members SET points_redeemed = 0 WHERE id = ${member}`.execute(db)
    const report = await services.ledgerCheck.check({ programId: program.id, batchSize: 3 })
    const where = { program_id: program.id, member_id: member }
    const remaining = before.earned - before.earned / 10
    expect(report.differences).toEqual([
      { ...where, what: 'lifetime.redeemed', expected: before.earned / 10, actual: 0 },
      { ...where, what: 'available lots', expected: remaining, actual: remaining + 1 },
      {
        ...where,
        lot_id: lot.id,
        what: 'earned',
        expected: before.earned,
        actual: before.earned + 1,
      },
      { ...where, lot_id: lot.id, what: 'remaining', expected: remaining, actual: remaining + 1 },
      {
        ...where,
        transaction_id: redemption.id,
        what: 'balance_after',
        expected: redemption.balance_after,
        actual: redemption.balance_after - 2,
      },
    ])
  })
})
