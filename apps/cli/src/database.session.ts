import { createServices, type Services, systemClock } from '@loyalbase/core'
import { migrate, openDatabase } from '@loyalbase/db'
import { CliError, redactUrl } from './cli.errors.js'

/**
 * Opens and migrates the database, hands the services to `use`, and closes the database
 * however `use` ends.
 */
export async function withServices<T>(
  databaseUrl: string,
  use: (services: Services) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(databaseUrl, { poolSize: 2 }).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error)
    throw new CliError(`cannot open the database ${redactUrl(databaseUrl)}: ${reason}`)
  })
  try {
    await migrate(database)
    return await use(createServices(database.db, systemClock))
  } finally {
    await database.close()
  }
}
