import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConfigError, loadConfig } from '@loyalbase/config'
import { startServer } from './server.js'

const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '../../web/dist')

async function main() {
  let config: ReturnType<typeof loadConfig>
  try {
    config = loadConfig(process.env)
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`loyalbase: ${error.message}`)
      process.exit(2)
    }
    throw error
  }
  const server = await startServer({ ...config, webDist: config.webDist ?? WEB_DIST })
  const lines = [
    '',
    `  Loyalbase is running on ${config.databaseUrl.startsWith('pglite:') ? 'embedded PostgreSQL (PGlite)' : 'PostgreSQL'}`,
    `  API            ${server.url}/v1`,
    `  API docs       ${server.url}/docs`,
    `  Admin console  ${server.url}/admin`,
    `  Member portal  ${server.url}/portal  (open it from a member's page in the console)`,
  ]
  if (server.generatedAdminKey) {
    lines.push(`  Platform admin key (shown once; set LOYALBASE_ADMIN_KEY to choose your own):`)
    lines.push(`    ${server.generatedAdminKey}`)
  }
  if (server.demo) {
    lines.push(`  Demo program   ${server.demo.programId}`)
    lines.push(`  Demo admin key (shown once; sign in to the console with it):`)
    lines.push(`    ${server.demo.adminKey}`)
  }
  console.log(`${lines.join('\n')}\n`)

  const shutdown = async (signal: string) => {
    server.app.log.info({ signal }, 'shutting down')
    await server.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void shutdown('SIGINT'))
  process.once('SIGTERM', () => void shutdown('SIGTERM'))
}

await main()
