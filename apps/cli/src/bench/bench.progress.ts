import cliProgress from 'cli-progress'
import type { BenchProgress } from './bench.js'

/**
 * Progress on stderr, so that stdout carries only the results: a line per phase, and a bar
 * during each timed load and long setup step when stderr is a terminal.
 */
export function streamProgress(stream: NodeJS.WritableStream & { isTTY?: boolean }): BenchProgress {
  const bar = (format: string, total: number) => {
    const created = new cliProgress.SingleBar(
      { stream, format, hideCursor: true },
      cliProgress.Presets.shades_classic,
    )
    created.start(total, 0)
    return created
  }
  return {
    live: stream.isTTY === true,
    phase(message) {
      stream.write(`- ${message}\n`)
    },
    load(label, seconds) {
      if (!stream.isTTY) {
        stream.write(`- ${label} (${seconds} s)\n`)
        return { tick() {}, done() {} }
      }
      const shown = bar(`- ${label} [{bar}] {value}/{total} s`, seconds)
      return {
        tick: () => shown.increment(),
        done: () => shown.stop(),
      }
    },
    task(label, total, unit) {
      const started = Date.now()
      if (!stream.isTTY) {
        stream.write(`- ${label}: ${total.toLocaleString('en')} ${unit}\n`)
        return {
          update() {},
          done() {
            const seconds = (Date.now() - started) / 1000
            stream.write(`  done in ${seconds.toFixed(1)} s\n`)
          },
        }
      }
      const shown = bar(
        `- ${label} [{bar}] {value}/{total} ${unit} | {percentage}% | {duration_formatted}`,
        total,
      )
      return {
        update: (done) => shown.update(Math.min(done, total)),
        done: () => shown.stop(),
      }
    },
  }
}
