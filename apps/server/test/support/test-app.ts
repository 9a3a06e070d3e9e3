import { type Clock, createServices, type Services, systemClock } from '@loyalbase/core'
import { createTestDb, type TestDatabase } from '@loyalbase/db/testing'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { buildApp } from '../../src/app.js'

export const TEST_ADMIN_KEY = 'lb_admin_test_platform_key_0001'

export interface TestApp {
  app: FastifyInstance
  services: Services
  db: TestDatabase
  adminKey: string
  /** Calls the API in-process; `key` becomes the bearer token, `body` JSON. */
  call(
    method: InjectOptions['method'],
    url: string,
    options?: {
      key?: string
      body?: unknown
      headers?: Record<string, string>
      /** The client's socket address (default 127.0.0.1). */
      remoteAddress?: string
    },
  ): Promise<LightMyRequestResponse>
  close(): Promise<void>
}

type Call = TestApp['call']

function caller(app: FastifyInstance): Call {
  return (method, url, { key, body, headers = {}, remoteAddress } = {}) =>
    app.inject({
      method,
      url,
      ...(remoteAddress ? { remoteAddress } : {}),
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined
        ? { payload: typeof body === 'string' ? body : JSON.stringify(body) }
        : {}),
    })
}

async function appOn(services: Services, options: { rateLimit?: number; webDist?: string }) {
  const app = await buildApp(services, {
    rateLimit: options.rateLimit ?? 10_000,
    trustProxy: false,
    logLevel: process.env.LB_TEST_LOG ?? 'silent',
    webDist: options.webDist,
  })
  await app.ready()
  return app
}

/** The real app on a fresh database of its own, without an open port. */
export async function createTestApp(
  options: { clock?: Clock; rateLimit?: number; webDist?: string } = {},
): Promise<TestApp> {
  const db = await createTestDb()
  const services = createServices(db.database.db, options.clock ?? systemClock)
  await services.platform.ensureAdminKey(TEST_ADMIN_KEY)
  const app = await appOn(services, options)
  return {
    app,
    services,
    db,
    adminKey: TEST_ADMIN_KEY,
    call: caller(app),
    async close() {
      await app.close()
      await services.jobs.settle()
      await services.imports.settle()
      await db.drop()
    },
  }
}

/**
 * A second server on the same database, as another process behind a load balancer would be:
 * its own services and caches, the same data. Close it before the app it shares with.
 */
export async function createPeerApp(
  t: TestApp,
  options: { clock?: Clock } = {},
): Promise<{ services: Services; call: Call; close(): Promise<void> }> {
  const services = createServices(t.db.database.db, options.clock ?? t.services.clock)
  const app = await appOn(services, {})
  return {
    services,
    call: caller(app),
    async close() {
      await app.close()
      await services.jobs.settle()
    },
  }
}
