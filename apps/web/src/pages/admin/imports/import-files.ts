import { type Import, type ImportKind, MAX_IMPORT_BYTES } from '../../../api/imports'

/*
 * What the import page knows of the files themselves (docs/import-export.md): the columns of each
 * kind, a template to start from, what is refused before uploading, and how an import reads.
 */

/** The columns of each kind, in the order the template writes them. */
export const IMPORT_COLUMNS: Record<
  ImportKind,
  { required: readonly string[]; optional: readonly string[] }
> = {
  members: {
    required: ['external_id', 'name', 'phone', 'email', 'birthday', 'joined_at'],
    optional: [],
  },
  orders: {
    required: ['id', 'member', 'amount', 'occurred_at', 'channel', 'sku', 'category', 'quantity'],
    optional: ['unit_price'],
  },
}

/**
 * Records the template carries: valid as they are, so that a first upload of it imports. The
 * orders name the members' external ids; order O1001 has two items (consecutive lines, one id),
 * the second without a price (it gets what the first leaves of the amount); O1002 has none.
 */
const SAMPLES: Record<ImportKind, readonly (readonly string[])[]> = {
  members: [
    ['M0001', '张伟', '13800138000', 'zhang.wei@example.com', '1990-05-01', '2024-01-15'],
    ['M0002', '李娜', '+8613900139000', '', '--08-20', ''],
  ],
  orders: [
    [
      'O1001',
      'M0001',
      '25800',
      '2025-03-01T10:30:00+08:00',
      'store',
      'SKU-SHOE-01',
      'shoes',
      '1',
      '19900',
    ],
    [
      'O1001',
      'M0001',
      '25800',
      '2025-03-01T10:30:00+08:00',
      'store',
      'SKU-SOCK-02',
      'accessories',
      '2',
      '',
    ],
    ['O1002', 'M0002', '9900', '2025-03-02', 'online', '', '', '', ''],
  ],
}

/** One CSV cell, quoted when it must be (RFC 4180). */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

/** A small CSV of the kind: its header and a few valid records. */
export function importTemplate(kind: ImportKind): string {
  const { required, optional } = IMPORT_COLUMNS[kind]
  const rows = [[...required, ...optional], ...SAMPLES[kind]]
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\n')}\n`
}

export function templateFileName(kind: ImportKind): string {
  return `loyalbase-${kind}-template.csv`
}

/** Why a file is not sent at all; the server would refuse it, after the whole upload. */
export type FileProblem = 'empty' | 'tooLarge' | 'notCsv'

export function fileProblem(file: { name: string; size: number }): FileProblem | null {
  if (!/\.csv$/i.test(file.name)) return 'notCsv'
  if (file.size === 0) return 'empty'
  if (file.size > MAX_IMPORT_BYTES) return 'tooLarge'
  return null
}

/** The progress bar's percent: whole, and 100 only once the import is done. */
export function importPercent(item: Pick<Import, 'status' | 'progress'>): number {
  if (item.status === 'done') return 100
  const percent = Math.floor(Math.min(Math.max(item.progress, 0), 1) * 100)
  return Math.min(percent, 99)
}

/** How a finished import reads: all in, some records refused, or stopped. */
export type ImportOutcome = 'running' | 'success' | 'warning' | 'error'

export function importOutcome(item: Pick<Import, 'status' | 'rejected'>): ImportOutcome {
  if (item.status === 'running') return 'running'
  if (item.status === 'failed') return 'error'
  return item.rejected > 0 ? 'warning' : 'success'
}

/** `会员.csv` → `会员-rejects.csv`; an import without a file name by its id. */
export function rejectsFileName(item: Pick<Import, 'id' | 'file_name'>): string {
  const base = item.file_name?.replace(/\.csv$/i, '').trim()
  return `${base || item.id}-rejects.csv`
}
