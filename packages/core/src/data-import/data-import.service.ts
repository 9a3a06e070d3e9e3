import type { Readable } from 'node:stream'
import type { MembersService } from '../members/index.js'
import type { OrdersService } from '../orders/index.js'
import type { ProgramContext } from '../programs/index.js'
import { AppError } from '../shared/app-error.js'
import { zonedMidnight } from '../shared/calendar.js'
import { type CsvFault, type CsvRecord, csvRecords } from './csv-records.js'
import {
  cellsOf,
  columnIndex,
  type ImportKind,
  memberInput,
  type OrderLine,
  orderLine,
  orderOf,
  RowError,
} from './import-rows.js'

export interface ImportReject {
  /** The file's line the record starts on (the header is line 1). */
  line: number
  error: string
  cells: string[]
}

export interface ImportProgress {
  /** Lines read (past the header and any skipped by `afterLine`). */
  records: number
  bytes: number
  imported: number
  unchanged: number
  rejected: number
}

export interface ImportSummary extends ImportProgress {
  /** Every record up to this line is done: a run started again may begin after it. */
  last_line: number
}

export interface ImportOptions {
  /** Records on lines up to this one were done by an earlier run: skipped unread by the API. */
  afterLine?: number
  /** Requests in flight at once (a member's orders always go one after another, in file order). */
  concurrency?: number
  onReject(reject: ImportReject): void | Promise<void>
  onProgress?(progress: ImportProgress): void
  /** Called as lines are done for good (after each batch): where a later run may resume. */
  onCheckpoint?(line: number): void | Promise<void>
}

/** Records started together; their last line becomes the checkpoint when all are done. */
const BATCH = 2_000
/** Records imported before the first refresh of the statistics; then at every doubling. */
const FIRST_ANALYZE = 4_000

type Outcome = 'imported' | 'unchanged'

interface Task {
  line: number
  cells: string[]
  /** Orders of one member run in file order: its chain. */
  chain?: string
  run(): Promise<Outcome>
}

function rejection(error: unknown): string {
  if (error instanceof RowError) return error.message
  if (error instanceof AppError) {
    if (error.code === 'not_found' && error.message.startsWith('Member'))
      return 'member: there is no such member in the program'
    return error.message
  }
  throw error
}

/*
 * `loyalbase import members|orders`: a CSV file read as a stream, each record through the same
 * use case as the API (members.create, orders.create: the same earning, tiers, coupons, events),
 * many at once, a member's orders in file order. Idempotent: a member that exists, or an order
 * already imported with the same cells, is counted unchanged; an order id imported with other
 * cells is a rejected record. Bad records are reported with their line and do not stop the rest.
 */
export function createDataImportService(deps: {
  members: MembersService
  orders: OrdersService
  /** Refreshes the planner's statistics of the tables an import fills (data-import.repository.ts). */
  analyze: () => Promise<void>
}) {
  return {
    async run(
      program: ProgramContext,
      kind: ImportKind,
      source: Readable,
      options: ImportOptions,
    ): Promise<ImportSummary> {
      const concurrency = options.concurrency ?? 64
      const startOfDay = (date: string) => {
        const [y, m, d] = date.split('-').map(Number) as [number, number, number]
        return zonedMidnight(y, m, d, program.timezone).toISOString()
      }
      const progress: ImportProgress = {
        records: 0,
        bytes: 0,
        imported: 0,
        unchanged: 0,
        rejected: 0,
      }
      let lastLine = options.afterLine ?? 1
      let lastRead = lastLine
      let index: Map<string, number> | undefined
      let width = 0
      let batch: Task[] = []
      let pendingOrder: OrderLine[] = []
      let pendingRecords: CsvRecord[] = []
      let analyzeAt = FIRST_ANALYZE

      const reject = async (line: number, error: string, cells: string[]) => {
        progress.rejected++
        await options.onReject({ line, error, cells })
      }

      async function runBatch(upTo: number) {
        const tasks = batch
        batch = []
        const chains = new Map<string, Promise<unknown>>()
        let running = 0
        let wake: (() => void) | undefined
        const settle = async (task: Task) => {
          try {
            progress[await task.run()]++
          } catch (error) {
            await reject(task.line, rejection(error), task.cells)
          } finally {
            running--
            const w = wake
            wake = undefined
            w?.()
          }
        }
        for (const task of tasks) {
          while (running >= concurrency) await new Promise<void>((r) => (wake = r))
          running++
          const before = task.chain ? chains.get(task.chain) : undefined
          const done = before ? before.then(() => settle(task)) : settle(task)
          if (task.chain) chains.set(task.chain, done)
          else chains.set(`#${task.line}`, done)
        }
        await Promise.all(chains.values())
        // A big import grows its tables many times over while it runs. The statements that read
        // them were planned for the sizes the statistics knew (an empty table at first, on an
        // embedded database that never analyses by itself): refreshed at every doubling, so that
        // each order's snapshot stays an index lookup instead of a scan that grows with the file.
        if (progress.imported >= analyzeAt) {
          await deps.analyze()
          analyzeAt = progress.imported * 2
        }
        lastLine = upTo
        options.onProgress?.(progress)
        await options.onCheckpoint?.(upTo)
      }

      function orderTask(lines: OrderLine[], records: CsvRecord[]): Task | undefined {
        const first = records[0]
        if (!first) return undefined
        let input: ReturnType<typeof orderOf>
        try {
          input = orderOf(lines)
        } catch (error) {
          return {
            line: first.line,
            cells: first.cells,
            run: () => Promise.reject(error),
          }
        }
        return {
          line: first.line,
          cells: first.cells,
          chain: input.member,
          run: async () =>
            (await deps.orders.create(program, input)).replayed ? 'unchanged' : 'imported',
        }
      }

      const flushOrder = () => {
        const task = orderTask(pendingOrder, pendingRecords)
        if (task) batch.push(task)
        pendingOrder = []
        pendingRecords = []
      }

      for await (const item of csvRecords(source)) {
        if ('message' in item) {
          const fault = item as CsvFault
          await reject(fault.line, `the file cannot be read from here on: ${fault.message}`, [])
          break
        }
        progress.bytes = item.bytes
        if (!index) {
          try {
            index = columnIndex(kind, item.cells)
          } catch (error) {
            throw new AppError(
              'invalid_request',
              `line 1: ${error instanceof Error ? error.message : error}`,
            )
          }
          width = item.cells.length
          continue
        }
        if (item.line <= (options.afterLine ?? 0)) continue
        progress.records++
        lastRead = item.line
        // The bytes read move the bar between batches; the counts move when a batch is done.
        if (progress.records % 250 === 0) options.onProgress?.(progress)
        let cells: Map<string, string>
        try {
          cells = cellsOf(item.cells, index, width)
        } catch (error) {
          await reject(item.line, rejection(error), item.cells)
          continue
        }
        if (kind === 'members') {
          try {
            const input = memberInput(cells, startOfDay)
            batch.push({
              line: item.line,
              cells: item.cells,
              run: async () => {
                try {
                  await deps.members.create(program, input)
                  return 'imported'
                } catch (error) {
                  if (error instanceof AppError && error.code === 'member_exists')
                    return 'unchanged'
                  throw error
                }
              },
            })
          } catch (error) {
            await reject(item.line, rejection(error), item.cells)
          }
        } else {
          let line: OrderLine
          try {
            line = orderLine(item.line, cells, startOfDay)
          } catch (error) {
            await reject(item.line, rejection(error), item.cells)
            continue
          }
          // Consecutive lines with one id are one order's items.
          if (pendingOrder.length > 0 && pendingOrder[0]?.order.id !== line.order.id) flushOrder()
          pendingOrder.push(line)
          pendingRecords.push(item)
        }
        // Done for good once the batch is: every line before the order still being read.
        if (batch.length >= BATCH) await runBatch((pendingRecords[0]?.line ?? item.line + 1) - 1)
      }
      if (pendingOrder.length > 0) flushOrder()
      await runBatch(lastRead)
      return { ...progress, last_line: lastLine }
    },
  }
}

export type DataImportService = ReturnType<typeof createDataImportService>
