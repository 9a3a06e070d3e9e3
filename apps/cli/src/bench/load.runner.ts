import { fork } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { LoadPlan, OrdersOutcome } from './load.plan.js'

/** One timed load as the load generator's process receives it: plain data only. */
export interface WorkerLoad {
  /** The server's loopback origin, e.g. `http://127.0.0.1:41234`. */
  url: string
  headers: Record<string, string>
  plan: LoadPlan
  seconds: number
  connections: number
}

export interface LoadRequest extends WorkerLoad {
  /** autocannon has opened its connections and starts sending. */
  onStart?(): void
  /** Once a second during the load. */
  onTick(): void
  signal?: AbortSignal
}

export interface LoadResult {
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  non2xx: number
  /** Responses with a 2xx status. */
  ok2xx: number
  requests: number
  /** Connection errors and timeouts: requests that got no response at all. */
  errors: number
  /** For an orders plan: which orders were sent and how each was answered. */
  orders?: OrdersOutcome
}

/** The message from the bench (the server's process) to the load generator: what to run. */
export type ParentMessage = { type: 'start'; load: WorkerLoad }

/** Messages from the load generator to the bench. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'started' }
  | { type: 'tick' }
  | { type: 'done'; result: LoadResult }
  | { type: 'failed'; message: string }

const WORKER = fileURLToPath(new URL('./load.worker.ts', import.meta.url))
/** tsx's loader, by absolute URL so that a child finds it wherever the bench was started. */
export const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
/** Past the load's own seconds: starting node and tsx, and autocannon's last responses. */
const GRACE_MS = 30_000

/**
 * Drives the server with autocannon, for a fixed time, from a process of its own (a fork of
 * load.worker.ts), and returns what it measured. Aborting kills that process and rejects
 * with the signal's reason.
 */
export function runLoad(load: LoadRequest): Promise<LoadResult> {
  const { onStart, onTick, signal, ...workerLoad } = load
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason)
      return
    }
    const child = fork(WORKER, [], {
      // Only tsx: not the parent's flags (an inspector, --cpu-prof, vitest's own).
      execArgv: ['--import', TSX_LOADER],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    })
    let stderr = ''
    child.stderr?.on('data', (chunk) => {
      stderr = (stderr + String(chunk)).slice(-4_000)
    })
    let settled = false
    let result: LoadResult | undefined
    const settle = (finish: () => void) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      signal?.removeEventListener('abort', abort)
      finish()
    }
    const fail = (why: string) => {
      if (settled) return
      child.kill()
      const detail = stderr.trim() ? `: ${stderr.trim()}` : ''
      settle(() => reject(new Error(`the load generator ${why}${detail}`)))
    }
    const abort = () => {
      child.kill()
      settle(() => reject(signal?.reason))
    }
    const timer = setTimeout(
      () => fail(`did not finish within ${load.seconds} s + ${GRACE_MS / 1000} s`),
      load.seconds * 1_000 + GRACE_MS,
    )
    child.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'ready':
          child.send({ type: 'start', load: workerLoad } satisfies ParentMessage)
          break
        case 'started':
          onStart?.()
          break
        case 'tick':
          onTick()
          break
        case 'done':
          // Resolved once the process has exited too, so that nothing of the load runs on.
          result = message.result
          break
        case 'failed':
          fail(`failed: ${message.message}`)
          break
      }
    })
    child.on('error', (error) => fail(`could not run: ${error.message}`))
    // 'close' comes after the IPC channel has delivered everything the child sent.
    child.on('close', (code, exitSignal) => {
      const done = result
      if (done) settle(() => resolve(done))
      else fail(`exited (${exitSignal ?? `code ${code}`}) without a result`)
    })
    signal?.addEventListener('abort', abort, { once: true })
  })
}

/**
 * Samples this process's resident set size (the server's, since the server runs in the bench's
 * process) a few times a second until `stop`, which returns the peak in bytes.
 */
export function sampleRss(everyMs = 100): { stop(): number } {
  let peak = process.memoryUsage.rss()
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss())
  }, everyMs)
  return {
    stop() {
      clearInterval(timer)
      return Math.max(peak, process.memoryUsage.rss())
    },
  }
}
