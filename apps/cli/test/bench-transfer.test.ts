import { describe, expect, it } from 'vitest'
import { bench, table } from './bench.support.js'

// A smoke test with a tiny file: the transfer scenario imports every record and exports every
// ledger entry; how fast is the bench's to print, never the test's to judge.

describe('loyalbase bench --scenarios transfer', () => {
  it('imports members and orders and exports the ledger, every row accounted for', async () => {
    const outcome = await bench(['--scenarios', 'transfer', '--import-orders', '200'])
    expect(outcome.code, outcome.stderr).toBe(0)
    const rows = table(outcome.stdout, 'Import and export') ?? []
    expect(rows.map((row) => [row.step, row.rows, row.check])).toEqual([
      ['import members', '50', 'OK'],
      ['import orders', '200', 'OK'],
      ['export ledger', '200', 'OK'],
    ])
    expect(rows[1]?.['target rows/s']).toMatch(/^(2,000|10,000)$/)
    expect(Number(rows[2]?.['RSS growth MB'])).toBeGreaterThanOrEqual(0)
  }, 120_000)
})
