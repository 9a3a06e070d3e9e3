import type { Config } from '@loyalbase/config'
import {
  createServices,
  createWebhookSender,
  type DemoProgram,
  type Services,
  systemClock,
  type WebhookSender,
} from '@loyalbase/core'
import { type Database, migrate, openDatabase } from '@loyalbase/db'
import type { FastifyInstance } from 'fastify'
import { buildApp } from './app.js'

export interface RunningServer {
  app: FastifyInstance
  database: Database
  services: Services
  /** Posts webhook deliveries; running unless `LOYALBASE_WEBHOOK_POLL_MS=0`. */
  webhookSender: WebhookSender
  url: string
  generatedAdminKey: string | undefined
  demo: DemoProgram | undefined
  close(): Promise<void>
}

/**
 * Opens the database, migrates it, seeds the demo program when asked, then listens. The demo
 * exists before the first request is answered (`/healthz` included).
 */
export async function startServer(config: Config): Promise<RunningServer> {
  const database = await openDatabase(config.databaseUrl, { pgliteThread: config.pgliteThread })
  await migrate(database)
  const services = createServices(database.db, systemClock)
  const generatedAdminKey = await services.platform.ensureAdminKey(config.adminKey)
  const demo = config.demo ? await services.demo.seedIfEmpty() : undefined
  const app = await buildApp(services, config)
  await app.listen({ port: config.port, host: config.host })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const url = `http://localhost:${port}`

  let ticking: Promise<unknown> = Promise.resolve()
  const timer =
    config.schedulerIntervalMs > 0
      ? setInterval(() => {
          ticking = services.jobs
            .tick(app.log)
            .catch((err) => app.log.error({ err }, 'scheduler tick failed'))
        }, config.schedulerIntervalMs)
      : undefined
  timer?.unref()
  const webhookSender = createWebhookSender(database.db, config.webhooks, app.log)
  if (config.webhooks.pollIntervalMs > 0) webhookSender.start()

  return {
    app,
    database,
    services,
    webhookSender,
    url,
    generatedAdminKey,
    demo,
    async close() {
      if (timer) clearInterval(timer)
      await ticking
      await webhookSender.stop()
      await app.close()
      await services.jobs.settle()
      await services.imports.settle()
      await database.close()
    },
  }
}
