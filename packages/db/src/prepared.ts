import type pg from 'pg'

/*
 * SQL texts that run as named prepared statements on PostgreSQL: parsed and planned once per
 * connection instead of on every call. The hot path (an order's snapshot and write) registers
 * its constant texts here; any query Kysely sends with exactly such a text is executed under
 * the statement's name. Only registered texts are prepared, so the number of statements a
 * connection holds stays fixed however many different queries the rest of the code builds.
 * PGlite runs in-process and has nothing to gain: the registry is not consulted there.
 */
const names = new Map<string, string>()

/** Registers `text` as the prepared statement `name`; returns the text, to be sent as usual. */
export function preparedStatement(name: string, text: string): string {
  const known = names.get(text)
  if (known && known !== name) throw new Error(`statement text registered twice: ${name}, ${known}`)
  names.set(text, name)
  return text
}

type Query = pg.PoolClient['query']

/** Makes a pooled client send registered texts as named statements. */
export function prepareRegisteredStatements(client: pg.PoolClient): void {
  const send = client.query.bind(client) as (...args: unknown[]) => unknown
  client.query = ((config: unknown, values?: unknown, callback?: unknown) => {
    const name = typeof config === 'string' ? names.get(config) : undefined
    if (name === undefined) return send(config, values, callback)
    return send({ name, text: config, values }, callback)
  }) as Query
}
