// The embedded database's own thread (pglite-thread.ts): PGlite runs SQL on the thread that
// holds it, so here it keeps the server's event loop free for HTTP. Plain JavaScript, so that
// the thread starts without a TypeScript loader. Messages are handled in arrival order.
import { parentPort, workerData } from 'node:worker_threads'
import { PGlite } from '@electric-sql/pglite'

const INT8 = 20
const NUMERIC = 1700

/** As in database.ts: an int8 exactly, or an error, never a rounded number. */
function exactInt8(text) {
  const value = Number(text)
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`int8 ${text} lies beyond the exact range of a number (2^53 - 1)`)
  }
  return value
}

/** An error as plain data: its message and the fields drivers set (code, constraint, …). */
function plain(error) {
  const data = { message: error instanceof Error ? error.message : String(error) }
  if (error && typeof error === 'object') {
    for (const [key, value] of Object.entries(error)) {
      if (value === undefined || typeof value === 'function' || typeof value === 'object') continue
      data[key] = value
    }
  }
  return data
}

const pglite = await PGlite.create(workerData.location, {
  relaxedDurability: false,
  parsers: { [INT8]: exactInt8, [NUMERIC]: Number },
})

parentPort.on('message', async ({ id, op, sql, params }) => {
  try {
    if (op === 'query') {
      const result = await pglite.query(sql, params)
      parentPort.postMessage({ id, rows: result.rows, affectedRows: result.affectedRows })
    } else if (op === 'exec') {
      await pglite.exec(sql)
      parentPort.postMessage({ id })
    } else if (op === 'close') {
      await pglite.close()
      parentPort.postMessage({ id })
    }
  } catch (error) {
    parentPort.postMessage({ id, error: plain(error) })
  }
})
parentPort.postMessage({ ready: true })
