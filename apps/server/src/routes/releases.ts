import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { idempotencyClaim, programOf, sendStored } from '../http/context.js'
import type { AppDeps } from '../http/deps.js'
import { errorResponses, ZPage } from '../schemas/common.js'
import {
  ZMemberReleaseParams,
  ZReleaseCreate,
  ZReleaseParams,
  ZReleasePatch,
  ZReleaseQuery,
} from '../schemas/releases.js'

const anyKey = { auth: { kind: 'program' as const } }
const admin = { auth: { kind: 'program' as const, roles: ['admin' as const] } }
const Release = Type.Ref('Release')

/** Early access (优先购买权): releases with per-tier head starts (docs/advisors-and-early-access.md). */
export async function releaseRoutes(fastify: FastifyInstance, { services }: AppDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const tags = ['benefits']

  app.post(
    '/v1/releases',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'createRelease',
        summary: 'Create a release: a SKU on sale to everyone at public_at, earlier to some tiers',
        description:
          'One live release per SKU: another for the same SKU is `409 release_exists` (change ' +
          'it with PATCH, or delete it first). A tier not in the ladder is `400`. Quotes and ' +
          'orders of the SKU before the member’s time are refused with `403 early_access_only`. ' +
          '`Idempotency-Key` accepted.',
        body: ZReleaseCreate,
        response: { 201: Release, ...errorResponses(409) },
      },
    },
    async (request, reply) =>
      sendStored(
        reply,
        await services.releases.create(programOf(request), request.body, idempotencyClaim(request)),
      ),
  )

  app.get(
    '/v1/releases',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'listReleases',
        summary: 'List releases, newest first',
        querystring: ZReleaseQuery,
        response: { 200: ZPage(Release), ...errorResponses() },
      },
    },
    async (request) => services.releases.list(programOf(request), request.query),
  )

  app.get(
    '/v1/releases/:id',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'getRelease',
        summary: 'Get a release',
        params: ZReleaseParams,
        response: { 200: Release, ...errorResponses() },
      },
    },
    async (request) => services.releases.get(programOf(request), request.params.id),
  )

  app.patch(
    '/v1/releases/:id',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'updateRelease',
        summary: 'Change a release; in force for the next quote or order',
        params: ZReleaseParams,
        body: ZReleasePatch,
        response: { 200: Release, ...errorResponses(409) },
      },
    },
    async (request) =>
      services.releases.update(programOf(request), request.params.id, request.body),
  )

  app.delete(
    '/v1/releases/:id',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'deleteRelease',
        summary: 'Delete a release: its SKU is on sale to everyone at once',
        params: ZReleaseParams,
        response: { 204: Type.Null({ description: 'Deleted' }), ...errorResponses() },
      },
    },
    async (request, reply) => {
      await services.releases.remove(programOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/v1/members/:member/releases/:sku',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'getMemberReleaseAccess',
        summary: 'May the member buy the SKU now, and from when?',
        description:
          '`opens_at` is `public_at` less the largest head start the release gives the member’s ' +
          'tier. A SKU with no release is on sale to everyone: `{ allowed: true, opens_at: null }`.',
        params: ZMemberReleaseParams,
        response: { 200: Type.Ref('ReleaseAccess'), ...errorResponses() },
      },
    },
    async (request) =>
      services.releases.access(programOf(request), request.params.member, request.params.sku),
  )
}
