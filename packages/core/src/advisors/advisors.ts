import type { AdvisorRow } from '@loyalbase/db'
import { AppError } from '../shared/app-error.js'

/*
 * Dedicated advisors (专属客服), the pure part: shapes and checks. Who serves whom is decided by
 * the database, under the lock of every advisor of the program (0022_releases_advisors.sql):
 * the least-loaded active advisor with room, ties by id.
 */

export interface AdvisorResource {
  id: string
  name: string
  contact: string
  capacity: number
  load: number
  active: boolean
  created_at: string
  updated_at: string
}

export interface AdvisorInput {
  name: string
  contact: string
  capacity: number
  active?: boolean
}

export type AdvisorPatch = Partial<AdvisorInput>

/** What a member (or the console) is told of the member's advisor. */
export interface AdvisorContact {
  id: string
  name: string
  contact: string
}

/** One member an advisor serves, for the console. */
export interface AdvisorMember {
  id: string
  external_id: string
  name: string | null
  tier: string
  assigned_at: string
}

export function presentAdvisor(row: AdvisorRow): AdvisorResource {
  return {
    id: row.id,
    name: row.name,
    contact: row.contact,
    capacity: row.capacity,
    load: row.load,
    active: row.active,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  }
}

export function presentContact(row: Pick<AdvisorRow, 'id' | 'name' | 'contact'>): AdvisorContact {
  return { id: row.id, name: row.name, contact: row.contact }
}

/** What the schema cannot check: names and contacts are not blank. */
export function validateAdvisor(input: AdvisorPatch): void {
  if (input.name !== undefined && input.name.trim().length === 0)
    throw AppError.invalid('name', 'must not be blank')
  if (input.contact !== undefined && input.contact.trim().length === 0)
    throw AppError.invalid('contact', 'must not be blank')
}

/**
 * The advisor a new member gets: the least loaded of the active advisors with room, ties by id;
 * undefined when none has room. The database's `lb_assign_advisor` is this rule in SQL; this is
 * its statement for readers and the tests' oracle.
 */
export function pickAdvisor<
  A extends { id: string; load: number; capacity: number; active: boolean },
>(advisors: readonly A[]): A | undefined {
  let best: A | undefined
  for (const a of advisors) {
    if (!a.active || a.load >= a.capacity) continue
    if (!best || a.load < best.load || (a.load === best.load && a.id < best.id)) best = a
  }
  return best
}
