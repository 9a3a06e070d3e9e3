import { describe, expect, it } from 'vitest'
import { createLoyalbaseClient, unwrap } from './client.js'
import { ApiError } from './errors.js'

/** A fake server for the retry logic only; the client against the real API is tested in
 * apps/server/test/client-sdk.test.ts. */
function scripted(answers: (Response | Error)[]) {
  const seen: Request[] = []
  const fetch = async (input: Request | string | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init)
    seen.push(request)
    const next = answers.shift()
    if (!next) throw new Error('no more answers')
    if (next instanceof Error) throw next
    return next
  }
  return { fetch: fetch as typeof globalThis.fetch, seen }
}

const problem = (status: number, code: string) =>
  new Response(JSON.stringify({ type: 'about:blank', title: code, status, code, detail: code }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  })
const ok = (body: unknown) =>
  new Response(JSON.stringify(body), {
    status: 201,
    headers: { 'content-type': 'application/json' },
  })

describe('createLoyalbaseClient', () => {
  it('retries a POST with the same Idempotency-Key and body until it is answered', async () => {
    const server = scripted([
      new TypeError('socket hang up'),
      problem(503, 'unavailable'),
      ok({ id: 'x' }),
    ])
    const lb = createLoyalbaseClient({
      baseUrl: 'http://lb.test/',
      apiKey: 'lb_sk_test',
      fetch: server.fetch,
      retryDelayMs: 1,
    })
    const body = { external_id: 'c-1' }
    const created = await unwrap(lb.POST('/v1/members', { body }))
    expect(created).toEqual({ id: 'x' })
    expect(server.seen).toHaveLength(3)
    const keys = server.seen.map((r) => r.headers.get('idempotency-key'))
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/)
    expect(new Set(keys).size).toBe(1)
    for (const request of server.seen) {
      expect(request.url).toBe('http://lb.test/v1/members')
      expect(request.headers.get('authorization')).toBe('Bearer lb_sk_test')
      expect(await request.text()).toBe(JSON.stringify(body))
    }
  })

  it('keeps a key the caller gave, and throws typed problems without retrying a 4xx', async () => {
    const server = scripted([problem(422, 'insufficient_points')])
    const lb = createLoyalbaseClient({ baseUrl: 'http://lb.test', fetch: server.fetch })
    const call = lb.POST('/v1/members/{member}/points/redemptions', {
      params: { path: { member: 'c-1' } },
      headers: { 'Idempotency-Key': 'mine' },
      body: { points: 100 },
    })
    const error = await call.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 422, code: 'insufficient_points' })
    expect(server.seen).toHaveLength(1)
    expect(server.seen[0]?.headers.get('idempotency-key')).toBe('mine')
  })

  it('gives up after its retries with the last answer, or network_error', async () => {
    const down = scripted([problem(503, 'a'), problem(503, 'b'), problem(503, 'c')])
    const lb = createLoyalbaseClient({
      baseUrl: 'http://lb.test',
      fetch: down.fetch,
      retryDelayMs: 1,
    })
    await expect(lb.GET('/v1/program')).rejects.toMatchObject({ status: 503, code: 'c' })
    const gone = scripted([new TypeError('a'), new TypeError('b')])
    const lb2 = createLoyalbaseClient({
      baseUrl: 'http://lb.test',
      fetch: gone.fetch,
      retries: 1,
      retryDelayMs: 1,
    })
    await expect(lb2.GET('/v1/program')).rejects.toMatchObject({ status: 0, code: 'network_error' })
  })
})
