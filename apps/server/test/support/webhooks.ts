import { once } from 'node:events'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createWebhookSender, DEFAULT_SENDER_OPTIONS, type WebhookSender } from '@loyalbase/core'
import type { TestProgram } from './factories.js'
import type { TestApp } from './test-app.js'

export interface Received {
  headers: IncomingHttpHeaders
  body: string
  json: { id: string; type: string; created_at: string; data: Record<string, unknown> }
}

/**
 * A webhook endpoint on a port of its own: it records every request and answers `status` (200,
 * or 503 while "down").
 */
export interface Receiver {
  url: string
  received: Received[]
  status: number
  close(): Promise<void>
}

export async function startReceiver(status = 200): Promise<Receiver> {
  const received: Received[] = []
  const receiver: Receiver = {
    url: '',
    received,
    status,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      if (receiver.status >= 200 && receiver.status < 300)
        received.push({ headers: request.headers, body, json: JSON.parse(body) })
      response.writeHead(receiver.status, { 'content-type': 'text/plain' })
      response.end(receiver.status < 300 ? 'ok' : 'receiver down')
    })
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`
  return receiver
}

/** A sender like the server's, with retries `retryBaseMs` apart (tests cannot wait 5 s). */
export function testSender(t: TestApp, retryBaseMs = 20): WebhookSender {
  return createWebhookSender(t.db.database.db, {
    ...DEFAULT_SENDER_OPTIONS,
    retryBaseMs,
    pollIntervalMs: 10,
    timeoutMs: 2_000,
  })
}

export async function createWebhook(
  t: TestApp,
  p: TestProgram,
  body: Record<string, unknown>,
): Promise<{ id: string; secret: string }> {
  const res = await t.call('POST', '/v1/webhooks', { key: p.keys.admin, body })
  if (res.statusCode !== 201) throw new Error(`create webhook: ${res.statusCode} ${res.body}`)
  return res.json()
}

export async function deliveriesOf(t: TestApp, p: TestProgram, webhook: string, query = '') {
  const res = await t.call('GET', `/v1/webhooks/${webhook}/deliveries?limit=100${query}`, {
    key: p.keys.readonly,
  })
  if (res.statusCode !== 200) throw new Error(`deliveries: ${res.statusCode} ${res.body}`)
  return res.json<{
    data: {
      id: string
      event: { id: string; type: string }
      status: string
      attempts: number
      response_code: number | null
      error: string | null
      next_attempt_at: string | null
      last_attempt_at: string | null
    }[]
  }>().data
}

/** Waits until `done()` holds (the sender runs on its own), or fails after `ms`. */
export async function eventually(done: () => Promise<boolean> | boolean, ms = 15_000) {
  const until = Date.now() + ms
  while (!(await done())) {
    if (Date.now() > until) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
