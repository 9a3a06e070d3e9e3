import { instantOfWallClock, wallClockMinute } from '@loyalbase/core/calendar'

/*
 * The appointment calendar's days, on the program's wall clock: a day is `YYYY-MM-DD` there,
 * a week runs Monday to Sunday, and a slot belongs to the day it starts on.
 */

export type CalendarMode = 'day' | 'week'

/** `date` moved by `n` days (calendar arithmetic on the date alone, no time zone involved). */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10)
}

/** The Monday of `date`'s week. */
export function mondayOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7
  return addDays(date, -weekday)
}

/** The days shown around `anchor`: the day itself, or its week. */
export function daysShown(anchor: string, mode: CalendarMode): string[] {
  if (mode === 'day') return [anchor]
  const monday = mondayOf(anchor)
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i))
}

/** The instants the shown days run over, `[from, to)`, in the program's zone. */
export function rangeOf(days: string[], timeZone: string): { from: string; to: string } {
  const first = days[0] as string
  const after = addDays(days.at(-1) as string, 1)
  const start = (day: string) =>
    (instantOfWallClock(`${day}T00:00`, timeZone) ?? new Date(`${day}T00:00:00Z`)).toISOString()
  return { from: start(first), to: start(after) }
}

/** Today in the program's zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  return wallClockMinute(now, timeZone).slice(0, 10)
}

/** The day (in the program's zone) an instant falls on, and its time of day `HH:mm`. */
export function dayAndTime(iso: string, timeZone: string): { day: string; time: string } {
  const wall = wallClockMinute(new Date(iso), timeZone)
  return { day: wall.slice(0, 10), time: wall.slice(11, 16) }
}
