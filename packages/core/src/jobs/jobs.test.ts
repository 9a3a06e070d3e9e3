import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { latestSlot } from './jobs.js'

describe('latestSlot', () => {
  it('reads the schedule in the program’s time zone', () => {
    // 03:30 in Shanghai (UTC+8) is 19:30 UTC the day before.
    expect(
      latestSlot('30 3 * * *', 'Asia/Shanghai', new Date('2026-05-12T10:00:00Z')).toISOString(),
    ).toBe('2026-05-11T19:30:00.000Z')
    expect(latestSlot('30 3 * * *', 'UTC', new Date('2026-05-12T10:00:00Z')).toISOString()).toBe(
      '2026-05-12T03:30:00.000Z',
    )
  })

  it('includes a slot that falls exactly now', () => {
    expect(latestSlot('0 0 * * *', 'UTC', new Date('2026-05-12T00:00:00Z')).toISOString()).toBe(
      '2026-05-12T00:00:00.000Z',
    )
  })

  it('is never after now and the next daily slot is within a day of it', () => {
    const moments = fc.date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2100-01-01T00:00:00Z'),
      noInvalidDate: true,
    })
    fc.assert(
      fc.property(
        moments,
        fc.constantFrom('Asia/Shanghai', 'America/New_York', 'UTC', 'Europe/Berlin'),
        (now, tz) => {
          const slot = latestSlot('30 3 * * *', tz, now)
          expect(slot.getTime()).toBeLessThanOrEqual(now.getTime())
          // Allow for a daylight-saving day of 25 hours.
          expect(now.getTime() - slot.getTime()).toBeLessThanOrEqual(25 * 60 * 60 * 1000)
        },
      ),
      { numRuns: 200 },
    )
  })
})
