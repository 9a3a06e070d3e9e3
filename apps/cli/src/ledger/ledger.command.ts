import {
  formatDifference,
  formatSummary,
  type LedgerCheckReport,
  type Services,
} from '@loyalbase/core'
import cliProgress from 'cli-progress'
import type { Command } from 'commander'
import type { CliIo, CommandContext } from '../cli.context.js'
import { withServices } from '../database.session.js'

/**
 * Runs `ledger check` over one program or all of them, with a bar of the members checked on
 * stderr when it is a terminal; stdout gets the differences, one a line, then the summary.
 */
export async function checkLedger(
  services: Services,
  programId: string | undefined,
  io: CliIo,
): Promise<LedgerCheckReport> {
  let bar: cliProgress.SingleBar | undefined
  const onProgress = (checked: number, total: number) => {
    if (!io.stderr.isTTY) return
    if (!bar) {
      bar = new cliProgress.SingleBar(
        {
          stream: io.stderr,
          format: '- checking [{bar}] {value}/{total} members',
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      )
      bar.start(total, 0)
    }
    bar.update(checked)
  }
  try {
    return await services.ledgerCheck.check({
      ...(programId !== undefined ? { programId } : {}),
      onProgress,
    })
  } finally {
    bar?.stop()
  }
}

export function registerLedgerCommand(
  program: Command,
  { config, io, setExitCode }: CommandContext,
): void {
  const ledger = program.command('ledger').description('the points ledger')
  ledger
    .command('check')
    .description(
      'recompute every balance, lot and counter from the ledger and report any difference (exit 1 if one is found)',
    )
    .option('--program <id>', 'check one program (default: every program)')
    .action(async (options: { program?: string }) => {
      const report = await withServices(config.databaseUrl, (services) =>
        checkLedger(services, options.program, io),
      )
      for (const difference of report.differences)
        io.stdout.write(`${formatDifference(difference)}\n`)
      io.stdout.write(`${formatSummary(report)}\n`)
      if (report.differences.length > 0) setExitCode(1)
    })
}
