import { describe, expect, it } from 'vitest'
import { report } from './bench.fixtures.js'
import { transferSection } from './transfer.report.js'

describe('the transfer section', () => {
  it('prints each step with its rate, the import target and the export memory', () => {
    const text = transferSection(
      report({
        transfers: [
          {
            engine: 'pg',
            step: 'import members',
            rows: 25_000,
            seconds: 10,
            rowsPerSecond: 2_500,
            target: null,
            exact: true,
          },
          {
            engine: 'pg',
            step: 'import orders',
            rows: 100_000,
            seconds: 25,
            rowsPerSecond: 4_000,
            target: 10_000,
            exact: true,
          },
          {
            engine: 'pg',
            step: 'export ledger',
            rows: 100_000,
            seconds: 2,
            rowsPerSecond: 50_000,
            target: null,
            rssGrowthMb: 3.25,
            exact: false,
          },
        ],
      }),
    )
    const lines = text?.split('\n') ?? []
    expect(lines.find((l) => l.includes('import orders'))).toMatch(
      /100,000 +25\.0 +4000 +10,000 +MISS +- +OK/,
    )
    expect(lines.find((l) => l.includes('export ledger'))).toMatch(/50000 +- +- +3\.3 +FAILED/)
    expect(transferSection(report({}))).toBeUndefined()
  })
})
