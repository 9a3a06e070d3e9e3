/* The transfer scenario's row and sizes: apart from the scenario, so that bench.ts may name them. */

export interface TransferRow {
  engine: string
  step: 'import members' | 'import orders' | 'export ledger'
  rows: number
  seconds: number
  rowsPerSecond: number
  /** Rows per second the issue asks for at 1,000,000 rows, on this engine. */
  target: number | null
  /** The process's RSS growth while exporting (MB): flat means constant memory. */
  rssGrowthMb?: number
  /** Every record imported and none rejected, the ledger's rows as many as the orders'. */
  exact: boolean
}

/** Orders imported when `--import-orders` is not given: a minute's work or so on each engine. */
export const DEFAULT_IMPORT_ORDERS = { pglite: 20_000, postgres: 100_000 } as const
/** The import targets of issue 18 (rows per second at 1,000,000 orders). */
export const IMPORT_TARGETS = { pglite: 2_000, postgres: 10_000 } as const
