import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, buildUrl, createApiClient } from './client'

afterEach(() => {
  vi.unstubAllGlobals()
})

function stubFetch(response: Response) {
  const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => response)
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
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
    const api = createApiClient({ getToken: () => 'lb_sk_x' })
    await expect(api('/v1/program')).resolves.toEqual({ id: 'prog_1' })
    const headers = (fetchMock.mock.calls[0]?.[1]?.headers ?? {}) as Record<string, string>
    expect(headers.Authorization).toBe('Bearer lb_sk_x')
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
        { status: 401, headers: { 'Content-Type': 'application/problem+json' } },
      ),
    )
    const onUnauthorized = vi.fn()
    const api = createApiClient({ getToken: () => 'lb_sk_x', onUnauthorized })
    const error = await api('/v1/program').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 401, code: 'unauthorized', detail: 'Bad key' })
    expect(onUnauthorized).toHaveBeenCalledOnce()
  })

  it('survives an error body that is not JSON', async () => {
    stubFetch(new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }))
    const api = createApiClient({ getToken: () => null })
    await expect(api('/v1/program')).rejects.toMatchObject({ status: 502, detail: 'Bad Gateway' })
  })

  it('reports a network failure as status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    )
    const api = createApiClient({ getToken: () => null })
    await expect(api('/v1/program')).rejects.toMatchObject({ status: 0, code: 'network_error' })
  })
})
