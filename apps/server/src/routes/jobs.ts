import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { programOf } from '../http/context.js'
import type { AppDeps } from '../http/deps.js'
import { errorResponses, ZPage, ZPageQuery, ZTimestamp } from '../schemas/common.js'

const admin = { auth: { kind: 'program' as const, roles: ['admin' as const] } }

export async function jobRoutes(fastify: FastifyInstance, { services }: AppDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

  app.get(
    '/v1/jobs',
    {
      config: admin,
      schema: {
        tags: ['jobs'],
        operationId: 'listJobs',
        summary: 'The registered jobs and their schedules (in the program’s time zone)',
        response: {
          200: Type.Object({
            data: Type.Array(Type.Object({ name: Type.String(), schedule: Type.String() })),
          }),
          ...errorResponses(),
        },
      },
    },
    async () => ({ data: services.jobs.definitions() }),
  )

  app.get(
    '/v1/jobs/runs',
    {
      config: admin,
      schema: {
        tags: ['jobs'],
        operationId: 'listJobRuns',
        summary: 'Recent job runs, newest first',
        querystring: Type.Object({
          name: Type.Optional(Type.String({ maxLength: 64 })),
          ...ZPageQuery,
        }),
        response: { 200: ZPage(Type.Ref('JobRun')), ...errorResponses() },
      },
    },
    async (request) => services.jobs.runs(programOf(request).id, request.query),
  )

  app.get(
    '/v1/job-runs/:id',
    {
      config: admin,
      schema: {
        tags: ['jobs'],
        operationId: 'getJobRun',
        summary: 'One job run: its progress while it works, its outcome once done',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: { 200: Type.Ref('JobRun'), ...errorResponses() },
      },
    },
    async (request) => services.jobs.run(programOf(request).id, request.params.id),
  )

  app.post(
    '/v1/jobs/:name/run',
    {
      config: admin,
      schema: {
        tags: ['jobs'],
        operationId: 'runJob',
        summary: 'Run a job for this program now, as of a time (default now)',
        params: Type.Object({ name: Type.String({ maxLength: 64 }) }),
        body: Type.Object({ as_of: Type.Optional(ZTimestamp) }, { additionalProperties: false }),
        response: { 200: Type.Object({ processed: Type.Integer() }), ...errorResponses() },
      },
    },
    async (request) => {
      const asOf = request.body.as_of ? new Date(request.body.as_of) : undefined
      return services.jobs.runNow(programOf(request).id, request.params.name, asOf)
    },
  )
}
