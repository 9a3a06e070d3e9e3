import type { DB, MemberRow } from '@loyalbase/db'
import { createTestDb, type TestDatabase } from '@loyalbase/db/testing'
import fc from 'fast-check'
import type { Transaction } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices, type Services } from '../src/create-services.js'
import {
  creditPoints,
  debitPoints,
  expireDueLots,
  lockPointsHolder,
  releaseDueLots,
  returnRedeemedPoints,
  reversePoints,
} from '../src/points/ledger.js'
import type { ProgramContext } from '../src/programs/programs.service.js'
import { AppError } from '../src/shared/app-error.js'
import { fixedClock } from '../src/shared/clock.js'
import { newId } from '../src/shared/ids.js'
import * as model from './ledger.model.js'

/*
 * A model-based test of the ledger: random sequences of earn, refund, redeem, adjust, paying an
 * order with points and giving them back, release, expire and the passing of time, run against the real ledger steps and against a small
 * in-memory model of what they should do. After every step the database must equal the model
 * and satisfy the ledger's invariants (docs/points-ledger.md).
 */

const HOUR = 60 * 60 * 1000
const START = Date.parse('2026-01-10T04:00:00Z')
const DEEP = Boolean(process.env.LB_DEEP)

interface Real {
  services: Services
  program: ProgramContext
  memberId: string
  clock: ReturnType<typeof fixedClock>
}

type Model = model.LedgerModel

/** One step of a use case: the member locked first, in one transaction. */
function step<T>(r: Real, use: (trx: Transaction<DB>, member: MemberRow, now: Date) => Promise<T>) {
  return r.services.db.transaction().execute(async (trx) => {
    const member = await lockPointsHolder(trx, r.program.id, r.memberId)
    return use(trx, member, r.clock.now())
  })
}

type LedgerCommand = fc.AsyncCommand<Model, Real>

class Earn implements LedgerCommand {
  constructor(
    readonly points: number,
    readonly pendingHours: number,
  ) {}
  check = () => true
  async run(m: Model, r: Real) {
    const order = `ord_${m.orders.length + 1}`
    const availableAt = m.now + this.pendingHours * HOUR
    const txn = await step(r, (trx, _member, now) =>
      creditPoints(
        trx,
        r.program,
        r.memberId,
        {
          points: this.points,
          type: 'earn',
          earnedAt: now,
          availableAt: new Date(availableAt),
          source: { kind: 'order', id: order },
        },
        now,
      ),
    )
    const lotId = txn.lot_id as string
    model.credit(m, { type: 'earn', lotId, source: order, points: this.points, availableAt })
    await expectLedgerMatches(m, r)
  }
  toString = () => `earn(${this.points}, pending ${this.pendingHours} h)`
}

class Refund implements LedgerCommand {
  constructor(
    readonly pick: number,
    readonly points: number,
  ) {}
  check = (m: Readonly<Model>) => m.orders.some((o) => o.refundable > 0)
  async run(m: Model, r: Real) {
    const open = m.orders.filter((o) => o.refundable > 0)
    const order = open[this.pick % open.length] as Model['orders'][number]
    const points = 1 + ((this.points - 1) % order.refundable)
    const { earned, reversed: alreadyReversed } = order
    const { reversed } = await step(r, (trx, _member, now) =>
      reversePoints(
        trx,
        r.program.id,
        r.memberId,
        {
          source: { kind: 'order', id: order.id },
          cause: { kind: 'refund', id: newId('ref') },
          points,
          earned,
          alreadyReversed,
          allowNegative: m.allowNegative,
        },
        now,
      ),
    )
    expect(reversed).toBe(model.reverse(m, order.id, points))
    await expectLedgerMatches(m, r)
  }
  toString = () => `refund(#${this.pick}, ${this.points})`
}

/** A redemption or a negative adjustment: available points, oldest first, or nothing at all. */
class Spend implements LedgerCommand {
  constructor(
    readonly type: 'redeem' | 'adjust',
    readonly points: number,
  ) {}
  check = () => true
  async run(m: Model, r: Real) {
    const attempt = step(r, (trx, _member, now) =>
      debitPoints(
        trx,
        r.program.id,
        r.memberId,
        {
          points: this.points,
          type: this.type,
          sourceKind: this.type === 'redeem' ? 'redemption' : 'adjustment',
        },
        now,
      ),
    )
    if (model.spend(m, this.type, this.points)) await attempt
    else {
      await expect(attempt).rejects.toSatisfy(
        (e) => e instanceof AppError && e.code === 'insufficient_points',
      )
    }
    await expectLedgerMatches(m, r)
  }
  toString = () => `${this.type}(-${this.points})`
}

/** An order paid in part with points: a redemption whose source is the order. */
class Pay implements LedgerCommand {
  constructor(readonly points: number) {}
  check = () => true
  async run(m: Model, r: Real) {
    const order = `paid_${m.payments.length + 1}`
    const attempt = step(r, (trx, _member, now) =>
      debitPoints(
        trx,
        r.program.id,
        r.memberId,
        {
          points: this.points,
          type: 'redeem',
          sourceKind: 'order',
          source: { kind: 'order', id: order },
        },
        now,
      ),
    )
    if (model.pay(m, order, this.points)) await attempt
    else {
      await expect(attempt).rejects.toSatisfy(
        (e) => e instanceof AppError && e.code === 'insufficient_points',
      )
    }
    await expectLedgerMatches(m, r)
  }
  toString = () => `pay(-${this.points})`
}

/** A refund giving back some of the points an order was paid with. */
class GiveBack implements LedgerCommand {
  constructor(
    readonly pick: number,
    readonly points: number,
  ) {}
  check = (m: Readonly<Model>) => m.payments.some((p) => p.returned < p.redeemed)
  async run(m: Model, r: Real) {
    const open = m.payments.filter((p) => p.returned < p.redeemed)
    const payment = open[this.pick % open.length] as Model['payments'][number]
    const points = 1 + ((this.points - 1) % (payment.redeemed - payment.returned))
    const txn = await step(r, (trx, _member, now) =>
      returnRedeemedPoints(
        trx,
        r.program,
        r.memberId,
        {
          source: { kind: 'order', id: payment.id },
          cause: { kind: 'refund', id: newId('ref') },
          points,
        },
        now,
      ),
    )
    model.giveBack(m, payment.id, txn.lot_id as string, points)
    await expectLedgerMatches(m, r)
  }
  toString = () => `giveBack(#${this.pick}, +${this.points})`
}

/** A positive adjustment, as the points service makes it (no balance passed in). */
class Grant implements LedgerCommand {
  constructor(readonly points: number) {}
  check = () => true
  async run(m: Model, r: Real) {
    const id = newId('txn')
    const txn = await step(r, (trx, _member, now) =>
      creditPoints(
        trx,
        r.program,
        r.memberId,
        {
          points: this.points,
          type: 'adjust',
          earnedAt: now,
          availableAt: now,
          source: { kind: 'adjustment', id },
          note: 'model',
          actor: 'test',
          transactionId: id,
        },
        now,
      ),
    )
    const lotId = txn.lot_id as string
    model.credit(m, { type: 'adjust', lotId, source: id, points: this.points, availableAt: m.now })
    await expectLedgerMatches(m, r)
  }
  toString = () => `adjust(+${this.points})`
}

class Release implements LedgerCommand {
  check = () => true
  async run(m: Model, r: Real) {
    const released = await step(r, (trx, _member, now) =>
      releaseDueLots(trx, r.program.id, r.memberId, now, now),
    )
    expect(released).toBe(model.release(m))
    await expectLedgerMatches(m, r)
  }
  toString = () => 'release'
}

class Expire implements LedgerCommand {
  check = () => true
  async run(m: Model, r: Real) {
    const expired = await step(r, (trx, _member, now) =>
      expireDueLots(trx, r.program.id, r.memberId, now, now),
    )
    expect(expired).toBe(model.expire(m))
    await expectLedgerMatches(m, r)
  }
  toString = () => 'expire'
}

class Advance implements LedgerCommand {
  constructor(readonly hours: number) {}
  check = () => true
  async run(m: Model, r: Real) {
    m.now += this.hours * HOUR
    r.clock.set(new Date(m.now))
  }
  toString = () => `advance(${this.hours} h)`
}

/** The database equals the model, and the ledger's invariants hold. */
async function expectLedgerMatches(m: Model, r: Real) {
  const db = r.services.db
  const where = { program_id: r.program.id, member_id: r.memberId }
  const member = await db
    .selectFrom('members')
    .selectAll()
    .where('program_id', '=', where.program_id)
    .where('id', '=', where.member_id)
    .executeTakeFirstOrThrow()
  const lots = await db
    .selectFrom('point_lots as l')
    .select(['l.id', 'l.status', 'l.earned', 'l.remaining'])
    .select((eb) =>
      eb
        .selectFrom('point_lot_consumptions as c')
        .select((e) => e.fn.coalesce(e.fn.sum<number>('c.points'), e.lit(0)).as('s'))
        .whereRef('c.program_id', '=', 'l.program_id')
        .whereRef('c.member_id', '=', 'l.member_id')
        .whereRef('c.lot_id', '=', 'l.id')
        .as('consumed'),
    )
    .where('l.program_id', '=', where.program_id)
    .where('l.member_id', '=', where.member_id)
    .orderBy('l.earned_at')
    .orderBy('l.id')
    .execute()
  const txns = await db
    .selectFrom('point_transactions')
    .select(['available_delta', 'pending_delta', 'balance_after', 'pending_after'])
    .where('program_id', '=', where.program_id)
    .where('member_id', '=', where.member_id)
    .orderBy('id')
    .execute()

  expect({
    available: member.points_available,
    pending: member.points_pending,
    lifetime: {
      earned: member.points_earned,
      redeemed: member.points_redeemed,
      expired: member.points_expired,
      reversed: member.points_reversed,
      adjusted: member.points_adjusted,
    },
    lots: lots.map(({ id, status, earned, remaining }) => ({ id, status, earned, remaining })),
  }).toEqual({
    available: m.available,
    pending: m.pending,
    lifetime: m.lifetime,
    lots: m.lots.map(({ id, status, earned, remaining }) => ({ id, status, earned, remaining })),
  })

  // The balances are the sums of the ledger, entry by entry.
  let available = 0
  let pending = 0
  for (const txn of txns) {
    available += txn.available_delta
    pending += txn.pending_delta
    expect([txn.balance_after, txn.pending_after]).toEqual([available, pending])
  }
  expect([available, pending]).toEqual([m.available, m.pending])

  // No lot is negative or spent twice; each one's remainder is what its consumptions left.
  for (const lot of lots) {
    expect(lot.remaining).toBeGreaterThanOrEqual(0)
    expect(Number(lot.consumed)).toBeLessThanOrEqual(lot.earned)
    expect(lot.remaining).toBe(lot.earned - Number(lot.consumed))
  }
  const sumOf = (status: string) =>
    lots.filter((l) => l.status === status).reduce((s, l) => s + l.remaining, 0)
  expect(sumOf('pending')).toBe(m.pending)
  // The available lots make up the balance; a negative balance (a debt) leaves none of them.
  expect(sumOf('available')).toBe(Math.max(m.available, 0))
}

let testDb: TestDatabase
let services: Services
const clock = fixedClock(new Date(START))

beforeAll(async () => {
  testDb = await createTestDb()
  services = createServices(testDb.database.db, clock)
})
afterAll(() => testDb.drop())

async function setUp(allowNegative: boolean): Promise<Real> {
  clock.set(new Date(START))
  const created = await services.programs.create({ name: 'Ledger model' })
  const programId = (JSON.parse(created.body) as { id: string }).id
  await services.programs.update(await services.programs.get(programId), {
    points_policy: { expiry: { type: 'rolling', months: 1 }, allow_negative: allowNegative },
  })
  const program = await services.programs.get(programId)
  const member = await services.members.create(program, { external_id: 'model' })
  const memberId = (JSON.parse(member.body) as { id: string }).id
  return { services, program, memberId, clock }
}

const commands = fc.commands(
  [
    fc
      .tuple(fc.integer({ min: 1, max: 500 }), fc.constantFrom(0, 0, 1, 24, 72))
      .map(([points, hours]) => new Earn(points, hours)),
    fc.tuple(fc.nat(), fc.integer({ min: 1, max: 500 })).map(([pick, p]) => new Refund(pick, p)),
    fc.integer({ min: 1, max: 600 }).map((points) => new Spend('redeem', points)),
    fc.integer({ min: 1, max: 500 }).map((points) => new Spend('adjust', points)),
    fc.integer({ min: 1, max: 500 }).map((points) => new Grant(points)),
    fc.integer({ min: 1, max: 600 }).map((points) => new Pay(points)),
    fc.tuple(fc.nat(), fc.integer({ min: 1, max: 600 })).map(([pick, p]) => new GiveBack(pick, p)),
    fc.constant(new Release()),
    fc.constant(new Expire()),
    fc.integer({ min: 1, max: 40 * 24 }).map((hours) => new Advance(hours)),
  ],
  { maxCommands: 30, size: 'max' },
)

describe('the points ledger against a model', () => {
  it(
    'keeps balances, lots and the ledger equal to the model after every step',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.boolean(), commands, async (allowNegative, cmds) => {
          const real = await setUp(allowNegative)
          const initial = model.newModel(START, allowNegative)
          await fc.asyncModelRun(() => ({ model: initial, real }), cmds)
          // And `ledger check`, recomputing all of it in SQL, agrees. (Once per run: runs end
          // after any number of steps, so their last states cover the states along the way.)
          const report = await services.ledgerCheck.check({ programId: real.program.id })
          expect(report).toMatchObject({
            members_checked: 1,
            lots_checked: initial.lots.length,
            differences: [],
          })
        }),
        { numRuns: DEEP ? 10_000 : 200 },
      )
    },
    DEEP ? 4 * 60 * 60_000 : 180_000,
  )
})
