/**
 * Wall-clock times in a named time zone, for `<input type="datetime-local">`. The engine
 * counts days in the program's zone, so a rule's start and end are typed in that zone
 * whatever the operator's browser says. Pure functions over Intl; no time-zone library.
 */

const FORMATS = new Map<string, Intl.DateTimeFormat>()

function wallClock(instant: number, timeZone: string) {
  let format = FORMATS.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    FORMATS.set(timeZone, format)
  }
  const parts: Record<string, number> = {}
  for (const part of format.formatToParts(instant)) parts[part.type] = Number(part.value)
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  }
}

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone)
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  return asUtc - (instant - (((instant % 1000) + 1000) % 1000))
}

const pad = (value: number) => String(value).padStart(2, '0')

/** `2026-03-01T02:00:00Z` in `Asia/Shanghai` → `2026-03-01T10:00`. */
export function isoToZonedInput(iso: string, timeZone: string): string {
  const instant = Date.parse(iso)
  if (Number.isNaN(instant)) return ''
  try {
    const w = wallClock(instant, timeZone)
    return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`
  } catch {
    return iso.slice(0, 16)
  }
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

/** `2026-03-01T10:00` in `Asia/Shanghai` → `2026-03-01T02:00:00.000Z`; null if not a time. */
export function zonedInputToIso(local: string, timeZone: string): string | null {
  const match = LOCAL.exec(local)
  if (!match) return null
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[]
  const wall = Date.UTC(
    y ?? 0,
    (mo ?? 1) - 1,
    d ?? 1,
    h ?? 0,
    mi ?? 0,
    Number.isNaN(s) ? 0 : (s ?? 0),
  )
  try {
    // Guess with the offset at the wall time, then correct once for a DST change between.
    const guess = wall - offsetAt(wall, timeZone)
    return new Date(wall - offsetAt(guess, timeZone)).toISOString()
  } catch {
    return new Date(wall).toISOString()
  }
}
