import type { DB } from '@loyalbase/db'
import type { Kysely } from 'kysely'
import { type IdempotencyClaim, runIdempotent, type StoredResponse } from '../idempotency/index.js'
import { findProgram, type ProgramContext } from '../programs/index.js'
import { AppError } from '../shared/app-error.js'
import type { Clock } from '../shared/clock.js'
import type { Executor } from '../shared/executor.js'
import { newId, newSecret } from '../shared/ids.js'
import {
  clampLimit,
  decodeCursor,
  type Page,
  type PageRequest,
  toPage,
} from '../shared/pagination.js'
import {
  type DeliveryStatus,
  MAX_WEBHOOKS_PER_PROGRAM,
  presentAttempt,
  presentDelivery,
  presentWebhook,
  validateWebhook,
  type WebhookDeliveryDetail,
  type WebhookDeliveryResource,
  type WebhookInput,
  type WebhookPatch,
  type WebhookResource,
  type WebhookWithSecret,
} from './webhooks.js'
import {
  countDeliveries,
  countWebhooks,
  deleteWebhook,
  findDelivery,
  findEvent,
  findWebhook,
  insertWebhook,
  listAttempts,
  listDeliveries,
  listWebhooks,
  redeliver,
  updateWebhook,
} from './webhooks.repository.js'

export interface DeliveryQuery extends PageRequest {
  status?: DeliveryStatus
  event_type?: string
}

export interface WebhookSummary extends WebhookResource {
  deliveries: Record<DeliveryStatus, number>
}

/** The program's current rule on private targets (not a cached key's view of it). */
async function allowsPrivateTargets(db: Executor, programId: string): Promise<boolean> {
  return (await findProgram(db, programId))?.webhook_private_targets ?? false
}

/*
 * Webhook subscriptions and their delivery logs. Deliveries themselves are made by the database
 * when an event is recorded (0023_webhooks.sql) and sent by webhook-sender.ts.
 */
export function createWebhooksService(db: Kysely<DB>, clock: Clock) {
  async function webhookOf(program: ProgramContext, id: string) {
    const row = await findWebhook(db, program.id, id)
    if (!row) throw AppError.notFound('Webhook')
    return row
  }

  return {
    async create(
      program: ProgramContext,
      input: WebhookInput,
      claim?: IdempotencyClaim,
    ): Promise<StoredResponse> {
      return runIdempotent(db, clock, program.id, claim, 201, async (trx) => {
        validateWebhook(input, await allowsPrivateTargets(trx, program.id))
        if ((await countWebhooks(trx, program.id)) >= MAX_WEBHOOKS_PER_PROGRAM)
          throw new AppError(
            'limit_reached',
            `A program has at most ${MAX_WEBHOOKS_PER_PROGRAM} webhooks; delete one first.`,
          )
        const now = clock.now()
        const row = await insertWebhook(trx, {
          program_id: program.id,
          id: newId('whk'),
          url: input.url,
          events: input.events,
          description: input.description ?? null,
          secret: newSecret('whsec_'),
          active: input.active ?? true,
          created_at: now,
          updated_at: now,
        })
        const created: WebhookWithSecret = { ...presentWebhook(row), secret: row.secret }
        return created
      })
    },

    async get(program: ProgramContext, id: string): Promise<WebhookSummary> {
      const row = await webhookOf(program, id)
      return {
        ...presentWebhook(row),
        deliveries: await countDeliveries(db, program.id, id),
      }
    },

    async list(program: ProgramContext, query: PageRequest): Promise<Page<WebhookResource>> {
      const limit = clampLimit(query.limit)
      const rows = await listWebhooks(db, program.id, {
        afterId: decodeCursor(query.cursor),
        limit: limit + 1,
      })
      return toPage(rows, limit, presentWebhook)
    },

    async update(
      program: ProgramContext,
      id: string,
      patch: WebhookPatch,
    ): Promise<WebhookResource> {
      return db.transaction().execute(async (trx) => {
        validateWebhook(patch, await allowsPrivateTargets(trx, program.id))
        const row = await updateWebhook(trx, program.id, id, {
          ...(patch.url !== undefined ? { url: patch.url } : {}),
          ...(patch.events !== undefined ? { events: patch.events } : {}),
          ...(patch.description !== undefined ? { description: patch.description } : {}),
          ...(patch.active !== undefined ? { active: patch.active } : {}),
          updated_at: clock.now(),
        })
        if (!row) throw AppError.notFound('Webhook')
        return presentWebhook(row)
      })
    },

    /** A new secret, in force at once: deliveries from now on are signed with it. */
    async rollSecret(program: ProgramContext, id: string): Promise<WebhookWithSecret> {
      const row = await updateWebhook(db, program.id, id, {
        secret: newSecret('whsec_'),
        updated_at: clock.now(),
      })
      if (!row) throw AppError.notFound('Webhook')
      return { ...presentWebhook(row), secret: row.secret }
    },

    /** Deletes the webhook; its deliveries (sent or not) and their log go with it. */
    async remove(program: ProgramContext, id: string): Promise<void> {
      if (!(await deleteWebhook(db, program.id, id))) throw AppError.notFound('Webhook')
    },

    async deliveries(
      program: ProgramContext,
      id: string,
      query: DeliveryQuery,
    ): Promise<Page<WebhookDeliveryResource>> {
      await webhookOf(program, id)
      const limit = clampLimit(query.limit)
      const rows = await listDeliveries(db, program.id, id, {
        beforeId: decodeCursor(query.cursor),
        ...(query.status ? { status: query.status } : {}),
        ...(query.event_type ? { eventType: query.event_type } : {}),
        limit: limit + 1,
      })
      return toPage(rows, limit, presentDelivery)
    },

    async delivery(
      program: ProgramContext,
      id: string,
      deliveryId: string,
    ): Promise<WebhookDeliveryDetail> {
      const row = await findDelivery(db, program.id, id, deliveryId)
      if (!row) throw AppError.notFound('Delivery')
      const [event, attempts] = await Promise.all([
        findEvent(db, program.id, row.event_id),
        listAttempts(db, program.id, row.id),
      ])
      return {
        ...presentDelivery(row),
        payload: {
          id: row.event_id,
          type: row.event_type,
          created_at: (event?.created_at ?? row.created_at).toISOString(),
          data: (event?.data as Record<string, unknown> | undefined) ?? {},
        },
        attempt_log: attempts.map(presentAttempt),
      }
    },

    /** Sends a delivery again now (the same event id and body), whatever became of it. */
    async redeliver(
      program: ProgramContext,
      id: string,
      deliveryId: string,
    ): Promise<WebhookDeliveryResource> {
      const row = await redeliver(db, program.id, id, deliveryId)
      if (!row) throw AppError.notFound('Delivery')
      return presentDelivery(row)
    },
  }
}

export type WebhooksService = ReturnType<typeof createWebhooksService>
