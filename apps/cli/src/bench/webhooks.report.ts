import { type Column, formatTable } from '../text-table.js'
import type { BenchReport, BenchRow } from './bench.js'
import { ORDERS_SCENARIO } from './orders.scenario.js'
import type { WebhooksRow } from './webhooks.figures.js'
import { WEBHOOK_EVENT, WEBHOOK_ORDERS_SCENARIO } from './webhooks.scenario.js'

/* The webhooks scenario's sections of the bench's stdout: rates, delays, then their check. */

interface WebhooksLine extends WebhooksRow {
  withWebhook: BenchRow | undefined
  plain: BenchRow | undefined
}

const fixed = (n: number, digits = 1) => n.toFixed(digits)
/** A rate, or `-` when there was no time to divide by. */
const rate = (n: number, seconds: number) => (seconds > 0 ? fixed(n) : '-')
/** A delay in milliseconds, or `-` when no delivery had the time it is measured from. */
const delay = (row: WebhooksLine, kind: 'fromEvent' | 'fromAnswer', at: 'p50' | 'p99' | 'max') =>
  row[kind].count > 0 ? fixed(row[kind][at], 0) : '-'

const RATE_COLUMNS: Column<WebhooksLine>[] = [
  { header: 'engine', value: (row) => row.engine },
  {
    header: 'orders/s, webhook on',
    value: (row) => (row.withWebhook ? fixed(row.withWebhook.requestsPerSecond) : '-'),
    align: 'right',
  },
  {
    header: 'plain orders/s',
    value: (row) => (row.plain ? fixed(row.plain.requestsPerSecond) : '-'),
    align: 'right',
  },
  {
    header: 'on / plain',
    value: (row) =>
      row.withWebhook && row.plain && row.plain.requestsPerSecond > 0
        ? fixed(row.withWebhook.requestsPerSecond / row.plain.requestsPerSecond, 2)
        : '-',
    align: 'right',
  },
  {
    header: 'events/s',
    value: (row) => rate(row.eventsPerSecond, row.loadSeconds),
    align: 'right',
  },
  {
    header: 'deliveries/s in load',
    value: (row) => rate(row.duringLoadPerSecond, row.loadSeconds),
    align: 'right',
  },
  {
    header: 'deliveries/s overall',
    value: (row) => rate(row.deliveriesPerSecond, row.totalSeconds),
    align: 'right',
  },
  { header: 'backlog at end', value: (row) => String(row.backlogAtLoadEnd), align: 'right' },
  { header: 'drain s', value: (row) => fixed(row.drainSeconds, 2), align: 'right' },
  {
    header: 'drain deliveries/s',
    value: (row) => (row.backlogAtLoadEnd > 0 ? rate(row.drainPerSecond, row.drainSeconds) : '-'),
    align: 'right',
  },
]

const DELAY_COLUMNS: Column<WebhooksLine>[] = [
  { header: 'engine', value: (row) => row.engine },
  { header: 'deliveries', value: (row) => String(row.fromEvent.count), align: 'right' },
  { header: 'delay p50 ms', value: (row) => delay(row, 'fromEvent', 'p50'), align: 'right' },
  { header: 'delay p99 ms', value: (row) => delay(row, 'fromEvent', 'p99'), align: 'right' },
  { header: 'delay max ms', value: (row) => delay(row, 'fromEvent', 'max'), align: 'right' },
  { header: 'after 2xx', value: (row) => String(row.fromAnswer.count), align: 'right' },
  { header: 'after 2xx p50 ms', value: (row) => delay(row, 'fromAnswer', 'p50'), align: 'right' },
  { header: 'after 2xx p99 ms', value: (row) => delay(row, 'fromAnswer', 'p99'), align: 'right' },
  { header: 'after 2xx max ms', value: (row) => delay(row, 'fromAnswer', 'max'), align: 'right' },
]

const CHECK_COLUMNS: Column<WebhooksLine>[] = [
  { header: 'engine', value: (row) => row.engine },
  { header: 'orders', value: (row) => String(row.orders), align: 'right' },
  { header: 'events', value: (row) => String(row.events), align: 'right' },
  { header: 'deliveries', value: (row) => String(row.deliveries), align: 'right' },
  { header: 'delivered', value: (row) => String(row.delivered), align: 'right' },
  { header: 'pending', value: (row) => String(row.pending), align: 'right' },
  { header: 'failed', value: (row) => String(row.failed), align: 'right' },
  { header: 'retried', value: (row) => String(row.retried), align: 'right' },
  { header: 'received', value: (row) => String(row.received), align: 'right' },
  { header: 'duplicates', value: (row) => String(row.duplicates), align: 'right' },
  { header: 'unknown', value: (row) => String(row.unknown), align: 'right' },
  { header: 'missed', value: (row) => String(row.missed), align: 'right' },
  { header: 'malformed', value: (row) => String(row.malformed), align: 'right' },
  { header: 'check', value: (row) => (row.ok ? 'OK' : 'FAIL') },
]

const loadOf = (report: BenchReport, engine: string, scenario: string) =>
  report.loads.find((load) => load.engine === engine && load.scenario === scenario)

/** The three sections, or none when the webhooks scenario did not run. */
export function webhooksSections(report: BenchReport): string[] {
  const first = report.webhooks[0]
  if (!first) return []
  const lines = report.webhooks.map((row) => ({
    ...row,
    withWebhook: loadOf(report, row.engine, WEBHOOK_ORDERS_SCENARIO),
    plain: loadOf(report, row.engine, ORDERS_SCENARIO),
  }))
  return [
    `Webhook deliveries during an orders load: one webhook on ${WEBHOOK_EVENT} (one delivery per ` +
      `order) posting to a receiver on 127.0.0.1 in a process of its own, answering 200; the ` +
      `server's sender polls every ${first.pollIntervalMs} ms when idle, ${first.concurrency} ` +
      `posts in flight; plain orders/s: the orders load of the same run; events/s and in load: ` +
      `from the first event's created_at to the last one's; overall: to the last delivery ` +
      `received; backlog: events not yet received at the last event, drained after it\n` +
      formatTable(RATE_COLUMNS, lines),
    "Webhook delay per delivery, at the receiver: since its event was recorded (the event's " +
      "created_at, the server's clock when the order was planned, before its commit: the delay " +
      "from commit is less), and since the order's 2xx reached the load generator (after the " +
      'commit: the delay from commit is more; negative when the delivery came first)\n' +
      formatTable(DELAY_COLUMNS, lines),
    'Webhooks check: one delivery per event, each delivered; the receiver got exactly one ' +
      'request per delivery, with its event id and delivery id\n' +
      formatTable(CHECK_COLUMNS, lines),
  ]
}
