import { formatDifference, formatSummary, type LedgerCheckReport } from '@loyalbase/core'
import type { TestApp } from './test-app.js'

/**
 * Runs `ledger check` on the test app's database (every program) and throws, listing each
 * difference, unless every balance, lot and counter agrees with the ledger.
 */
export async function expectLedgerConsistent(t: TestApp): Promise<LedgerCheckReport> {
  const report = await t.services.ledgerCheck.check()
  if (report.differences.length > 0) {
    const lines = report.differences.map((d) => `  ${formatDifference(d)}`)
    throw new Error(`ledger check: ${formatSummary(report)}\n${lines.join('\n')}`)
  }
  return report
}
