import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, createApiClient } from './client'
import { exportImportRejects, startImport } from './imports'

/* The upload sends the file itself as text/csv, with the key; the rejects come back as a file. */

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

describe('imports over HTTP', () => {
  it('uploads the file as the body, text/csv, named, with the key', async () => {
    const fetchMock = stubFetch(Response.json({ id: 'imp_1', status: 'running' }, { status: 202 }))
    const api = createApiClient({ getToken: () => 'lb_sk_admin', baseUrl: BASE })
    const file = new File(['external_id\nm-1\n'], '会员 1.csv', { type: 'text/csv' })
    await expect(startImport(api, 'members', file)).resolves.toMatchObject({ id: 'imp_1' })
    const request = sent(fetchMock)
    expect(request.method).toBe('POST')
    const url = new URL(request.url)
    expect(url.pathname).toBe('/v1/imports')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      kind: 'members',
      file_name: '会员 1.csv',
    })
    expect(request.headers.get('Content-Type')).toBe('text/csv')
    expect(request.headers.get('Authorization')).toBe('Bearer lb_sk_admin')
    expect(await request.text()).toBe('external_id\nm-1\n')
  })

  it('turns a refused upload into an ApiError', async () => {
    stubFetch(
      Response.json(
        { status: 413, code: 'payload_too_large', detail: 'An upload is at most 200 MB.' },
        { status: 413 },
      ),
    )
    const api = createApiClient({ getToken: () => 'lb_sk_admin', baseUrl: BASE })
    const error = await startImport(api, 'orders', new File(['x'], 'o.csv')).catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 413, code: 'payload_too_large' })
  })

  it('fetches every reject as a file', async () => {
    const fetchMock = stubFetch(
      new Response('line,error,record\n3,bad,x\n', { headers: { 'content-type': 'text/csv' } }),
    )
    const api = createApiClient({ getToken: () => 'lb_sk_admin', baseUrl: BASE })
    const blob = await exportImportRejects(api, 'imp_1')
    expect(sent(fetchMock).url).toBe(`${BASE}/v1/imports/imp_1/rejects?format=csv`)
    expect(await blob.text()).toBe('line,error,record\n3,bad,x\n')
  })
})
