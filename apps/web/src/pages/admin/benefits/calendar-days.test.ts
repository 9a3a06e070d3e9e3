import { describe, expect, it } from 'vitest'
import { addDays, dayAndTime, daysShown, mondayOf, rangeOf, todayIn } from './calendar-days'

describe('the appointment calendar’s days', () => {
  it('moves across months and years, and finds the Monday of a week', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31')
    expect(mondayOf('2026-03-01')).toBe('2026-02-23') // a Sunday
    expect(mondayOf('2026-03-02')).toBe('2026-03-02')
    expect(daysShown('2026-03-04', 'week')).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
    ])
    expect(daysShown('2026-03-04', 'day')).toEqual(['2026-03-04'])
  })

  it('reads days on the program’s wall clock', () => {
    expect(rangeOf(['2026-03-02', '2026-03-03'], 'Asia/Shanghai')).toEqual({
      from: '2026-03-01T16:00:00.000Z',
      to: '2026-03-03T16:00:00.000Z',
    })
    expect(dayAndTime('2026-03-01T17:30:00Z', 'Asia/Shanghai')).toEqual({
      day: '2026-03-02',
      time: '01:30',
    })
    expect(todayIn('Asia/Shanghai', new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02')
  })
})
