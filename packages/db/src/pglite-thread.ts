import { Worker } from 'node:worker_threads'

/** What the PGlite dialect and the migrations need of a PGlite database. */
export interface PGliteLike {
  query<R>(
    sql: string,
    params?: unknown[],
  ): Promise<{ rows: R[]; affectedRows?: number | undefined }>
  exec(sql: string): Promise<unknown>
  close(): Promise<void>
}

type Reply = {
  id: number
  rows?: unknown[]
  affectedRows?: number
  error?: Record<string, unknown> & { message: string }
}

/**
 * PGlite on a thread of its own. PGlite runs SQL on the thread that holds it; on the server's
 * thread every statement would stop HTTP, so on two cores HTTP and SQL would share one. Each
 * call is a message to the thread and its answer a message back; errors come back with their
 * fields (`code`, `constraint`, …), as the services expect of database errors.
 */
export async function startPGliteThread(location: string | undefined): Promise<PGliteLike> {
  const worker = new Worker(new URL('./pglite.worker.js', import.meta.url), {
    workerData: { location },
  })
  const pending = new Map<number, { resolve(reply: Reply): void; reject(error: Error): void }>()
  let next = 0
  let failure: Error | undefined
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve())
    worker.once('error', reject)
  })
  worker.on('message', (reply: Reply) => {
    const waiting = pending.get(reply.id)
    pending.delete(reply.id)
    waiting?.resolve(reply)
  })
  worker.on('error', (error) => {
    failure = error
    for (const waiting of pending.values()) waiting.reject(error)
    pending.clear()
  })
  function call(message: { op: string; sql?: string; params?: unknown[] }): Promise<Reply> {
    if (failure) return Promise.reject(failure)
    return new Promise<Reply>((resolve, reject) => {
      const id = next++
      pending.set(id, { resolve, reject })
      worker.postMessage({ id, ...message })
    }).then((reply) => {
      if (reply.error) throw Object.assign(new Error(reply.error.message), reply.error)
      return reply
    })
  }
  return {
    async query<R>(sql: string, params: unknown[] = []) {
      const reply = await call({ op: 'query', sql, params })
      return { rows: (reply.rows ?? []) as R[], affectedRows: reply.affectedRows }
    },
    exec: (sql) => call({ op: 'exec', sql }),
    async close() {
      await call({ op: 'close' })
      await worker.terminate()
    },
  }
}
