import { describe, expect, it } from 'vitest'
import { isoToZonedInput, zonedInputToIso } from './zoned-time'

describe('zoned wall-clock times', () => {
  it('reads an instant as the wall clock of the zone', () => {
    expect(isoToZonedInput('2026-03-01T02:00:00Z', 'Asia/Shanghai')).toBe('2026-03-01T10:00')
    expect(isoToZonedInput('2026-07-01T16:30:00Z', 'America/New_York')).toBe('2026-07-01T12:30')
  })

  it('turns a wall clock of the zone into an instant', () => {
    expect(zonedInputToIso('2026-03-01T10:00', 'Asia/Shanghai')).toBe('2026-03-01T02:00:00.000Z')
    expect(zonedInputToIso('2026-01-15T09:00', 'America/New_York')).toBe('2026-01-15T14:00:00.000Z')
    expect(zonedInputToIso('2026-07-15T09:00', 'America/New_York')).toBe('2026-07-15T13:00:00.000Z')
  })

  it('round-trips', () => {
    const iso = zonedInputToIso('2026-12-31T23:59', 'Asia/Shanghai') ?? ''
    expect(isoToZonedInput(iso, 'Asia/Shanghai')).toBe('2026-12-31T23:59')
  })

  it('rejects what is not a time', () => {
    expect(zonedInputToIso('', 'Asia/Shanghai')).toBeNull()
    expect(zonedInputToIso('tomorrow', 'Asia/Shanghai')).toBeNull()
    expect(isoToZonedInput('nope', 'Asia/Shanghai')).toBe('')
  })
})
