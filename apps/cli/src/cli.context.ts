import type { CliConfig } from './cli.config.js'

/** Where a command writes and what it reads from outside: the real process, or a test's. */
export interface CliIo {
  env: NodeJS.ProcessEnv
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream & { isTTY?: boolean }
}

/** What every command is given: the configuration, its I/O and a way to set the exit code. */
export interface CommandContext {
  config: CliConfig
  io: CliIo
  /** For a command that ran to its end but found a failure to report, e.g. `ledger check`. */
  setExitCode(code: number): void
}
