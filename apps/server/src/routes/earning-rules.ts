import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { idempotencyClaim, programOf, sendStored } from '../http/context.js'
import type { AppDeps } from '../http/deps.js'
import { errorResponses, ZPage } from '../schemas/common.js'
import {
  ZEarningRuleCreate,
  ZEarningRuleParams,
  ZEarningRulePatch,
  ZEarningRulePreview,
  ZEarningRulePreviewRequest,
  ZEarningRuleQuery,
} from '../schemas/earning-rules.js'

const anyKey = { auth: { kind: 'program' as const } }
// Rules are configuration: only a program's admin key changes them.
const admin = { auth: { kind: 'program' as const, roles: ['admin' as const] } }
const writers = { auth: { kind: 'program' as const, roles: ['admin' as const, 'server' as const] } }
const Rule = Type.Ref('EarningRule')

export async function earningRuleRoutes(fastify: FastifyInstance, { services }: AppDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const tags = ['earning-rules']

  app.post(
    '/v1/earning-rules',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'createEarningRule',
        summary: 'Create an earning rule',
        body: ZEarningRuleCreate,
        response: { 201: Rule, ...errorResponses(409) },
      },
    },
    async (request, reply) =>
      sendStored(
        reply,
        await services.rules.create(programOf(request), request.body, idempotencyClaim(request)),
      ),
  )

  app.get(
    '/v1/earning-rules',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'listEarningRules',
        summary: 'List earning rules, newest first (deleted ones are left out)',
        querystring: ZEarningRuleQuery,
        response: { 200: ZPage(Rule), ...errorResponses() },
      },
    },
    async (request) => services.rules.list(programOf(request), request.query),
  )

  app.post(
    '/v1/earning-rules/preview',
    {
      config: writers,
      schema: {
        tags,
        operationId: 'previewEarningRule',
        summary: 'What an order or event would earn by a rule, limits included; no side effects',
        body: ZEarningRulePreviewRequest,
        response: { 200: ZEarningRulePreview, ...errorResponses() },
      },
    },
    async (request) => services.rules.preview(programOf(request), request.body),
  )

  app.get(
    '/v1/earning-rules/:id',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'getEarningRule',
        summary: 'Get an earning rule',
        params: ZEarningRuleParams,
        response: { 200: Rule, ...errorResponses() },
      },
    },
    async (request) => services.rules.get(programOf(request), request.params.id),
  )

  app.patch(
    '/v1/earning-rules/:id',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'updateEarningRule',
        summary: 'Change an earning rule (`active: false` pauses it)',
        params: ZEarningRuleParams,
        body: ZEarningRulePatch,
        response: { 200: Rule, ...errorResponses() },
      },
    },
    async (request) => services.rules.update(programOf(request), request.params.id, request.body),
  )

  app.delete(
    '/v1/earning-rules/:id',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'deleteEarningRule',
        summary: 'Delete an earning rule; it stops paying at once',
        params: ZEarningRuleParams,
        response: { 204: Type.Null({ description: 'Deleted' }), ...errorResponses() },
      },
    },
    async (request, reply) => {
      await services.rules.remove(programOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )
}
