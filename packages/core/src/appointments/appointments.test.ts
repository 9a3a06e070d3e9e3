import { describe, expect, it } from 'vitest'
import { DEFAULT_TIER_LADDER, type TierLadder } from '../ladder/index.js'
import type { AppError } from '../shared/app-error.js'
import { assertSlotWindow, assertTierKeys, slotOpen, tierMayBook } from './appointments.js'

const ladder: TierLadder = {
  ...DEFAULT_TIER_LADDER,
  tiers: [
    { key: 'member', name: '会员', threshold: 0 },
    { key: 'gold', name: '金卡', threshold: 100 },
  ],
}

function errorOf(fn: () => void): AppError {
  try {
    fn()
  } catch (error) {
    return error as AppError
  }
  throw new Error('expected an error')
}

describe('appointment slots', () => {
  it('opens a slot to every tier without tiers, else to the tiers named', () => {
    expect(tierMayBook(null, 'member')).toBe(true)
    expect(tierMayBook(['gold'], 'gold')).toBe(true)
    expect(tierMayBook(['gold'], 'member')).toBe(false)
  })

  it('takes bookings until the slot starts, not at its start', () => {
    const starts_at = new Date('2026-03-05T02:00:00Z')
    expect(slotOpen({ starts_at }, new Date('2026-03-05T01:59:59.999Z'))).toBe(true)
    expect(slotOpen({ starts_at }, starts_at)).toBe(false)
  })

  it('names the offending tier key and an end not after the start', () => {
    expect(() => assertTierKeys(['gold', 'member'], ladder)).not.toThrow()
    expect(errorOf(() => assertTierKeys(['gold', 'vip'], ladder)).errors).toEqual([
      { path: 'tiers[1]', message: 'is not a tier of the program' },
    ])
    expect(errorOf(() => assertTierKeys(['gold', 'gold'], ladder)).errors).toEqual([
      { path: 'tiers[1]', message: 'is given twice' },
    ])
    const at = new Date('2026-03-05T02:00:00Z')
    expect(errorOf(() => assertSlotWindow(at, at)).errors).toEqual([
      { path: 'ends_at', message: 'must be after starts_at' },
    ])
  })
})
