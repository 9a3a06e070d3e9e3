import { Readable } from 'node:stream'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { idempotencyClaim, programOf, sendStored } from '../http/context.js'
import type { AppDeps } from '../http/deps.js'
import { errorResponses, ZPage } from '../schemas/common.js'
import {
  ZBulkCodes,
  ZBulkCodesStarted,
  ZCouponIssue,
  ZCouponSearchQuery,
  ZCouponTemplateCreate,
  ZCouponTemplateParams,
  ZCouponTemplatePatch,
  ZCouponTemplateQuery,
  ZMemberCouponQuery,
  ZTemplateCodesQuery,
} from '../schemas/coupons.js'
import { ZMemberParams } from '../schemas/members.js'

const anyKey = { auth: { kind: 'program' as const } }
// Templates and bulk codes are configuration; unassigned codes are value to whoever holds them,
// so only admin keys list them.
const admin = { auth: { kind: 'program' as const, roles: ['admin' as const] } }
const writers = { auth: { kind: 'program' as const, roles: ['admin' as const, 'server' as const] } }
const Template = Type.Ref('CouponTemplate')
const Coupon = Type.Ref('Coupon')

export async function couponRoutes(fastify: FastifyInstance, { services }: AppDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const tags = ['coupons']

  app.post(
    '/v1/coupon-templates',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'createCouponTemplate',
        summary: 'Create a coupon template',
        description:
          'What its coupons take off, on what, for how long, and how many may exist. ' +
          '`Idempotency-Key` accepted.',
        body: ZCouponTemplateCreate,
        response: { 201: Template, ...errorResponses(409) },
      },
    },
    async (request, reply) =>
      sendStored(
        reply,
        await services.coupons.createTemplate(
          programOf(request),
          request.body,
          idempotencyClaim(request),
        ),
      ),
  )

  app.get(
    '/v1/coupon-templates',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'listCouponTemplates',
        summary: 'List coupon templates, newest first',
        querystring: ZCouponTemplateQuery,
        response: { 200: ZPage(Template), ...errorResponses() },
      },
    },
    async (request) => services.coupons.listTemplates(programOf(request), request.query),
  )

  app.get(
    '/v1/coupon-templates/:id',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'getCouponTemplate',
        summary: 'Get a coupon template',
        params: ZCouponTemplateParams,
        response: { 200: Template, ...errorResponses() },
      },
    },
    async (request) => services.coupons.getTemplate(programOf(request), request.params.id),
  )

  app.patch(
    '/v1/coupon-templates/:id',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'updateCouponTemplate',
        summary: 'Rename a coupon template, or switch it off or on',
        description:
          'An inactive template issues no coupons and no bulk codes, and its unassigned codes ' +
          'cannot be claimed (`422 coupon_invalid`); coupons already issued keep their terms.',
        params: ZCouponTemplateParams,
        body: ZCouponTemplatePatch,
        response: { 200: Template, ...errorResponses() },
      },
    },
    async (request) =>
      services.coupons.updateTemplate(programOf(request), request.params.id, request.body),
  )

  app.post(
    '/v1/coupon-templates/:id/codes',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'generateCouponCodes',
        summary: 'Generate unassigned codes in the background',
        description:
          'Counts them against `total_limit` at once (`422 limit_reached` when fewer are left), ' +
          'then makes them in a `coupon-codes` job run whose progress `GET /v1/job-runs/{id}` ' +
          'shows. `Idempotency-Key` accepted.',
        params: ZCouponTemplateParams,
        body: ZBulkCodes,
        response: { 202: ZBulkCodesStarted, ...errorResponses(409, 422) },
      },
    },
    async (request, reply) =>
      sendStored(
        reply,
        await services.coupons.generateCodes(
          programOf(request),
          request.params.id,
          request.body.count,
          idempotencyClaim(request),
        ),
      ),
  )

  app.get(
    '/v1/coupon-templates/:id/codes',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'listCouponCodes',
        summary: 'List a template’s coupons and codes, or export them all as CSV',
        description:
          'In the order they were made. `format=csv` sends every one (of the `status` given) ' +
          'as `text/csv`, header `code,status,member,issued_at,expires_at`.',
        params: ZCouponTemplateParams,
        querystring: ZTemplateCodesQuery,
        response: {
          200: {
            description: 'A page of coupons (JSON), or all of them (CSV)',
            content: {
              'application/json': { schema: ZPage(Coupon) },
              'text/csv': {
                schema: Type.String({ description: 'code,status,member,issued_at,expires_at' }),
              },
            },
          },
          ...errorResponses(),
        },
      },
    },
    async (request, reply) => {
      const program = programOf(request)
      const { format, status, ...page } = request.query
      if (format === 'csv') {
        const lines = await services.coupons.exportCodes(program, request.params.id, status)
        return (
          reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${request.params.id}-codes.csv"`)
            // The CSV text, streamed a page of codes at a time (typed as the text it sends).
            .send(Readable.from(lines) as unknown as string)
        )
      }
      return reply.type('application/json; charset=utf-8').send(
        await services.coupons.templateCodes(program, request.params.id, {
          ...page,
          ...(status !== undefined ? { status } : {}),
        }),
      )
    },
  )

  app.get(
    '/v1/coupons',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'findCouponByCode',
        summary: 'Find a coupon by its code, in any state',
        description:
          'For operators: `{ data: [coupon] }`, or `{ data: [] }` for an unknown code. Only ' +
          'program keys reach it; a member’s claim never tells a used code from an unknown one.',
        querystring: ZCouponSearchQuery,
        response: { 200: Type.Object({ data: Type.Array(Coupon) }), ...errorResponses() },
      },
    },
    async (request) => ({
      data: await services.coupons.byCode(programOf(request), request.query.code),
    }),
  )

  app.post(
    '/v1/members/:member/coupons',
    {
      config: writers,
      schema: {
        tags,
        operationId: 'issueCoupon',
        summary: 'Issue a coupon to a member, or let the member claim a bulk code',
        description:
          '`{ template }` issues a new coupon of it; `{ code }` claims an unassigned bulk code. ' +
          'Past `per_member_limit` or `total_limit`: `422 limit_reached`. A code that cannot be ' +
          'claimed — unknown, claimed, redeemed, of an inactive template — is `422 ' +
          'coupon_invalid`, always with the same detail. `Idempotency-Key` accepted.',
        params: ZMemberParams,
        body: ZCouponIssue,
        response: { 201: Coupon, ...errorResponses(409, 422) },
      },
    },
    async (request, reply) =>
      sendStored(
        reply,
        await services.coupons.issue(
          programOf(request),
          request.params.member,
          request.body,
          idempotencyClaim(request),
        ),
      ),
  )

  app.get(
    '/v1/members/:member/coupons',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'listMemberCoupons',
        summary: 'A member’s coupons, the latest issued first',
        description:
          '`status=expired`: active coupons whose `expires_at` has passed (shown as `expired`); ' +
          '`active`: those that have not; without `status`: all.',
        params: ZMemberParams,
        querystring: ZMemberCouponQuery,
        response: { 200: ZPage(Coupon), ...errorResponses() },
      },
    },
    async (request) =>
      services.coupons.memberCoupons(programOf(request), request.params.member, request.query),
  )
}
