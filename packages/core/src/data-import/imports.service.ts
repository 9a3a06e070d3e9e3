import { createReadStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import type { DB } from '@loyalbase/db'
import { stringify } from 'csv-stringify/sync'
import type { Kysely } from 'kysely'
import type { ProgramContext } from '../programs/index.js'
import { AppError } from '../shared/app-error.js'
import type { Clock } from '../shared/clock.js'
import { newId } from '../shared/ids.js'
import {
  clampLimit,
  decodeCursor,
  type Page,
  type PageRequest,
  toPage,
} from '../shared/pagination.js'
import type { DataImportService, ImportReject } from './data-import.service.js'
import type { ImportKind } from './import-rows.js'
import {
  IMPORT_HEARTBEAT_MS,
  type ImportRejectResource,
  type ImportResource,
  presentImport,
} from './imports.js'
import {
  findImport,
  insertImport,
  insertRejects,
  listImports,
  listRejects,
  updateImport,
} from './imports.repository.js'

export interface ImportLogger {
  error(obj: object, msg: string): void
}

/*
 * Imports started over HTTP (the console's import page): the uploaded file, spooled to a file of
 * its own by the route, is imported in the background by the same run as `loyalbase import`; its
 * progress and rejected records are kept in the database for the page to show and download.
 */
export function createImportsService(
  db: Kysely<DB>,
  clock: Clock,
  deps: { dataImport: DataImportService },
) {
  const running = new Set<Promise<unknown>>()

  async function importOf(program: ProgramContext, id: string) {
    const row = await findImport(db, program.id, id)
    if (!row) throw AppError.notFound('Import')
    return row
  }

  async function execute(program: ProgramContext, id: string, kind: ImportKind, path: string) {
    let n = 0
    let buffered: ImportReject[] = []
    let reported = 0
    // Progress writes one after another, the last before the final one: counts never go back.
    let writing: Promise<unknown> = Promise.resolve()
    const flushRejects = async () => {
      const rows = buffered.map((r) => ({
        program_id: program.id,
        import_id: id,
        n: ++n,
        line: r.line,
        error: r.error,
        record: stringify([r.cells]).trimEnd(),
      }))
      buffered = []
      await insertRejects(db, rows)
    }
    try {
      const summary = await deps.dataImport.run(program, kind, createReadStream(path), {
        onReject: async (reject) => {
          buffered.push(reject)
          if (buffered.length >= 500) await flushRejects()
        },
        onProgress: (p) => {
          const now = Date.now()
          if (now - reported < Math.min(1_000, IMPORT_HEARTBEAT_MS)) return
          reported = now
          const counts = {
            bytes_read: p.bytes,
            records: p.records,
            imported: p.imported,
            unchanged: p.unchanged,
            rejected: p.rejected,
          }
          writing = writing.then(() => updateImport(db, program.id, id, counts)).catch(() => {})
        },
      })
      await flushRejects()
      await writing
      await updateImport(db, program.id, id, {
        status: 'done',
        bytes_read: summary.bytes,
        records: summary.records,
        imported: summary.imported,
        unchanged: summary.unchanged,
        rejected: summary.rejected,
        finished_at: clock.now(),
      })
    } catch (error) {
      await flushRejects().catch(() => undefined)
      await writing
      await updateImport(db, program.id, id, {
        status: 'failed',
        error: error instanceof Error ? error.message : String(error),
        finished_at: clock.now(),
      })
    } finally {
      await rm(path, { force: true })
    }
  }

  return {
    /**
     * Starts importing the file at `path` (the upload, `bytes` long, which the import then
     * deletes) and answers at once with the running import.
     */
    async start(
      program: ProgramContext,
      kind: ImportKind,
      upload: { path: string; bytes: number; fileName?: string },
    ): Promise<ImportResource> {
      const row = await insertImport(db, {
        program_id: program.id,
        id: newId('imp'),
        kind,
        file_name: upload.fileName ?? null,
        bytes_total: upload.bytes,
        created_at: clock.now(),
      })
      const work = execute(program, row.id, kind, upload.path)
      running.add(work)
      void work.finally(() => running.delete(work))
      return presentImport(row, clock.now())
    },

    async get(program: ProgramContext, id: string): Promise<ImportResource> {
      return presentImport(await importOf(program, id), clock.now())
    },

    async list(program: ProgramContext, query: PageRequest): Promise<Page<ImportResource>> {
      const limit = clampLimit(query.limit)
      const rows = await listImports(db, program.id, {
        beforeId: decodeCursor(query.cursor),
        limit: limit + 1,
      })
      const now = clock.now()
      return toPage(rows, limit, (row) => presentImport(row, now))
    },

    /** The first `limit` rejected records (by the order they were found). */
    async rejects(
      program: ProgramContext,
      id: string,
      limit: number,
    ): Promise<{ data: ImportRejectResource[]; total: number }> {
      const row = await importOf(program, id)
      const rows = await listRejects(db, program.id, id, { afterN: 0, limit: clampLimit(limit) })
      return {
        data: rows.map(({ line, error, record }) => ({ line, error, record })),
        total: row.rejected,
      }
    },

    /**
     * Every rejected record as CSV (`line,error,record`), a page at a time; a byte-order mark
     * first, so that a spreadsheet opens the Chinese in it as UTF-8.
     */
    async *rejectsCsv(program: ProgramContext, id: string): AsyncGenerator<string> {
      await importOf(program, id)
      yield `\uFEFF${stringify([['line', 'error', 'record']])}`
      let after = 0
      for (;;) {
        const rows = await listRejects(db, program.id, id, { afterN: after, limit: 5_000 })
        if (rows.length === 0) return
        yield stringify(rows.map((r) => [r.line, r.error, r.record]))
        after = rows.at(-1)?.n ?? after
      }
    },

    /** Resolves when every running import has finished (shutting down, tests). */
    async settle(): Promise<void> {
      while (running.size > 0) await Promise.all(running)
    },
  }
}

export type ImportsService = ReturnType<typeof createImportsService>
