import { randomBytes } from 'node:crypto'
import type { BenchProgress, BenchScenario } from './bench.js'
import type { BenchApi } from './bench-api.client.js'
import { memberBody } from './load.plan.js'

/** Members created through the API for reads, and for orders to spread over. */
export const MEMBER_POOL_SIZE = 1_000
const SEED_CONCURRENCY = 16

/**
 * Creates `count` members through the API, a few at a time, and returns their ids.
 * `prefix` keeps the external ids of separate pools apart.
 */
export async function seedMembers(
  api: BenchApi,
  count: number,
  progress: BenchProgress,
  prefix = 'seed',
): Promise<string[]> {
  const ids: string[] = []
  const tracker = progress.task(`creating members through the API`, count, 'members')
  let next = 0
  const worker = async () => {
    while (next < count) {
      const n = next++
      const member = await api.post<{ id: string }>('/v1/members', memberBody(`${prefix}-${n}`))
      ids.push(member.id)
      tracker.update(ids.length)
    }
  }
  try {
    await Promise.all(Array.from({ length: SEED_CONCURRENCY }, worker))
  } finally {
    tracker.done()
  }
  return ids
}

export const memberCreations: BenchScenario = {
  name: 'member creations/s',
  async prepare() {
    // The load generator numbers them: no two requests send the same external_id.
    return { kind: 'member-creations', prefix: `bench-${randomBytes(4).toString('hex')}-` }
  },
}

export const memberReads: BenchScenario = {
  name: 'member reads/s',
  async prepare(api, progress) {
    const memberIds = await seedMembers(api, MEMBER_POOL_SIZE, progress)
    return { kind: 'member-reads', memberIds }
  },
}
