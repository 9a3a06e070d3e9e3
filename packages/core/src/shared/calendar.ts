import { TZDate } from '@date-fns/tz'
import {
  addMonths as addCalendarMonths,
  addDays,
  addQuarters,
  addWeeks,
  addYears,
  startOfDay,
  startOfISOWeek,
  startOfMonth,
  startOfQuarter,
  startOfYear,
} from 'date-fns'

/*
 * The program's calendar: days, weeks, months and years on the wall clock of its time zone
 * (api.md: "Day", "month", "birthday", "end of year" are taken in the program's `timezone`).
 * Built on date-fns with @date-fns/tz: small, pure functions over `Date`, and a `TZDate` that
 * does wall-clock arithmetic through `Intl`, daylight-saving changes included. Plain `Date`
 * methods would use the server's own time zone, which is never the program's by design; every
 * calendar question in the server and the web app goes through this module instead.
 * No I/O and no clock: instants come in, answers go out.
 */

/** The wall clock of a time zone at an instant. */
export interface LocalTime {
  /** `YYYY-MM-DD` */
  date: string
  /** `YYYY-MM` */
  month: string
  year: number
  /** ISO weekday: Monday 1 … Sunday 7. */
  weekday: number
  hour: number
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

function wallClock(instant: Date, timeZone: string): LocalTime {
  const t = new TZDate(instant.getTime(), timeZone)
  const year = t.getFullYear()
  const month = `${pad(year, 4)}-${pad(t.getMonth() + 1)}`
  return {
    date: `${month}-${pad(t.getDate())}`,
    month,
    year,
    weekday: t.getDay() === 0 ? 7 : t.getDay(),
    hour: t.getHours(),
  }
}

/**
 * Local times already worked out, by time zone and quarter of an hour: every UTC offset in use
 * is a whole number of quarter hours, so the local date, weekday and hour cannot change inside
 * one. Time-zone arithmetic goes through `Intl`, slow enough to show in an order's profile;
 * this keeps it to once a quarter hour per zone on the hot path.
 */
const LOCAL_TIMES = new Map<string, LocalTime>()
const QUARTER_HOUR_MS = 15 * 60 * 1000

/** The wall clock of `timeZone` at `instant`. */
export function localTime(instant: Date, timeZone: string): LocalTime {
  const key = `${timeZone}\u0000${Math.floor(instant.getTime() / QUARTER_HOUR_MS)}`
  const known = LOCAL_TIMES.get(key)
  if (known) return known
  const found = wallClock(instant, timeZone)
  if (LOCAL_TIMES.size >= 10_000) LOCAL_TIMES.clear()
  LOCAL_TIMES.set(key, found)
  return found
}

/** `localTime` without its memory, for checking it. */
export function formatLocalTime(instant: Date, timeZone: string): LocalTime {
  return wallClock(instant, timeZone)
}

/** The day it is at `instant` in `timeZone`, as `YYYY-MM-DD`. */
export function localDate(instant: Date, timeZone: string): string {
  return localTime(instant, timeZone).date
}

/** The year it is at `instant` in `timeZone`. */
export function localYear(instant: Date, timeZone: string): number {
  return localTime(instant, timeZone).year
}

/**
 * The instant the day `year-month-day` begins on the wall clock of `timeZone` (its first
 * instant, where a daylight-saving change skips midnight).
 */
export function zonedMidnight(year: number, month: number, day: number, timeZone: string): Date {
  return new Date(new TZDate(year, month - 1, day, timeZone).getTime())
}

export type CalendarPeriod = 'day' | 'week' | 'month' | 'quarter' | 'year'

const STARTS: Record<CalendarPeriod, (date: TZDate) => TZDate> = {
  day: startOfDay,
  // Weeks start on Monday (ISO 8601), as in China and most of the world.
  week: startOfISOWeek,
  month: startOfMonth,
  quarter: startOfQuarter,
  year: startOfYear,
}

const STEPS: Record<CalendarPeriod, (date: TZDate, n: number) => TZDate> = {
  day: addDays,
  week: addWeeks,
  month: addCalendarMonths,
  quarter: addQuarters,
  year: addYears,
}

/** The first instant of the day, week, month, quarter or year holding `instant`, locally. */
export function periodStart(period: CalendarPeriod, instant: Date, timeZone: string): Date {
  return new Date(STARTS[period](new TZDate(instant.getTime(), timeZone)).getTime())
}

/** The first instant of the period after the one holding `instant`: when a quota resets. */
export function nextPeriodStart(period: CalendarPeriod, instant: Date, timeZone: string): Date {
  const start = STARTS[period](new TZDate(instant.getTime(), timeZone))
  return new Date(STARTS[period](STEPS[period](start, 1)).getTime())
}

/**
 * Adds calendar months to an instant, counted in UTC, keeping the day where the month has it
 * (31 January + 1 month = 28 or 29 February): rolling windows and rolling expiry. Plain UTC
 * arithmetic (date-fns' `addMonths` rule, without a time zone to consult): orders call it for
 * every rolling window, and a `TZDate` in UTC cost a tenth of an order's CPU time.
 */
export function addMonths(instant: Date, months: number): Date {
  const result = new Date(instant.getTime())
  const day = result.getUTCDate()
  result.setUTCDate(1)
  result.setUTCMonth(result.getUTCMonth() + months)
  const lastDay = new Date(
    Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0),
  ).getUTCDate()
  result.setUTCDate(Math.min(day, lastDay))
  return result
}

/**
 * The end of the local day `days` days after the one holding `instant`: the first instant of
 * the day after that one (so an end is exclusive). A coupon "valid for 7 days" issued on 1 March
 * at 10:00 is good to the end of 8 March, and stops at the first instant of 9 March — 00:00, or
 * the instant the clock jumps to where a daylight-saving change skips midnight.
 */
export function endOfDayAfter(instant: Date, days: number, timeZone: string): Date {
  const day = new Date(dayOf(localDate(instant, timeZone)) + (days + 1) * DAY_MS)
  return zonedMidnight(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), timeZone)
}

/** Whole calendar days from one local date (`YYYY-MM-DD`) to another; never negative. */
export function daysBetween(from: string, to: string): number {
  return Math.max(0, Math.round((dayOf(to) - dayOf(from)) / DAY_MS))
}

const DAY_MS = 24 * 60 * 60 * 1000

/** The UTC midnight of a local date: local dates compare as days, whatever their zone. */
function dayOf(date: string): number {
  const day = new Date(0)
  day.setUTCFullYear(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  )
  return day.getTime()
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/**
 * The day of `year` on which a birthday (`YYYY-MM-DD` or `--MM-DD`) falls: a 29 February
 * birthday falls on 28 February in other years.
 */
export function birthdayIn(year: number, birthday: string): string {
  const monthDay = birthday.slice(-5)
  const day = monthDay === '02-29' && !isLeapYear(year) ? '02-28' : monthDay
  return `${pad(year, 4)}-${day}`
}

/** Is the local date `date` (`YYYY-MM-DD`) the member's birthday? */
export function isBirthday(birthday: string | null, date: string): boolean {
  if (!birthday) return false
  return birthdayIn(Number(date.slice(0, 4)), birthday) === date
}

/**
 * The wall clock of `timeZone` at `instant` to the minute, `YYYY-MM-DDTHH:mm`: what an
 * `<input type="datetime-local">` shows for an instant in the program's zone.
 */
export function wallClockMinute(instant: Date, timeZone: string): string {
  const t = new TZDate(instant.getTime(), timeZone)
  return `${pad(t.getFullYear(), 4)}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}T${pad(t.getHours())}:${pad(t.getMinutes())}`
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

/**
 * The instant a wall-clock time (`YYYY-MM-DDTHH:mm[:ss]`) of `timeZone` names; null when the
 * text is not such a time. A time a daylight-saving change skips is read as the instant the
 * clock jumps over it (TZDate's reading).
 */
export function instantOfWallClock(local: string, timeZone: string): Date | null {
  const match = WALL_CLOCK.exec(local)
  if (!match) return null
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as number[]
  const instant = new TZDate(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0, timeZone)
  return Number.isNaN(instant.getTime()) ? null : new Date(instant.getTime())
}
