import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { idempotencyClaim, programOf, sendStored } from '../http/context.js'
import type { AppDeps } from '../http/deps.js'
import {
  ZAudiencePreview,
  ZCampaignCreate,
  ZCampaignListQuery,
  ZCampaignParams,
  ZCampaignPatch,
  ZCampaignPreviewBody,
  ZCampaignReport,
  ZCampaignReportQuery,
} from '../schemas/campaigns.js'
import { errorResponses, ZPage } from '../schemas/common.js'

const anyKey = { auth: { kind: 'program' as const } }
const admin = { auth: { kind: 'program' as const, roles: ['admin' as const] } }
const Campaign = Type.Ref('Campaign')

export async function campaignRoutes(fastify: FastifyInstance, { services }: AppDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const tags = ['campaigns']

  app.post(
    '/v1/campaigns',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'createCampaign',
        summary: 'Create a campaign',
        description:
          'A trigger, a reward (a coupon template or points), an optional budget and holdout ' +
          'group. The `campaigns` job finds the trigger’s members and rewards them ' +
          '(docs/campaigns.md). `Idempotency-Key` accepted.',
        body: ZCampaignCreate,
        response: { 201: Campaign, ...errorResponses(409) },
      },
    },
    async (request, reply) =>
      sendStored(
        reply,
        await services.campaigns.create(
          programOf(request),
          request.body,
          idempotencyClaim(request),
        ),
      ),
  )

  app.post(
    '/v1/campaigns/preview',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'previewCampaignAudience',
        summary: 'How many members a trigger reaches: now, or over the last or next 30 days',
        body: ZCampaignPreviewBody,
        response: { 200: ZAudiencePreview, ...errorResponses() },
      },
    },
    async (request) => services.campaigns.preview(programOf(request), request.body.trigger),
  )

  app.get(
    '/v1/campaigns',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'listCampaigns',
        summary: 'List campaigns, newest first',
        querystring: ZCampaignListQuery,
        response: { 200: ZPage(Campaign), ...errorResponses() },
      },
    },
    async (request) => services.campaigns.list(programOf(request), request.query),
  )

  app.get(
    '/v1/campaigns/:id',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'getCampaign',
        summary: 'Get a campaign with the budget it has used',
        params: ZCampaignParams,
        response: { 200: Campaign, ...errorResponses() },
      },
    },
    async (request) => services.campaigns.get(programOf(request), request.params.id),
  )

  app.patch(
    '/v1/campaigns/:id',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'updateCampaign',
        summary: 'Rename, switch off or on, end, or change the budget of a campaign',
        params: ZCampaignParams,
        body: ZCampaignPatch,
        response: { 200: Campaign, ...errorResponses() },
      },
    },
    async (request) =>
      services.campaigns.update(programOf(request), request.params.id, request.body),
  )

  app.get(
    '/v1/campaigns/:id/report',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'getCampaignReport',
        summary: 'What a campaign gave, cost and earned, treated against holdout',
        description:
          'Revenue per treated and per holdout member in the `window_days` after each was ' +
          'assigned, the uplift with its 95 % confidence interval (Welch), and a verdict.',
        params: ZCampaignParams,
        querystring: ZCampaignReportQuery,
        response: { 200: ZCampaignReport, ...errorResponses() },
      },
    },
    async (request) =>
      services.campaigns.report(programOf(request), request.params.id, request.query.window_days),
  )
}
