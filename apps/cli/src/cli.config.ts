import { loadConfig } from '@loyalbase/config'

/** What the command line needs from the environment, read once at start (api.md, "Command line"). */
export interface CliConfig {
  /** The same database as the server's: `DATABASE_URL`, default `pglite:./.loyalbase/db`. */
  databaseUrl: string
  /** `DEBUG=1`: unexpected failures print their stack. */
  debug: boolean
  /** The PostgreSQL server the bench creates its scratch database on. */
  benchPostgresUrl: string
}

export const DEFAULT_BENCH_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres'

export function loadCliConfig(env: NodeJS.ProcessEnv): CliConfig {
  // Only DATABASE_URL is passed on: the server's other settings must not stop the CLI.
  const { databaseUrl } = loadConfig({ DATABASE_URL: env.DATABASE_URL })
  return {
    databaseUrl,
    debug: env.DEBUG === '1' || env.DEBUG === 'true',
    benchPostgresUrl: env.BENCH_DATABASE_URL || env.TEST_DATABASE_URL || DEFAULT_BENCH_POSTGRES_URL,
  }
}
