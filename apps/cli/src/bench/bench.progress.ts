import cliProgress from 'cli-progress'
import type { BenchProgress } from './bench.js'

/**
 * Progress on stderr, so that stdout carries only the results: a line per phase, and a bar
 * during each timed load when stderr is a terminal.
 */
export function streamProgress(stream: NodeJS.WritableStream & { isTTY?: boolean }): BenchProgress {
  return {
    phase(message) {
      stream.write(`- ${message}\n`)
    },
    load(label, seconds) {
      if (!stream.isTTY) {
        stream.write(`- ${label} (${seconds} s)\n`)
        return { tick() {}, done() {} }
      }
      const bar = new cliProgress.SingleBar(
        { stream, format: `- ${label} [{bar}] {value}/{total} s`, hideCursor: true },
        cliProgress.Presets.shades_classic,
      )
      bar.start(seconds, 0)
      return {
        tick: () => bar.increment(),
        done: () => bar.stop(),
      }
    },
  }
}
