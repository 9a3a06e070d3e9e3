import { describe, expect, it } from 'vitest'
import { DEFAULT_TIER_LADDER } from '../ladder/index.js'
import { assertEventTiers, attendingDelta } from './exclusive-events.js'

describe('exclusive events', () => {
  it('moves the attending count only when an answer turns to or from yes', () => {
    expect(attendingDelta(null, 'yes')).toBe(1)
    expect(attendingDelta('no', 'yes')).toBe(1)
    expect(attendingDelta('yes', 'yes')).toBe(0)
    expect(attendingDelta('yes', 'no')).toBe(-1)
    expect(attendingDelta(null, 'no')).toBe(0)
    expect(attendingDelta('no', 'no')).toBe(0)
  })

  it('invites only tiers of the ladder', () => {
    expect(() => assertEventTiers(['member'], DEFAULT_TIER_LADDER)).not.toThrow()
    expect(() => assertEventTiers(['gold'], DEFAULT_TIER_LADDER)).toThrow('tiers[0]')
  })
})
