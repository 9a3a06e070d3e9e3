import cliProgress from 'cli-progress'
import type { CliIo } from '../cli.context.js'

/**
 * A bar on stderr, with the rows a second and the time left, when stderr is a terminal; nothing
 * otherwise (a pipe or a log gets the summary line only). The bar counts `rows`, or the file's
 * `bytes` (an import, whose row count is unknown until the end) with the rows beside.
 */
export function rowsBar(io: CliIo, label: string, unit: 'rows' | 'bytes' = 'rows') {
  let bar: cliProgress.SingleBar | undefined
  const started = Date.now()
  const format =
    unit === 'rows'
      ? `- ${label} [{bar}] {value}/{total} rows · {rate} rows/s · ETA {eta_formatted}`
      : `- ${label} [{bar}] {percentage}% · {rows} rows · {rate} rows/s · ETA {eta_formatted}`
  return {
    /** `done` of `total` (rows or bytes); `rows` the rows done when the bar counts bytes. */
    update(done: number, total: number, rows = done) {
      if (!io.stderr.isTTY) return
      if (!bar) {
        bar = new cliProgress.SingleBar(
          { stream: io.stderr, format, hideCursor: true, etaBuffer: 50 },
          cliProgress.Presets.shades_classic,
        )
        bar.start(total, 0, { rate: 0, rows: 0 })
      }
      const seconds = Math.max((Date.now() - started) / 1000, 0.001)
      bar.setTotal(Math.max(total, done))
      bar.update(done, { rate: Math.round(rows / seconds), rows })
    },
    stop() {
      bar?.stop()
    },
  }
}
