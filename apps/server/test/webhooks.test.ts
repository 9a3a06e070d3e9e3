import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createProgram,
  createTestApp,
  createWebhook,
  expectProblem,
  type TestApp,
  type TestProgram,
} from './support/index.js'

/*
 * Webhook endpoints through the API (docs/webhooks.md): the subscription, its secret, and the
 * targets it may have (api.md: http(s) without credentials; no link-local or metadata address
 * unless the program allows private targets; loopback and other addresses accepted).
 */

let t: TestApp
let p: TestProgram

beforeAll(async () => {
  t = await createTestApp()
  p = await createProgram(t, { name: 'Hooks' })
})
afterAll(() => t.close())

async function attempt(url: string, program = p) {
  return t.call('POST', '/v1/webhooks', {
    key: program.keys.admin,
    body: { url, events: ['member.created'] },
  })
}

describe('webhook endpoints', () => {
  it('are made with a secret shown once, then read, listed, changed and deleted', async () => {
    const created = await t.call('POST', '/v1/webhooks', {
      key: p.keys.admin,
      body: {
        url: 'https://shop.example.com/loyalty/hooks',
        events: ['member.created', 'points.earned'],
        description: '商城',
      },
    })
    expect(created.statusCode, created.body).toBe(201)
    const hook = created.json()
    expect(hook).toEqual({
      id: expect.stringMatching(/^whk_[0-9A-Z]{26}$/),
      url: 'https://shop.example.com/loyalty/hooks',
      events: ['member.created', 'points.earned'],
      description: '商城',
      active: true,
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9_-]{32}$/),
      created_at: expect.any(String),
      updated_at: expect.any(String),
    })

    const read = await t.call('GET', `/v1/webhooks/${hook.id}`, { key: p.keys.readonly })
    expect(read.statusCode).toBe(200)
    expect(read.json()).not.toHaveProperty('secret')
    expect(read.json().deliveries).toEqual({ pending: 0, delivered: 0, failed: 0 })

    const list = await t.call('GET', '/v1/webhooks', { key: p.keys.server })
    expect(list.json().data.map((w: { id: string }) => w.id)).toContain(hook.id)
    expect(list.json().data[0]).not.toHaveProperty('secret')

    const patched = await t.call('PATCH', `/v1/webhooks/${hook.id}`, {
      key: p.keys.admin,
      body: { events: ['*'], active: false, description: null },
    })
    expect(patched.statusCode, patched.body).toBe(200)
    expect(patched.json()).toMatchObject({ events: ['*'], active: false, description: null })

    const rolled = await t.call('POST', `/v1/webhooks/${hook.id}/secret`, { key: p.keys.admin })
    expect(rolled.statusCode, rolled.body).toBe(200)
    expect(rolled.json().secret).toMatch(/^whsec_/)
    expect(rolled.json().secret).not.toBe(hook.secret)

    const deleted = await t.call('DELETE', `/v1/webhooks/${hook.id}`, { key: p.keys.admin })
    expect(deleted.statusCode).toBe(204)
    expectProblem(
      await t.call('GET', `/v1/webhooks/${hook.id}`, { key: p.keys.admin }),
      404,
      'not_found',
    )
  })

  it('are the admin key’s to change, and another program’s are not found', async () => {
    expectProblem(
      await t.call('POST', '/v1/webhooks', {
        key: p.keys.server,
        body: { url: 'http://127.0.0.1:9/x', events: ['*'] },
      }),
      403,
      'forbidden',
    )
    const hook = await createWebhook(t, p, { url: 'http://127.0.0.1:9/x', events: ['*'] })
    const other = await createProgram(t, { name: 'Other' })
    for (const [method, url] of [
      ['GET', `/v1/webhooks/${hook.id}`],
      ['GET', `/v1/webhooks/${hook.id}/deliveries`],
      ['DELETE', `/v1/webhooks/${hook.id}`],
      ['POST', `/v1/webhooks/${hook.id}/secret`],
    ] as const)
      expectProblem(await t.call(method, url, { key: other.keys.admin }), 404, 'not_found')
    await t.call('DELETE', `/v1/webhooks/${hook.id}`, { key: p.keys.admin })
  })

  it('refuse bad URLs and unknown event types with the path at fault', async () => {
    for (const url of [
      'ftp://shop.example.com/hooks',
      'https://user:pass@shop.example.com/hooks',
      'https://token@shop.example.com/hooks',
      'not a url',
      'https://shop.example.com/hooks#frag',
    ]) {
      const problem = expectProblem(await attempt(url), 400, 'invalid_request')
      expect(problem.errors[0].path, url).toBe('url')
    }
    const unknown = await t.call('POST', '/v1/webhooks', {
      key: p.keys.admin,
      body: { url: 'https://shop.example.com/h', events: ['member.deleted'] },
    })
    expectProblem(unknown, 400, 'invalid_request')
    const none = await t.call('POST', '/v1/webhooks', {
      key: p.keys.admin,
      body: { url: 'https://shop.example.com/h', events: [] },
    })
    expectProblem(none, 400, 'invalid_request')
    const extra = await t.call('POST', '/v1/webhooks', {
      key: p.keys.admin,
      body: { url: 'https://shop.example.com/h', events: ['*'], secret: 'mine' },
    })
    expectProblem(extra, 400, 'invalid_request')
  })

  it('refuse link-local and metadata targets unless the program allows private targets', async () => {
    const refused = [
      'http://169.254.169.254/latest/meta-data/',
      'http://169.254.1.10:8080/hooks',
      'http://[fe80::1]/hooks',
      'http://[::ffff:169.254.169.254]/hooks',
      'http://100.100.100.200/latest/meta-data/',
      'http://metadata.google.internal/computeMetadata/v1/',
      'http://0.0.0.0:8080/hooks',
    ]
    for (const url of refused) {
      const problem = expectProblem(await attempt(url), 400, 'invalid_request')
      expect(problem.errors[0], url).toMatchObject({ path: 'url' })
      expect(problem.detail, url).toMatch(/private webhook targets/)
    }
    // Loopback and a shop's own network are accepted.
    for (const url of [
      'http://127.0.0.1:8080/hooks',
      'http://localhost:8080/hooks',
      'http://[::1]:8080/hooks',
      'http://10.0.0.5/hooks',
      'http://192.168.1.20/hooks',
    ]) {
      const res = await attempt(url)
      expect(res.statusCode, `${url}: ${res.body}`).toBe(201)
      await t.call('DELETE', `/v1/webhooks/${res.json().id}`, { key: p.keys.admin })
    }

    const open = await createProgram(t, { name: 'Private targets' })
    const allowed = await t.call('PATCH', '/v1/program', {
      key: open.keys.admin,
      body: { webhook_private_targets: true },
    })
    expect(allowed.statusCode, allowed.body).toBe(200)
    expect(allowed.json().webhook_private_targets).toBe(true)
    for (const url of refused) {
      const res = await attempt(url, open)
      expect(res.statusCode, `${url}: ${res.body}`).toBe(201)
    }
    // Changing a webhook's URL is held to the same rule.
    const hook = await createWebhook(t, p, { url: 'http://127.0.0.1:1/x', events: ['*'] })
    const moved = await t.call('PATCH', `/v1/webhooks/${hook.id}`, {
      key: p.keys.admin,
      body: { url: 'http://169.254.169.254/' },
    })
    expectProblem(moved, 400, 'invalid_request')
  })

  it('are at most twenty per program', async () => {
    const q = await createProgram(t, { name: 'Many hooks' })
    for (let i = 0; i < 20; i++)
      await createWebhook(t, q, { url: `https://shop.example.com/h/${i}`, events: ['*'] })
    expectProblem(
      await t.call('POST', '/v1/webhooks', {
        key: q.keys.admin,
        body: { url: 'https://shop.example.com/h/21', events: ['*'] },
      }),
      422,
      'limit_reached',
    )
  })
})
