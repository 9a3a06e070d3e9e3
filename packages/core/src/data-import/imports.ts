import type { ImportRow } from '@loyalbase/db'
import type { ImportKind } from './import-rows.js'

/** An import started from the console: a file uploaded and imported in the background. */
export interface ImportResource {
  id: string
  kind: ImportKind
  file_name: string | null
  status: 'running' | 'done' | 'failed'
  /** Share of the file read, 0 to 1. */
  progress: number
  bytes_total: number
  bytes_read: number
  records: number
  imported: number
  unchanged: number
  rejected: number
  error: string | null
  created_at: string
  finished_at: string | null
}

export interface ImportRejectResource {
  line: number
  error: string
  record: string
}

/** Uploads larger than this are refused (`413`): the command line takes files of any size. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024

// A running import reports at least this often; one silent for longer was interrupted.
export const IMPORT_HEARTBEAT_MS = 60_000

export function presentImport(row: ImportRow, now: Date): ImportResource {
  const stale =
    row.status === 'running' && now.getTime() - row.updated_at.getTime() > 2 * IMPORT_HEARTBEAT_MS
  return {
    id: row.id,
    kind: row.kind,
    file_name: row.file_name,
    status: stale ? 'failed' : row.status,
    progress:
      row.status === 'done'
        ? 1
        : row.bytes_total > 0
          ? Math.min(row.bytes_read / row.bytes_total, 1)
          : 0,
    bytes_total: row.bytes_total,
    bytes_read: row.bytes_read,
    records: row.records,
    imported: row.imported,
    unchanged: row.unchanged,
    rejected: row.rejected,
    error: stale
      ? 'The import stopped (the server was restarted). Upload the file again: what was imported stays, unchanged.'
      : row.error,
    created_at: row.created_at.toISOString(),
    finished_at: row.finished_at?.toISOString() ?? null,
  }
}
