import { earlyAccessRefusal, fixedClock } from '@loyalbase/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createMember,
  createPeerApp,
  createProgram,
  createTestApp,
  expectProblem,
  goldLadder,
  type TestApp,
  type TestProgram,
} from './support/index.js'

/*
 * Early access (优先购买权) over HTTP, on both engines (docs/advisors-and-early-access.md):
 * releases with per-tier head starts, what a member may buy and from when, one live release per
 * SKU, and the cache quotes and orders read, which every process sees changed at once.
 */

// 10:00 on 15 June in Shanghai.
const NOW = '2026-06-15T02:00:00Z'
const clock = fixedClock(NOW)
let t: TestApp
let p: TestProgram

beforeAll(async () => {
  t = await createTestApp({ clock })
  p = await createProgram(t, { name: 'Releases' })
  await goldLadder(t, p)
})
afterAll(() => t.close())

let skus = 0
const nextSku = () => `SKU-${++skus}`

async function createRelease(body: Record<string, unknown>, program: TestProgram = p) {
  const res = await t.call('POST', '/v1/releases', {
    key: program.keys.admin,
    body: {
      sku: nextSku(),
      name: '联名球鞋',
      public_at: '2026-06-18T02:00:00Z',
      early_access: [],
      ...body,
    },
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

async function access(member: string, sku: string, call = t.call) {
  const res = await call('GET', `/v1/members/${member}/releases/${encodeURIComponent(sku)}`, {
    key: p.keys.readonly,
  })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

async function goldMember() {
  const m = await createMember(t, p.keys.admin)
  const res = await t.call('POST', '/v1/orders', {
    key: p.keys.server,
    body: { id: `rel-up-${m.id}`, member: m.id, amount: 10_000 },
  })
  expect(res.json().effects.tier_change).toEqual({ from: 'member', to: 'gold' })
  return m
}

describe('releases', () => {
  it('creates a release (api.md body) and reads, lists, changes and deletes it', async () => {
    const created = await createRelease({
      sku: 'AJ1-2026',
      early_access: [
        { tier: 'black', hours_before: 48 },
        { tier: 'gold', hours_before: 24 },
      ],
    })
    expect(created).toEqual({
      id: expect.stringMatching(/^rel_[0-9A-Z]{26}$/),
      sku: 'AJ1-2026',
      name: '联名球鞋',
      public_at: '2026-06-18T02:00:00.000Z',
      early_access: [
        { tier: 'black', hours_before: 48 },
        { tier: 'gold', hours_before: 24 },
      ],
      created_at: NOW.replace('Z', '.000Z'),
      updated_at: NOW.replace('Z', '.000Z'),
    })
    const got = await t.call('GET', `/v1/releases/${created.id}`, { key: p.keys.readonly })
    expect(got.json()).toEqual(created)
    const list = (await t.call('GET', '/v1/releases', { key: p.keys.readonly })).json()
    expect(list.data[0]).toEqual(created)
    const patched = await t.call('PATCH', `/v1/releases/${created.id}`, {
      key: p.keys.admin,
      body: { public_at: '2026-06-20T02:00:00+08:00', early_access: [] },
    })
    expect(patched.statusCode, patched.body).toBe(200)
    expect(patched.json()).toMatchObject({
      sku: 'AJ1-2026',
      public_at: '2026-06-19T18:00:00.000Z',
      early_access: [],
    })
    const removed = await t.call('DELETE', `/v1/releases/${created.id}`, { key: p.keys.admin })
    expect(removed.statusCode).toBe(204)
    expectProblem(
      await t.call('GET', `/v1/releases/${created.id}`, { key: p.keys.readonly }),
      404,
      'not_found',
    )
    // A deleted release frees its SKU.
    await createRelease({ sku: 'AJ1-2026' })
  })

  it('refuses an unknown tier (400), a second live release of a SKU (409) and bad bodies', async () => {
    const unknown = expectProblem(
      await t.call('POST', '/v1/releases', {
        key: p.keys.admin,
        body: {
          sku: nextSku(),
          name: 'X',
          public_at: '2026-06-18T02:00:00Z',
          early_access: [{ tier: 'platinum', hours_before: 2 }],
        },
      }),
      400,
      'invalid_request',
    )
    expect(unknown.errors).toEqual([
      { path: 'early_access[0].tier', message: '"platinum" is not a tier of the ladder' },
    ])
    const first = await createRelease({ sku: 'ONE' })
    const again = expectProblem(
      await t.call('POST', '/v1/releases', {
        key: p.keys.admin,
        body: { sku: 'ONE', name: 'Y', public_at: '2026-06-18T02:00:00Z', early_access: [] },
      }),
      409,
      'release_exists',
    )
    expect(again.detail).toContain('"ONE"')
    const other = await createRelease({ sku: 'TWO' })
    expectProblem(
      await t.call('PATCH', `/v1/releases/${other.id}`, {
        key: p.keys.admin,
        body: { sku: 'ONE' },
      }),
      409,
      'release_exists',
    )
    expectProblem(
      await t.call('PATCH', `/v1/releases/${first.id}`, {
        key: p.keys.admin,
        body: { early_access: [{ tier: 'nope', hours_before: 1 }] },
      }),
      400,
      'invalid_request',
    )
    for (const body of [
      { sku: 'B1', name: 'X', public_at: 'tomorrow', early_access: [] },
      {
        sku: 'B3',
        name: 'X',
        public_at: '2026-06-18T02:00:00Z',
        early_access: [{ tier: 'gold', hours_before: 0 }],
      },
      {
        sku: 'B4',
        name: 'X',
        public_at: '2026-06-18T02:00:00Z',
        early_access: [{ tier: 'gold', hours_before: 1, note: 'x' }],
      },
    ]) {
      expectProblem(
        await t.call('POST', '/v1/releases', { key: p.keys.admin, body }),
        400,
        'invalid_request',
      )
    }
    expectProblem(
      await t.call('POST', '/v1/releases', {
        key: p.keys.server,
        body: { sku: 'B5', name: 'X', public_at: '2026-06-18T02:00:00Z', early_access: [] },
      }),
      403,
      'forbidden',
    )
  })

  it('takes a release without early_access as one with no head starts', async () => {
    const res = await t.call('POST', '/v1/releases', {
      key: p.keys.admin,
      body: { sku: nextSku(), name: 'Plain', public_at: '2026-06-18T02:00:00Z' },
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().early_access).toEqual([])
  })

  it('lets one of several parallel creations of a SKU through', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.call('POST', '/v1/releases', {
          key: p.keys.admin,
          body: { sku: 'RACE', name: `R${i}`, public_at: '2026-06-18T02:00:00Z', early_access: [] },
        }),
      ),
    )
    const codes = answers.map((a) => a.statusCode).sort()
    expect(codes).toEqual([201, 409, 409, 409, 409, 409, 409, 409])
    for (const a of answers.filter((x) => x.statusCode === 409))
      expect(a.json().code).toBe('release_exists')
  })

  it('lists only upcoming releases with ?upcoming=true', async () => {
    const q = await createProgram(t, { name: 'Upcoming' })
    const past = await createRelease({ public_at: '2026-06-01T00:00:00Z' }, q)
    const future = await createRelease({ public_at: '2026-07-01T00:00:00Z' }, q)
    const all = (await t.call('GET', '/v1/releases', { key: q.keys.readonly })).json()
    expect(all.data.map((r: { id: string }) => r.id)).toEqual([future.id, past.id])
    const upcoming = (
      await t.call('GET', '/v1/releases?upcoming=true', { key: q.keys.readonly })
    ).json()
    expect(upcoming.data.map((r: { id: string }) => r.id)).toEqual([future.id])
  })
})

describe('GET /v1/members/{member}/releases/{sku}', () => {
  it('opens to a tier its largest head start before public_at, to others at public_at', async () => {
    const release = await createRelease({
      early_access: [
        { tier: 'gold', hours_before: 24 },
        { tier: 'gold', hours_before: 72 },
        { tier: 'black', hours_before: 12 },
      ],
    })
    const gold = await goldMember()
    const plain = await createMember(t, p.keys.admin)
    expect(await access(gold.external_id, release.sku)).toEqual({
      sku: release.sku,
      allowed: true,
      opens_at: '2026-06-15T02:00:00.000Z',
      public_at: '2026-06-18T02:00:00.000Z',
      tier: 'gold',
      name: '联名球鞋',
    })
    expect(await access(plain.id, release.sku)).toMatchObject({
      allowed: false,
      opens_at: '2026-06-18T02:00:00.000Z',
      tier: 'member',
    })
    clock.set('2026-06-15T01:59:59.999Z')
    expect((await access(gold.id, release.sku)).allowed).toBe(false)
    clock.set('2026-06-18T02:00:00Z')
    expect((await access(plain.id, release.sku)).allowed).toBe(true)
    clock.set(NOW)
  })

  it('answers a SKU with no release as open to everyone, and an unknown member as 404', async () => {
    const plain = await createMember(t, p.keys.admin)
    expect(await access(plain.id, 'NO-SUCH-SKU')).toEqual({
      sku: 'NO-SUCH-SKU',
      allowed: true,
      opens_at: null,
      public_at: null,
      tier: 'member',
      name: null,
    })
    expectProblem(
      await t.call('GET', '/v1/members/nobody/releases/X', { key: p.keys.readonly }),
      404,
      'not_found',
    )
  })

  it('sees a release change at once on another server (the cache quotes and orders read)', async () => {
    const peer = await createPeerApp(t)
    try {
      const plain = await createMember(t, p.keys.admin)
      const release = await createRelease({ public_at: '2026-06-14T00:00:00Z' })
      expect((await access(plain.id, release.sku, peer.call)).allowed).toBe(true)
      await t.call('PATCH', `/v1/releases/${release.id}`, {
        key: p.keys.admin,
        body: { public_at: '2026-06-16T00:00:00Z' },
      })
      expect((await access(plain.id, release.sku, peer.call)).allowed).toBe(false)
      await t.call('DELETE', `/v1/releases/${release.id}`, { key: p.keys.admin })
      expect((await access(plain.id, release.sku, peer.call)).opens_at).toBeNull()
      // The service the order path uses: the peer's cached releases, refreshed by version.
      const program = await peer.services.programs.get(p.id)
      const live = await peer.services.releases.liveReleasesFor(program)
      expect(live.has(release.sku)).toBe(false)
      const gated = await createRelease({ early_access: [{ tier: 'gold', hours_before: 1 }] })
      const fresh = await peer.services.releases.liveReleasesFor(
        await peer.services.programs.get(p.id),
      )
      expect(earlyAccessRefusal(fresh, 'member', ['X', gated.sku], clock.now())).toEqual({
        sku: gated.sku,
        opens_at: new Date('2026-06-18T02:00:00Z'),
      })
      // Same version: the same map, no read.
      expect(
        await peer.services.releases.liveReleasesFor(await peer.services.programs.get(p.id)),
      ).toBe(fresh)
    } finally {
      await peer.close()
    }
  })
})

describe('portal', () => {
  it('shows the member its upcoming releases with its own opening time, and one SKU', async () => {
    const q = await createProgram(t, { name: 'Portal releases' })
    await goldLadder(t, q)
    await createRelease({ sku: 'P-PAST', public_at: '2026-06-01T00:00:00Z' }, q)
    const soon = await createRelease(
      {
        sku: 'P-SOON',
        public_at: '2026-06-16T02:00:00Z',
        early_access: [{ tier: 'member', hours_before: 48 }],
      },
      q,
    )
    await createRelease({ sku: 'P-LATER', public_at: '2026-07-01T00:00:00Z' }, q)
    const m = await createMember(t, q.keys.admin)
    const session = await t.call('POST', `/v1/members/${m.id}/portal-sessions`, {
      key: q.keys.server,
      body: {},
    })
    const token = session.json().token
    const list = await t.call('GET', '/v1/portal/releases', { key: token })
    expect(list.statusCode, list.body).toBe(200)
    expect(list.json()).toEqual({
      data: [
        {
          sku: 'P-SOON',
          name: soon.name,
          public_at: '2026-06-16T02:00:00.000Z',
          opens_at: '2026-06-14T02:00:00.000Z',
          allowed: true,
        },
        {
          sku: 'P-LATER',
          name: '联名球鞋',
          public_at: '2026-07-01T00:00:00.000Z',
          opens_at: '2026-07-01T00:00:00.000Z',
          allowed: false,
        },
      ],
    })
    const one = await t.call('GET', '/v1/portal/releases/P-LATER', { key: token })
    expect(one.json()).toMatchObject({ sku: 'P-LATER', allowed: false, tier: 'member' })
    const advisor = await t.call('GET', '/v1/portal/advisor', { key: token })
    expect(advisor.json()).toEqual({ advisor: null })
    // Program keys do not reach the portal's routes.
    expect((await t.call('GET', '/v1/portal/releases', { key: q.keys.admin })).statusCode).toBe(403)
  })
})

describe('early access in quotes and orders', () => {
  it('refuses a SKU before the member’s time with 403 early_access_only, and sells it after', async () => {
    // Public on 18 June 10:00; gold from 17 June 10:00; now is 15 June.
    const release = await createRelease({ early_access: [{ tier: 'gold', hours_before: 24 }] })
    const sku = release.sku as string
    const gold = await goldMember()
    const plain = await createMember(t, p.keys.admin)
    const basket = [{ sku, quantity: 1, unit_price: 99_900 }]
    const quote = (member: string) =>
      t.call('POST', '/v1/checkout/quote', {
        key: p.keys.server,
        body: { member, items: basket },
      })
    const order = (member: string, id: string) =>
      t.call('POST', '/v1/orders', {
        key: p.keys.server,
        body: { id, member, amount: 99_900, items: basket },
      })
    try {
      for (const member of [gold.id, plain.id]) {
        const q = await quote(member)
        expect(q.statusCode, q.body).toBe(403)
        expect(q.json().code).toBe('early_access_only')
        const o = await order(member, `early-${member}-1`)
        expect(o.statusCode, o.body).toBe(403)
        expect(o.json().code).toBe('early_access_only')
        expect(o.json().detail).toContain(sku)
      }
      // Nothing was stored: the same id may be used once the SKU opens.
      const stored = await t.call('GET', `/v1/orders/early-${gold.id}-1`, { key: p.keys.readonly })
      expect(stored.statusCode).toBe(404)
      // 17 June 10:00: open to gold, not yet to the others.
      clock.set('2026-06-17T02:00:00Z')
      expect((await quote(gold.id)).statusCode).toBe(200)
      expect((await order(gold.id, `early-${gold.id}-1`)).statusCode).toBe(201)
      expect((await order(plain.id, `early-${plain.id}-1`)).statusCode).toBe(403)
      // Public: everyone.
      clock.set('2026-06-18T02:00:00Z')
      expect((await order(plain.id, `early-${plain.id}-1`)).statusCode).toBe(201)
    } finally {
      clock.set(NOW)
    }
  })
})
