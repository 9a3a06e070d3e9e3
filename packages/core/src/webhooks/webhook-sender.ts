import http from 'node:http'
import https from 'node:https'
import type { DB } from '@loyalbase/db'
import type { Kysely } from 'kysely'
import { AppError } from '../shared/app-error.js'
import { checkTargetUrl, guardedLookup } from './webhook-target.js'
import { payloadBody, retryDelayMs, signatureHeader } from './webhooks.js'
import {
  type AttemptOutcome,
  type ClaimedDelivery,
  claimDueDeliveries,
  recordAttempts,
} from './webhooks.repository.js'

/*
 * The sender: takes due deliveries from the database (any number of server processes may run
 * one), posts each, and records the attempt. At least once: a delivery is taken with a lease and
 * counted an attempt before it is sent, so a process that dies mid-send leaves it to be taken
 * again when the lease ends; receivers de-duplicate by the event's `id`.
 */

export interface WebhookSenderOptions {
  /** First retry after about this long; each next one four times later (webhooks.ts). */
  retryBaseMs: number
  /** How often an idle sender looks for due deliveries. */
  pollIntervalMs: number
  /** Deliveries in flight at once. */
  concurrency: number
  /** A receiver that has not answered by then has failed the attempt. */
  timeoutMs: number
}

export const DEFAULT_SENDER_OPTIONS: WebhookSenderOptions = {
  retryBaseMs: 5_000,
  pollIntervalMs: 200,
  concurrency: 32,
  timeoutMs: 10_000,
}

export interface SenderLogger {
  error(obj: object, msg: string): void
}

const RESPONSE_KEPT = 1024

interface Sent {
  code: number | null
  body: string | null
  error: string | null
}

const agents = {
  guarded: {
    http: new http.Agent({ keepAlive: true, lookup: guardedLookup(false) as never }),
    https: new https.Agent({ keepAlive: true, lookup: guardedLookup(false) as never }),
  },
  open: {
    http: new http.Agent({ keepAlive: true }),
    https: new https.Agent({ keepAlive: true }),
  },
}

/** Posts one delivery; never throws — what went wrong is the attempt's `error`. */
function post(delivery: ClaimedDelivery, body: string, timeoutMs: number): Promise<Sent> {
  let url: URL
  try {
    url = checkTargetUrl(delivery.url, {
      allowPrivateTargets: delivery.private_targets,
      path: 'url',
    })
  } catch (error) {
    const message = error instanceof AppError ? error.message : String(error)
    return Promise.resolve({ code: null, body: null, error: `refused target: ${message}` })
  }
  const pool = delivery.private_targets ? agents.open : agents.guarded
  const client = url.protocol === 'https:' ? https : http
  return new Promise<Sent>((resolve) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        agent: url.protocol === 'https:' ? pool.https : pool.http,
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'Loyalbase-Webhooks/1',
          'loyalbase-signature': signatureHeader(delivery.secret, body, new Date()),
          'loyalbase-event-id': delivery.event_id,
          'loyalbase-event-type': delivery.event_type,
          'loyalbase-delivery-id': delivery.id,
        },
      },
      (response) => {
        const chunks: Buffer[] = []
        let kept = 0
        response.on('data', (chunk: Buffer) => {
          if (kept < RESPONSE_KEPT) {
            chunks.push(chunk)
            kept += chunk.length
          }
        })
        response.on('end', () => {
          const text = Buffer.concat(chunks).subarray(0, RESPONSE_KEPT).toString('utf8')
          const code = response.statusCode ?? null
          const ok = code !== null && code >= 200 && code < 300
          resolve({ code, body: text || null, error: ok ? null : `answered ${code}` })
        })
        response.on('error', (error) =>
          resolve({ code: response.statusCode ?? null, body: null, error: error.message }),
        )
      },
    )
    request.on('error', (error: Error & { code?: string }) => {
      const why =
        error.name === 'TimeoutError' || error.name === 'AbortError'
          ? `no answer within ${timeoutMs} ms`
          : error.message || error.code || 'connection failed'
      resolve({ code: null, body: null, error: why })
    })
    request.end(body)
  })
}

export function createWebhookSender(
  db: Kysely<DB>,
  options: WebhookSenderOptions = DEFAULT_SENDER_OPTIONS,
  log?: SenderLogger,
) {
  // Long enough that an answer within the timeout is recorded before anyone takes it again.
  const leaseMs = options.timeoutMs + 20_000
  const inFlight = new Set<Promise<void>>()
  let outcomes: AttemptOutcome[] = []
  let flushing: Promise<void> | undefined
  let running = false
  let loop: Promise<void> | undefined
  let wake: (() => void) | undefined

  async function flush(): Promise<void> {
    while (outcomes.length > 0) {
      const batch = outcomes
      outcomes = []
      try {
        await recordAttempts(db, batch)
      } catch (err) {
        // The lease ends and the deliveries are taken again: nothing is lost.
        log?.error({ err }, 'recording webhook attempts failed')
      }
    }
  }

  function scheduleFlush(): Promise<void> {
    if (!flushing)
      flushing = flush().finally(() => {
        flushing = undefined
        if (outcomes.length > 0) void scheduleFlush()
        // Room again for deliveries the unrecorded outcomes held back.
        wake?.()
      })
    return flushing
  }

  async function attempt(delivery: ClaimedDelivery): Promise<void> {
    const body = payloadBody({
      id: delivery.event_id,
      type: delivery.event_type,
      created_at: new Date(delivery.event_created_at).toISOString(),
      data: delivery.event_data,
    })
    const started = new Date()
    const sent = await post(delivery, body, options.timeoutMs)
    const delivered = sent.error === null
    outcomes.push({
      program_id: delivery.program_id,
      delivery_id: delivery.id,
      attempt: delivery.attempts,
      started_at: started,
      duration_ms: Date.now() - started.getTime(),
      response_code: sent.code,
      response_body: sent.body,
      error: sent.error,
      delivered,
      retry_in_ms:
        delivered || delivery.attempts >= delivery.max_attempts
          ? null
          : retryDelayMs(delivery.attempts, options.retryBaseMs),
    })
    // Recorded in the background, many outcomes a statement: the slot is free for the next
    // delivery at once (waiting here made the sender claim, post and record in lock-step).
    void scheduleFlush()
  }

  /**
   * Takes what is due (as much as there is room for) and starts sending it. Outcomes not yet
   * recorded count against the room, so that the records keep up with the posts.
   */
  async function takeDue(): Promise<number> {
    const room = options.concurrency - inFlight.size - outcomes.length
    if (room <= 0) return 0
    const claimed = await claimDueDeliveries(db, room, leaseMs)
    for (const delivery of claimed) {
      const sending = attempt(delivery).catch((err) =>
        log?.error({ err, delivery: delivery.id }, 'webhook attempt failed'),
      )
      inFlight.add(sending)
      void sending.finally(() => {
        inFlight.delete(sending)
        wake?.()
      })
    }
    return claimed.length
  }

  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms)
      timer.unref()
      function done() {
        clearTimeout(timer)
        wake = undefined
        resolve()
      }
      wake = done
    })
  }

  async function run(): Promise<void> {
    while (running) {
      let taken = 0
      try {
        taken = await takeDue()
      } catch (err) {
        log?.error({ err }, 'taking due webhook deliveries failed')
      }
      if (!running) break
      // Full: wait for a slot. Nothing due: wait a poll interval (or a slot freeing).
      if (taken === 0 || inFlight.size >= options.concurrency) await pause(options.pollIntervalMs)
    }
  }

  return {
    start(): void {
      if (running) return
      running = true
      loop = run()
    },

    /** Stops taking deliveries and waits for those in flight to be sent and recorded. */
    async stop(): Promise<void> {
      running = false
      wake?.()
      await loop
      await Promise.all(inFlight)
      await scheduleFlush()
    },

    /** Sends what is due now and waits for it (tests and the command line). */
    async drain(): Promise<number> {
      let total = 0
      for (;;) {
        if (outcomes.length > 0 && inFlight.size === 0) await scheduleFlush()
        const taken = await takeDue()
        total += taken
        if (taken === 0 && inFlight.size === 0 && outcomes.length === 0) break
        if (inFlight.size > 0) await Promise.race(inFlight)
      }
      await scheduleFlush()
      return total
    },
  }
}

export type WebhookSender = ReturnType<typeof createWebhookSender>
