import { Command } from 'commander'
import { registerBenchCommand } from './bench/bench.command.js'
import { type CliConfig, loadCliConfig } from './cli.config.js'
import type { CliIo, CommandContext } from './cli.context.js'
import { reportFailure } from './cli.errors.js'
import { registerJobsCommand } from './jobs/jobs.command.js'
import { registerLedgerCommand } from './ledger/ledger.command.js'
import { registerExportCommand } from './transfer/export.command.js'
import { registerImportCommand } from './transfer/import.command.js'

/** Runs one command line (without `node` and the script) and returns its exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = new Command('loyalbase')
    .description('Loyalbase command line: works on the same DATABASE_URL as the server')
    .option('--debug', 'print the stack of unexpected failures')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
  let config: CliConfig | undefined
  let outcome = 0
  try {
    config = loadCliConfig(io.env)
    const context: CommandContext = {
      config,
      io,
      setExitCode: (code) => {
        outcome = code
      },
    }
    registerJobsCommand(program, context)
    registerLedgerCommand(program, context)
    registerExportCommand(program, context)
    registerImportCommand(program, context)
    registerBenchCommand(program, context)
    await program.parseAsync(argv, { from: 'user' })
    return outcome
  } catch (error) {
    const debug = config?.debug === true || program.opts().debug === true
    const { message, exitCode } = reportFailure(error, debug)
    if (message) io.stderr.write(message)
    return exitCode
  }
}
