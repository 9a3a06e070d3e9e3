import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { bench, cli, engine, table } from './bench.support.js'

// Smoke tests with tiny settings: they prove the scenarios run and stay correct (no failed
// request, every order accounted for, every lot expired), never how fast anything is.

async function databaseExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL })
  await client.connect()
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    return found.rowCount === 1
  } finally {
    await client.end()
  }
}

describe('loyalbase bench', () => {
  it('members: a row per load on the engine under test, without failed requests', async () => {
    const outcome = await bench(['--scenarios', 'members'])
    expect(outcome.code).toBe(0)
    const lines = outcome.stdout.split('\n')
    expect(lines[0]).toBe(
      'Loyalbase bench: 1 s per timed load, 4 connections over loopback; rate limit raised to 1,000,000 requests/s per key.',
    )
    expect(lines[1]).toMatch(
      /^Machine: \d+ cores \(.*\), load average [\d.]+ \/ [\d.]+ \/ [\d.]+ \(1 \/ 5 \/ 15 min\) at start\.$/,
    )
    expect(lines[2]).toBe(
      'The server runs in this process; the load generator (autocannon) runs in a child process of its own.',
    )
    expect(outcome.stdout.trimEnd().split('\n').at(-1)).toMatch(
      /^Machine: load average [\d.]+ \/ [\d.]+ \/ [\d.]+ \(1 \/ 5 \/ 15 min\) at end\.$/,
    )
    const rows = table(outcome.stdout, 'HTTP load') ?? []
    expect(rows.map((row) => row.scenario)).toEqual(['member creations/s', 'member reads/s'])
    for (const row of rows) {
      expect(row.engine).toBe(engine === 'postgres' ? row.engine : 'pglite (disk)')
      expect(row.engine).toMatch(new RegExp(`^${engine}`))
      expect(row['non-2xx']).toBe('0')
      expect(Number(row.requests)).toBeGreaterThan(0)
      // The server's process holds at least the server and its database engine.
      expect(Number(row['server RSS MB'])).toBeGreaterThan(30)
    }
    // Sections with nothing to show are left out.
    expect(outcome.stdout).not.toMatch(/^(Orders check|Targets|points-expiry|CPU profile)/m)
    if (engine === 'postgres') {
      const scratch = /scratch database (lb_bench_[0-9a-f]+)/.exec(outcome.stderr)?.[1]
      expect(scratch).toBeDefined()
      expect(await databaseExists(scratch as string)).toBe(false)
    } else {
      // PGlite on disk, in a fresh folder that is gone afterwards.
      const folder = /starting the server on a fresh folder (\S+)/.exec(outcome.stderr)?.[1]
      expect(folder).toMatch(/lb-bench-pglite-/)
      expect(existsSync(folder as string)).toBe(false)
    }
  })

  it('orders: every order answered 2xx is in the database, and nothing else; --profile', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lb-bench-profile-test-'))
    try {
      const outcome = await bench(['--scenarios', 'orders', '--profile', dir])
      expect(outcome.code).toBe(0)
      const [load] = table(outcome.stdout, 'HTTP load') ?? []
      expect(load).toMatchObject({ scenario: 'orders/s', 'non-2xx': '0' })
      expect(Number(load?.requests)).toBeGreaterThan(0)
      const [check] = table(outcome.stdout, 'Orders check') ?? []
      expect(check).toMatchObject({ '2xx': load?.requests, missing: '0', unexpected: '0' })
      expect(Number(check?.['orders in db'])).toBe(
        Number(check?.['2xx']) + Number(check?.['cut off at stop']),
      )
      // At most one request per connection can be in flight when the load stops.
      expect(Number(check?.['cut off at stop'])).toBeLessThanOrEqual(4)
      expect(check?.check).toBe('OK')
      const targets = table(outcome.stdout, 'Targets (speed)') ?? []
      expect(targets.map((row) => row.result)).toEqual(
        engine === 'postgres'
          ? ['-', '-', '-', '-', '-', '-']
          : ['-', '-', '-', expect.stringMatching(/^(PASS|MISS)$/), '-', '-'],
      )
      // p99 is judged at 32 connections only.
      if (engine === 'postgres') expect(targets[2]?.figure).toMatch(/ ms at 4 connections$/)
      // The server's CPU profile of the load: written, and summarised.
      const file = join(dir, `orders-${engine}.cpuprofile`)
      const profile = JSON.parse(await readFile(file, 'utf8'))
      expect(profile.nodes.length).toBeGreaterThan(1)
      expect(outcome.stdout).toContain(
        `CPU profile of the server's process, ${load?.engine}, orders/s load: ${file}\n`,
      )
      const packages = table(outcome.stdout, 'Self time by package') ?? []
      expect(packages.length).toBeGreaterThan(0)
      expect(packages.map((row) => row.package)).toContain('packages/core')
      const functions = table(outcome.stdout, 'Top ') ?? []
      expect(functions.length).toBeGreaterThan(0)
      expect(functions.length).toBeLessThanOrEqual(15)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('expiry: the job empties every bulk-loaded lot and balance', async () => {
    const outcome = await bench(['--scenarios', 'expiry', '--expiry-lots', '1000'])
    expect(outcome.code).toBe(0)
    const [row] = table(outcome.stdout, 'points-expiry') ?? []
    expect(row).toMatchObject({
      members: '100',
      lots: '1000',
      'points expired': '10000',
      'lots left': '0',
      'balances left': '0',
      check: 'OK',
    })
    // Fewer lots than the target's: the time for 1,000,000 is projected, without a verdict.
    const targets = table(outcome.stdout, 'Targets (speed)') ?? []
    const onEngine = targets.filter((row) =>
      row.target?.startsWith(
        `points-expiry over 1,000,000 lots on ${engine === 'postgres' ? 'PostgreSQL' : 'PGlite'}`,
      ),
    )
    expect(onEngine).toHaveLength(1)
    expect(onEngine[0]?.figure).toMatch(/^projected [\d.]+ s \(1,000 lots measured, \d+ lots\/s\)$/)
    expect(onEngine[0]?.result).toBe('-')
  })

  it('orders-tiers: orders with tiers off and on, every order accounted for, and their ratio', async () => {
    const outcome = await bench(['--scenarios', 'orders-tiers'])
    expect(outcome.code).toBe(0)
    const loads = table(outcome.stdout, 'HTTP load') ?? []
    expect(loads.map((row) => row.scenario)).toEqual(['orders/s, tiers off', 'orders/s, tiers on'])
    for (const load of loads) {
      expect(load['non-2xx']).toBe('0')
      expect(Number(load.requests)).toBeGreaterThan(0)
    }
    const checks = table(outcome.stdout, 'Orders check') ?? []
    expect(checks.map((row) => [row.load, row.missing, row.unexpected, row.check])).toEqual([
      ['orders/s, tiers off', '0', '0', 'OK'],
      ['orders/s, tiers on', '0', '0', 'OK'],
    ])
    for (const [i, check] of checks.entries()) {
      expect(check['2xx']).toBe(loads[i]?.requests)
      expect(Number(check['orders in db'])).toBe(
        Number(check['2xx']) + Number(check['cut off at stop']),
      )
    }
    // The speed targets are about the orders, ceiling and expiry scenarios, not run here.
    expect(outcome.stdout).not.toMatch(/^Targets \(speed\)/m)
    const [ratio] = table(outcome.stdout, 'Targets (issue 5)') ?? []
    expect(ratio?.target).toMatch(
      new RegExp(`^${engine}.*: orders/s with tiers on >= 0\\.9 x tiers off$`),
    )
    const [, on, off] = /^([\d.]+) \(([\d.]+) \/ ([\d.]+)\)$/.exec(ratio?.figure ?? '') ?? []
    expect(Number(on)).toBeGreaterThan(0)
    expect(Number(off)).toBeGreaterThan(0)
    expect(ratio?.result).toMatch(/^(PASS|MISS)$/)
  })

  it('tiers: the job leaves every bulk-loaded member in the tier recomputed with SQL', async () => {
    const outcome = await bench(['--scenarios', 'tiers', '--tier-members', '1000'])
    expect(outcome.code).toBe(0)
    const [row] = table(outcome.stdout, 'tier-evaluation job') ?? []
    expect(row).toMatchObject({
      members: '1000',
      orders: '10000',
      'rerun changed': '0',
      mismatches: '0',
      check: 'OK',
    })
    expect(row?.engine).toMatch(new RegExp(`^${engine}`))
    // Some members move up and some down; every member is in one of the four tiers.
    expect(Number(row?.up)).toBeGreaterThan(0)
    expect(Number(row?.down)).toBeGreaterThan(0)
    expect(Number(row?.changed)).toBe(Number(row?.up) + Number(row?.down))
    const tiers = (row?.['normal/silver/gold/diamond'] ?? '').split('/').map(Number)
    expect(tiers).toHaveLength(4)
    expect(tiers.reduce((sum, n) => sum + n, 0)).toBe(1000)
    const [target] = table(outcome.stdout, 'Targets (issue 5)') ?? []
    expect(target).toMatchObject(
      engine === 'postgres'
        ? { figure: '1,000 members only', result: '-' }
        : { figure: 'not measured', result: '-' },
    )
  })

  // Seeding 1,000 members and giving each points through the API takes a while on PGlite.
  it('orders-redeem: every order redeemed its own code and its points, and the ledger adds up', async () => {
    const outcome = await bench(['--scenarios', 'orders-redeem'])
    expect(outcome.code).toBe(0)
    const [load] = table(outcome.stdout, 'HTTP load') ?? []
    expect(load).toMatchObject({ scenario: 'orders/s, coupon + points', 'non-2xx': '0' })
    expect(Number(load?.requests)).toBeGreaterThan(0)
    const [check] = table(outcome.stdout, 'Orders check') ?? []
    expect(check).toMatchObject({
      '2xx': load?.requests,
      missing: '0',
      unexpected: '0',
      check: 'OK',
    })
    const [row] = table(outcome.stdout, 'Orders paying with a coupon and points') ?? []
    const orders = check?.['orders in db'] as string
    expect(row).toMatchObject({
      'plain orders/s': '-',
      // 3,000 codes per second of load.
      codes: '3000',
      'orders in db': orders,
      'coupons used': orders,
      'right coupon': `${orders}/${orders}`,
      'redeem entries': orders,
      'right points': `${orders}/${orders}`,
      'ledger check': 'OK (1000 members)',
      check: 'OK',
    })
    // Without the plain orders of the same run, no verdict.
    const [target] = table(outcome.stdout, 'Targets (incentives)') ?? []
    expect(target?.target).toMatch(/: orders\/s with a coupon and points >= 0\.8 x orders\/s at 32/)
    expect(target).toMatchObject({ figure: 'orders/s not measured', result: '-' })
  }, 120_000)

  it('rewards: every redemption, of the hot reward and spread, took its stock and points once', async () => {
    const outcome = await bench(['--scenarios', 'orders,rewards'])
    expect(outcome.code).toBe(0)
    const loads = table(outcome.stdout, 'HTTP load') ?? []
    const hot = loads.find((row) => row.scenario === 'reward redemptions/s, one hot reward')
    const spread = loads.find((row) => row.scenario === 'reward redemptions/s, 50 rewards')
    for (const load of [hot, spread]) {
      expect(load).toMatchObject({ 'non-2xx': '0' })
      expect(Number(load?.requests)).toBeGreaterThan(0)
    }
    const [row] = table(outcome.stdout, 'Reward redemptions on one hot reward') ?? []
    const inDb = row?.['in db'] as string
    expect(Number(inDb)).toBeGreaterThan(0)
    expect(row).toMatchObject({
      '2xx': String(Number(hot?.requests) + Number(spread?.requests)),
      'redeemed / stock taken': `${inDb}/${inDb}`,
      'redeem entries': inDb,
      'ledger check': 'OK (500 members)',
      check: 'OK',
    })
    expect(Number(row?.['redemptions / orders'])).toBeGreaterThan(0)
  }, 120_000)

  it('orders-benefits: every order used the tier discount and free shipping, once each', async () => {
    const outcome = await bench(['--scenarios', 'orders,orders-benefits'])
    expect(outcome.code).toBe(0)
    const loads = table(outcome.stdout, 'HTTP load') ?? []
    const load = loads.find((row) => row.scenario === 'orders/s, tier discount + free shipping')
    expect(load).toMatchObject({ 'non-2xx': '0' })
    const [check] = (table(outcome.stdout, 'Orders check') ?? []).filter(
      (row) => row.load === 'orders/s, tier discount + free shipping',
    )
    const orders = Number(check?.['orders in db'])
    expect(orders).toBeGreaterThan(0)
    const [target] = table(outcome.stdout, 'Targets (benefits)') ?? []
    expect(target?.target).toMatch(/orders\/s with a tier discount and free shipping >= 0\.8 x/)
    expect(target?.figure).toContain(`uses ${2 * orders} for ${orders} orders, check OK`)
  }, 120_000)

  it('campaigns: the job rewards the members born on its day, holds some out, and a rerun changes nothing', async () => {
    const outcome = await bench(['--scenarios', 'campaigns', '--campaign-members', '20000'])
    expect(outcome.code).toBe(0)
    const [row] = table(outcome.stdout, 'Campaigns job') ?? []
    expect(row).toMatchObject({ members: '20000', 'rerun processed': '0', check: 'OK' })
    expect(row?.birthday).toMatch(/^\d\d-\d\d(\+02-29)?$/)
    const rewarded = Number(row?.rewarded)
    const heldOut = Number(row?.['held out'])
    expect(row?.expected).toBe(`${rewarded} + ${heldOut}`)
    expect(Number(row?.processed)).toBe(rewarded + heldOut)
    // 52 to 56 of 20,000 members are born on each day (and 14 more on 28 February of a common year).
    expect(rewarded + heldOut).toBeGreaterThanOrEqual(52)
    expect(rewarded + heldOut).toBeLessThanOrEqual(70)
    expect(heldOut).toBeLessThan(rewarded)
    expect(Number(row?.['points credited'])).toBe(rewarded * 100)
    expect(outcome.stdout).toMatch(
      /^- .*: the campaigns job ran over 20,000 members \(--campaign-members\), not the 1,000,000 asked for\.$/m,
    )
  })

  // Each engine's project proves its own side: pgbench's ceiling exists only on PostgreSQL.
  if (engine === 'postgres') {
    it('ceiling: pgbench and the bare route on the scratch database, and orders/s against both', async () => {
      const outcome = await bench(['--scenarios', 'orders,ceiling'])
      expect(outcome.code).toBe(0)
      const [row] = table(outcome.stdout, 'PostgreSQL ceiling') ?? []
      expect(Number(row?.['ceiling tps'])).toBeGreaterThan(0)
      expect(Number(row?.transactions)).toBeGreaterThan(0)
      const ratio = Number(row?.['Loyalbase orders/s']) / Number(row?.['ceiling tps'])
      expect(Number(row?.ratio)).toBeCloseTo(ratio, 1)
      // The bare route: a load of its own, driven like orders/s, every request answered 2xx.
      const loads = table(outcome.stdout, 'HTTP load') ?? []
      expect(loads.map((load) => load.scenario)).toEqual(['orders/s', 'bare route (1 statement)'])
      const bare = loads[1]
      expect(bare?.['non-2xx']).toBe('0')
      expect(Number(bare?.requests)).toBeGreaterThan(0)
      expect(row?.['bare route req/s']).toBe(bare?.['requests/s'])
      const orders = Number(row?.['Loyalbase orders/s'])
      const bareRate = Number(bare?.['requests/s'])
      expect(Number(row?.['orders / bare route'])).toBeCloseTo(orders / bareRate, 1)
      expect(Number(row?.['bare route / pgbench'])).toBeCloseTo(
        bareRate / Number(row?.['ceiling tps']),
        1,
      )
      // The side table holds what the bare route answered 2xx: no note says otherwise.
      expect(outcome.stdout).not.toMatch(/^- bare route:/m)
      const [ratioTarget, stretch, info] = table(outcome.stdout, 'Targets (speed)') ?? []
      expect(ratioTarget?.target).toBe('PostgreSQL orders/s >= 0.3 x pgbench ceiling (same run)')
      expect(ratioTarget?.result).toMatch(/^(PASS|MISS)$/)
      expect(stretch?.target).toBe('stretch: PostgreSQL orders/s >= 0.5 x pgbench ceiling')
      expect(stretch?.figure).toBe(ratioTarget?.figure)
      expect(stretch?.result).toMatch(/^(PASS|MISS)$/)
      expect(info).toMatchObject({
        target: 'info: PostgreSQL orders/s as a share of the bare route (1 statement)',
        result: '-',
      })
      expect(info?.figure).toMatch(/^[\d.]+ \([\d.]+ \/ [\d.]+\)$/)
    })
  } else {
    it('ceiling: measures nothing on PGlite', async () => {
      const outcome = await bench(['--scenarios', 'ceiling'])
      expect(outcome.code).toBe(0)
      expect(table(outcome.stdout, 'PostgreSQL ceiling')).toBeUndefined()
    })
  }

  it('skips PostgreSQL with the reason when it cannot be reached', async () => {
    const outcome = await cli(['bench', '--seconds', '1', '--engines', 'postgres'], {
      BENCH_DATABASE_URL: 'postgres://postgres@127.0.0.1:1/postgres',
    })
    expect(outcome.code).toBe(0)
    expect(outcome.stderr).toMatch(
      /^- postgres: skipped, postgres:\/\/postgres@127\.0\.0\.1:1\/postgres is not usable: .*ECONNREFUSED/m,
    )
    // The header, then only the load average at the end.
    expect(outcome.stdout.trimEnd().split('\n')).toHaveLength(5)
  })

  it.each([
    [
      ['--engines', 'mysql'],
      "error: option '--engines <list>' argument 'mysql' is invalid. Expected a comma-separated list of pglite, postgres.\n",
    ],
    [
      ['--scenarios', 'orders,reads'],
      "error: option '--scenarios <list>' argument 'orders,reads' is invalid. Expected a comma-separated list of members, orders, quotes, orders-redeem, orders-benefits, rewards, webhooks, transfer, orders-tiers, ceiling, expiry, tiers, segments, coupon-codes, campaigns.\n",
    ],
    [
      ['--expiry-lots', '0'],
      "error: option '--expiry-lots <n>' argument '0' is invalid. Expected a whole number of at least 1.\n",
    ],
    [
      ['--campaign-members', '0'],
      "error: option '--campaign-members <n>' argument '0' is invalid. Expected a whole number of at least 1.\n",
    ],
    [
      ['--tier-members', '1.5'],
      "error: option '--tier-members <n>' argument '1.5' is invalid. Expected a whole number of at least 1.\n",
    ],
  ])('exits 2 on %j', async (args, message) => {
    expect(await cli(['bench', ...args], {})).toEqual({ code: 2, stdout: '', stderr: message })
  })
})
