import { loadConfig } from '@loyalbase/config'
import { sql } from 'kysely'
import type { EngineRun } from './bench.js'
import { createBenchProgram } from './bench-api.client.js'
import { MEMBER_POOL_SIZE, seedMembers } from './members.scenario.js'
import {
  BENCH_EARNING_RULE,
  checkOrders,
  orderStream,
  saveProfile,
  settledOrderCount,
  setUpTierLadder,
} from './orders.scenario.js'
import { startWebhookReceiver } from './webhook-receiver.js'
import { type DeliveryRecord, type RecordedEvent, webhookFigures } from './webhooks.figures.js'

export const WEBHOOK_ORDERS_SCENARIO = 'orders/s, webhook on'

/** The one event type the bench's webhook is subscribed to: every order of the load earns points. */
export const WEBHOOK_EVENT = 'points.earned'

/**
 * The sender's settings the bench's server runs with (bench.runner.ts): the defaults a server
 * started without `LOYALBASE_WEBHOOK_*` has (docs/configuration.md).
 */
export const BENCH_WEBHOOK_SENDER = loadConfig({}).webhooks

const WAIT_POLL_MS = 200
/** Far beyond what the sender needs for a load's deliveries; then the check fails instead. */
const WAIT_MAX_MS = 10 * 60 * 1000

async function deliveryCounts(run: EngineRun, programId: string, webhookId: string) {
  const { rows } = await sql<{ total: number; pending: number }>`
    SELECT count(*)::int AS total, (count(*) FILTER (WHERE status = 'pending'))::int AS pending
    FROM webhook_deliveries WHERE program_id = ${programId} AND webhook_id = ${webhookId}
  `.execute(run.server.database.db)
  return { total: Number(rows[0]?.total ?? 0), pending: Number(rows[0]?.pending ?? 0) }
}

/**
 * Waits until none of the webhook's deliveries is pending (each is recorded delivered only after
 * its receiver answered), with a bar of the deliveries done; gives up after `WAIT_MAX_MS`.
 */
async function waitForDeliveries(run: EngineRun, programId: string, webhookId: string) {
  const { progress, signal } = run.options
  const first = await deliveryCounts(run, programId, webhookId)
  const tracker = progress.task(`${run.label}: webhook deliveries`, first.total, 'deliveries')
  const deadline = Date.now() + WAIT_MAX_MS
  try {
    for (let counts = first; ; ) {
      tracker.update(counts.total - counts.pending)
      if (counts.pending === 0 || Date.now() > deadline) return
      signal?.throwIfAborted()
      await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS))
      counts = await deliveryCounts(run, programId, webhookId)
    }
  } finally {
    tracker.done()
  }
}

/** The program's events of the subscribed type: id, `created_at` in ms, the order recording it. */
async function recordedEvents(run: EngineRun, programId: string): Promise<RecordedEvent[]> {
  const { rows } = await sql<{ id: string; at: number; order: string | null }>`
    SELECT id, (extract(epoch FROM created_at) * 1000)::float8 AS at,
      data -> 'source' ->> 'id' AS order
    FROM outbox_events WHERE program_id = ${programId} AND type = ${WEBHOOK_EVENT}
  `.execute(run.server.database.db)
  return rows.map((row) => ({
    id: row.id,
    createdAt: Number(row.at),
    order: row.order ?? undefined,
  }))
}

async function deliveryRecords(
  run: EngineRun,
  programId: string,
  webhookId: string,
): Promise<DeliveryRecord[]> {
  const rows = await run.server.database.db
    .selectFrom('webhook_deliveries')
    .select(['id', 'event_id', 'status', 'attempts'])
    .where('program_id', '=', programId)
    .where('webhook_id', '=', webhookId)
    .execute()
  return rows.map((row) => ({
    id: row.id,
    eventId: row.event_id,
    status: row.status,
    attempts: row.attempts,
  }))
}

/**
 * Webhook deliveries to a local receiver during an orders load: the orders scenario's program
 * (ladder, earning rule, 1,000 members), a receiver in a process of its own (127.0.0.1, an
 * ephemeral port, `200` to every delivery) and one webhook subscribed to `points.earned`; then
 * the orders load from the load generator's process, with the server's sender posting meanwhile.
 * Afterwards the orders check of `orders/s`, then the wait until no delivery is pending, then the
 * figures (rates, the delay of each delivery) and the exactness check: one delivery per event,
 * one request per delivery carrying its event's and its own id, nothing pending or failed.
 */
export async function benchWebhooks(run: EngineRun): Promise<void> {
  const { options, report } = run
  const { progress } = options
  progress.phase(
    `${run.label}: setting up webhooks (the orders' ladder and rule, members, a receiver in its own process)`,
  )
  const api = await createBenchProgram(run.api.baseUrl, run.adminKey, 'Bench webhooks')
  await setUpTierLadder(api)
  await api.post('/v1/earning-rules', BENCH_EARNING_RULE)
  // Before the webhook: their member.created events are not subscribed to anyway.
  const members = await seedMembers(api, MEMBER_POOL_SIZE, progress, 'subscriber')
  options.signal?.throwIfAborted()
  const receiver = await startWebhookReceiver()
  try {
    const webhook = await api.post<{ id: string }>('/v1/webhooks', {
      url: receiver.url,
      events: [WEBHOOK_EVENT],
      description: 'bench: a local receiver in its own process',
    })
    const stream = orderStream(members, 'webhooks')
    // Timed: the load generator notes when each 2xx arrived, for the delay after it.
    const plan = { ...stream.plan(), timed: true }
    const profile = options.profileDir !== undefined
    const result = await run.measureLoad(WEBHOOK_ORDERS_SCENARIO, api, plan, { profile })
    stream.record(result.orders)
    await checkOrders(run, api.programId, stream, WEBHOOK_ORDERS_SCENARIO, result.ok2xx)
    progress.phase(`${run.label}: waiting until every webhook delivery is delivered`)
    await waitForDeliveries(run, api.programId, webhook.id)
    const received = await receiver.collect()
    const events = await recordedEvents(run, api.programId)
    const deliveries = await deliveryRecords(run, api.programId, webhook.id)
    const { orders } = result
    const answeredAt = new Map<string, number>()
    for (const [i, n] of (orders?.answered2xx ?? []).entries()) {
      const at = orders?.answeredAt?.[i]
      if (at !== undefined) answeredAt.set(`${stream.prefix}${n}`, at)
    }
    const figures = webhookFigures({
      events,
      deliveries,
      received,
      orders: await settledOrderCount(run, api.programId, stream.prefix),
      answeredAt,
    })
    report.webhooks.push({
      engine: run.label,
      pollIntervalMs: BENCH_WEBHOOK_SENDER.pollIntervalMs,
      concurrency: BENCH_WEBHOOK_SENDER.concurrency,
      ...figures,
      ok: figures.ok && result.non2xx === 0 && result.errors === 0,
    })
    if (options.profileDir !== undefined) {
      await saveProfile(run, options.profileDir, WEBHOOK_ORDERS_SCENARIO, result, 'webhooks')
    }
  } finally {
    await receiver.close()
  }
}
