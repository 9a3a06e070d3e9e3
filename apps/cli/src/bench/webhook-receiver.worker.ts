/**
 * The webhook receiver's process: forked by webhook-receiver.ts for the webhooks scenario, so
 * that receiving deliveries does not share the server's event loop (nor the load generator's).
 * It listens on 127.0.0.1 on a port of its own, answers every `POST` `200` as soon as its body
 * has arrived, and notes for each request when it arrived (`Date.now()` when its headers were
 * read) and its `Loyalbase-Event-Id` and `Loyalbase-Delivery-Id`. It reports `listening` with
 * its port, and the requests (`received`) when asked to `collect`, then exits when its parent
 * disconnects.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ReceiverMessage, ReceiverRequest } from './webhook-receiver.js'

const eventIds: string[] = []
const deliveryIds: string[] = []
const at: number[] = []
/** Requests that were not a delivery: not a POST, no event id, or a body of another event. */
let malformed = 0

function send(message: ReceiverMessage): void {
  process.send?.(message)
}

const server = createServer((request, response) => {
  const arrived = Date.now()
  const eventId = request.headers['loyalbase-event-id']
  const deliveryId = request.headers['loyalbase-delivery-id']
  const chunks: Buffer[] = []
  request.on('data', (chunk: Buffer) => chunks.push(chunk))
  request.on('end', () => {
    let bodyId: unknown
    try {
      bodyId = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id?: unknown }).id
    } catch {
      bodyId = undefined
    }
    if (
      request.method === 'POST' &&
      typeof eventId === 'string' &&
      typeof deliveryId === 'string' &&
      bodyId === eventId
    ) {
      eventIds.push(eventId)
      deliveryIds.push(deliveryId)
      at.push(arrived)
    } else {
      malformed++
    }
    response.writeHead(200, { 'content-type': 'text/plain', 'content-length': 2 })
    response.end('ok')
  })
})

// Ctrl-C reaches the whole process group; the parent decides when the receiver stops.
process.on('SIGINT', () => {})
// The parent is gone (or done with us).
process.on('disconnect', () => process.exit(0))
process.on('message', (message: ReceiverRequest) => {
  if (message.type === 'collect') {
    send({ type: 'received', received: { eventIds, deliveryIds, at, malformed } })
  }
})
server.listen(0, '127.0.0.1', () => {
  send({ type: 'listening', port: (server.address() as AddressInfo).port })
})
