import { describe, expect, it } from 'vitest'
import type { PointLot } from '../../api/points'
import { groupRemainingPoints, nextExpiry } from './points-helpers'

function lot(partial: Partial<PointLot>): PointLot {
  return {
    id: 'lot_1',
    status: 'available',
    earned: 100,
    remaining: 100,
    earned_at: '2026-01-01T00:00:00Z',
    expires_at: null,
    source: { kind: 'order', id: 'o1' },
    rule: { id: 'rule_a', name: 'Base' },
    ...partial,
  }
}

describe('nextExpiry', () => {
  it('picks the soonest expiry and counts the later ones', () => {
    const result = nextExpiry([
      { points: 50, expires_at: '2027-06-30T16:00:00Z' },
      { points: 120, expires_at: '2026-12-31T16:00:00Z' },
    ])
    expect(result).toEqual({ next: { points: 120, expires_at: '2026-12-31T16:00:00Z' }, later: 1 })
  })

  it('is null when nothing expires', () => {
    expect(nextExpiry([])).toBeNull()
  })
})

describe('groupRemainingPoints', () => {
  it('sums remaining points per rule and status, largest first', () => {
    const slices = groupRemainingPoints(
      [
        lot({ id: 'l1', remaining: 30 }),
        lot({ id: 'l2', remaining: 20, status: 'pending' }),
        lot({ id: 'l3', remaining: 80, rule: { id: 'rule_b', name: 'Shoes' } }),
        lot({ id: 'l4', remaining: 0, rule: { id: 'rule_c', name: 'Spent' } }),
        lot({ id: 'l5', remaining: 10, rule: null, source: { kind: 'adjustment', id: 't' } }),
      ],
      (kind) => `kind:${kind}`,
    )
    expect(slices).toEqual([
      { key: 'rule_b', name: 'Shoes', available: 80, pending: 0 },
      { key: 'rule_a', name: 'Base', available: 30, pending: 20 },
      { key: 'source:adjustment', name: 'kind:adjustment', available: 10, pending: 0 },
    ])
  })
})
