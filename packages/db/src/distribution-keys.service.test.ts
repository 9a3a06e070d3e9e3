import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDatabase } from './testing.js'

/*
 * `program_id` is the future distribution key (ARCHITECTURE.md, Decisions). A table is either
 * global — listed below, with the reason — or program-scoped, and a program-scoped table must
 * be one that could be distributed by program_id, its rows of one program kept together:
 *   - it has a program_id column, not null;
 *   - its primary key, and every other unique (or exclusion) constraint and unique index,
 *     start with program_id, so that each one is checked within one program's shard;
 *   - every foreign key to another program table starts with program_id on both sides, so that
 *     it joins rows of one program only.
 * A global table is read everywhere (a reference table), so it may point only at global
 * tables: a reference table cannot have a foreign key into distributed data.
 * A new table fails here until it is made program-scoped or listed as global.
 */
const GLOBAL: Record<string, string> = {
  programs: 'the tenants themselves: one row per program, joined by every key lookup',
  platform_settings: 'settings of the installation (the platform admin key), not of a program',
  schema_migrations: 'the migrator’s bookkeeping (migrate.ts): one history per database',
  api_keys: 'an API key is resolved by key_hash before its program is known (auth)',
  portal_sessions: 'a portal token is resolved by token_hash before its program is known',
}

interface Table {
  name: string
  /** null: no program_id column; else whether it is NOT NULL. */
  program_id_not_null: boolean | null
}

interface UniqueIndex {
  table: string
  name: string
  kind: 'primary key' | 'unique' | 'exclusion'
  /** Key columns in order (an expression as its text); included columns left out. */
  columns: string[]
}

interface ForeignKey {
  table: string
  name: string
  columns: string[]
  references: string
  referenced: string[]
}

interface Catalog {
  tables: Table[]
  unique: UniqueIndex[]
  foreign: ForeignKey[]
}

async function readCatalog(database: TestDatabase): Promise<Catalog> {
  const db = database.database.db
  const tables = await sql<Table>`
    select c.relname::text as name, a.attnotnull as program_id_not_null
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    left join pg_attribute a
      on a.attrelid = c.oid and a.attname = 'program_id' and not a.attisdropped
    where n.nspname = current_schema() and c.relkind in ('r', 'p')
    order by 1`.execute(db)
  // Every unique or primary key constraint has its index, so pg_index holds them all, with
  // the unique indexes made by CREATE UNIQUE INDEX.
  const unique = await sql<UniqueIndex>`
    select t.relname::text as table, i.relname::text as name,
      case when x.indisprimary then 'primary key' when x.indisexclusion then 'exclusion'
        else 'unique' end as kind,
      (select json_agg(pg_get_indexdef(x.indexrelid, k, true) order by k)
        from generate_series(1, x.indnkeyatts::int) k) as columns
    from pg_index x
    join pg_class t on t.oid = x.indrelid
    join pg_class i on i.oid = x.indexrelid
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = current_schema() and (x.indisunique or x.indisexclusion)
    order by 1, 2`.execute(db)
  const foreign = await sql<ForeignKey>`
    select t.relname::text as table, c.conname::text as name, r.relname::text as references,
      (select json_agg(a.attname::text order by k.i)
        from unnest(c.conkey) with ordinality k(attnum, i)
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum) as columns,
      (select json_agg(a.attname::text order by k.i)
        from unnest(c.confkey) with ordinality k(attnum, i)
        join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum) as referenced
    from pg_constraint c
    join pg_class t on t.oid = c.conrelid
    join pg_class r on r.oid = c.confrelid
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = current_schema() and c.contype = 'f'
    order by 1, 2`.execute(db)
  return { tables: tables.rows, unique: unique.rows, foreign: foreign.rows }
}

/** Every table that could not be distributed by program_id as it stands, one line a reason. */
function distributionProblems(catalog: Catalog, global: Record<string, string>): string[] {
  const found: string[] = []
  const names = new Set(catalog.tables.map((t) => t.name))
  for (const [name, reason] of Object.entries(global)) {
    if (!names.has(name)) found.push(`${name}: listed as global (${reason}), no such table`)
  }
  const isGlobal = (table: string) => table in global
  const list = (columns: string[]) => `(${columns.join(', ')})`
  for (const table of catalog.tables) {
    if (isGlobal(table.name)) continue
    if (table.program_id_not_null === null) {
      found.push(`${table.name}: no program_id column; add one, or list the table as global`)
      continue
    }
    if (!table.program_id_not_null) found.push(`${table.name}: program_id may be null`)
    const keys = catalog.unique.filter((u) => u.table === table.name)
    if (!keys.some((u) => u.kind === 'primary key')) found.push(`${table.name}: no primary key`)
    for (const key of keys) {
      if (key.columns[0] !== 'program_id') {
        found.push(
          `${table.name}: ${key.kind} ${key.name} ${list(key.columns)} does not start with program_id`,
        )
      }
    }
  }
  for (const fk of catalog.foreign) {
    const between = `${fk.table} ${list(fk.columns)} → ${fk.references} ${list(fk.referenced)}`
    if (isGlobal(fk.table)) {
      if (!isGlobal(fk.references)) {
        found.push(
          `${fk.table}: foreign key ${fk.name} ${between}: a global table points into a program table`,
        )
      }
    } else if (!isGlobal(fk.references)) {
      if (fk.columns[0] !== 'program_id' || fk.referenced[0] !== 'program_id') {
        found.push(
          `${fk.table}: foreign key ${fk.name} ${between} does not start with program_id on both sides`,
        )
      }
    }
  }
  return found
}

describe('distribution by program_id', () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createTestDb()
  })
  afterAll(() => database?.drop())

  it('every table is global (with a reason) or keyed and referenced by program_id first', async () => {
    const catalog = await readCatalog(database)
    expect(catalog.tables.length).toBeGreaterThan(Object.keys(GLOBAL).length)
    const found = distributionProblems(catalog, GLOBAL)
    expect(found, `not ready for distribution by program_id:\n${found.join('\n')}`).toEqual([])
  })

  it('reads keys of every shape from the catalog', async () => {
    const catalog = await readCatalog(database)
    const members = catalog.unique.filter((u) => u.table === 'members').map((u) => u.columns)
    expect(members).toEqual(
      expect.arrayContaining([
        ['program_id', 'id'],
        ['program_id', 'external_id'],
        ['program_id', 'referral_code'],
      ]),
    )
    expect(catalog.foreign).toContainEqual(
      expect.objectContaining({
        table: 'point_lot_consumptions',
        columns: ['program_id', 'member_id', 'lot_id'],
        references: 'point_lots',
        referenced: ['program_id', 'member_id', 'id'],
      }),
    )
  })

  // The rules themselves, on a catalog made to break each of them.
  it('names every way a table can fail', () => {
    const catalog: Catalog = {
      tables: [
        { name: 'g', program_id_not_null: null },
        { name: 'ok', program_id_not_null: true },
        { name: 'loose', program_id_not_null: false },
        { name: 'bare', program_id_not_null: null },
      ],
      unique: [
        { table: 'ok', name: 'ok_pkey', kind: 'primary key', columns: ['program_id', 'id'] },
        { table: 'ok', name: 'ok_code', kind: 'unique', columns: ['lower(code)', 'program_id'] },
        { table: 'loose', name: 'loose_x', kind: 'exclusion', columns: ['at'] },
      ],
      foreign: [
        { table: 'ok', name: 'ok_g', columns: ['gid'], references: 'g', referenced: ['id'] },
        {
          table: 'loose',
          name: 'loose_ok',
          columns: ['id', 'program_id'],
          references: 'ok',
          referenced: ['id', 'program_id'],
        },
        { table: 'g', name: 'g_ok', columns: ['ok_id'], references: 'ok', referenced: ['id'] },
      ],
    }
    expect(distributionProblems(catalog, { g: 'global', gone: 'dropped' })).toEqual([
      'gone: listed as global (dropped), no such table',
      'ok: unique ok_code (lower(code), program_id) does not start with program_id',
      'loose: program_id may be null',
      'loose: no primary key',
      'loose: exclusion loose_x (at) does not start with program_id',
      'bare: no program_id column; add one, or list the table as global',
      'loose: foreign key loose_ok loose (id, program_id) → ok (id, program_id) does not start with program_id on both sides',
      'g: foreign key g_ok g (ok_id) → ok (id): a global table points into a program table',
    ])
  })
})
