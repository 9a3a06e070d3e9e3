import { localDate, zonedMidnight } from '../shared/calendar.js'
import type { DemoRandom } from './demo-random.js'

const MINUTE_MS = 60_000
const DAY_MINUTES = 24 * 60

/** When people shop, by local hour: lunch and the evening, a few after midnight. */
const SHOPPING_HOURS = [
  [0, 1],
  [7, 1],
  [8, 2],
  [9, 4],
  [10, 6],
  [11, 7],
  [12, 9],
  [13, 7],
  [14, 6],
  [15, 6],
  [16, 6],
  [17, 6],
  [18, 7],
  [19, 9],
  [20, 11],
  [21, 10],
  [22, 6],
  [23, 3],
] as const

/**
 * The shop's calendar for the demo. The plan counts time in minutes from the local midnight
 * that begins today (negative: days before), the same on every start; `instant` turns those
 * into instants relative to `now`, so the program looks the same whatever day and hour it is
 * started at.
 */
export class DemoCalendar {
  readonly today: string

  constructor(
    readonly now: Date,
    readonly timeZone: string,
  ) {
    this.today = localDate(now, timeZone)
  }

  /** The local date `days` days before today (after it, when negative). */
  date(days: number): string {
    const day = new Date(`${this.today}T00:00:00Z`)
    day.setUTCDate(day.getUTCDate() - days)
    return day.toISOString().slice(0, 10)
  }

  /** The instant `minutes` after the local midnight of the day `days` days before today. */
  at(days: number, minutes: number): Date {
    const date = this.date(days)
    const midnight = zonedMidnight(
      Number(date.slice(0, 4)),
      Number(date.slice(5, 7)),
      Number(date.slice(8, 10)),
      this.timeZone,
    )
    return new Date(midnight.getTime() + minutes * MINUTE_MS)
  }

  /** `HH:MM` on the day `days` from today (ahead when positive): slots and events. */
  ahead(days: number, time: string): Date {
    return this.at(-days, Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)))
  }

  /** A time people shop at on the day `days` days before today, in the plan's minutes. */
  shoppingMinute(random: DemoRandom, days: number): number {
    return -days * DAY_MINUTES + random.weighted(SHOPPING_HOURS) * 60 + random.int(0, 59)
  }

  /**
   * The instant of a minute of the plan. Before today, as it says; today's are squeezed into
   * the part of the day gone by, half an hour short of now (so nothing lies in the future,
   * whatever the hour), and any later one is that latest instant.
   */
  instant(minute: number): Date {
    if (minute < 0) {
      const days = Math.ceil(-minute / DAY_MINUTES)
      return this.at(days, minute + days * DAY_MINUTES)
    }
    const start = this.at(0, 0).getTime()
    const gone = Math.max(this.now.getTime() - 30 * MINUTE_MS - start, 0)
    return new Date(start + Math.floor((Math.min(minute, DAY_MINUTES) / DAY_MINUTES) * gone))
  }
}

/** Whole days before today of a minute of the plan (0: today). */
export function daysBefore(minute: number): number {
  return Math.max(Math.ceil(-minute / DAY_MINUTES), 0)
}
