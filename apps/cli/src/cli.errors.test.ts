import { ConfigError } from '@loyalbase/config'
import { AppError } from '@loyalbase/core'
import { CommanderError } from 'commander'
import { describe, expect, it } from 'vitest'
import { CliError, redactUrl, reportFailure } from './cli.errors.js'

describe('reportFailure', () => {
  it('prints the detail of an AppError and exits 1', () => {
    expect(reportFailure(new AppError('not_found', 'There is no program "p".'), false)).toEqual({
      message: 'error: There is no program "p".\n',
      exitCode: 1,
    })
  })

  it('exits 2 on bad configuration and on usage errors commander has already printed', () => {
    expect(reportFailure(new ConfigError('DATABASE_URL must be …'), false).exitCode).toBe(2)
    const usage = new CommanderError(1, 'commander.missingMandatoryOptionValue', 'error: …')
    expect(reportFailure(usage, false)).toEqual({ message: '', exitCode: 2 })
    const help = new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)')
    expect(reportFailure(help, false)).toEqual({ message: '', exitCode: 0 })
  })

  it('keeps the exit code a CliError chose', () => {
    expect(reportFailure(new CliError('bench interrupted', 130), false)).toEqual({
      message: 'error: bench interrupted\n',
      exitCode: 130,
    })
  })

  it('gives an unexpected failure one line, and its stack only when debugging', () => {
    const error = new TypeError('boom\nsecond line')
    const quiet = reportFailure(error, false)
    expect(quiet.exitCode).toBe(1)
    expect(quiet.message).toBe(
      'error: unexpected failure: boom\n(run with --debug or DEBUG=1 for the stack)\n',
    )
    const loud = reportFailure(error, true)
    expect(loud.message).toContain('error: unexpected failure: boom\nTypeError: boom')
    expect(loud.message).toContain('cli.errors.test.ts')
  })
})

describe('redactUrl', () => {
  it('hides the password and nothing else', () => {
    expect(redactUrl('postgres://lb:s3cret@db.internal:5432/loyalbase')).toBe(
      'postgres://lb:***@db.internal:5432/loyalbase',
    )
    expect(redactUrl('pglite:./.loyalbase/db')).toBe('pglite:./.loyalbase/db')
  })
})
