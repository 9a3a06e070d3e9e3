import { type ChildProcess, fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { TSX_LOADER } from './load.runner.js'

/** What the receiver got: one entry per request, in arrival order (parallel arrays). */
export interface ReceivedRequests {
  /** `Loyalbase-Event-Id` of each request. */
  eventIds: string[]
  /** `Loyalbase-Delivery-Id` of each request. */
  deliveryIds: string[]
  /** When each request's headers were read, in milliseconds since the epoch (`Date.now()`). */
  at: number[]
  /** Requests that were not a delivery (not a POST, no ids, a body of another event). */
  malformed: number
}

/** The message from the bench to the receiver's process. */
export type ReceiverRequest = { type: 'collect' }

/** Messages from the receiver's process to the bench. */
export type ReceiverMessage =
  | { type: 'listening'; port: number }
  | { type: 'received'; received: ReceivedRequests }

/** A webhook receiver running in a process of its own (webhook-receiver.worker.ts). */
export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>/bench-hooks`: what the webhook is subscribed with. */
  url: string
  /** Every request received so far. */
  collect(): Promise<ReceivedRequests>
  /** Stops the process. */
  close(): Promise<void>
}

const WORKER = fileURLToPath(new URL('./webhook-receiver.worker.ts', import.meta.url))
/** Starting node and tsx; collecting is a message away. */
const ANSWER_MS = 30_000

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => child.once('exit', () => resolve()))
}

/** Waits for the child's next message that `accept` takes, or fails when it exits first. */
function next<T>(
  child: ChildProcess,
  what: string,
  accept: (message: ReceiverMessage) => T | undefined,
  stderr: () => string,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const finish = (settle: () => void) => {
      clearTimeout(timer)
      child.off('message', onMessage)
      child.off('exit', onExit)
      settle()
    }
    const fail = (why: string) => {
      const detail = stderr().trim() ? `: ${stderr().trim()}` : ''
      finish(() => reject(new Error(`the webhook receiver ${why}${detail}`)))
    }
    const onMessage = (message: ReceiverMessage) => {
      const value = accept(message)
      if (value !== undefined) finish(() => resolve(value))
    }
    const onExit = (code: number | null, signal: string | null) =>
      fail(`exited (${signal ?? `code ${code}`}) before ${what}`)
    const timer = setTimeout(() => fail(`did not answer (${what}) within 30 s`), ANSWER_MS)
    child.on('message', onMessage)
    child.once('exit', onExit)
  })
}

/**
 * Starts the receiver in a process of its own (a fork of webhook-receiver.worker.ts, run through
 * tsx as the load generator is) and resolves once it listens.
 */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const child = fork(WORKER, [], {
    // Only tsx: not the parent's flags (an inspector, --cpu-prof, vitest's own).
    execArgv: ['--import', TSX_LOADER],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + String(chunk)).slice(-4_000)
  })
  const output = () => stderr
  const close = async () => {
    if (child.connected) child.disconnect()
    child.kill()
    await exited(child)
  }
  try {
    const port = await next(
      child,
      'listening',
      (message) => (message.type === 'listening' ? message.port : undefined),
      output,
    )
    return {
      url: `http://127.0.0.1:${port}/bench-hooks`,
      async collect() {
        const answer = next(
          child,
          'sending what it received',
          (message) => (message.type === 'received' ? message.received : undefined),
          output,
        )
        child.send({ type: 'collect' } satisfies ReceiverRequest)
        return answer
      },
      close,
    }
  } catch (error) {
    await close()
    throw error
  }
}
