import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { pickAdvisor } from './advisors.js'

const advisor = (id: string, load: number, capacity: number, active = true) => ({
  id,
  load,
  capacity,
  active,
})

describe('pickAdvisor', () => {
  it('takes the least loaded active advisor with room, ties by id', () => {
    expect(pickAdvisor([advisor('b', 1, 5), advisor('a', 1, 5), advisor('c', 0, 0)])?.id).toBe('a')
    expect(pickAdvisor([advisor('a', 3, 3), advisor('b', 4, 9)])?.id).toBe('b')
    expect(pickAdvisor([advisor('a', 0, 3, false), advisor('b', 2, 9)])?.id).toBe('b')
    expect(pickAdvisor([advisor('a', 3, 3)])).toBeUndefined()
    expect(pickAdvisor([])).toBeUndefined()
  })

  it('keeps equal advisors’ loads within 1, and never over capacity, however many arrive', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 200 }),
        (count, capacity, arrivals) => {
          const pool = Array.from({ length: count }, (_, i) => advisor(`a${i}`, 0, capacity))
          let served = 0
          for (let i = 0; i < arrivals; i++) {
            const chosen = pickAdvisor(pool)
            if (!chosen) break
            chosen.load++
            served++
          }
          const loads = pool.map((a) => a.load)
          expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1)
          expect(Math.max(...loads)).toBeLessThanOrEqual(capacity)
          expect(served).toBe(Math.min(arrivals, count * capacity))
        },
      ),
    )
  })
})
