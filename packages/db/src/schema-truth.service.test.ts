import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDatabase } from './testing.js'

/*
 * schema.ts is written by hand; this test holds it to the migrations. It migrates a fresh
 * database (on each engine: the file name puts it in the database projects), reads every
 * table's columns from information_schema, and compares them with what Kysely sees in
 * schema.ts — read by the TypeScript type checker, so that aliases (Timestamp, Json<…>,
 * Generated<…>, ColumnType<…>, or any new one) resolve exactly as they do for Kysely, with no
 * list of alias names to keep in step. Every difference is named; the list must be empty.
 */

const HERE = dirname(fileURLToPath(import.meta.url))
const SCHEMA_FILE = join(HERE, 'schema.ts')
const ROOT = join(HERE, '..', '..', '..')

/** Tables of the database that schema.ts leaves out on purpose, with the reason. */
const UNDECLARED: Record<string, string> = {
  schema_migrations: 'the migrator’s own bookkeeping (migrate.ts), read by raw SQL only',
}

/** What a column reads as in JavaScript. */
type Kind = 'string' | 'number' | 'boolean' | 'Date' | 'json'

/** What the drivers return for each PostgreSQL type (database.ts: int8 and numeric as numbers). */
const KIND_OF: Record<string, Kind> = {
  text: 'string',
  'character varying': 'string',
  character: 'string',
  uuid: 'string',
  smallint: 'number',
  integer: 'number',
  bigint: 'number',
  numeric: 'number',
  real: 'number',
  'double precision': 'number',
  boolean: 'boolean',
  'timestamp with time zone': 'Date',
  'timestamp without time zone': 'Date',
  json: 'json',
  jsonb: 'json',
  // text[]: read by both drivers as a JavaScript array, declared as one (a structured value).
  _text: 'json',
}

interface DeclaredColumn {
  /** The kinds the select type allows, besides null (one, unless the declaration is mixed). */
  kinds: string[]
  nullable: boolean
  /** Optional on insert: Generated<…>, or a ColumnType whose insert type takes undefined. */
  generated: boolean
  text: string
}

interface DatabaseColumn {
  type: string
  nullable: boolean
  default: string | null
}

/**
 * The tables `DB` declares, as Kysely resolves them: per column the select type (its kind, and
 * whether it takes null) and whether insert may leave it out. A column type is read the way
 * Kysely's SelectType/InsertType read it, member by member of a union: a ColumnType member
 * gives its `__select__` and `__insert__`, any other member is both.
 */
function declaredTables(
  file = SCHEMA_FILE,
  /** The file's text instead of what is on disk (the test of this reader). */
  text?: string,
): Map<string, Map<string, DeclaredColumn>> {
  const config = ts.readConfigFile(join(ROOT, 'tsconfig.base.json'), ts.sys.readFile)
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT)
  const host = ts.createCompilerHost(options)
  if (text !== undefined) {
    const { getSourceFile, fileExists } = host
    host.fileExists = (f) => f === file || fileExists(f)
    host.getSourceFile = (f, ...rest) =>
      f === file
        ? ts.createSourceFile(f, text, options.target ?? ts.ScriptTarget.ES2022)
        : getSourceFile(f, ...rest)
  }
  const program = ts.createProgram([file], options, host)
  const source = program.getSourceFile(file)
  if (!source) throw new Error(`cannot read ${file}`)
  const diagnostics = ts.getPreEmitDiagnostics(program, source)
  if (diagnostics.length > 0) {
    throw new Error(
      ts.formatDiagnostics(diagnostics, {
        getCanonicalFileName: (f) => f,
        getCurrentDirectory: () => ROOT,
        getNewLine: () => '\n',
      }),
    )
  }
  const checker = program.getTypeChecker()
  const module = checker.getSymbolAtLocation(source)
  const db = module && checker.getExportsOfModule(module).find((s) => s.name === 'DB')
  if (!db) throw new Error('schema.ts exports no DB interface')

  const members = (type: ts.Type): ts.Type[] => (type.isUnion() ? type.types : [type])
  const kindOf = (type: ts.Type): string => {
    const f = type.flags
    if (f & ts.TypeFlags.Any) return 'any'
    if (f & ts.TypeFlags.StringLike) return 'string'
    if (f & ts.TypeFlags.NumberLike) return 'number'
    if (f & ts.TypeFlags.BooleanLike) return 'boolean'
    if (f & ts.TypeFlags.BigIntLike) return 'bigint'
    if (f & ts.TypeFlags.Undefined) return 'undefined'
    if (f & ts.TypeFlags.Never) return 'never'
    if (type.getSymbol()?.name === 'Date') return 'Date'
    // Generated<Json<…>>: Kysely does not unwrap a ColumnType inside another.
    if (type.getProperty('__select__')) return 'ColumnType in a ColumnType'
    // unknown, objects, arrays, records: a JSON document.
    return 'json'
  }

  const tables = new Map<string, Map<string, DeclaredColumn>>()
  for (const table of checker.getDeclaredTypeOfSymbol(db).getProperties()) {
    const columns = new Map<string, DeclaredColumn>()
    for (const column of checker.getTypeOfSymbol(table).getProperties()) {
      const type = checker.getTypeOfSymbol(column)
      const selects: ts.Type[] = []
      const inserts: ts.Type[] = []
      for (const member of members(type)) {
        const select = member.getProperty('__select__')
        const insert = member.getProperty('__insert__')
        selects.push(...members(select ? checker.getTypeOfSymbol(select) : member))
        inserts.push(...members(insert ? checker.getTypeOfSymbol(insert) : member))
      }
      const nonNull = selects.filter((t) => !(t.flags & ts.TypeFlags.Null))
      columns.set(column.name, {
        kinds: [...new Set(nonNull.map(kindOf))].sort(),
        nullable: nonNull.length < selects.length,
        generated: inserts.some((t) => t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Never)),
        text: checker.typeToString(type),
      })
    }
    tables.set(table.name, columns)
  }
  return tables
}

async function databaseTables(
  database: TestDatabase,
): Promise<Map<string, Map<string, DatabaseColumn>>> {
  const { rows } = await sql<{
    table_name: string
    column_name: string
    data_type: string
    udt_name: string
    is_nullable: string
    column_default: string | null
    is_identity: string
    is_generated: string
  }>`
    select c.table_name::text, c.column_name::text, c.data_type::text, c.udt_name::text,
      c.is_nullable::text, c.column_default::text, c.is_identity::text, c.is_generated::text
    from information_schema.columns c
    join information_schema.tables t
      on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type in ('BASE TABLE', 'VIEW')
    order by c.table_name, c.ordinal_position`.execute(database.database.db)
  const tables = new Map<string, Map<string, DatabaseColumn>>()
  for (const r of rows) {
    const columns = tables.get(r.table_name) ?? new Map<string, DatabaseColumn>()
    tables.set(r.table_name, columns)
    const explicit = r.column_default !== null && !/^NULL(::.*)?$/i.test(r.column_default)
    columns.set(r.column_name, {
      type: r.data_type === 'ARRAY' || r.data_type === 'USER-DEFINED' ? r.udt_name : r.data_type,
      nullable: r.is_nullable === 'YES',
      default: explicit
        ? r.column_default
        : r.is_identity === 'YES'
          ? 'an identity'
          : r.is_generated === 'ALWAYS'
            ? 'a generated expression'
            : null,
    })
  }
  return tables
}

/** Every way schema.ts and the migrated database disagree, one line each. */
function differences(
  declared: Map<string, Map<string, DeclaredColumn>>,
  actual: Map<string, Map<string, DatabaseColumn>>,
): string[] {
  const found: string[] = []
  for (const [name, reason] of Object.entries(UNDECLARED)) {
    if (!actual.has(name)) found.push(`${name}: listed as undeclared (${reason}), no such table`)
    if (declared.has(name)) found.push(`${name}: listed as undeclared, yet declared in DB`)
  }
  for (const table of [...new Set([...declared.keys(), ...actual.keys()])].sort()) {
    const mine = declared.get(table)
    const theirs = actual.get(table)
    if (!theirs) {
      found.push(`${table}: declared in DB (schema.ts), no such table in the migrated database`)
      continue
    }
    if (!mine) {
      if (!(table in UNDECLARED)) found.push(`${table}: a table of the database, missing from DB`)
      continue
    }
    for (const [column, d] of theirs) {
      const at = `${table}.${column}`
      const shape = `${d.type}${d.nullable ? '' : ' not null'}${d.default ? ` default ${d.default}` : ''}`
      const t = mine.get(column)
      if (!t) {
        found.push(`${at}: a column of the database (${shape}), not declared`)
        continue
      }
      const kind = KIND_OF[d.type]
      if (!kind) {
        found.push(`${at}: ${d.type} has no JavaScript kind in this test; add it to KIND_OF`)
      } else if (t.kinds.length !== 1 || t.kinds[0] !== kind) {
        found.push(`${at}: ${d.type} reads as ${kind}, declared ${t.text}`)
      }
      if (d.nullable && !t.nullable) {
        found.push(`${at}: nullable in the database, declared ${t.text} without | null`)
      }
      if (!d.nullable && t.nullable) {
        found.push(`${at}: not null in the database, declared ${t.text} with | null`)
      }
      if (d.default && !t.generated) {
        found.push(
          `${at}: default ${d.default} in the database, declared ${t.text} (not Generated)`,
        )
      }
      if (!d.default && t.generated) {
        found.push(`${at}: no default in the database, declared ${t.text} (optional on insert)`)
      }
    }
    for (const column of mine.keys()) {
      if (!theirs.has(column)) found.push(`${table}.${column}: declared, no such column`)
    }
  }
  return found
}

describe('schema.ts and the migrations', () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createTestDb()
  })
  afterAll(() => database?.drop())

  it('declare the same tables and columns, with the same types, nullability and defaults', async () => {
    const found = differences(declaredTables(), await databaseTables(database))
    expect(found, `schema.ts differs from the migrated database:\n${found.join('\n')}`).toEqual([])
  })

  // The reader itself, on declarations of every shape schema.ts uses or may use.
  it('reads column types as Kysely does', () => {
    const fixture = `
      import type { ColumnType, Generated, GeneratedAlways, JSONColumnType } from 'kysely'
      type Timestamp = ColumnType<Date, Date | string, Date | string>
      type Money = Generated<number>
      interface T {
        s: string
        lit: 'a' | 'b'
        n: number | null
        b: boolean
        d: Timestamp | null
        j: ColumnType<{ a: number } | null, string | null, string | null>
        u: JSONColumnType<unknown[]>
        g: Money
        gn: Generated<number | null>
        ga: GeneratedAlways<number>
        created: ColumnType<Date, Date | undefined, never>
        mixed: string | number
        nested: Generated<ColumnType<object, string, string>>
      }
      export interface DB { t: T }`
    const table = declaredTables(join(HERE, 'schema-truth.fixture.ts'), fixture).get('t')
    const shapes = Object.fromEntries(
      [...(table ?? [])].map(([c, d]) => [c, [d.kinds.join('|'), d.nullable, d.generated]]),
    )
    expect(shapes).toEqual({
      s: ['string', false, false],
      lit: ['string', false, false],
      n: ['number', true, false],
      b: ['boolean', false, false],
      d: ['Date', true, false],
      j: ['json', true, false],
      u: ['json', false, false],
      g: ['number', false, true],
      gn: ['number', true, true],
      ga: ['number', false, true],
      created: ['Date', false, true],
      mixed: ['number|string', false, false],
      nested: ['ColumnType in a ColumnType', false, true],
    })
  })

  // The comparison itself, on a schema made to differ in every way it can.
  it('names every kind of difference', () => {
    const declared = new Map([
      [
        'a',
        new Map<string, DeclaredColumn>([
          ['kept', { kinds: ['string'], nullable: false, generated: false, text: 'string' }],
          ['typed', { kinds: ['string'], nullable: false, generated: false, text: 'string' }],
          ['nulls', { kinds: ['number'], nullable: false, generated: false, text: 'number' }],
          ['defaults', { kinds: ['Date'], nullable: false, generated: false, text: 'Timestamp' }],
          ['gone', { kinds: ['json'], nullable: true, generated: true, text: 'Json | null' }],
        ]),
      ],
      ['b', new Map<string, DeclaredColumn>()],
    ])
    const actual = new Map([
      [
        'a',
        new Map<string, DatabaseColumn>([
          ['kept', { type: 'text', nullable: false, default: null }],
          ['typed', { type: 'bigint', nullable: false, default: null }],
          ['nulls', { type: 'integer', nullable: true, default: null }],
          ['defaults', { type: 'timestamp with time zone', nullable: false, default: 'now()' }],
          ['extra', { type: 'jsonb', nullable: false, default: null }],
        ]),
      ],
      ['c', new Map<string, DatabaseColumn>()],
      ['schema_migrations', new Map<string, DatabaseColumn>()],
    ])
    expect(differences(declared, actual)).toEqual([
      'a.typed: bigint reads as number, declared string',
      'a.nulls: nullable in the database, declared number without | null',
      'a.defaults: default now() in the database, declared Timestamp (not Generated)',
      'a.extra: a column of the database (jsonb not null), not declared',
      'a.gone: declared, no such column',
      'b: declared in DB (schema.ts), no such table in the migrated database',
      'c: a table of the database, missing from DB',
    ])
  })
})
