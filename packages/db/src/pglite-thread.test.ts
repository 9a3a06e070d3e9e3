import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, openDatabase } from './database.js'

let database: Database

beforeAll(async () => {
  database = await openDatabase('pglite:memory', { pgliteThread: true })
  await database.execScript(
    'CREATE TABLE t (id int PRIMARY KEY, big bigint, at timestamptz, doc jsonb);',
  )
})
afterAll(() => database.close())

describe('PGlite on a thread of its own', () => {
  it('answers queries with the same types as on the server’s thread', async () => {
    const at = new Date('2026-05-01T04:00:00Z')
    await sql`insert into t values (1, ${9_007_199_254_740_991}, ${at}, ${JSON.stringify({ a: [1] })})`.execute(
      database.db,
    )
    const { rows } = await sql<{ id: number; big: number; at: Date; doc: unknown }>`
      select * from t`.execute(database.db)
    expect(rows).toEqual([{ id: 1, big: 9_007_199_254_740_991, at, doc: { a: [1] } }])
  })

  it('refuses an int8 it could not return exactly, rather than round it', async () => {
    await expect(sql`select 9007199254740993::bigint as n`.execute(database.db)).rejects.toThrow(
      /beyond the exact range/,
    )
  })

  it('passes database errors back with their SQLSTATE and constraint', async () => {
    const error = await sql`insert into t (id) values (1)`.execute(database.db).catch((e) => e)
    expect(error).toMatchObject({ code: '23505', constraint: 't_pkey' })
  })

  it('keeps transactions whole, and rolls them back', async () => {
    await database.db
      .transaction()
      .execute(async (trx) => {
        await sql`insert into t (id) values (2)`.execute(trx)
        throw new Error('roll back')
      })
      .catch(() => undefined)
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from t`.execute(database.db)
    expect(rows[0]?.n).toBe(1)
  })

  it('runs many statements from many callers, each answered in turn', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        sql<{ n: number }>`select ${i}::int as n`.execute(database.db),
      ),
    )
    expect(answers.map((a) => a.rows[0]?.n)).toEqual(Array.from({ length: 50 }, (_, i) => i))
  })
})
