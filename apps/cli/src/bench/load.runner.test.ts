import { execFileSync } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runLoad, sampleRss } from './load.runner.js'

let server: Server
let url: string
const seen: string[] = []

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`)
    response.writeHead(request.url === '/v1/orders' ? 201 : 200).end('{}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

/** Load generators forked by this process that are still running. */
function workers(): string[] {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], {
    encoding: 'utf8',
  })
  return out.split('\n').filter((line) => line.includes('load.worker'))
}

describe('runLoad', () => {
  it('runs autocannon in a child process and reports what an orders load sent and got back', async () => {
    let ticks = 0
    let started = 0
    const result = await runLoad({
      url,
      headers: { authorization: 'Bearer k' },
      plan: { kind: 'orders', members: ['m1', 'm2'], prefix: 'p-', first: 5 },
      seconds: 1,
      connections: 2,
      onStart: () => started++,
      onTick: () => ticks++,
    })
    expect(started).toBe(1)
    expect(ticks).toBeGreaterThanOrEqual(1)
    expect(result.requests).toBeGreaterThan(0)
    expect(result.ok2xx).toBe(result.requests)
    const orders = result.orders
    expect(orders?.answered2xx).toHaveLength(result.ok2xx)
    expect(orders?.answeredOther).toEqual([])
    // Numbered from `first`; at most one request per connection was cut off by the stop.
    expect(Math.min(...(orders?.answered2xx ?? []))).toBe(5)
    expect((orders?.sent ?? 0) - result.requests).toBeLessThanOrEqual(2)
    expect(seen).toContain('POST /v1/orders')
    expect(workers()).toEqual([])
  })

  it('kills the load generator when aborted', async () => {
    const aborting = new AbortController()
    const started = Date.now()
    const load = runLoad({
      url,
      headers: {},
      plan: { kind: 'member-reads', memberIds: ['m1'] },
      seconds: 60,
      connections: 1,
      onStart: () => setTimeout(() => aborting.abort(new Error('stop')), 200),
      onTick: () => {},
      signal: aborting.signal,
    })
    await expect(load).rejects.toThrow('stop')
    expect(Date.now() - started).toBeLessThan(20_000)
    // Killed: gone within moments.
    for (let i = 0; i < 50 && workers().length > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(workers()).toEqual([])
  })

  it('refuses to start when already aborted', async () => {
    const aborted = AbortSignal.abort(new Error('already'))
    await expect(
      runLoad({
        url,
        headers: {},
        plan: { kind: 'member-creations', prefix: 'x-' },
        seconds: 1,
        connections: 1,
        onTick: () => {},
        signal: aborted,
      }),
    ).rejects.toThrow('already')
  })
})

describe('sampleRss', () => {
  it('returns the peak resident set size in bytes', () => {
    const sampler = sampleRss()
    expect(sampler.stop()).toBeGreaterThanOrEqual(process.memoryUsage.rss() / 2)
  })
})
