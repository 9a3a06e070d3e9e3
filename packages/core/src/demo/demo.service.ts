import type { DB } from '@loyalbase/db'
import type { Kysely } from 'kysely'
import type { ApiKeysService } from '../api-keys/api-keys.service.js'
import type { MembersService } from '../members/members.service.js'
import type { ProgramsService } from '../programs/programs.service.js'
import type { Clock } from '../shared/clock.js'
import { demoMembers } from './demo.js'

export const DEMO_MEMBER_COUNT = 60

export interface DemoProgram {
  programId: string
  adminKey: string
}

/** Creates the demo program on an empty database; undefined when programs already exist. */
export function createDemoService(
  db: Kysely<DB>,
  clock: Clock,
  deps: { programs: ProgramsService; apiKeys: ApiKeysService; members: MembersService },
) {
  return {
    async seedIfEmpty(): Promise<DemoProgram | undefined> {
      const existing = await db.selectFrom('programs').select('id').limit(1).executeTakeFirst()
      if (existing) return undefined
      const created = await deps.programs.create({ name: '悦享会 Demo Store' })
      const programId = (JSON.parse(created.body) as { id: string }).id
      const key = await deps.apiKeys.create(programId, { name: 'demo admin', role: 'admin' })
      const adminKey = (JSON.parse(key.body) as { key: string }).key
      const program = await deps.programs.get(programId)
      for (const member of demoMembers(DEMO_MEMBER_COUNT, clock.now())) {
        await deps.members.create(program, member)
      }
      return { programId, adminKey }
    },
  }
}
