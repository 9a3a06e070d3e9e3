import { AppError, type Services } from '@loyalbase/core'
import { type Command, InvalidArgumentError } from 'commander'
import type { CommandContext } from '../cli.context.js'
import { withServices } from '../database.session.js'
import { parseAsOf } from './as-of.js'

export interface JobRunRequest {
  name: string
  programId: string
  asOf: Date | undefined
}

/** Runs one job for one program, as the API's `POST /v1/jobs/{name}/run` does. */
export async function runJob(services: Services, request: JobRunRequest): Promise<number> {
  const known = services.jobs.definitions().map((job) => job.name)
  if (!known.includes(request.name)) {
    throw new AppError(
      'not_found',
      `There is no job named "${request.name}" (known jobs: ${known.join(', ')}).`,
    )
  }
  await services.programs.get(request.programId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') {
      throw new AppError('not_found', `There is no program "${request.programId}".`)
    }
    throw error
  })
  const { processed } = await services.jobs.runNow(request.programId, request.name, request.asOf)
  return processed
}

function asOfOption(text: string): Date {
  const at = parseAsOf(text)
  if (!at) {
    throw new InvalidArgumentError(
      'Expected an ISO 8601 time with a zone, like 2025-03-01T00:00:00Z or 2025-03-01T08:00:00+08:00.',
    )
  }
  return at
}

export function registerJobsCommand(program: Command, { config, io }: CommandContext): void {
  const jobs = program.command('jobs').description('scheduled work')
  jobs
    .command('run')
    .description('run a job for one program now and print how many items it processed')
    .argument('<name>', 'the job, e.g. housekeeping')
    .requiredOption('--program <id>', 'the program to run it for')
    .option('--as-of <time>', 'the time the job works as of (default now)', asOfOption)
    .action(async (name: string, options: { program: string; asOf?: Date }) => {
      const processed = await withServices(config.databaseUrl, (services) =>
        runJob(services, { name, programId: options.program, asOf: options.asOf }),
      )
      io.stdout.write(`processed: ${processed}\n`)
    })
}
