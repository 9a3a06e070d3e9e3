import { type Column, formatTable } from '../text-table.js'
import type { BenchReport } from './bench.js'
import type { TransferRow } from './transfer.figures.js'

/* The transfer scenario's section of the bench's stdout: import and export rates, memory, check. */

const COLUMNS: Column<TransferRow>[] = [
  { header: 'engine', value: (row) => row.engine },
  { header: 'step', value: (row) => row.step },
  { header: 'rows', value: (row) => row.rows.toLocaleString('en'), align: 'right' },
  { header: 'seconds', value: (row) => row.seconds.toFixed(1), align: 'right' },
  { header: 'rows/s', value: (row) => row.rowsPerSecond.toFixed(0), align: 'right' },
  {
    header: 'target rows/s',
    value: (row) => (row.target === null ? '-' : row.target.toLocaleString('en')),
    align: 'right',
  },
  {
    header: 'result',
    value: (row) => (row.target === null ? '-' : row.rowsPerSecond >= row.target ? 'PASS' : 'MISS'),
  },
  {
    header: 'RSS growth MB',
    value: (row) => (row.rssGrowthMb === undefined ? '-' : row.rssGrowthMb.toFixed(1)),
    align: 'right',
  },
  { header: 'check', value: (row) => (row.exact ? 'OK' : 'FAILED') },
]

export function transferSection(report: BenchReport): string | undefined {
  if (report.transfers.length === 0) return undefined
  return (
    'Import and export (docs/import-export.md), in the server process as `loyalbase import` / ' +
    '`export` run them: members, then their orders (4 each, a per-yuan rule and a four-tier ' +
    'ladder on) through the API use cases; then the ledger exported to nowhere. Targets are ' +
    "issue 18's for 1,000,000 orders (--import-orders 1000000); check: every record imported, " +
    'none rejected, a ledger line per entry\n' +
    formatTable(COLUMNS, report.transfers)
  )
}
