import type { DB, MemberRow } from '@loyalbase/db'
import type { Kysely } from 'kysely'
import { domainEvent, recordDomainEvents } from '../domain-events/index.js'
import { fingerprintOf, runClaimed, type StoredResponse } from '../idempotency/index.js'
import { addMemberActivity, lockMember, lockMemberByRef } from '../members/index.js'
import { payRules } from '../points/index.js'
import type { ProgramContext } from '../programs/index.js'
import { buildEventContext, memberFactsOf, type RulesService } from '../rules/index.js'
import { AppError } from '../shared/app-error.js'
import type { Clock } from '../shared/clock.js'
import type { Executor } from '../shared/executor.js'
import { MAX_FUTURE_MS } from '../shared/limits.js'
import { upgradeIfQualified } from '../tiers/index.js'
import {
  assertPostableEventType,
  assertProperties,
  type NewEventInput,
  presentEvent,
} from './events.js'
import { claimEvent, findEvent, saveEventOutcome, saveEventResponse } from './events.repository.js'

export interface EventEffects {
  points_earned: number
  points_status: 'available'
  growth_earned: number
  tier_change: { from: string; to: string } | null
  rules: { rule: string; points: number; growth: number }[]
}

/**
 * Applies an event that is already claimed (its row inserted) to a locked member: pays the
 * rules for its type, moves growth, records the outcome. Event points are available at once;
 * the return window is for orders.
 */
export async function applyEvent(
  trx: Executor,
  rules: RulesService,
  program: ProgramContext,
  member: MemberRow,
  event: { id: string; type: string; occurred_at: Date; properties: Record<string, unknown> },
  now: Date,
): Promise<EventEffects> {
  const context = buildEventContext(
    {
      id: event.id,
      type: event.type,
      properties: event.properties,
      occurred_at: event.occurred_at,
    },
    memberFactsOf(member),
    now,
    program.timezone,
  )
  const payout = await payRules(
    trx,
    rules,
    program,
    member,
    event.type,
    context,
    event.occurred_at,
    event.occurred_at,
    { kind: 'event', id: event.id },
    now,
  )
  if (payout.growth !== 0)
    await addMemberActivity(trx, program.id, member.id, { growth: payout.growth }, now)
  // The event's own totals count toward windowed tier metrics, so they are stored first.
  await saveEventOutcome(trx, program.id, event.id, {
    points: payout.points,
    growth: payout.growth,
  })
  if (payout.points > 0) {
    await recordDomainEvents(trx, [
      domainEvent(
        program.id,
        'points.earned',
        member.id,
        {
          member: member.id,
          points: payout.points,
          status: 'available',
          source: { kind: 'event', id: event.id },
          rules: payout.rules
            .filter((r) => r.points > 0)
            .map((r) => ({ rule: r.rule, points: r.points })),
        },
        now,
      ),
    ])
  }
  const paid = payout.points > 0 || payout.growth > 0
  const after = paid ? await lockMember(trx, program.id, member.id) : undefined
  // An event dated a little ahead (clock skew) counts in the windows it falls in.
  const windowEnd = new Date(Math.max(event.occurred_at.getTime(), now.getTime()))
  const tierChange = after ? await upgradeIfQualified(trx, program, after, now, windowEnd) : null
  return {
    points_earned: payout.points,
    points_status: 'available',
    growth_earned: payout.growth,
    tier_change: tierChange,
    rules: payout.rules,
  }
}

/**
 * An event Loyalbase emits itself (referral.converted): claimed once by its id, no response
 * kept. The time is read once the member is locked, as every use case that moves value does.
 */
export async function emitEvent(
  trx: Executor,
  rules: RulesService,
  program: ProgramContext,
  memberId: string,
  event: { id: string; type: string; occurred_at: Date; properties: Record<string, unknown> },
  clock: Clock,
): Promise<void> {
  const member = await lockMember(trx, program.id, memberId)
  if (!member) return
  const now = clock.now()
  const fresh = await claimEvent(trx, {
    program_id: program.id,
    id: event.id,
    type: event.type,
    member_id: member.id,
    occurred_at: event.occurred_at,
    properties: event.properties,
    fingerprint: fingerprintOf(event),
    created_at: now,
  })
  if (fresh) await applyEvent(trx, rules, program, member, event, now)
}

export function createEventsService(db: Kysely<DB>, clock: Clock, deps: { rules: RulesService }) {
  return {
    /** `POST /v1/events`: idempotent by the merchant's event id. */
    async record(program: ProgramContext, input: NewEventInput): Promise<StoredResponse> {
      assertPostableEventType(input.type)
      const requested = input.occurred_at ? new Date(input.occurred_at) : undefined
      if (requested && requested.getTime() - clock.now().getTime() > MAX_FUTURE_MS) {
        throw AppError.invalid('occurred_at', 'must not lie in the future')
      }
      const properties = input.properties ?? {}
      assertProperties(properties)
      const fingerprint = fingerprintOf(input)
      // The member's row, locked by the claim, as orders do: the first lock of every use case.
      let member: MemberRow | undefined
      // Read once the member is locked, as orders do (see there).
      let now = clock.now()
      let occurredAt = requested ?? now
      return runClaimed(
        db,
        {
          label: `The event id "${input.id}"`,
          fingerprint,
          claim: async (trx) => {
            member = await lockMemberByRef(trx, program.id, input.member)
            if (!member) throw AppError.notFound('Member')
            now = clock.now()
            occurredAt = requested ?? now
            return claimEvent(trx, {
              program_id: program.id,
              id: input.id,
              type: input.type,
              member_id: member.id,
              occurred_at: occurredAt,
              properties,
              fingerprint,
              created_at: now,
            })
          },
          async find(trx) {
            const row = await findEvent(trx, program.id, input.id)
            return row && { fingerprint: row.fingerprint, status: 201, body: row.response_body }
          },
          save: (trx, _status, body) => saveEventResponse(trx, program.id, input.id, body),
        },
        201,
        async (trx) => {
          if (!member) throw new Error('the claim locks the member first')
          const effects = await applyEvent(
            trx,
            deps.rules,
            program,
            member,
            { id: input.id, type: input.type, occurred_at: occurredAt, properties },
            now,
          )
          const row = await findEvent(trx, program.id, input.id)
          if (!row) throw new Error('claimed event vanished')
          return { event: presentEvent(row), effects }
        },
      )
    },

    async get(program: ProgramContext, id: string) {
      const row = await findEvent(db, program.id, id)
      if (!row) throw AppError.notFound('Event')
      return presentEvent(row)
    },
  }
}

export type EventsService = ReturnType<typeof createEventsService>
