import { beforeAll, describe, expect, it } from 'vitest'
import {
  availablePoints,
  closeRedemption,
  createReward,
  expectLedgerConsistent,
  getReward,
  memberWith,
  type Redemption,
  redeem,
  redeemed,
  rewardsProgram,
  type TestApp,
} from './support/index.js'

/*
 * Redemptions under concurrency through the real HTTP API, on both engines: stock, a member's
 * points and per_member_limit hold exactly however many requests race, and a cancel gives back
 * once (docs/rewards.md, "Concurrency").
 */

const on = rewardsProgram()
let t: TestApp
beforeAll(() => {
  ;({ t } = on)
})

/** Each answer as `ok` or its error code, counted: `{ ok: 5, out_of_stock: 5 }`. */
function codes(responses: { statusCode: number; body: string }[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const r of responses) {
    const code = r.statusCode === 201 ? 'ok' : (JSON.parse(r.body).code as string)
    counts[code] = (counts[code] ?? 0) + 1
  }
  return counts
}

describe('redemptions in parallel', () => {
  it('10 members race for 5 in stock: exactly 5 redeem, 5 are 409 out_of_stock', async () => {
    const reward = await createReward({ points_cost: 100, stock: 5 })
    const members = await Promise.all(Array.from({ length: 10 }, () => memberWith(300)))
    const results = await Promise.all(members.map((m) => redeem(m.id, { reward: reward.id })))
    expect(codes(results)).toEqual({ ok: 5, out_of_stock: 5 })
    for (const r of results.filter((r) => r.statusCode !== 201)) expect(r.statusCode).toBe(409)
    expect(await getReward(reward.id)).toMatchObject({ stock: 5, stock_remaining: 0, redeemed: 5 })
    const balances = await Promise.all(members.map((m) => availablePoints(m.id)))
    expect(balances.sort()).toEqual([...Array(5).fill(200), ...Array(5).fill(300)].sort())
    const rows = await t.db.database.db
      .selectFrom('reward_redemptions')
      .select(({ fn }) => fn.sum<string>('quantity').as('q'))
      .where('reward_id', '=', reward.id)
      .executeTakeFirstOrThrow()
    expect(Number(rows.q)).toBe(5)
    await expectLedgerConsistent(t)
  })

  it('one member with points for 3 of 8 parallel redemptions: 3 redeem, never negative', async () => {
    const cheap = await createReward({ points_cost: 100 })
    const other = await createReward({ points_cost: 100, stock: 100 })
    const member = await memberWith(300)
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        redeem(member.id, { reward: i % 2 ? cheap.id : other.id }),
      ),
    )
    expect(codes(results)).toEqual({ ok: 3, insufficient_points: 5 })
    expect(await availablePoints(member.id)).toBe(0)
    const both = (await getReward(cheap.id)).redeemed + (await getReward(other.id)).redeemed
    expect(both).toBe(3)
    expect((await getReward(other.id)).stock_remaining).toBe(
      100 - (await getReward(other.id)).redeemed,
    )
    await expectLedgerConsistent(t)
  })

  it('per_member_limit 2 holds against 6 parallel redemptions of one member', async () => {
    const reward = await createReward({ points_cost: 10, per_member_limit: 2, stock: 50 })
    const member = await memberWith(1000)
    const results = await Promise.all(
      Array.from({ length: 6 }, () => redeem(member.external_id, { reward: reward.id })),
    )
    expect(codes(results)).toEqual({ ok: 2, limit_reached: 4 })
    expect(await availablePoints(member.id)).toBe(980)
    expect(await getReward(reward.id)).toMatchObject({ stock_remaining: 48, redeemed: 2 })
  })

  it('parallel cancels of one redemption give the points and stock back exactly once', async () => {
    const reward = await createReward({ points_cost: 120, stock: 4 })
    const member = await memberWith(500)
    const redemption: Redemption = await redeemed(member.id, { reward: reward.id, quantity: 3 })
    expect(await availablePoints(member.id)).toBe(140)
    const results = await Promise.all(
      Array.from({ length: 6 }, () => closeRedemption(redemption.id, 'cancel')),
    )
    const statuses = results.map((r) => r.statusCode).sort()
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409])
    expect(await availablePoints(member.id)).toBe(500)
    expect(await getReward(reward.id)).toMatchObject({ stock_remaining: 4, redeemed: 0 })
    const returned = await t.db.database.db
      .selectFrom('point_transactions')
      .select('points')
      .where('source_kind', '=', 'reward_cancellation')
      .where('source_id', '=', redemption.id)
      .execute()
    expect(returned).toEqual([{ points: 360 }])
    await expectLedgerConsistent(t)
  })

  it('races fulfil against cancel: one wins, and the points follow the winner', async () => {
    const reward = await createReward({ points_cost: 50, stock: 10 })
    const member = await memberWith(500)
    const all = await Promise.all(
      Array.from({ length: 4 }, () => redeemed(member.id, { reward: reward.id })),
    )
    for (const redemption of all) {
      const [fulfil, cancel] = await Promise.all([
        closeRedemption(redemption.id, 'fulfill'),
        closeRedemption(redemption.id, 'cancel'),
      ])
      expect([fulfil.statusCode, cancel.statusCode].sort()).toEqual([200, 409])
    }
    const rows = await t.db.database.db
      .selectFrom('reward_redemptions')
      .select(['status', 'quantity'])
      .where('member_id', '=', member.id)
      .execute()
    const cancelled = rows.filter((r) => r.status === 'cancelled').length
    expect(await availablePoints(member.id)).toBe(500 - 50 * (4 - cancelled))
    expect(await getReward(reward.id)).toMatchObject({
      stock_remaining: 10 - (4 - cancelled),
      redeemed: 4 - cancelled,
    })
    await expectLedgerConsistent(t)
  })

  it('many members redeem one hot reward and others at once: stock exact for each', async () => {
    const hot = await createReward({ points_cost: 10, stock: 1000 })
    const cold = await createReward({ points_cost: 10, stock: 1000 })
    const members = await Promise.all(Array.from({ length: 20 }, () => memberWith(100)))
    const results = await Promise.all(
      members.flatMap((m) => [
        redeem(m.id, { reward: hot.id }),
        redeem(m.id, { reward: hot.id }),
        redeem(m.id, { reward: cold.id }),
      ]),
    )
    expect(results.every((r) => r.statusCode === 201)).toBe(true)
    expect(await getReward(hot.id)).toMatchObject({ stock_remaining: 960, redeemed: 40 })
    expect(await getReward(cold.id)).toMatchObject({ stock_remaining: 980, redeemed: 20 })
    for (const m of members) expect(await availablePoints(m.id)).toBe(70)
  })

  it('a redemption holding the hot reward stops neither orders nor other rewards', async () => {
    const hot = await createReward({ points_cost: 10, stock: 100 })
    const cold = await createReward({ points_cost: 10, stock: 100 })
    const [a, b] = await Promise.all([memberWith(100), memberWith(100)])
    if (!a || !b) throw new Error('members')
    const { database } = t.db
    if (database.engine === 'pglite') {
      // One connection runs every transaction in turn: there is no lock for another to wait on.
      expect((await redeem(a.id, { reward: hot.id })).statusCode).toBe(201)
      expect((await redeem(b.id, { reward: cold.id })).statusCode).toBe(201)
      return
    }
    // Another transaction holds the hot row as a redemption's stock update does, to its commit.
    let release = () => {}
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    let lockTaken = () => {}
    const locked = new Promise<void>((resolve) => {
      lockTaken = resolve
    })
    const holder = database.db.transaction().execute(async (trx) => {
      await trx
        .selectFrom('rewards')
        .select('id')
        .where('id', '=', hot.id)
        .forNoKeyUpdate()
        .execute()
      lockTaken()
      await held
    })
    await locked
    const waiting = redeem(a.id, { reward: hot.id })
    const other = await redeem(b.id, { reward: cold.id })
    expect(other.statusCode, other.body).toBe(201)
    const order = await t.call('POST', '/v1/orders', {
      key: on.p.keys.server,
      body: { id: `hot-row-${b.id}`, member: b.id, amount: 1_000 },
    })
    expect(order.statusCode, order.body).toBe(201)
    const early = await Promise.race([
      waiting.then(() => 'answered'),
      new Promise((resolve) => setTimeout(() => resolve('waiting'), 300)),
    ])
    expect(early).toBe('waiting')
    release()
    await holder
    expect((await waiting).statusCode).toBe(201)
    expect(await getReward(hot.id)).toMatchObject({ stock_remaining: 99, redeemed: 1 })
    expect(await availablePoints(a.id)).toBe(90)
  })
})
