import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { AppError, EXPORT_KINDS, type ExportKind, type Services } from '@loyalbase/core'
import { type Command, InvalidArgumentError } from 'commander'
import type { CliIo, CommandContext } from '../cli.context.js'
import { CliError } from '../cli.errors.js'
import { withServices } from '../database.session.js'
import { rowsBar } from './transfer.progress.js'

function kindArgument(text: string): ExportKind {
  if (!(EXPORT_KINDS as readonly string[]).includes(text))
    throw new InvalidArgumentError(`Expected one of ${EXPORT_KINDS.join(', ')}.`)
  return text as ExportKind
}

/**
 * Writes a program's members, orders or ledger as CSV to `out` (a file) or stdout, a page at a
 * time with the writer's back-pressure respected: memory stays flat however large the program.
 * Returns the rows read.
 */
export async function exportCsv(
  services: Services,
  request: { programId: string; kind: ExportKind; out?: string },
  io: CliIo,
): Promise<number> {
  const target = request.out ? createWriteStream(request.out) : io.stdout
  const bar = rowsBar(io, `exporting ${request.kind}`)
  let rows = 0
  try {
    for await (const chunk of services.dataExport.csv(request.programId, request.kind, (p) => {
      rows = p.done
      bar.update(p.done, p.total)
    })) {
      if (!target.write(chunk)) await once(target, 'drain')
    }
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found')
      throw new CliError(`There is no program "${request.programId}".`)
    throw error
  } finally {
    bar.stop()
    if (request.out) {
      const file = target as ReturnType<typeof createWriteStream>
      file.end()
      await once(file, 'close')
    }
  }
  return rows
}

export function registerExportCommand(program: Command, { config, io }: CommandContext): void {
  program
    .command('export')
    .description('write a program’s members, orders or ledger as CSV (streamed, constant memory)')
    .argument('<what>', EXPORT_KINDS.join(' | '), kindArgument)
    .requiredOption('--program <id>', 'the program to export')
    .option('--out <file>', 'write to this file (default: standard output)')
    .action(async (kind: ExportKind, options: { program: string; out?: string }) => {
      const started = Date.now()
      const rows = await withServices(config.databaseUrl, (services) =>
        exportCsv(
          services,
          { programId: options.program, kind, ...(options.out ? { out: options.out } : {}) },
          io,
        ),
      )
      const seconds = (Date.now() - started) / 1000
      io.stderr.write(
        `exported ${rows} ${kind === 'ledger' ? 'ledger entries' : kind}` +
          `${options.out ? ` to ${options.out}` : ''} in ${seconds.toFixed(1)} s\n`,
      )
    })
}
