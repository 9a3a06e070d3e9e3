import cliProgress from 'cli-progress'
import type { CliIo } from '../cli.context.js'

/**
 * A bar of rows done on stderr, with the rate and the time left, when stderr is a terminal;
 * nothing otherwise (a pipe or a log gets the summary line only).
 */
export function rowsBar(io: CliIo, label: string) {
  let bar: cliProgress.SingleBar | undefined
  const started = Date.now()
  return {
    update(done: number, total: number) {
      if (!io.stderr.isTTY) return
      if (!bar) {
        bar = new cliProgress.SingleBar(
          {
            stream: io.stderr,
            format: `- ${label} [{bar}] {value}/{total} rows · {rate} rows/s · ETA {eta_formatted}`,
            hideCursor: true,
            etaBuffer: 50,
          },
          cliProgress.Presets.shades_classic,
        )
        bar.start(total, 0, { rate: 0 })
      }
      const seconds = Math.max((Date.now() - started) / 1000, 0.001)
      bar.setTotal(Math.max(total, done))
      bar.update(done, { rate: Math.round(done / seconds) })
    },
    stop() {
      bar?.stop()
    },
    elapsedSeconds: () => (Date.now() - started) / 1000,
  }
}
