import type { DB } from '@loyalbase/db'
import type { Kysely } from 'kysely'
import { findProgram } from '../programs/index.js'
import { AppError } from '../shared/app-error.js'
import { type Cell, csvHeader, csvRecords, type ExportKind, orderLines } from './data-export.js'
import { countRows, ledgerPage, memberPage, orderPage } from './data-export.repository.js'

/** Rows read per query: memory holds one page, whatever the program's size. */
const PAGE = 5_000

export interface ExportProgress {
  /** Rows of the table read so far (members, orders or ledger entries). */
  done: number
  total: number
}

/*
 * Streams a program's members, orders or ledger as CSV text, a page at a time, for the command
 * line (`loyalbase export`) or an HTTP response: constant memory, however large the program.
 */
export function createDataExportService(db: Kysely<DB>) {
  async function* pages(programId: string, kind: ExportKind): AsyncGenerator<Cell[][]> {
    if (kind === 'members') {
      let after = ''
      for (;;) {
        const rows = await memberPage(db, programId, after, PAGE)
        if (rows.length === 0) return
        yield rows.map((m) => [
          m.external_id,
          m.name,
          m.phone,
          m.email,
          m.birthday,
          m.joined_at,
          m.id,
          m.tier_key,
          m.points_available,
          m.points_pending,
          m.growth,
          m.lifetime_spend,
          m.orders_count,
          m.referral_code,
          Object.keys(m.attributes ?? {}).length > 0 ? JSON.stringify(m.attributes) : null,
        ])
        after = rows.at(-1)?.id ?? after
      }
    }
    if (kind === 'orders') {
      let after = ''
      for (;;) {
        const rows = await orderPage(db, programId, after, PAGE)
        if (rows.length === 0) return
        yield rows.flatMap(orderLines)
        after = rows.at(-1)?.id ?? after
      }
    }
    let after = { memberId: '', id: '' }
    for (;;) {
      const rows = await ledgerPage(db, programId, after, PAGE)
      if (rows.length === 0) return
      yield rows.map((t) => [
        t.id,
        t.external_id,
        t.member_id,
        t.type,
        t.points,
        t.available_delta,
        t.pending_delta,
        t.balance_after,
        t.pending_after,
        t.source_kind,
        t.source_id,
        t.rule_id,
        t.expires_at,
        t.note,
        t.created_at,
      ])
      const last = rows.at(-1)
      if (last) after = { memberId: last.member_id, id: last.id }
    }
  }

  return {
    /**
     * The CSV of `kind`, header first, in chunks of a page. `onProgress` hears the rows read
     * against the count taken at the start (rows added meanwhile may be included or not).
     */
    async *csv(
      programId: string,
      kind: ExportKind,
      onProgress?: (progress: ExportProgress) => void,
    ): AsyncGenerator<string> {
      if (!(await findProgram(db, programId)))
        throw new AppError('not_found', `There is no program ${programId}.`)
      const total = await countRows(db, programId, kind)
      let done = 0
      onProgress?.({ done, total })
      yield csvHeader(kind)
      for await (const records of pages(programId, kind)) {
        done += kind === 'orders' ? new Set(records.map((r) => r[0])).size : records.length
        yield csvRecords(records)
        onProgress?.({ done, total: Math.max(total, done) })
      }
    },
  }
}

export type DataExportService = ReturnType<typeof createDataExportService>
