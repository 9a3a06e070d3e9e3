import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { actorOf, programOf } from '../http/context.js'
import type { AppDeps } from '../http/deps.js'
import { errorResponses } from '../schemas/common.js'
import { ZMemberParams } from '../schemas/members.js'
import {
  ZTierDistribution,
  ZTierLadderInput,
  ZTierLadderSaved,
  ZTierOverride,
  ZTierStatus,
} from '../schemas/tiers.js'

const anyKey = { auth: { kind: 'program' as const } }
const admin = { auth: { kind: 'program' as const, roles: ['admin' as const] } }

export async function tierRoutes(fastify: FastifyInstance, { services }: AppDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const tags = ['tiers']

  app.get(
    '/v1/tiers',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'getTiers',
        summary: 'The program’s tier ladder',
        response: { 200: Type.Ref('TierLadder'), ...errorResponses() },
      },
    },
    async (request) => programOf(request).tier_ladder,
  )

  app.put(
    '/v1/tiers',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'putTiers',
        summary: 'Set the tier ladder; every member is re-evaluated in the background',
        description:
          'The first threshold is 0 and thresholds rise strictly. The re-evaluation is a `tier-evaluation` job run whose progress shows at `GET /v1/jobs/runs`.',
        body: ZTierLadderInput,
        response: { 200: ZTierLadderSaved, ...errorResponses() },
      },
    },
    async (request) => services.tiers.setLadder(programOf(request), request.body),
  )

  app.get(
    '/v1/tiers/distribution',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'getTierDistribution',
        summary: 'How many members each tier has',
        response: { 200: ZTierDistribution, ...errorResponses() },
      },
    },
    async (request) => services.tiers.distribution(programOf(request)),
  )

  app.get(
    '/v1/members/:member/tier',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'getMemberTier',
        summary: 'The member’s tier, progress to the next, what keeps it, and its history',
        params: ZMemberParams,
        response: { 200: ZTierStatus, ...errorResponses() },
      },
    },
    async (request) => services.tiers.memberTier(programOf(request), request.params.member),
  )

  app.put(
    '/v1/members/:member/tier',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'overrideMemberTier',
        summary: 'Set the member’s tier by hand, optionally until a date (audited)',
        params: ZMemberParams,
        body: ZTierOverride,
        response: { 200: ZTierStatus, ...errorResponses() },
      },
    },
    async (request) =>
      services.tiers.override(
        programOf(request),
        request.params.member,
        request.body,
        actorOf(request),
      ),
  )
}
