import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, buildUrl, createApiClient, unwrap } from './client'
import { getMember, listMembers } from './members'

afterEach(() => {
  vi.unstubAllGlobals()
})

const BASE = 'http://loyalbase.test'

function stubFetch(response: Response) {
  const fetchMock = vi.fn(async (_request: Request) => response)
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

const sent = (fetchMock: ReturnType<typeof stubFetch>): Request => {
  const request = fetchMock.mock.calls[0]?.[0]
  if (!request) throw new Error('fetch was not called')
  return request
}

describe('buildUrl', () => {
  it('leaves out empty query values', () => {
    expect(
      buildUrl('', '/v1/members', { query: '', tier: 'gold', cursor: undefined, limit: 20 }),
    ).toBe('/v1/members?tier=gold&limit=20')
  })
})

describe('createApiClient', () => {
  it('sends the bearer token and parses JSON', async () => {
    const fetchMock = stubFetch(Response.json({ id: 'prog_1' }))
    const api = createApiClient({ getToken: () => 'lb_sk_x', baseUrl: BASE })
    await expect(unwrap(api.GET('/v1/program'))).resolves.toEqual({ id: 'prog_1' })
    const request = sent(fetchMock)
    expect(request.url).toBe(`${BASE}/v1/program`)
    expect(request.headers.get('Authorization')).toBe('Bearer lb_sk_x')
  })

  it('fills path parameters encoded, and leaves out empty filters', async () => {
    const fetchMock = stubFetch(Response.json({ data: [], next_cursor: null }))
    const api = createApiClient({ getToken: () => null, baseUrl: BASE })
    await listMembers(api, { query: '', tier: 'gold', limit: 20 })
    expect(sent(fetchMock).url).toBe(`${BASE}/v1/members?tier=gold&limit=20`)
    expect(sent(fetchMock).headers.get('Authorization')).toBeNull()

    const again = stubFetch(Response.json({ id: 'mem_1' }))
    await getMember(api, 'a/b c')
    expect(sent(again).url).toBe(`${BASE}/v1/members/a%2Fb%20c`)
  })

  it('turns problem+json into an ApiError and reports 401s', async () => {
    stubFetch(
      new Response(
        JSON.stringify({
          title: 'Unauthorized',
          status: 401,
          code: 'unauthorized',
          detail: 'Bad key',
        }),
        {
          status: 401,
          headers: { 'Content-Type': 'application/problem+json', 'x-request-id': 'req-1' },
        },
      ),
    )
    const onUnauthorized = vi.fn()
    const api = createApiClient({ getToken: () => 'lb_sk_x', onUnauthorized, baseUrl: BASE })
    const error = await unwrap(api.GET('/v1/program')).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({
      status: 401,
      code: 'unauthorized',
      detail: 'Bad key',
      requestId: 'req-1',
    })
    expect(onUnauthorized).toHaveBeenCalledOnce()
  })

  it('keeps the field errors of a 400 and the wait of a 429', async () => {
    const errors = [{ path: 'birthday', message: 'must not lie in the future' }]
    stubFetch(
      Response.json(
        { title: 'Invalid request', status: 400, code: 'invalid_request', detail: 'x', errors },
        { status: 400 },
      ),
    )
    const api = createApiClient({ getToken: () => null, baseUrl: BASE })
    await expect(getMember(api, 'm')).rejects.toMatchObject({ errors })

    stubFetch(
      Response.json(
        { title: 'Too many requests', status: 429, code: 'rate_limited', detail: 'slow down' },
        { status: 429, headers: { 'Retry-After': '7' } },
      ),
    )
    await expect(getMember(api, 'm')).rejects.toMatchObject({ code: 'rate_limited', retryAfter: 7 })
  })

  it('survives an error body that is not JSON', async () => {
    stubFetch(new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }))
    const api = createApiClient({ getToken: () => null, baseUrl: BASE })
    await expect(unwrap(api.GET('/v1/program'))).rejects.toMatchObject({
      status: 502,
      code: 'unknown_error',
      detail: 'Bad Gateway',
    })
  })

  it('reports a network failure as status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    )
    const api = createApiClient({ getToken: () => null, baseUrl: BASE })
    await expect(unwrap(api.GET('/v1/program'))).rejects.toMatchObject({
      status: 0,
      code: 'network_error',
    })
  })

  it('lets an abort through as it is', async () => {
    const controller = new AbortController()
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        controller.abort()
        throw new DOMException('aborted', 'AbortError')
      }),
    )
    const api = createApiClient({ getToken: () => null, baseUrl: BASE })
    const error = await getMember(api, 'm', controller.signal).catch((caught: unknown) => caught)
    expect(error).not.toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ name: 'AbortError' })
  })
})
