/**
 * Prints the summary of V8 CPU profiles — the bench's (`--profile <dir>`) or any other, e.g.
 * the server's own under `node --cpu-prof`:
 *
 *   npx tsx apps/cli/src/bench/cpu-profile.main.ts [--top 30] FILE.cpuprofile…
 */
import { formatCpuProfileSummary, readCpuProfile, summariseCpuProfile } from './cpu-profile.js'

const args = process.argv.slice(2)
let top = 15
const files: string[] = []
for (let i = 0; i < args.length; i++) {
  const arg = args[i] as string
  if (arg === '--top') top = Number(args[++i])
  else files.push(arg)
}
if (files.length === 0 || !Number.isInteger(top) || top < 1) {
  process.stderr.write('usage: cpu-profile.main.ts [--top N] FILE.cpuprofile…\n')
  process.exit(2)
}
for (const file of files) {
  const summary = summariseCpuProfile(await readCpuProfile(file), top)
  process.stdout.write(`${file}\n${formatCpuProfileSummary(summary)}\n`)
}
