import type { DB } from '@loyalbase/db'
import type { Kysely } from 'kysely'
import { listMemberIdsAfter } from '../members/index.js'
import { findProgram } from '../programs/index.js'
import { AppError } from '../shared/app-error.js'
import {
  compareLot,
  compareMember,
  compareTransaction,
  type LedgerCheckReport,
} from './ledger-check.js'
import {
  countMembers,
  listProgramIds,
  lotsThatDiffer,
  memberTotals,
  preferHashJoins,
  transactionsThatDiffer,
} from './ledger-check.repository.js'

export interface LedgerCheckOptions {
  /** One program; every program when absent. */
  programId?: string
  /** Members per batch; each batch is read in one snapshot. */
  batchSize?: number
  /** Called after each batch with the members checked so far and the total. */
  onProgress?: (checked: number, total: number) => void
}

const BATCH = 500

/**
 * `ledger check`: recomputes every member's balances and counters, every lot and every running
 * balance from the ledger and reports what differs. Read-only. Members are checked a batch at
 * a time, each batch in one repeatable-read snapshot, so a check beside live traffic sees each
 * member's ledger whole (every use case changes one member in one transaction).
 */
export function createLedgerCheckService(db: Kysely<DB>) {
  return {
    async check(options: LedgerCheckOptions = {}): Promise<LedgerCheckReport> {
      const { programId, batchSize = BATCH, onProgress } = options
      if (programId !== undefined && !(await findProgram(db, programId))) {
        throw new AppError('not_found', `There is no program "${programId}".`)
      }
      const programIds = programId !== undefined ? [programId] : await listProgramIds(db)
      const total = await countMembers(db, programIds)
      const report: LedgerCheckReport = {
        members_checked: 0,
        lots_checked: 0,
        transactions_checked: 0,
        differences: [],
      }
      for (const program of programIds) {
        let after = ''
        for (;;) {
          const ids = await listMemberIdsAfter(db, program, after, batchSize)
          if (ids.length === 0) break
          const range = { programId: program, first: ids[0] as string, last: ids.at(-1) as string }
          await db
            .transaction()
            .setIsolationLevel('repeatable read')
            .execute(async (trx) => {
              await preferHashJoins(trx)
              const members = await memberTotals(trx, range)
              const lots = await lotsThatDiffer(trx, range)
              const transactions = await transactionsThatDiffer(trx, range)
              // Differences come out member by member: the member's figures, its lots, its entries.
              const byMember = new Map(members.map((m) => [m.member_id, compareMember(program, m)]))
              for (const lot of lots) byMember.get(lot.member_id)?.push(...compareLot(program, lot))
              for (const t of transactions) {
                byMember.get(t.member_id)?.push(...compareTransaction(program, t))
              }
              for (const m of members) {
                report.members_checked++
                report.lots_checked += m.lots_count
                report.transactions_checked += m.transactions_count
                report.differences.push(...(byMember.get(m.member_id) ?? []))
              }
            })
          onProgress?.(report.members_checked, total)
          after = range.last
          if (ids.length < batchSize) break
        }
      }
      return report
    },
  }
}

export type LedgerCheckService = ReturnType<typeof createLedgerCheckService>
