import type { DB } from '@loyalbase/db'
import type { Kysely } from 'kysely'
import type { OrderWrite } from './order-plan.js'
import { type ApplyResult, applyOrderPlans } from './orders.repository.js'

/**
 * Sends concurrent orders' writes together: while a batch is in the database, the writes that
 * arrive wait, and go as the next batch — one statement and one commit for all of them. Under
 * no load a write goes at once, alone; under load the batches grow by themselves, without a
 * timer. Each answer still waits for its own commit, so nothing is acknowledged early.
 */
export class OrderWriteBatcher {
  private readonly queue: {
    write: OrderWrite
    resolve(result: ApplyResult): void
    reject(error: unknown): void
  }[] = []
  private inFlight = 0

  constructor(
    private readonly db: Kysely<DB>,
    private readonly maxInFlight = 2,
    private readonly maxBatch = 64,
  ) {}

  write(write: OrderWrite): Promise<ApplyResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ write, resolve, reject })
      this.pump()
    })
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch)
      this.inFlight++
      applyOrderPlans(
        this.db,
        batch.map((item) => item.write),
      )
        .then(
          (outcomes) =>
            batch.forEach((item, i) => {
              const outcome = outcomes[i]
              if (outcome instanceof Error || outcome === undefined) item.reject(outcome)
              else item.resolve(outcome)
            }),
          (error: unknown) => {
            for (const item of batch) item.reject(error)
          },
        )
        .finally(() => {
          this.inFlight--
          this.pump()
        })
    }
  }
}
