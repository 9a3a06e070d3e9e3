import { Readable } from 'node:stream'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { idempotencyClaim, programOf, sendStored } from '../http/context.js'
import type { AppDeps } from '../http/deps.js'
import {
  ZAuditMembersQuery,
  ZAuditQuery,
  ZBenefitAudit,
  ZBenefitCreate,
  ZBenefitParams,
  ZBenefitPatch,
  ZBenefitUse,
  ZBenefitUseCreate,
  ZBenefitUseCreated,
  ZBenefitUsesQuery,
  ZMemberBenefit,
  ZMemberBenefitParams,
} from '../schemas/benefits.js'
import { errorResponses, ZPage } from '../schemas/common.js'
import { ZMemberParams } from '../schemas/members.js'

const anyKey = { auth: { kind: 'program' as const } }
const admin = { auth: { kind: 'program' as const, roles: ['admin' as const] } }
const writers = { auth: { kind: 'program' as const, roles: ['admin' as const, 'server' as const] } }
const Benefit = Type.Ref('Benefit')
const Member = Type.Ref('Member')

/** A CSV field: quoted when it holds a comma, a quote or a line break. */
function csvField(value: string | null): string {
  if (value === null) return ''
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

export async function benefitRoutes(fastify: FastifyInstance, { services }: AppDeps) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const tags = ['benefits']

  app.post(
    '/v1/benefits',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'createBenefit',
        summary: 'Promise a benefit to the members of some tiers',
        description:
          'Tiers are keys of the ladder (`400` otherwise); `quota` limits the uses per week, ' +
          'month or year in the program’s time zone. A live key twice → `409 benefit_exists`. ' +
          '`Idempotency-Key` accepted.',
        body: ZBenefitCreate,
        response: { 201: Benefit, ...errorResponses(409) },
      },
    },
    async (request, reply) =>
      sendStored(
        reply,
        await services.benefits.create(programOf(request), request.body, idempotencyClaim(request)),
      ),
  )

  app.get(
    '/v1/benefits',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'listBenefits',
        summary: 'List the program’s benefits, by key',
        response: { 200: Type.Object({ data: Type.Array(Benefit) }), ...errorResponses() },
      },
    },
    async (request) => services.benefits.list(programOf(request)),
  )

  app.get(
    '/v1/benefits/:key',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'getBenefit',
        summary: 'Get a benefit by its key (or id)',
        params: ZBenefitParams,
        response: { 200: Benefit, ...errorResponses() },
      },
    },
    async (request) => services.benefits.get(programOf(request), request.params.key),
  )

  app.patch(
    '/v1/benefits/:key',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'updateBenefit',
        summary: 'Change a benefit’s name, tiers, quota, config or switch',
        description: 'Its key and type stay. Orders and quotes use the change at once.',
        params: ZBenefitParams,
        body: ZBenefitPatch,
        response: { 200: Benefit, ...errorResponses() },
      },
    },
    async (request) =>
      services.benefits.update(programOf(request), request.params.key, request.body),
  )

  app.delete(
    '/v1/benefits/:key',
    {
      config: admin,
      schema: {
        tags,
        operationId: 'deleteBenefit',
        summary: 'Delete a benefit (its uses stay on record)',
        params: ZBenefitParams,
        response: { 204: Type.Null({ description: 'Deleted' }), ...errorResponses() },
      },
    },
    async (request, reply) => {
      await services.benefits.remove(programOf(request), request.params.key)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/v1/benefits/:key/audit',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'auditBenefit',
        summary: 'Delivery audit: who was entitled to a benefit in a period, and who used it',
        description:
          'The period is the benefit’s quota period holding `period_start` (a month for a ' +
          'benefit without quota), in the program’s time zone. `entitled`: members who held one ' +
          'of its tiers at some moment of the period (tier history); `used`: those with a use ' +
          'kept; `uses` and `returned`: uses recorded, and of them given back; `unused`: entitled ' +
          'members without a kept use (listed by `…/audit/unused-members`).',
        params: ZBenefitParams,
        querystring: ZAuditQuery,
        response: { 200: ZBenefitAudit, ...errorResponses() },
      },
    },
    async (request) =>
      services.benefits.audit(programOf(request), request.params.key, request.query.period_start),
  )

  app.get(
    '/v1/benefits/:key/audit/unused-members',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'listBenefitUnusedMembers',
        summary: 'The entitled members who have not used the benefit in the period',
        description:
          'By member id. `format=csv` sends them all as `text/csv` ' +
          '(`id,external_id,name,phone,email,tier`), for a reminder.',
        params: ZBenefitParams,
        querystring: ZAuditMembersQuery,
        response: {
          200: {
            description: 'A page of members (JSON), or all of them (CSV)',
            content: {
              'application/json': {
                schema: Type.Object({
                  data: Type.Array(Member),
                  next_cursor: Type.Union([Type.String(), Type.Null()]),
                  period: Type.Object({
                    start: Type.String({ format: 'date-time' }),
                    end: Type.String({ format: 'date-time' }),
                  }),
                }),
              },
              'text/csv': { schema: Type.String({ description: 'id,external_id,name,…' }) },
            },
          },
          ...errorResponses(),
        },
      },
    },
    async (request, reply) => {
      const program = programOf(request)
      const { format, period_start, ...page } = request.query
      const at = period_start
      const key = request.params.key
      if (format === 'csv') {
        async function* lines() {
          yield 'id,external_id,name,phone,email,tier\n'
          let cursor: string | undefined
          do {
            const found = await services.benefits.unusedMembers(program, key, {
              ...(at && { period_start: at }),
              limit: 100,
              ...(cursor && { cursor }),
            })
            for (const m of found.data) {
              yield `${[m.id, m.external_id, m.name, m.phone, m.email, m.tier.key].map(csvField).join(',')}\n`
            }
            cursor = found.next_cursor ?? undefined
          } while (cursor)
        }
        // Checked before the first byte: an unknown benefit is a 404, not an empty file.
        await services.benefits.get(program, key)
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${key}-unused.csv"`)
          .send(Readable.from(lines()) as unknown as string)
      }
      return reply.type('application/json; charset=utf-8').send(
        await services.benefits.unusedMembers(program, key, {
          ...page,
          ...(at && { period_start: at }),
        }),
      )
    },
  )

  app.get(
    '/v1/members/:member/benefits',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'listMemberBenefits',
        summary: 'The benefits of the member’s tier, with what is left of each this period',
        description:
          'api.md: an array of `{ key, name, type, quota: { count, used, remaining, resets_at } | null }` ' +
          '(with `config`).',
        params: ZMemberParams,
        response: { 200: Type.Array(ZMemberBenefit), ...errorResponses() },
      },
    },
    async (request) => services.benefits.forMember(programOf(request), request.params.member),
  )

  app.post(
    '/v1/members/:member/benefits/:key/uses',
    {
      config: writers,
      schema: {
        tags,
        operationId: 'useMemberBenefit',
        summary: 'Record a use of one of the member’s benefits',
        description:
          'Counted against the quota of the period at once, never past it under concurrency: ' +
          '`403 tier_required` when the member’s tier lacks the benefit, `422 quota_exhausted` ' +
          'when none is left. Free shipping and tier discounts are used by quotes and orders ' +
          'themselves. `Idempotency-Key` accepted.',
        params: ZMemberBenefitParams,
        body: Type.Optional(ZBenefitUseCreate),
        response: { 201: ZBenefitUseCreated, ...errorResponses(403, 409, 422) },
      },
    },
    async (request, reply) =>
      sendStored(
        reply,
        await services.benefits.use(
          programOf(request),
          request.params.member,
          request.params.key,
          request.body ?? {},
          idempotencyClaim(request),
        ),
      ),
  )

  app.get(
    '/v1/members/:member/benefit-uses',
    {
      config: anyKey,
      schema: {
        tags,
        operationId: 'listMemberBenefitUses',
        summary: 'The member’s uses of its benefits, newest first',
        params: ZMemberParams,
        querystring: ZBenefitUsesQuery,
        response: { 200: ZPage(ZBenefitUse), ...errorResponses() },
      },
    },
    async (request) =>
      services.benefits.usesOf(programOf(request), request.params.member, request.query),
  )
}
