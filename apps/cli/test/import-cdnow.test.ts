import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { fixedClock } from '@loyalbase/core'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cdnowCsv, readCdnow } from '../src/transfer/cdnow.js'
import { type CliDatabase, cliDatabase } from './cli.support.js'

/*
 * The CDNOW sample (fixtures/cdnow: 2,357 customers, 6,919 purchases) imported as a merchant
 * would bring its history: every customer and purchase arrives, the money adds up to the file's,
 * and the ledger checks.
 */

const SAMPLE = fileURLToPath(new URL('../../../fixtures/cdnow/CDNOW_sample.txt', import.meta.url))
let d: CliDatabase
let program: string

beforeAll(async () => {
  d = await cliDatabase(fixedClock('2026-03-01T04:00:00Z'), 'lb-cdnow-')
  program = await d.onDatabase(async (services) => {
    const created = await services.programs.create({ name: 'CDNOW', currency: 'USD' })
    const p = await services.programs.get(JSON.parse(created.body).id)
    await services.rules.create(p, {
      name: 'A point a dollar',
      trigger: 'order.completed',
      reward: { type: 'per_amount', points: 1, per: 100 },
    })
    return p.id
  })
})
afterAll(() => d.drop())

describe('the CDNOW sample', () => {
  it('imports every customer and purchase, and the money adds up', async () => {
    let purchases = 0
    let cents = 0
    const customers = new Set<string>()
    for await (const p of readCdnow(SAMPLE)) {
      purchases++
      cents += p.cents
      customers.add(p.customer)
    }
    expect([customers.size, purchases]).toEqual([2_357, 6_919])

    const csv = await cdnowCsv(SAMPLE)
    const members = join(d.folder, 'cdnow-members.csv')
    const orders = join(d.folder, 'cdnow-orders.csv')
    await writeFile(members, csv.members)
    await writeFile(orders, csv.orders)
    const m = await d.cli(['import', 'members', members, '--program', program])
    expect(m.code, m.stdout + m.stderr).toBe(0)
    expect(m.stdout).toMatch(/^read 2357 lines: 2357 members imported/)
    const o = await d.cli(['import', 'orders', orders, '--program', program])
    expect(o.code, o.stdout + o.stderr).toBe(0)
    expect(o.stdout).toMatch(/^read 6919 lines: 6919 orders imported/)

    const totals = await d.onDatabase(async (services) => {
      const { rows } = await sql<{ members: number; orders: number; spend: number }>`
        SELECT count(*)::int AS members, sum(orders_count)::int AS orders,
          sum(lifetime_spend)::bigint AS spend
        FROM members WHERE program_id = ${program}`.execute(services.db)
      return rows[0]
    })
    expect(totals).toEqual({ members: 2_357, orders: 6_919, spend: cents })
    const check = await d.cli(['ledger', 'check', '--program', program])
    expect(check.code, check.stdout).toBe(0)
  })
})
