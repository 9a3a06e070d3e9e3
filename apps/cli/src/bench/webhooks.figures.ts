import type { ReceivedRequests } from './webhook-receiver.js'

/*
 * The webhooks scenario's figures, computed from what the database recorded and what the
 * receiver got: pure, so that the report's arithmetic is tested without a server or a clock.
 * Every time is in milliseconds since the epoch: the server's `created_at` of each event, the
 * receiver's arrival of each request and the load generator's arrival of each 2xx all read the
 * same machine's clock.
 */

/** A domain event of the subscribed type, as the outbox holds it. */
export interface RecordedEvent {
  id: string
  /** The event's `created_at`: the server's clock when the order was planned, before its write. */
  createdAt: number
  /** The order it was recorded by (`data.source.id`), when it is one. */
  order: string | undefined
}

/** A row of `webhook_deliveries` for the bench's webhook. */
export interface DeliveryRecord {
  id: string
  eventId: string
  status: string
  attempts: number
}

/** What the webhooks scenario computes from. */
export interface WebhookFiguresInput {
  /** The program's events of the subscribed type. */
  events: readonly RecordedEvent[]
  /** The webhook's deliveries once none is pending (or the wait gave up). */
  deliveries: readonly DeliveryRecord[]
  received: ReceivedRequests
  /** The load's orders in the database: each earns points, so each has one event. */
  orders: number
  /** When the load generator got each order's 2xx answer, by order id. */
  answeredAt: ReadonlyMap<string, number>
}

/** Nearest-rank percentiles of a list of milliseconds; zeros when it is empty. */
export interface Spread {
  count: number
  p50: number
  p99: number
  max: number
}

export interface WebhookFigures {
  /** Events of the subscribed type recorded: must equal `orders`. */
  events: number
  orders: number
  /** Delivery rows, and how many are in each status (delivered must be all of them). */
  deliveries: number
  delivered: number
  pending: number
  failed: number
  /** Deliveries that took more than one attempt. */
  retried: number
  /** Requests the receiver got, and how many named an event it had already got. */
  received: number
  duplicates: number
  /** Requests whose (event id, delivery id) is no delivery row of the webhook. */
  unknown: number
  /** Deliveries the receiver never got. */
  missed: number
  malformed: number
  /** From the first event's `created_at` to the last one's: the load, as the server recorded it. */
  loadSeconds: number
  /** Events over `loadSeconds`. */
  eventsPerSecond: number
  /** Deliveries (first requests of an event) received by the last event's `created_at`. */
  receivedDuringLoad: number
  /** `receivedDuringLoad` over `loadSeconds`: the rate while the orders load ran. */
  duringLoadPerSecond: number
  /** Events not yet received when the last event was recorded. */
  backlogAtLoadEnd: number
  /** From the last event's `created_at` to the last request received. */
  drainSeconds: number
  /** `backlogAtLoadEnd` over `drainSeconds`: the sender's rate once the orders had stopped. */
  drainPerSecond: number
  /** From the first event's `created_at` to the last request received. */
  totalSeconds: number
  /** Deliveries received over `totalSeconds`. */
  deliveriesPerSecond: number
  /** Each delivery's first arrival less its event's `created_at` (an upper bound of the delay). */
  fromEvent: Spread
  /** Each delivery's first arrival less its order's 2xx at the load generator (after the commit). */
  fromAnswer: Spread
  ok: boolean
}

/** Nearest-rank percentiles: the smallest value with at least p of the list at or below it. */
export function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { count: 0, p50: 0, p99: 0, max: 0 }
  const sorted = [...values].sort((a, b) => a - b)
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] as number
  return { count: sorted.length, p50: rank(0.5), p99: rank(0.99), max: sorted.at(-1) as number }
}

const perSecond = (n: number, seconds: number) => (seconds > 0 ? n / seconds : 0)

/** Counts, rates, delays and the exactness check of one engine's webhooks load. */
export function webhookFigures(input: WebhookFiguresInput): WebhookFigures {
  const { events, deliveries, received, orders, answeredAt } = input
  const byEvent = new Map(deliveries.map((delivery) => [delivery.eventId, delivery]))
  // The first request of each event: later ones are duplicates.
  const firstArrival = new Map<string, number>()
  let duplicates = 0
  let unknown = 0
  for (const [i, eventId] of received.eventIds.entries()) {
    const delivery = byEvent.get(eventId)
    if (!delivery || delivery.id !== received.deliveryIds[i]) unknown++
    if (firstArrival.has(eventId)) duplicates++
    else firstArrival.set(eventId, received.at[i] as number)
  }
  let missed = 0
  for (const delivery of deliveries) if (!firstArrival.has(delivery.eventId)) missed++
  const count = (status: string) => deliveries.filter((d) => d.status === status).length
  const delivered = count('delivered')
  const pending = count('pending')
  const failed = count('failed')

  let firstEvent = Number.POSITIVE_INFINITY
  let lastEvent = Number.NEGATIVE_INFINITY
  for (const event of events) {
    firstEvent = Math.min(firstEvent, event.createdAt)
    lastEvent = Math.max(lastEvent, event.createdAt)
  }
  const fromEvent: number[] = []
  const fromAnswer: number[] = []
  let lastArrival = Number.NEGATIVE_INFINITY
  let receivedDuringLoad = 0
  for (const event of events) {
    const arrival = firstArrival.get(event.id)
    if (arrival === undefined) continue
    lastArrival = Math.max(lastArrival, arrival)
    if (arrival <= lastEvent) receivedDuringLoad++
    fromEvent.push(arrival - event.createdAt)
    const answer = event.order === undefined ? undefined : answeredAt.get(event.order)
    if (answer !== undefined) fromAnswer.push(arrival - answer)
  }
  const any = events.length > 0 && fromEvent.length > 0
  const loadSeconds = events.length > 0 ? (lastEvent - firstEvent) / 1000 : 0
  const totalSeconds = any ? (lastArrival - firstEvent) / 1000 : 0
  const drainSeconds = any ? Math.max(0, (lastArrival - lastEvent) / 1000) : 0
  return {
    events: events.length,
    orders,
    deliveries: deliveries.length,
    delivered,
    pending,
    failed,
    retried: deliveries.filter((d) => d.attempts > 1).length,
    received: received.eventIds.length,
    duplicates,
    unknown,
    missed,
    malformed: received.malformed,
    loadSeconds,
    eventsPerSecond: perSecond(events.length, loadSeconds),
    receivedDuringLoad,
    duringLoadPerSecond: perSecond(receivedDuringLoad, loadSeconds),
    backlogAtLoadEnd: events.length - receivedDuringLoad,
    drainSeconds,
    drainPerSecond: perSecond(events.length - receivedDuringLoad, drainSeconds),
    totalSeconds,
    deliveriesPerSecond: perSecond(fromEvent.length, totalSeconds),
    fromEvent: spread(fromEvent),
    fromAnswer: spread(fromAnswer),
    ok:
      orders > 0 &&
      events.length === orders &&
      deliveries.length === events.length &&
      delivered === deliveries.length &&
      received.eventIds.length === deliveries.length &&
      duplicates === 0 &&
      unknown === 0 &&
      missed === 0 &&
      received.malformed === 0 &&
      // One delivery per event, of that event.
      byEvent.size === deliveries.length &&
      events.every((event) => byEvent.has(event.id)),
  }
}

/** One engine's webhooks load: its figures, and the sender's settings they were taken with. */
export interface WebhooksRow extends WebhookFigures {
  engine: string
  /** The server's sender (`config.webhooks`): how often it looks when idle, posts in flight. */
  pollIntervalMs: number
  concurrency: number
}
