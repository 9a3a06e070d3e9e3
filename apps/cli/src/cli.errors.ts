import { ConfigError } from '@loyalbase/config'
import { AppError } from '@loyalbase/core'
import { CommanderError } from 'commander'

/** A failure the user can act on: its message is shown as is, without a stack. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message)
    this.name = 'CliError'
  }
}

export interface FailureReport {
  /** What to print on stderr; empty when commander has already printed it. */
  message: string
  exitCode: number
}

/** Hides the password of a database URL before it is printed. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return url
  }
}

/**
 * Maps any failure to a message and exit code: 1 for a failed command, 2 for bad input
 * (usage, options, configuration), 0 when commander only showed help or the version.
 */
export function reportFailure(error: unknown, debug: boolean): FailureReport {
  if (error instanceof CommanderError) {
    return { message: '', exitCode: error.exitCode === 0 ? 0 : 2 }
  }
  if (error instanceof AppError || error instanceof CliError) {
    const exitCode = error instanceof CliError ? error.exitCode : 1
    return { message: `error: ${error.message}\n`, exitCode }
  }
  if (error instanceof ConfigError) return { message: `error: ${error.message}\n`, exitCode: 2 }
  const summary = error instanceof Error ? error.message.split('\n')[0] : String(error)
  const detail =
    debug && error instanceof Error && error.stack
      ? `${error.stack}\n`
      : '(run with --debug or DEBUG=1 for the stack)\n'
  return { message: `error: unexpected failure: ${summary}\n${detail}`, exitCode: 1 }
}
