import type { MemberRow } from '@loyalbase/db'
import { describe, expect, it } from 'vitest'
import type { Range } from '../ladder/ladder.js'
import type { OrderSnapshot } from './order-plan.js'
import { OrderSnapshotCache } from './order-snapshot.cache.js'

const day = (d: string) => new Date(`${d}T00:00:00Z`)

function snapshot(overrides: Partial<OrderSnapshot> = {}): OrderSnapshot {
  return {
    member: { id: 'mem_1', version: 4 } as MemberRow,
    usage: new Map([['rule_1\u0000day:2026-05-01', 10]]),
    budgets: new Map([['rule_2', 500]]),
    window: { current: 300, previous: 0, earliest: day('2025-08-01') },
    windows: [{ from: day('2025-05-01'), to: null }],
    ...overrides,
  }
}

const needs = (windows: Range[] = [{ from: day('2025-05-02'), to: null }]) => ({
  usageKeys: ['rule_1\u0000day:2026-05-01'],
  budgetedRules: ['rule_2'],
  windows,
})

describe('OrderSnapshotCache', () => {
  it('finds a kept snapshot by id or by the reference it was kept under', () => {
    const cache = new OrderSnapshotCache()
    cache.remember('prog_1', 'u-1', snapshot())
    expect(cache.find('prog_1', 'mem_1', needs())?.member.version).toBe(4)
    expect(cache.find('prog_1', 'u-1', needs())?.budgets.get('rule_2')).toBe(500)
    expect(cache.find('prog_2', 'u-1', needs())).toBeUndefined()
  })

  it('reads again when a usage row or a budget it needs was not kept', () => {
    const cache = new OrderSnapshotCache()
    cache.remember('prog_1', 'mem_1', snapshot())
    expect(
      cache.find('prog_1', 'mem_1', { ...needs(), usageKeys: ['rule_1\u0000day:2026-05-02'] }),
    ).toBeUndefined()
    expect(cache.find('prog_1', 'mem_1', { ...needs(), budgetedRules: ['rule_9'] })).toBeUndefined()
  })

  it('keeps a rolling window’s sums only until the window moves past the first order counted', () => {
    const cache = new OrderSnapshotCache()
    cache.remember('prog_1', 'mem_1', snapshot())
    expect(
      cache.find('prog_1', 'mem_1', needs([{ from: day('2025-07-31'), to: null }])),
    ).toBeDefined()
    expect(
      cache.find('prog_1', 'mem_1', needs([{ from: day('2025-08-01'), to: null }])),
    ).toBeUndefined()
    // Never for a window that starts earlier than the one summed.
    expect(
      cache.find('prog_1', 'mem_1', needs([{ from: day('2025-04-01'), to: null }])),
    ).toBeUndefined()
  })

  it('keeps calendar-year sums within the same years only', () => {
    const years = [
      { from: day('2025-12-31'), to: day('2026-12-31') },
      { from: day('2024-12-31'), to: day('2025-12-31') },
    ]
    const cache = new OrderSnapshotCache()
    cache.remember('prog_1', 'mem_1', snapshot({ windows: years }))
    expect(cache.find('prog_1', 'mem_1', needs(years))).toBeDefined()
    const next = [
      { from: day('2026-12-31'), to: day('2027-12-31') },
      { from: day('2025-12-31'), to: day('2026-12-31') },
    ]
    expect(cache.find('prog_1', 'mem_1', needs(next))).toBeUndefined()
  })

  it('forgets a member whose write was refused, and never lets a budget go down', () => {
    const cache = new OrderSnapshotCache()
    cache.remember('prog_1', 'mem_1', snapshot())
    cache.remember(
      'prog_1',
      'mem_2',
      snapshot({
        member: { id: 'mem_2', version: 1 } as MemberRow,
        budgets: new Map([['rule_2', 400]]),
      }),
    )
    expect(cache.find('prog_1', 'mem_1', needs())?.budgets.get('rule_2')).toBe(500)
    cache.forget('prog_1', 'mem_1')
    expect(cache.find('prog_1', 'mem_1', needs())).toBeUndefined()
  })

  it('holds at most its capacity, dropping the oldest first', () => {
    const cache = new OrderSnapshotCache(10)
    for (let i = 0; i < 30; i++) {
      cache.remember(
        'prog_1',
        `mem_${i}`,
        snapshot({ member: { id: `mem_${i}`, version: i } as MemberRow }),
      )
    }
    expect(cache.find('prog_1', 'mem_29', needs())).toBeDefined()
    expect(cache.find('prog_1', 'mem_0', needs())).toBeUndefined()
  })
})
