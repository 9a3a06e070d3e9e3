import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely'
import type { PGliteLike } from './pglite-thread.js'

/**
 * A Kysely dialect for PGlite. PGlite is one connection, so the driver hands it out to one
 * holder at a time: a transaction keeps it from BEGIN to COMMIT and every other query waits
 * its turn. This serialisation is what keeps concurrent requests correct on the embedded
 * engine (they behave like serialisable transactions run one after the other).
 */
export class PGliteDialect implements Dialect {
  constructor(private readonly pglite: PGliteLike) {}
  createAdapter() {
    return new PostgresAdapter()
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pglite)
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db)
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler()
  }
}

/** A FIFO mutex: waiters are served in arrival order. */
export class Mutex {
  private tail: Promise<void> = Promise.resolve()
  acquire(): Promise<() => void> {
    let release!: () => void
    const next = new Promise<void>((resolve) => {
      release = resolve
    })
    const ready = this.tail.then(() => release)
    this.tail = this.tail.then(() => next)
    return ready
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pglite: PGliteLike) {}
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.pglite.query<R>(query.sql, query.parameters as unknown[])
    const affected = result.affectedRows
    return {
      rows: result.rows,
      ...(affected !== undefined ? { numAffectedRows: BigInt(affected) } : {}),
    }
  }
  // biome-ignore lint/correctness/useYield: streaming is not supported on PGlite
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported on PGlite')
  }
}

class PGliteDriver implements Driver {
  private readonly mutex = new Mutex()
  private readonly connection: PGliteConnection
  private readonly releases = new Map<DatabaseConnection, () => void>()
  constructor(private readonly pglite: PGliteLike) {
    this.connection = new PGliteConnection(pglite)
  }
  async init() {}
  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.mutex.acquire()
    this.releases.set(this.connection, release)
    return this.connection
  }
  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings) {
    const level = settings.isolationLevel ? ` ISOLATION LEVEL ${settings.isolationLevel}` : ''
    await conn.executeQuery({ sql: `BEGIN${level}`, parameters: [] } as unknown as CompiledQuery)
  }
  async commitTransaction(conn: DatabaseConnection) {
    await conn.executeQuery({ sql: 'COMMIT', parameters: [] } as unknown as CompiledQuery)
  }
  async rollbackTransaction(conn: DatabaseConnection) {
    await conn.executeQuery({ sql: 'ROLLBACK', parameters: [] } as unknown as CompiledQuery)
  }
  async releaseConnection(conn: DatabaseConnection) {
    const release = this.releases.get(conn)
    this.releases.delete(conn)
    // PGlite runs in this thread and its queries never wait on I/O, so a busy job could keep
    // the event loop from ever answering HTTP. Handing over on the next turn lets I/O in.
    if (release) setImmediate(release)
  }
  async destroy() {
    await this.pglite.close()
  }
}
