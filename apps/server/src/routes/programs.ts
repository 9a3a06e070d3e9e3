import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { idempotencyClaim, programOf, sendStored } from '../http/context.js'
import type { AppDeps } from '../http/deps.js'
import { errorResponses, ZPage, ZPageQuery } from '../schemas/common.js'
import {
  ZApiKeyCreate,
  ZApiKeyCreated,
  ZProgramCreate,
  ZProgramPatch,
} from '../schemas/programs.js'

const platform = { auth: { kind: 'platform' as const } }
const programAdmin = { auth: { kind: 'program' as const, roles: ['admin' as const] } }
const anyProgramKey = { auth: { kind: 'program' as const } }
const ProgramParams = Type.Object({ id: Type.String({ maxLength: 64 }) })
const KeyParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  key_id: Type.String({ maxLength: 64 }),
})
const OwnKeyParams = Type.Object({ key_id: Type.String({ maxLength: 64 }) })
const KEY_SHOWN_ONCE =
  'The response holds the key, shown this once: only its hash is stored. For that reason this ' +
  'call ignores `Idempotency-Key`; a retried call makes a second key, which can be revoked.'

export async function programRoutes(fastify: FastifyInstance, { services }: AppDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

  app.post(
    '/v1/programs',
    {
      config: platform,
      schema: {
        tags: ['programs'],
        operationId: 'createProgram',
        summary: 'Create a program',
        body: ZProgramCreate,
        response: { 201: Type.Ref('Program'), ...errorResponses(409) },
      },
    },
    async (request, reply) =>
      sendStored(reply, await services.programs.create(request.body, idempotencyClaim(request))),
  )

  app.get(
    '/v1/programs',
    {
      config: platform,
      schema: {
        tags: ['programs'],
        operationId: 'listPrograms',
        summary: 'List programs',
        querystring: Type.Object(ZPageQuery),
        response: { 200: ZPage(Type.Ref('Program')), ...errorResponses() },
      },
    },
    async (request) => services.programs.list(request.query),
  )

  // Keys of any program (platform admin) and of the caller's own program (its admin keys).
  app.post(
    '/v1/programs/:id/api-keys',
    {
      config: platform,
      schema: {
        tags: ['programs'],
        operationId: 'createProgramApiKey',
        summary: 'Create an API key for a program',
        description: KEY_SHOWN_ONCE,
        params: ProgramParams,
        body: ZApiKeyCreate,
        response: { 201: ZApiKeyCreated, ...errorResponses() },
      },
    },
    async (request, reply) =>
      sendStored(reply, await services.apiKeys.create(request.params.id, request.body)),
  )

  app.get(
    '/v1/programs/:id/api-keys',
    {
      config: platform,
      schema: {
        tags: ['programs'],
        operationId: 'listProgramApiKeys',
        summary: 'List a program’s API keys',
        description: 'Live keys, oldest first, with their prefix; never the key itself.',
        params: ProgramParams,
        querystring: Type.Object(ZPageQuery),
        response: { 200: ZPage(Type.Ref('ApiKey')), ...errorResponses() },
      },
    },
    async (request) => services.apiKeys.list(request.params.id, request.query),
  )

  app.delete(
    '/v1/programs/:id/api-keys/:key_id',
    {
      config: platform,
      schema: {
        tags: ['programs'],
        operationId: 'revokeProgramApiKey',
        summary: 'Revoke an API key at once',
        params: KeyParams,
        response: { 204: Type.Null({ description: 'Revoked' }), ...errorResponses() },
      },
    },
    async (request, reply) => {
      await services.apiKeys.revoke(request.params.id, request.params.key_id)
      return reply.code(204).send(null)
    },
  )

  app.post(
    '/v1/api-keys',
    {
      config: programAdmin,
      schema: {
        tags: ['program'],
        operationId: 'createApiKey',
        summary: 'Create an API key for this program',
        description: KEY_SHOWN_ONCE,
        body: ZApiKeyCreate,
        response: { 201: ZApiKeyCreated, ...errorResponses() },
      },
    },
    async (request, reply) =>
      sendStored(reply, await services.apiKeys.create(programOf(request).id, request.body)),
  )

  app.get(
    '/v1/api-keys',
    {
      config: programAdmin,
      schema: {
        tags: ['program'],
        operationId: 'listApiKeys',
        summary: 'List this program’s API keys',
        description: 'Live keys, oldest first, with their prefix; never the key itself.',
        querystring: Type.Object(ZPageQuery),
        response: { 200: ZPage(Type.Ref('ApiKey')), ...errorResponses() },
      },
    },
    async (request) => services.apiKeys.list(programOf(request).id, request.query),
  )

  app.delete(
    '/v1/api-keys/:key_id',
    {
      config: programAdmin,
      schema: {
        tags: ['program'],
        operationId: 'revokeApiKey',
        summary: 'Revoke one of this program’s API keys',
        params: OwnKeyParams,
        response: { 204: Type.Null({ description: 'Revoked' }), ...errorResponses() },
      },
    },
    async (request, reply) => {
      await services.apiKeys.revoke(programOf(request).id, request.params.key_id)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/v1/program',
    {
      config: anyProgramKey,
      schema: {
        tags: ['program'],
        operationId: 'getProgram',
        summary: 'The calling key’s program',
        response: { 200: Type.Ref('Program'), ...errorResponses() },
      },
    },
    async (request) => services.programs.present(programOf(request)),
  )

  app.patch(
    '/v1/program',
    {
      config: programAdmin,
      schema: {
        tags: ['program'],
        operationId: 'updateProgram',
        summary: 'Update the program; points_policy is merged field by field',
        body: ZProgramPatch,
        response: { 200: Type.Ref('Program'), ...errorResponses() },
      },
    },
    async (request) => services.programs.update(programOf(request), request.body),
  )
}
