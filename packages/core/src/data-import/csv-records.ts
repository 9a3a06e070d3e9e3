import type { Readable } from 'node:stream'
import { parse } from 'csv-parse'

/** One record of a CSV file, with the line it starts on (the header is line 1). */
export interface CsvRecord {
  line: number
  cells: string[]
  /** Bytes of the file read so far, for progress. */
  bytes: number
}

/** What stopped the file being read: a quote left open swallows the rest of it. */
export interface CsvFault {
  line: number
  message: string
}

/**
 * The records of a CSV stream, read as they come (a well-kept parser, RFC 4180 quoting, a BOM
 * dropped, empty lines skipped). Records of any width are passed on: the caller judges the
 * column count. A fault the parser cannot read past ends the records with a `fault`.
 */
export async function* csvRecords(source: Readable): AsyncGenerator<CsvRecord | CsvFault> {
  const parser = source.pipe(
    parse({
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
      raw: true,
    }),
  )
  try {
    for await (const { record, info, raw } of parser as AsyncIterable<{
      record: string[]
      info: { lines: number; bytes: number }
      raw: string
    }>) {
      // `lines` is where the record ends; a quoted field may span lines.
      const inside = (raw.replace(/\r?\n$/, '').match(/\n/g) ?? []).length
      yield { line: info.lines - inside, cells: record, bytes: info.bytes }
    }
  } catch (error) {
    const e = error as { message?: string; lines?: number }
    yield { line: e.lines ?? 0, message: e.message ?? String(error) }
  } finally {
    source.destroy()
  }
}
