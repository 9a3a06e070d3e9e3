import type { DB, MemberRow } from '@loyalbase/db'
import { createTestDb, type TestDatabase } from '@loyalbase/testing'
import fc from 'fast-check'
import type { Transaction } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices, type Services } from '../create-services.js'
import type { ProgramContext } from '../programs/programs.service.js'
import { AppError } from '../shared/app-error.js'
import { fixedClock } from '../shared/clock.js'
import { newId } from '../shared/ids.js'
import {
  creditPoints,
  debitPoints,
  expireDueLots,
  lockPointsHolder,
  releaseDueLots,
  reversePoints,
} from './ledger.js'
import { addMonths } from './points.js'

/*
 * A model-based test of the ledger: random sequences of earn, refund, redeem, adjust, release,
 * expire and the passing of time, run against the real ledger steps and against a small
 * in-memory model of what they should do. After every step the database must equal the model
 * and satisfy the ledger's invariants (docs/points-ledger.md).
 */

const HOUR = 60 * 60 * 1000
const START = Date.parse('2026-01-10T04:00:00Z')
const DEEP = Boolean(process.env.LB_DEEP)

interface ModelLot {
  id: string
  source: string
  status: 'pending' | 'available'
  earned: number
  remaining: number
  availableAt: number
  expiresAt: number
}

interface Model {
  now: number
  allowNegative: boolean
  available: number
  pending: number
  lifetime: {
    earned: number
    redeemed: number
    expired: number
    reversed: number
    adjusted: number
  }
  /** In creation order, which is spending order: every lot is earned at the time it is made. */
  lots: ModelLot[]
  /** Orders that paid points, with what a refund may still take back. */
  orders: { id: string; refundable: number }[]
}

interface Real {
  services: Services
  program: ProgramContext
  memberId: string
  clock: ReturnType<typeof fixedClock>
}

/** One step of a use case: the member locked first, in one transaction. */
function step<T>(r: Real, use: (trx: Transaction<DB>, member: MemberRow, now: Date) => Promise<T>) {
  return r.services.db.transaction().execute(async (trx) => {
    const member = await lockPointsHolder(trx, r.program.id, r.memberId)
    return use(trx, member, r.clock.now())
  })
}

const spendable = (m: Model) =>
  m.lots.filter((l) => l.status === 'available' && l.remaining > 0 && l.expiresAt > m.now)

/** Takes `amount` from the lots in order; returns what they could not cover. */
function take(lots: ModelLot[], amount: number): number {
  let left = amount
  for (const lot of lots) {
    const points = Math.min(lot.remaining, left)
    lot.remaining -= points
    left -= points
  }
  return left
}

/** New available points pay off a negative balance first. */
function settleDebt(m: Model, lot: ModelLot) {
  const settle = Math.min(Math.max(-m.available, 0), lot.remaining)
  lot.remaining -= settle
  m.available += lot.remaining + settle
}

function addLot(m: Model, id: string, source: string, points: number, availableAt: number) {
  const lot: ModelLot = {
    id,
    source,
    status: availableAt > m.now ? 'pending' : 'available',
    earned: points,
    remaining: points,
    availableAt,
    expiresAt: addMonths(new Date(m.now), 1).getTime(),
  }
  m.lots.push(lot)
  if (lot.status === 'pending') m.pending += points
  else settleDebt(m, lot)
}

function expireModel(m: Model): number {
  let expired = 0
  for (const lot of m.lots) {
    if (lot.status !== 'available' || lot.remaining === 0 || lot.expiresAt > m.now) continue
    expired += lot.remaining
    m.available -= lot.remaining
    lot.remaining = 0
  }
  m.lifetime.expired += expired
  return expired
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
    const txn = await step(r, (trx, member, now) =>
      creditPoints(
        trx,
        r.program,
        r.memberId,
        {
          points: this.points,
          type: 'earn',
          earnedAt: now,
          availableAt: new Date(now.getTime() + this.pendingHours * HOUR),
          source: { kind: 'order', id: order },
        },
        now,
        member.points_available,
      ),
    )
    addLot(m, txn.lot_id as string, order, this.points, m.now + this.pendingHours * HOUR)
    m.orders.push({ id: order, refundable: this.points })
    m.lifetime.earned += this.points
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
    const { reversed } = await step(r, (trx, _member, now) =>
      reversePoints(
        trx,
        r.program.id,
        r.memberId,
        {
          source: { kind: 'order', id: order.id },
          cause: { kind: 'refund', id: newId('ref') },
          points,
          allowNegative: m.allowNegative,
        },
        now,
      ),
    )
    order.refundable -= points
    // Pending points of the order first, then its available lots, then any other points.
    const own = m.lots.filter((l) => l.source === order.id)
    const afterPending = take(
      own.filter((l) => l.status === 'pending'),
      points,
    )
    const ownAvailable = own.filter((l) => l.status === 'available' && l.expiresAt > m.now)
    const others = spendable(m).filter((l) => l.source !== order.id)
    const shortfall = take(others, take(ownAvailable, afterPending))
    const fromAvailable = afterPending - (m.allowNegative ? 0 : shortfall)
    m.pending -= points - afterPending
    m.available -= fromAvailable
    m.lifetime.reversed += points - afterPending + fromAvailable
    expect(reversed).toBe(points - afterPending + fromAvailable)
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
    const lots = spendable(m)
    if (lots.reduce((sum, l) => sum + l.remaining, 0) < this.points) {
      await expect(attempt).rejects.toSatisfy(
        (e) => e instanceof AppError && e.code === 'insufficient_points',
      )
    } else {
      await attempt
      take(lots, this.points)
      m.available -= this.points
      if (this.type === 'redeem') m.lifetime.redeemed += this.points
      else m.lifetime.adjusted -= this.points
    }
    await expectLedgerMatches(m, r)
  }
  toString = () => `${this.type}(-${this.points})`
}

/** A positive adjustment, as the points service makes it. */
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
    addLot(m, txn.lot_id as string, id, this.points, m.now)
    m.lifetime.adjusted += this.points
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
    let expected = 0
    for (const lot of m.lots) {
      if (lot.status !== 'pending' || lot.remaining === 0 || lot.availableAt > m.now) continue
      lot.status = 'available'
      m.pending -= lot.remaining
      expected += lot.remaining
      settleDebt(m, lot)
    }
    expect(released).toBe(expected)
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
    expect(expired).toBe(expireModel(m))
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
          const model: Model = {
            now: START,
            allowNegative,
            available: 0,
            pending: 0,
            lifetime: { earned: 0, redeemed: 0, expired: 0, reversed: 0, adjusted: 0 },
            lots: [],
            orders: [],
          }
          await fc.asyncModelRun(() => ({ model, real }), cmds)
          ;(globalThis as any).__stats = ((globalThis as any).__stats ?? []).concat([
            String(cmds).split(',').length,
          ])
        }),
        { numRuns: DEEP ? 10_000 : 200 },
      )
      const st = (globalThis as any).__stats
      console.log(
        'runs',
        st.length,
        'avg',
        st.reduce((a: number, b: number) => a + b, 0) / st.length,
      )
    },
    DEEP ? 4 * 60 * 60_000 : 180_000,
  )
})
