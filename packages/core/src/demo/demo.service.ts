import type { DB } from '@loyalbase/db'
import type { Kysely } from 'kysely'
import type { Clock } from '../shared/clock.js'
import { DEMO_TIME_ZONE, demoPlan } from './demo.js'
import { DemoCalendar } from './demo-calendar.js'
import type { DemoDeps } from './demo-deps.js'
import { finishDemoProgram } from './demo-finish.js'
import { createDemoMembers, runDemoTimelines } from './demo-seed.js'
import { setUpDemoProgram } from './demo-setup.js'

export type { DemoDeps } from './demo-deps.js'

export interface DemoProgram {
  programId: string
  adminKey: string
}

/**
 * The demo program (api.md, "Start-up"): a tea and lifestyle shop's year — its members, their
 * orders, reviews and check-ins, refunds, coupons, rewards, bookings and campaigns — planned
 * from a seed (demo.ts) and written through the same use cases as the API.
 */
export function createDemoService(db: Kysely<DB>, clock: Clock, deps: DemoDeps) {
  return {
    /** Creates the demo program on an empty database; undefined when programs already exist. */
    async seedIfEmpty(): Promise<DemoProgram | undefined> {
      const existing = await db.selectFrom('programs').select('id').limit(1).executeTakeFirst()
      if (existing) return undefined
      const now = clock.now()
      const calendar = new DemoCalendar(now, DEMO_TIME_ZONE)
      const plan = demoPlan(now)
      const setup = await setUpDemoProgram(deps, calendar)
      const members = await createDemoMembers(deps, setup.program, plan)
      const shared = await runDemoTimelines(deps, setup, plan, members)
      await finishDemoProgram(deps, setup, calendar, members, shared)
      return { programId: setup.program.id, adminKey: setup.adminKey }
    },
  }
}

export type DemoService = ReturnType<typeof createDemoService>
