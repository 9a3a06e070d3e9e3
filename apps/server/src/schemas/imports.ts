import { IMPORT_KINDS } from '@loyalbase/core'
import { Type } from 'typebox'
import { ZPageQuery, ZTimestamp } from './common.js'

const ZKind = Type.Union([Type.Literal(IMPORT_KINDS[0]), Type.Literal(IMPORT_KINDS[1])], {
  description:
    '`members` (`external_id,name,phone,email,birthday,joined_at`) or `orders` ' +
    '(`id,member,amount,occurred_at,channel,sku,category,quantity`, optional `unit_price`)',
})

export const ZImport = Type.Object(
  {
    id: Type.String({ description: '`imp_…`' }),
    kind: ZKind,
    file_name: Type.Union([Type.String(), Type.Null()]),
    status: Type.Union([Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
    progress: Type.Number({ minimum: 0, maximum: 1, description: 'Share of the file read' }),
    bytes_total: Type.Integer({ minimum: 0 }),
    bytes_read: Type.Integer({ minimum: 0 }),
    records: Type.Integer({ minimum: 0, description: 'Lines read (past the header)' }),
    imported: Type.Integer({ minimum: 0 }),
    unchanged: Type.Integer({
      minimum: 0,
      description: 'Already there: a member that exists, an order imported before',
    }),
    rejected: Type.Integer({ minimum: 0 }),
    error: Type.Union([Type.String(), Type.Null()], {
      description: 'Why a failed import stopped',
    }),
    created_at: ZTimestamp,
    finished_at: Type.Union([ZTimestamp, Type.Null()]),
  },
  { $id: 'Import' },
)

export const ZImportStartQuery = Type.Object({
  kind: ZKind,
  file_name: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
})

export const ZImportParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64, description: '`imp_…`' }),
})

export const ZImportQuery = Type.Object(ZPageQuery)

export const ZRejectsQuery = Type.Object({
  format: Type.Optional(
    Type.Literal('csv', { description: 'Every rejected record as `text/csv`' }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 100 })),
})

export const ZImportRejects = Type.Object({
  data: Type.Array(
    Type.Object({
      line: Type.Integer({ description: 'The file’s line (the header is line 1)' }),
      error: Type.String(),
      record: Type.String({ description: 'The record as CSV text' }),
    }),
  ),
  total: Type.Integer({ minimum: 0, description: 'Records rejected so far' }),
})
