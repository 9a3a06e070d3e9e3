import { once } from 'node:events'
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs'
import { readFile, rm, stat, writeFile } from 'node:fs/promises'
import {
  AppError,
  IMPORT_KINDS,
  type ImportKind,
  type ImportReject,
  type ImportSummary,
  type Services,
} from '@loyalbase/core'
import { type Command, InvalidArgumentError } from 'commander'
import { stringify } from 'csv-stringify/sync'
import type { CliIo, CommandContext } from '../cli.context.js'
import { CliError } from '../cli.errors.js'
import { withServices } from '../database.session.js'
import { rowsBar } from './transfer.progress.js'

function kindArgument(text: string): ImportKind {
  if (!(IMPORT_KINDS as readonly string[]).includes(text))
    throw new InvalidArgumentError(`Expected one of ${IMPORT_KINDS.join(', ')}.`)
  return text as ImportKind
}

function positive(text: string): number {
  const n = Number(text)
  if (!Number.isInteger(n) || n < 1 || n > 1024)
    throw new InvalidArgumentError('Expected a whole number from 1 to 1024.')
  return n
}

export interface ImportRequest {
  programId: string
  kind: ImportKind
  file: string
  /** Where rejected records go (default FILE.rejects.csv); written only when there are some. */
  rejects?: string
  /** Ignore a checkpoint left by an interrupted run of this file. */
  restart?: boolean
  concurrency?: number
}

/** What an interrupted run leaves beside the file, so that the next one resumes after it. */
interface Checkpoint {
  program: string
  kind: ImportKind
  size: number
  mtime: number
  last_line: number
}

async function readCheckpoint(path: string, expected: Omit<Checkpoint, 'last_line'>) {
  try {
    const saved = JSON.parse(await readFile(path, 'utf8')) as Checkpoint
    const same =
      saved.program === expected.program &&
      saved.kind === expected.kind &&
      saved.size === expected.size &&
      saved.mtime === expected.mtime
    return same && Number.isInteger(saved.last_line) ? saved.last_line : undefined
  } catch {
    return undefined
  }
}

/**
 * Imports a CSV file into a program through the same use cases as the API, with a progress bar
 * on a terminal, rejected records in a CSV of their own, and a checkpoint beside the file while
 * it runs (removed at the end): a run that stops part way resumes after its last whole batch.
 */
export async function importCsv(
  services: Services,
  request: ImportRequest,
  io: CliIo,
): Promise<ImportSummary & { rejectsFile?: string; resumedAfter?: number }> {
  const program = await services.programs.get(request.programId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found')
      throw new CliError(`There is no program "${request.programId}".`)
    throw error
  })
  const info = await stat(request.file).catch(() => {
    throw new CliError(`Cannot read ${request.file}: no such file.`)
  })
  const checkpointPath = `${request.file}.import-checkpoint.json`
  const identity = {
    program: program.id,
    kind: request.kind,
    size: info.size,
    mtime: Math.floor(info.mtimeMs),
  }
  const resumedAfter = request.restart ? undefined : await readCheckpoint(checkpointPath, identity)
  if (resumedAfter !== undefined)
    io.stderr.write(`resuming after line ${resumedAfter} (an earlier run stopped there)\n`)

  const rejectsFile = request.rejects ?? `${request.file}.rejects.csv`
  let rejects: WriteStream | undefined
  const writeReject = async (reject: ImportReject) => {
    if (!rejects) {
      rejects = createWriteStream(rejectsFile)
      rejects.write(stringify([['line', 'error', 'record']]))
    }
    const line = stringify([[reject.line, reject.error, stringify([reject.cells]).trimEnd()]])
    if (!rejects.write(line)) await once(rejects, 'drain')
  }

  const bar = rowsBar(io, `importing ${request.kind}`, 'bytes')
  try {
    const summary = await services.dataImport.run(
      program,
      request.kind,
      createReadStream(request.file),
      {
        ...(resumedAfter !== undefined && { afterLine: resumedAfter }),
        ...(request.concurrency !== undefined && { concurrency: request.concurrency }),
        onReject: writeReject,
        onProgress: (p) => bar.update(p.bytes, info.size, p.records),
        onCheckpoint: (line) =>
          writeFile(checkpointPath, JSON.stringify({ ...identity, last_line: line })),
      },
    )
    await rm(checkpointPath, { force: true })
    return {
      ...summary,
      ...(rejects && { rejectsFile }),
      ...(resumedAfter !== undefined && { resumedAfter }),
    }
  } catch (error) {
    if (error instanceof AppError && error.code === 'invalid_request')
      throw new CliError(`${request.file}: ${error.message}`, 2)
    throw error
  } finally {
    bar.stop()
    const file = rejects as WriteStream | undefined
    if (file) {
      file.end()
      await once(file, 'close')
    }
  }
}

export function formatImportSummary(
  kind: ImportKind,
  summary: ImportSummary & { rejectsFile?: string },
  seconds: number,
): string {
  const rate = Math.round(summary.records / Math.max(seconds, 0.001))
  const rejected =
    summary.rejected > 0
      ? `${summary.rejected} rejected (lines and reasons in ${summary.rejectsFile})`
      : '0 rejected'
  return (
    `read ${summary.records} lines: ${summary.imported} ${kind} imported, ` +
    `${summary.unchanged} unchanged (already there), ${rejected} — ` +
    `${seconds.toFixed(1)} s, ${rate} lines/s\n`
  )
}

export function registerImportCommand(
  program: Command,
  { config, io, setExitCode }: CommandContext,
): void {
  program
    .command('import')
    .description(
      'import members (external_id,name,phone,email,birthday,joined_at) or orders ' +
        '(id,member,amount,occurred_at,channel,sku,category,quantity) from a CSV file, ' +
        'with the same effects as the API; re-running the same file changes nothing',
    )
    .argument('<what>', IMPORT_KINDS.join(' | '), kindArgument)
    .argument('<file>', 'the CSV file (UTF-8, a header line first)')
    .requiredOption('--program <id>', 'the program to import into')
    .option('--rejects <file>', 'where rejected records go (default: FILE.rejects.csv)')
    .option('--restart', 'start from the first line even if an earlier run stopped part way')
    .option('--concurrency <n>', 'requests in flight at once (default 64)', positive)
    .action(
      async (
        kind: ImportKind,
        file: string,
        options: { program: string; rejects?: string; restart?: boolean; concurrency?: number },
      ) => {
        const started = Date.now()
        const summary = await withServices(config.databaseUrl, (services) =>
          importCsv(
            services,
            {
              programId: options.program,
              kind,
              file,
              ...(options.rejects && { rejects: options.rejects }),
              ...(options.restart && { restart: true }),
              ...(options.concurrency && { concurrency: options.concurrency }),
            },
            io,
          ),
        )
        io.stdout.write(formatImportSummary(kind, summary, (Date.now() - started) / 1000))
        // Some records were refused: the rest is in, and a script can tell.
        if (summary.rejected > 0) setExitCode(1)
      },
    )
}
