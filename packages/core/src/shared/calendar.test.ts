import { TZDate } from '@date-fns/tz'
import {
  addDays,
  addMonths as dateFnsAddMonths,
  differenceInCalendarDays,
  startOfDay,
} from 'date-fns'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addMonths,
  birthdayIn,
  daysBetween,
  endOfDayAfter,
  formatLocalTime,
  instantOfWallClock,
  isBirthday,
  localDate,
  localTime,
  nextPeriodStart,
  periodStart,
  wallClockMinute,
  zonedMidnight,
} from './calendar.js'

const ZONES = [
  'Asia/Shanghai',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'America/New_York',
  'America/Santiago',
  'Europe/London',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'UTC',
]
const instant = fc
  .integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) })
  .map((ms) => new Date(ms))

/** What `Intl` says the wall clock reads: the oracle. */
function wall(at: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      weekday: 'short',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  )
  return parts as Record<string, string>
}

describe('calendar', () => {
  it('reads the wall clock as Intl does, from memory or not', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, (zone, at) => {
        const w = wall(at, zone)
        const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
        const expected = {
          date: `${w.year}-${w.month}-${w.day}`,
          month: `${w.year}-${w.month}`,
          year: Number(w.year),
          weekday: days.indexOf(w.weekday as string) + 1,
          hour: Number(w.hour),
        }
        expect(formatLocalTime(at, zone)).toEqual(expected)
        expect(localTime(at, zone)).toEqual(expected)
      }),
      { numRuns: 1000 },
    )
  })

  it('starts every period at a local midnight that holds the instant, and the next after it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.constantFrom('day', 'week', 'month', 'quarter', 'year' as const),
        instant,
        (zone, period, at) => {
          const start = periodStart(period, at, zone)
          const next = nextPeriodStart(period, at, zone)
          expect(start.getTime()).toBeLessThanOrEqual(at.getTime())
          expect(next.getTime()).toBeGreaterThan(at.getTime())
          // The instant before the start is in the previous period, the start is in this one.
          expect(periodStart(period, new Date(start.getTime() - 1), zone).getTime()).toBeLessThan(
            start.getTime(),
          )
          expect(periodStart(period, next, zone).getTime()).toBe(next.getTime())
          if (period === 'month') expect(localDate(start, zone).slice(8)).toBe('01')
          if (period === 'week') expect(localTime(start, zone).weekday).toBe(1)
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('finds the first instant of a day, daylight-saving changes included', () => {
    expect(zonedMidnight(2026, 1, 1, 'Asia/Shanghai').toISOString()).toBe(
      '2025-12-31T16:00:00.000Z',
    )
    expect(zonedMidnight(2026, 3, 8, 'America/New_York').toISOString()).toBe(
      '2026-03-08T05:00:00.000Z',
    )
    expect(zonedMidnight(2026, 3, 9, 'America/New_York').toISOString()).toBe(
      '2026-03-09T04:00:00.000Z',
    )
    // Santiago skips midnight when summer time starts (2026-09-06): the day begins at 01:00.
    expect(
      localTime(zonedMidnight(2026, 9, 6, 'America/Santiago'), 'America/Santiago'),
    ).toMatchObject({
      date: '2026-09-06',
    })
  })

  it('ends the local day n days later at the first instant of the next, DST included', () => {
    // Shanghai: issued 10:00 on 1 March, 7 days: to the end of 8 March, 16:00 UTC.
    expect(endOfDayAfter(new Date('2026-03-01T02:00:00Z'), 7, 'Asia/Shanghai').toISOString()).toBe(
      '2026-03-08T16:00:00.000Z',
    )
    // Issued one second before local midnight still counts that day as the first.
    expect(endOfDayAfter(new Date('2026-03-01T15:59:59Z'), 1, 'Asia/Shanghai').toISOString()).toBe(
      '2026-03-02T16:00:00.000Z',
    )
    // New York, across the spring change (8 March 2026): a 23-hour day.
    expect(
      endOfDayAfter(new Date('2026-03-07T12:00:00Z'), 1, 'America/New_York').toISOString(),
    ).toBe('2026-03-09T04:00:00.000Z')
    // Santiago skips midnight on 6 September 2026: that day begins at 01:00.
    expect(
      wallClockMinute(
        endOfDayAfter(new Date('2026-09-04T15:00:00Z'), 1, 'America/Santiago'),
        'America/Santiago',
      ),
    ).toBe('2026-09-06T01:00')
  })

  it('ends the right local day, at its end, in every zone (checked against date-fns)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        instant,
        fc.integer({ min: 1, max: 3650 }),
        (zone, at, days) => {
          const end = endOfDayAfter(at, days, zone)
          const before = new Date(end.getTime() - 1)
          expect(end.getTime()).toBeGreaterThan(at.getTime())
          // The last instant of validity is on the local day `days` days after the issue's…
          expect(daysBetween(localDate(at, zone), localDate(before, zone))).toBe(days)
          // …and the end is the first instant of the day after it.
          expect(daysBetween(localDate(at, zone), localDate(end, zone))).toBe(days + 1)
          expect(periodStart('day', end, zone).getTime()).toBe(end.getTime())
          const oracle = startOfDay(addDays(new TZDate(at.getTime(), zone), days + 1))
          expect(end.getTime()).toBe(oracle.getTime())
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('adds months in UTC, keeping the day where the month has it', () => {
    expect(addMonths(new Date('2026-01-31T10:00:00Z'), 1).toISOString()).toBe(
      '2026-02-28T10:00:00.000Z',
    )
    expect(addMonths(new Date('2024-01-31T10:00:00Z'), 1).toISOString()).toBe(
      '2024-02-29T10:00:00.000Z',
    )
    expect(addMonths(new Date('2026-03-31T10:00:00Z'), -1).toISOString()).toBe(
      '2026-02-28T10:00:00.000Z',
    )
    expect(addMonths(new Date('2026-05-15T23:30:00Z'), 12).toISOString()).toBe(
      '2027-05-15T23:30:00.000Z',
    )
  })

  it('counts days between local dates and finds birthdays, 29 February included', () => {
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2)
    expect(daysBetween('2026-03-01', '2026-02-27')).toBe(0)
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366)
    expect(birthdayIn(2026, '2000-02-29')).toBe('2026-02-28')
    expect(birthdayIn(2028, '--02-29')).toBe('2028-02-29')
    expect(isBirthday('1990-05-17', '2026-05-17')).toBe(true)
    expect(isBirthday('--02-29', '2026-02-28')).toBe(true)
    expect(isBirthday('--02-29', '2028-02-28')).toBe(false)
    expect(isBirthday(null, '2026-05-17')).toBe(false)
  })
})

describe('wall-clock inputs (the web app’s datetime-local fields)', () => {
  it('reads an instant as the wall clock of the zone, to the minute', () => {
    expect(wallClockMinute(new Date('2026-03-01T02:00:00Z'), 'Asia/Shanghai')).toBe(
      '2026-03-01T10:00',
    )
    expect(wallClockMinute(new Date('2026-07-01T16:30:59Z'), 'America/New_York')).toBe(
      '2026-07-01T12:30',
    )
  })

  it('turns a wall clock of the zone into its instant, on both sides of a DST change', () => {
    expect(instantOfWallClock('2026-03-01T10:00', 'Asia/Shanghai')?.toISOString()).toBe(
      '2026-03-01T02:00:00.000Z',
    )
    expect(instantOfWallClock('2026-01-15T09:00', 'America/New_York')?.toISOString()).toBe(
      '2026-01-15T14:00:00.000Z',
    )
    expect(instantOfWallClock('2026-07-15T09:00:30', 'America/New_York')?.toISOString()).toBe(
      '2026-07-15T13:00:30.000Z',
    )
    // 02:30 does not exist in New York on 8 March 2026: read as the instant the clock jumps.
    expect(instantOfWallClock('2026-03-08T02:30', 'America/New_York')?.toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    )
  })

  it('rejects what is not a wall-clock time', () => {
    expect(instantOfWallClock('', 'Asia/Shanghai')).toBeNull()
    expect(instantOfWallClock('tomorrow', 'Asia/Shanghai')).toBeNull()
  })

  it('round-trips every minute it can show', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom('Asia/Shanghai', 'America/New_York', 'Europe/London', 'UTC'),
        (instant, zone) => {
          const minute = new Date(Math.floor(instant.getTime() / 60_000) * 60_000)
          const shown = wallClockMinute(minute, zone)
          const back = instantOfWallClock(shown, zone)
          // The repeated hour of an autumn change shows twice; both readings show the same.
          expect(back && wallClockMinute(back, zone)).toBe(shown)
        },
      ),
    )
  })
})

describe('the UTC arithmetic of the hot path agrees with date-fns', () => {
  const instants = fc.date({
    min: new Date('1970-01-01T00:00:00Z'),
    max: new Date('2999-12-31T23:59:59Z'),
    noInvalidDate: true,
  })

  it('addMonths is date-fns addMonths in UTC', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: -240, max: 240 }), (instant, months) => {
        const expected = dateFnsAddMonths(new TZDate(instant.getTime(), 'UTC'), months)
        expect(addMonths(instant, months).getTime()).toBe(expected.getTime())
      }),
    )
  })

  it('daysBetween is date-fns differenceInCalendarDays, never negative', () => {
    fc.assert(
      fc.property(instants, instants, (a, b) => {
        const from = a.toISOString().slice(0, 10)
        const to = b.toISOString().slice(0, 10)
        const expected = differenceInCalendarDays(
          new TZDate(b.getTime(), 'UTC'),
          new TZDate(a.getTime(), 'UTC'),
        )
        expect(daysBetween(from, to)).toBe(Math.max(0, expected))
      }),
    )
  })
})
