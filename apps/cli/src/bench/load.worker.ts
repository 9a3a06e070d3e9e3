/**
 * The load generator's process: forked by load.runner.ts for each timed load, so that
 * autocannon's work (building bodies, parsing responses, timing) does not share the server's
 * event loop. It receives one `start` message, runs autocannon, reports `started`, a `tick`
 * a second and then `done` (or `failed`) over IPC, and exits.
 */
import autocannon from 'autocannon'
import { plannedRequests } from './load.plan.js'
import type { ParentMessage, WorkerMessage } from './load.runner.js'

function send(message: WorkerMessage, then?: () => void): void {
  process.send?.(message, undefined, {}, () => then?.())
}

function run(message: ParentMessage): void {
  const { load } = message
  const planned = plannedRequests(load.plan)
  let instance: autocannon.Instance
  // Once the last message is written, the channel closes and the process exits.
  const end = () => process.disconnect?.()
  const finish = (error: unknown, result?: autocannon.Result) => {
    if (error || !result) {
      const text = error instanceof Error ? error.message : String(error)
      send({ type: 'failed', message: text }, end)
    } else {
      // What an orders load (plain or paying with a coupon and points) sent and got back.
      const orders = planned.orders()
      send(
        {
          type: 'done',
          result: {
            requestsPerSecond: result.requests.average,
            p50Ms: result.latency.p50,
            p99Ms: result.latency.p99,
            non2xx: result.non2xx,
            ok2xx: result['2xx'],
            requests: result.requests.total,
            errors: result.errors,
            ...(orders ? { orders } : {}),
          },
        },
        end,
      )
    }
  }
  try {
    instance = autocannon(
      {
        url: load.url,
        connections: load.connections,
        duration: load.seconds,
        headers: load.headers,
        requests: planned.requests,
      },
      finish,
    )
  } catch (error) {
    // autocannon answers invalid options synchronously, before it returns an instance.
    finish(error)
    return
  }
  instance.once('start', () => send({ type: 'started' }))
  instance.on('tick', () => send({ type: 'tick' }))
}

// Ctrl-C reaches the whole process group; the parent decides when the load stops (it kills
// this process).
process.on('SIGINT', () => {})
// The parent is gone (or done with us): nothing is left to report to.
process.on('disconnect', () => process.exit(0))
process.once('message', (message: ParentMessage) => run(message))
send({ type: 'ready' })
