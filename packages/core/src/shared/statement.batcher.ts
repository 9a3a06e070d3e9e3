/**
 * Sends concurrent callers' statements together: while a batch is in the database, the calls
 * that arrive wait, and go as the next batch — one statement (and one commit) for all of them.
 * Under no load a call goes at once, alone; under load the batches grow by themselves, without
 * a timer. Each caller still waits for its own answer, so nothing is acknowledged early.
 * Orders use it for their snapshots and their writes (`lb_order_snapshots`, `lb_apply_orders`).
 */
export class StatementBatcher<In, Out> {
  private readonly queue: {
    input: In
    resolve(output: Out): void
    reject(error: unknown): void
  }[] = []
  private inFlight = 0

  constructor(
    /** Runs one batch: an answer, or an error of its own, for each input in order. */
    private readonly run: (inputs: In[]) => Promise<(Out | Error)[]>,
    private readonly maxInFlight = 2,
    private readonly maxBatch = 64,
  ) {}

  call(input: In): Promise<Out> {
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject })
      this.pump()
    })
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch)
      this.inFlight++
      this.run(batch.map((item) => item.input))
        .then(
          (outputs) =>
            batch.forEach((item, i) => {
              const output = outputs[i]
              if (output instanceof Error) item.reject(output)
              else if (output === undefined) item.reject(new Error('a batch answered short'))
              else item.resolve(output)
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
