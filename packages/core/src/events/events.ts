import type { EventRow } from '@loyalbase/db'
import { assertJsonSize } from '../members/index.js'
import { AppError } from '../shared/app-error.js'

export const BUILTIN_EVENT_TYPES = [
  'review.posted',
  'content.shared',
  'member.checked_in',
  'profile.completed',
  'referral.converted',
] as const

/** Emitted by Loyalbase itself when a referred member completes a first order. */
export const REFERRAL_CONVERTED = 'referral.converted'

export const EVENT_TYPE_PATTERN = /^[a-z][a-z0-9_.]*$/

export interface NewEventInput {
  id: string
  type: string
  member: string
  occurred_at?: string
  properties?: Record<string, unknown>
}

export function assertPostableEventType(type: string): void {
  if (!EVENT_TYPE_PATTERN.test(type)) {
    throw AppError.invalid('type', 'must match ^[a-z][a-z0-9_.]*$')
  }
  if (type === REFERRAL_CONVERTED) {
    throw AppError.invalid(
      'type',
      'referral.converted is emitted by Loyalbase when a referred member completes a first order',
    )
  }
}

/** An event's `properties` get the limits of a member's `attributes`: 16 KB, 8 levels deep. */
export function assertProperties(properties: Record<string, unknown>): void {
  assertJsonSize('properties', properties)
}

export function presentEvent(row: EventRow) {
  return {
    id: row.id,
    type: row.type,
    member: row.member_id,
    occurred_at: row.occurred_at.toISOString(),
    properties: row.properties,
    points_earned: row.points_earned,
    growth_earned: row.growth_earned,
    created_at: row.created_at.toISOString(),
  }
}
