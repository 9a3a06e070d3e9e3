// RFC 3339: a date, a time and a zone, so that the instant never depends on where the CLI runs.
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/

/** Reads `--as-of`: an ISO 8601 time with a zone; undefined when it is not one. */
export function parseAsOf(text: string): Date | undefined {
  const match = TIMESTAMP.exec(text.trim())
  if (!match) return undefined
  const at = new Date(text.trim())
  if (Number.isNaN(at.getTime())) return undefined
  const [, year, month, day, hour, minute, second = '00', zone, offsetHours, offsetMinutes] = match
  // Date rolls 2025-02-30 over into March; the wall-clock fields must survive the round trip.
  const sign = zone?.startsWith('-') ? -1 : 1
  const offsetMs =
    zone === 'Z' ? 0 : sign * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000
  const wallClock = new Date(at.getTime() + offsetMs).toISOString()
  const expected = `${year}-${month}-${day}T${hour}:${minute}:${second}`
  return wallClock.startsWith(expected) ? at : undefined
}
