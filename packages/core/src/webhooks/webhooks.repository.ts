import type {
  WebhookAttemptRow,
  WebhookDeliveryRow,
  WebhookRow,
  WebhooksTable,
} from '@loyalbase/db'
import { type Insertable, sql, type Updateable } from 'kysely'
import type { Executor } from '../shared/executor.js'
import type { DeliveryStatus } from './webhooks.js'

export async function countWebhooks(db: Executor, programId: string): Promise<number> {
  const row = await db
    .selectFrom('webhooks')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('program_id', '=', programId)
    .executeTakeFirst()
  return row?.n ?? 0
}

export function insertWebhook(db: Executor, row: Insertable<WebhooksTable>): Promise<WebhookRow> {
  return db.insertInto('webhooks').values(row).returningAll().executeTakeFirstOrThrow()
}

export function findWebhook(
  db: Executor,
  programId: string,
  id: string,
): Promise<WebhookRow | undefined> {
  return db
    .selectFrom('webhooks')
    .selectAll()
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .executeTakeFirst()
}

export function listWebhooks(
  db: Executor,
  programId: string,
  options: { afterId?: string; limit: number },
): Promise<WebhookRow[]> {
  let query = db
    .selectFrom('webhooks')
    .selectAll()
    .where('program_id', '=', programId)
    .orderBy('id')
    .limit(options.limit)
  if (options.afterId) query = query.where('id', '>', options.afterId)
  return query.execute()
}

export function updateWebhook(
  db: Executor,
  programId: string,
  id: string,
  changes: Updateable<WebhooksTable>,
): Promise<WebhookRow | undefined> {
  return db
    .updateTable('webhooks')
    .set(changes)
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
}

/** Deletes the webhook with its deliveries and their attempts (cascade). */
export async function deleteWebhook(db: Executor, programId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('webhooks')
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .executeTakeFirst()
  return result.numDeletedRows > 0n
}

/** A webhook's delivery log, newest first. */
export function listDeliveries(
  db: Executor,
  programId: string,
  webhookId: string,
  options: { beforeId?: string; status?: DeliveryStatus; eventType?: string; limit: number },
): Promise<WebhookDeliveryRow[]> {
  let query = db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('program_id', '=', programId)
    .where('webhook_id', '=', webhookId)
    .orderBy('id', 'desc')
    .limit(options.limit)
  if (options.beforeId) query = query.where('id', '<', options.beforeId)
  if (options.status) query = query.where('status', '=', options.status)
  if (options.eventType) query = query.where('event_type', '=', options.eventType)
  return query.execute()
}

/** How many of a webhook's deliveries are in each status. */
export async function countDeliveries(
  db: Executor,
  programId: string,
  webhookId: string,
): Promise<Record<DeliveryStatus, number>> {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .select(['status', sql<number>`count(*)::int`.as('n')])
    .where('program_id', '=', programId)
    .where('webhook_id', '=', webhookId)
    .groupBy('status')
    .execute()
  const counts: Record<DeliveryStatus, number> = { pending: 0, delivered: 0, failed: 0 }
  for (const row of rows) counts[row.status] = row.n
  return counts
}

export function findDelivery(
  db: Executor,
  programId: string,
  webhookId: string,
  id: string,
): Promise<WebhookDeliveryRow | undefined> {
  return db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('program_id', '=', programId)
    .where('webhook_id', '=', webhookId)
    .where('id', '=', id)
    .executeTakeFirst()
}

export function listAttempts(
  db: Executor,
  programId: string,
  deliveryId: string,
): Promise<WebhookAttemptRow[]> {
  return db
    .selectFrom('webhook_attempts')
    .selectAll()
    .where('program_id', '=', programId)
    .where('delivery_id', '=', deliveryId)
    .orderBy('attempt')
    .execute()
}

export function findEvent(db: Executor, programId: string, eventId: string) {
  return db
    .selectFrom('outbox_events')
    .select(['id', 'type', 'data', 'created_at'])
    .where('program_id', '=', programId)
    .where('id', '=', eventId)
    .executeTakeFirst()
}

/**
 * Sends a delivery again now, whatever became of it: one more attempt is allowed beyond those
 * made (a pending one keeps its remaining retries).
 */
export function redeliver(
  db: Executor,
  programId: string,
  webhookId: string,
  id: string,
): Promise<WebhookDeliveryRow | undefined> {
  return db
    .updateTable('webhook_deliveries')
    .set({
      status: 'pending',
      next_attempt_at: sql<Date>`now()`,
      max_attempts: sql<number>`greatest(max_attempts, attempts + 1)`,
    })
    .where('program_id', '=', programId)
    .where('webhook_id', '=', webhookId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
}

/** A delivery taken by the sender, with what it needs to send it. */
export interface ClaimedDelivery {
  program_id: string
  id: string
  webhook_id: string
  attempts: number
  max_attempts: number
  url: string
  secret: string
  private_targets: boolean
  event_id: string
  event_type: string
  event_data: Record<string, unknown>
  event_created_at: Date
}

/**
 * Takes up to `limit` due deliveries for `leaseMs`: each is counted an attempt and hidden from
 * other senders until the lease ends, so a sender that dies mid-send leaves it to be retried.
 * Senders in other processes skip the rows one is taking (SKIP LOCKED).
 */
export async function claimDueDeliveries(
  db: Executor,
  limit: number,
  leaseMs: number,
): Promise<ClaimedDelivery[]> {
  const result = await sql<ClaimedDelivery>`
    WITH due AS (
      SELECT program_id, id FROM webhook_deliveries
      WHERE status = 'pending' AND next_attempt_at <= now()
      ORDER BY next_attempt_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ), claimed AS (
      UPDATE webhook_deliveries d
      SET attempts = d.attempts + 1, last_attempt_at = now(),
          next_attempt_at = now() + make_interval(secs => ${leaseMs / 1000})
      FROM due WHERE d.program_id = due.program_id AND d.id = due.id
      RETURNING d.program_id, d.id, d.webhook_id, d.event_id, d.event_type, d.attempts,
        d.max_attempts
    )
    SELECT c.*, w.url, w.secret, p.webhook_private_targets AS private_targets,
      e.data AS event_data, e.created_at AS event_created_at
    FROM claimed c
    JOIN webhooks w ON w.program_id = c.program_id AND w.id = c.webhook_id
    JOIN programs p ON p.id = c.program_id
    JOIN outbox_events e ON e.program_id = c.program_id AND e.id = c.event_id
  `.execute(db)
  return result.rows
}

export interface AttemptOutcome {
  program_id: string
  delivery_id: string
  attempt: number
  started_at: Date
  duration_ms: number
  response_code: number | null
  response_body: string | null
  error: string | null
  /** Delivered (a 2xx), else when to try again, or null when the attempts are spent. */
  delivered: boolean
  retry_in_ms: number | null
}

/** Records attempts and moves their deliveries on, in one statement for the batch. */
export async function recordAttempts(db: Executor, outcomes: AttemptOutcome[]): Promise<void> {
  if (outcomes.length === 0) return
  const rows = JSON.stringify(outcomes)
  await sql`
    WITH o AS (
      SELECT * FROM jsonb_to_recordset(${rows}::jsonb) AS o(program_id text, delivery_id text,
        attempt int, started_at timestamptz, duration_ms int, response_code int,
        response_body text, error text, delivered boolean, retry_in_ms bigint)
    ), logged AS (
      INSERT INTO webhook_attempts (program_id, delivery_id, attempt, started_at, duration_ms,
        response_code, response_body, error)
      SELECT o.program_id, o.delivery_id, o.attempt, o.started_at, o.duration_ms,
        o.response_code, o.response_body, o.error
      FROM o JOIN webhook_deliveries d ON d.program_id = o.program_id AND d.id = o.delivery_id
      ON CONFLICT DO NOTHING
    )
    UPDATE webhook_deliveries d SET
      status = CASE WHEN o.delivered THEN 'delivered'
                    WHEN o.retry_in_ms IS NULL THEN 'failed' ELSE 'pending' END,
      next_attempt_at = CASE WHEN o.delivered OR o.retry_in_ms IS NULL THEN NULL
                             ELSE now() + make_interval(secs => o.retry_in_ms / 1000.0) END,
      delivered_at = CASE WHEN o.delivered THEN now() ELSE d.delivered_at END,
      response_code = o.response_code,
      error = o.error
    FROM o
    WHERE d.program_id = o.program_id AND d.id = o.delivery_id AND d.attempts = o.attempt
  `.execute(db)
}

/**
 * Forgets deliveries finished (delivered or failed) before `before`, with their attempts: the
 * log keeps what a merchant looks back on, not every delivery for ever.
 */
export async function deleteFinishedDeliveries(
  db: Executor,
  programId: string,
  before: Date,
): Promise<number> {
  const result = await db
    .deleteFrom('webhook_deliveries')
    .where('program_id', '=', programId)
    .where('status', 'in', ['delivered', 'failed'])
    .where('created_at', '<', before)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
