import { Writable } from 'node:stream'
import { testEngine } from '@loyalbase/db/testing'
import { runCli } from '../src/cli.program.js'

/* What the bench's smoke tests share: the command run in-process, and its tables read back. */

export interface Outcome {
  code: number
  stdout: string
  stderr: string
}

function sink() {
  let text = ''
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk)
      done()
    },
  })
  return { stream, text: () => text }
}

export const engine = testEngine()
const env = { BENCH_DATABASE_URL: process.env.TEST_DATABASE_URL }

export async function cli(argv: string[], cliEnv: NodeJS.ProcessEnv): Promise<Outcome> {
  const stdout = sink()
  const stderr = sink()
  const code = await runCli(argv, { env: cliEnv, stdout: stdout.stream, stderr: stderr.stream })
  return { code, stdout: stdout.text(), stderr: stderr.text() }
}

/** The bench on the engine under test, for 1 s per load over 4 connections. */
export function bench(args: string[]): Promise<Outcome> {
  return cli(['bench', '--engines', engine, '--seconds', '1', '--connections', '4', ...args], env)
}

/** The table under the section whose title starts with `title`, as rows of cells by header. */
export function table(stdout: string, title: string): Record<string, string>[] | undefined {
  const section = stdout.split('\n\n').find((part) => part.startsWith(title))
  if (!section) return undefined
  const [, header, , ...lines] = section.trimEnd().split('\n')
  const headers = (header ?? '').split(/\s{2,}/)
  return lines.map((line) => {
    const cells = line.split(/\s{2,}/)
    return Object.fromEntries(headers.map((name, i) => [name, cells[i] ?? '']))
  })
}
