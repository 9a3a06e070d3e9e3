import { AppError } from '@loyalbase/core'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { Type } from 'typebox'
import type { AppDeps } from '../http/deps.js'
import { problemResponse } from '../schemas/common.js'

const ZStatus = Type.Object({ status: Type.String() })

export async function healthRoutes(app: FastifyInstance, { services }: AppDeps) {
  const common = {
    tags: ['health'],
    security: [],
    response: { 200: ZStatus, 429: problemResponse(429), 503: problemResponse(503) },
  }
  app.get(
    '/healthz',
    { schema: { ...common, operationId: 'healthz', summary: 'The process is up' } },
    async () => ({ status: 'ok' }),
  )
  app.get(
    '/readyz',
    { schema: { ...common, operationId: 'readyz', summary: 'The database is reachable' } },
    async () => {
      try {
        await sql`select 1`.execute(services.db)
      } catch {
        throw new AppError('unavailable', 'The database is not reachable.')
      }
      return { status: 'ready' }
    },
  )
}
