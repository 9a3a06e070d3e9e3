import Fastify from 'fastify'
import pg from 'pg'
import { type Static, Type } from 'typebox'
import { BARE_ROUTE_PATH } from './load.plan.js'
/** Connections of the bare route's `pg.Pool`. */
export const BARE_POOL_SIZE = 16
/** The name under which each pool connection prepares the route's statement. */
const STATEMENT_NAME = 'bench_bare_order'

/**
 * Up to 2^53 - 1: JSON numbers the schema accepts as integers are safe integers, and the
 * statement's columns are `int` (member) and `bigint` (amount).
 */
const MAX_AMOUNT = Number.MAX_SAFE_INTEGER

const BareOrderItem = Type.Object(
  {
    sku: Type.String({ minLength: 1, maxLength: 128 }),
    category: Type.Optional(Type.String({ maxLength: 128 })),
    quantity: Type.Integer({ minimum: 1, maximum: 10_000 }),
    unit_price: Type.Integer({ minimum: 0, maximum: MAX_AMOUNT }),
  },
  { additionalProperties: false },
)

/**
 * The body of `POST /bare-orders`: the shape the orders load sends (id, amount, channel,
 * items), except that `member` is the number of a `bench_balances` row, 1 … `members`.
 */
function bareOrderBody(members: number) {
  return Type.Object(
    {
      id: Type.String({ minLength: 1, maxLength: 128 }),
      member: Type.Integer({ minimum: 1, maximum: members }),
      amount: Type.Integer({ minimum: 0, maximum: MAX_AMOUNT }),
      channel: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
      items: Type.Optional(Type.Array(BareOrderItem, { maxItems: 500 })),
    },
    { additionalProperties: false },
  )
}

const BareOrderReply = Type.Object({
  id: Type.String(),
  member: Type.Integer(),
  points: Type.Integer(),
})

export interface BareRoute {
  /** The route's loopback origin, e.g. `http://127.0.0.1:41235`. */
  url: string
  /** Orders in `bench_orders` whose id starts with `prefix`. */
  countOrders(prefix: string): Promise<number>
  /** Closes the Fastify instance, then the pool. */
  close(): Promise<void>
}

export interface BareRouteOptions {
  databaseUrl: string
  /**
   * The one statement each request runs, prepared under a name on each pool connection, with
   * `$1` the order id, `$2` the member number, `$3` the amount; it must update one row.
   */
  statement: string
  /** Members the body may name: 1 … `members`. */
  members: number
}

/**
 * The ceiling of one HTTP round trip plus one statement from Node on this machine: a Fastify
 * instance of its own on 127.0.0.1 (an ephemeral port), in this process, with one route,
 * `POST /bare-orders`, whose body is validated by a JSON schema and whose handler runs one
 * named prepared statement through a `pg.Pool` and answers 201 with a small JSON body. No
 * authentication, no idempotency, no logging, no plugins.
 */
export async function startBareRoute(options: BareRouteOptions): Promise<BareRoute> {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: BARE_POOL_SIZE })
  // An idle connection that breaks emits 'error' on the pool; the next query reports it.
  pool.on('error', () => {})
  const app = Fastify({
    logger: false,
    // As the Loyalbase server validates: no coercion, no silent removal of unknown fields.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
  })
  const body = bareOrderBody(options.members)
  app.post<{ Body: Static<typeof body> }>(
    BARE_ROUTE_PATH,
    { schema: { body, response: { 201: BareOrderReply } } },
    async (request, reply) => {
      const { id, member, amount } = request.body
      const result = await pool.query({
        name: STATEMENT_NAME,
        text: options.statement,
        values: [id, member, amount],
      })
      if (result.rowCount !== 1) throw new Error(`member ${member} has no balance row`)
      reply.code(201)
      return { id, member, points: Math.floor(amount / 100) }
    },
  )
  try {
    // Every connection of the pool opened before the load, as pgbench's tps leaves out its
    // connections' set-up.
    const clients = await Promise.all(Array.from({ length: BARE_POOL_SIZE }, () => pool.connect()))
    for (const client of clients) client.release()
    await app.listen({ host: '127.0.0.1', port: 0 })
  } catch (error) {
    await app.close()
    await pool.end()
    throw error
  }
  // Listening on 127.0.0.1 and a port: an AddressInfo.
  const { port } = app.server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    async countOrders(prefix) {
      const found = await pool.query<{ count: number }>(
        'SELECT count(*)::int AS count FROM bench_orders WHERE id LIKE $1',
        [`${prefix}%`],
      )
      return found.rows[0]?.count ?? 0
    },
    async close() {
      try {
        await app.close()
      } finally {
        // Waits for requests the load's stop cut off to give their connections back.
        await pool.end()
      }
    },
  }
}
