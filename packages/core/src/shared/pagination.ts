import { AppError } from './app-error.js'

export const DEFAULT_LIMIT = 20
export const MAX_LIMIT = 100

export interface Page<T> {
  data: T[]
  next_cursor: string | null
}

export interface PageRequest {
  limit?: number
  cursor?: string
}

/** Cursors are opaque to clients: the last id seen, base64url-encoded. */
export function encodeCursor(lastId: string): string {
  return Buffer.from(lastId, 'utf8').toString('base64url')
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined || cursor === '') return undefined
  const value = Buffer.from(cursor, 'base64url').toString('utf8')
  if (!/^[a-z]+_[0-9A-Z]{26}$/.test(value))
    throw AppError.invalid('cursor', 'is not a valid cursor')
  return value
}

export function clampLimit(limit: number | undefined): number {
  return Math.min(Math.max(limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT)
}

/** Rows were fetched with `limit + 1`; the extra row only says there is a next page. */
export function toPage<R extends { id: string }, T>(
  rows: R[],
  limit: number,
  present: (row: R) => T,
): Page<T> {
  const hasMore = rows.length > limit
  const pageRows = hasMore ? rows.slice(0, limit) : rows
  const last = pageRows.at(-1)
  return {
    data: pageRows.map(present),
    next_cursor: hasMore && last ? encodeCursor(last.id) : null,
  }
}

/** A cursor for lists in time order (slots, events): the last row's time and id. */
export function encodeTimeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.getTime()}.${id}`, 'utf8').toString('base64url')
}

export function decodeTimeCursor(cursor: string | undefined): { at: Date; id: string } | undefined {
  if (cursor === undefined || cursor === '') return undefined
  const match = /^(-?\d{1,15})\.([a-z]+_[0-9A-Z]{26})$/.exec(
    Buffer.from(cursor, 'base64url').toString('utf8'),
  )
  if (!match) throw AppError.invalid('cursor', 'is not a valid cursor')
  return { at: new Date(Number(match[1])), id: match[2] as string }
}
