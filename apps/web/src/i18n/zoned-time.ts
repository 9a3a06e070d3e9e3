import { instantOfWallClock, wallClockMinute } from '@loyalbase/core/calendar'

/*
 * Wall-clock times in the program's time zone, for `<input type="datetime-local">`: the engine
 * counts days in the program's zone, so a rule's start and end are typed in that zone whatever
 * the operator's browser says. The arithmetic is the server's own calendar module.
 */

/** `2026-03-01T02:00:00Z` in `Asia/Shanghai` → `2026-03-01T10:00`. */
export function isoToZonedInput(iso: string, timeZone: string): string {
  const instant = Date.parse(iso)
  if (Number.isNaN(instant)) return ''
  try {
    return wallClockMinute(new Date(instant), timeZone)
  } catch {
    return iso.slice(0, 16)
  }
}

/** `2026-03-01T10:00` in `Asia/Shanghai` → `2026-03-01T02:00:00.000Z`; null if not a time. */
export function zonedInputToIso(local: string, timeZone: string): string | null {
  try {
    return instantOfWallClock(local, timeZone)?.toISOString() ?? null
  } catch {
    return instantOfWallClock(local, 'UTC')?.toISOString() ?? null
  }
}
