/** Start-up settings, read once from the environment (api.md, "Start-up"). */
export interface Config {
  port: number
  host: string
  databaseUrl: string
  adminKey: string | undefined
  demo: boolean
  rateLimit: number
  trustProxy: string[] | false
  logLevel: string
  /** Folder of the built web app (admin console and member portal). */
  webDist: string | undefined
  /** How often the scheduler looks for due jobs; 0 turns it off. */
  schedulerIntervalMs: number
  /** Run the embedded database (PGlite) on a thread of its own rather than the server's. */
  pgliteThread: boolean
  /** The webhook sender (docs/webhooks.md); `pollIntervalMs` 0 turns it off in this process. */
  webhooks: {
    pollIntervalMs: number
    retryBaseMs: number
    concurrency: number
    timeoutMs: number
  }
}

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min) {
    throw new ConfigError(`${name} must be an integer ≥ ${min} (got "${raw}")`)
  }
  return value
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const demo = (env.LOYALBASE_DEMO ?? 'on').toLowerCase()
  if (demo !== 'on' && demo !== 'off') {
    throw new ConfigError(`LOYALBASE_DEMO must be "on" or "off" (got "${env.LOYALBASE_DEMO}")`)
  }
  const databaseUrl = env.DATABASE_URL || 'pglite:./.loyalbase/db'
  if (!/^(postgres(ql)?:\/\/|pglite:)/.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be postgres://…, pglite:PATH or pglite:memory')
  }
  const pgliteThread = (env.LOYALBASE_PGLITE_THREAD ?? 'on').toLowerCase()
  if (pgliteThread !== 'on' && pgliteThread !== 'off') {
    throw new ConfigError(
      `LOYALBASE_PGLITE_THREAD must be "on" or "off" (got "${env.LOYALBASE_PGLITE_THREAD}")`,
    )
  }
  const adminKey = env.LOYALBASE_ADMIN_KEY || undefined
  if (adminKey !== undefined && adminKey.length < 16) {
    throw new ConfigError('LOYALBASE_ADMIN_KEY must be at least 16 characters')
  }
  const proxies = (env.LOYALBASE_TRUST_PROXY ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  return {
    port: integer(env, 'PORT', 3000, 0),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    adminKey,
    demo: demo === 'on',
    rateLimit: integer(env, 'LOYALBASE_RATE_LIMIT', 10_000, 1),
    trustProxy: proxies.length > 0 ? proxies : false,
    logLevel: env.LOG_LEVEL || 'info',
    webDist: env.LOYALBASE_WEB_DIST || undefined,
    schedulerIntervalMs: integer(env, 'LOYALBASE_SCHEDULER_INTERVAL_MS', 30_000, 0),
    pgliteThread: pgliteThread === 'on',
    webhooks: {
      pollIntervalMs: integer(env, 'LOYALBASE_WEBHOOK_POLL_MS', 200, 0),
      retryBaseMs: integer(env, 'LOYALBASE_WEBHOOK_RETRY_BASE_MS', 5_000, 1),
      concurrency: integer(env, 'LOYALBASE_WEBHOOK_CONCURRENCY', 32, 1),
      timeoutMs: integer(env, 'LOYALBASE_WEBHOOK_TIMEOUT_MS', 10_000, 100),
    },
  }
}
