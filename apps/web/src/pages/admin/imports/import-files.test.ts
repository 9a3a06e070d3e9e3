import { IMPORT_COLUMNS as SERVER_COLUMNS, MAX_IMPORT_BYTES as SERVER_MAX } from '@loyalbase/core'
import { describe, expect, it } from 'vitest'
import { IMPORT_KINDS, importFileName, MAX_IMPORT_BYTES } from '../../../api/imports'
import {
  csvCell,
  fileProblem,
  IMPORT_COLUMNS,
  importOutcome,
  importPercent,
  importTemplate,
  rejectsFileName,
  templateFileName,
} from './import-files'

/** The template's lines as cells (it quotes nothing: no cell has a comma or a quote). */
const cellsOf = (csv: string) =>
  csv
    .trimEnd()
    .split('\n')
    .map((line) => line.split(','))

describe('the import page’s files', () => {
  it('knows the columns and the size limit the server reads', () => {
    for (const kind of IMPORT_KINDS)
      expect(IMPORT_COLUMNS[kind].required).toEqual(SERVER_COLUMNS[kind])
    expect(IMPORT_COLUMNS.orders.optional).toEqual(['unit_price'])
    expect(MAX_IMPORT_BYTES).toBe(SERVER_MAX)
  })

  it('makes a template per kind: the header, then records as wide as it', () => {
    const [header, ...members] = cellsOf(importTemplate('members'))
    expect(header).toEqual(['external_id', 'name', 'phone', 'email', 'birthday', 'joined_at'])
    expect(members.length).toBeGreaterThan(0)
    for (const row of members) expect(row).toHaveLength(header?.length ?? 0)

    const [orderHeader, ...orders] = cellsOf(importTemplate('orders'))
    expect(orderHeader).toEqual([...SERVER_COLUMNS.orders, 'unit_price'])
    for (const row of orders) expect(row).toHaveLength(orderHeader?.length ?? 0)
    // The orders name the template's members, and one order has two items (two lines, one id).
    const externalIds = new Set(members.map((row) => row[0]))
    for (const row of orders) expect(externalIds.has(row[1])).toBe(true)
    expect(orders.filter((row) => row[0] === orders[0]?.[0]).length).toBe(2)
    expect(importTemplate('orders').endsWith('\n')).toBe(true)
    expect(templateFileName('orders')).toBe('loyalbase-orders-template.csv')
  })

  it('quotes a cell only when it must', () => {
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
  })

  it('refuses before uploading what the server would refuse after it', () => {
    expect(fileProblem({ name: '会员.csv', size: 10 })).toBeNull()
    expect(fileProblem({ name: 'EXPORT.CSV', size: 10 })).toBeNull()
    expect(fileProblem({ name: 'members.xlsx', size: 10 })).toBe('notCsv')
    expect(fileProblem({ name: 'members.csv', size: 0 })).toBe('empty')
    expect(fileProblem({ name: 'big.csv', size: MAX_IMPORT_BYTES })).toBeNull()
    expect(fileProblem({ name: 'big.csv', size: MAX_IMPORT_BYTES + 1 })).toBe('tooLarge')
  })

  it('shows progress in whole percents, 100 only once done', () => {
    expect(importPercent({ status: 'running', progress: 0 })).toBe(0)
    expect(importPercent({ status: 'running', progress: 0.456 })).toBe(45)
    expect(importPercent({ status: 'running', progress: 1 })).toBe(99)
    expect(importPercent({ status: 'done', progress: 1 })).toBe(100)
    expect(importPercent({ status: 'failed', progress: 0.3 })).toBe(30)
    expect(importPercent({ status: 'running', progress: 1.2 })).toBe(99)
  })

  it('reads an import’s outcome', () => {
    expect(importOutcome({ status: 'running', rejected: 3 })).toBe('running')
    expect(importOutcome({ status: 'done', rejected: 0 })).toBe('success')
    expect(importOutcome({ status: 'done', rejected: 1 })).toBe('warning')
    expect(importOutcome({ status: 'failed', rejected: 0 })).toBe('error')
  })

  it('names the files it sends and saves', () => {
    expect(importFileName('  会员.csv ')).toBe('会员.csv')
    expect(importFileName('')).toBeUndefined()
    // At most 255 characters (code points), as the server keeps.
    expect([...(importFileName(`${'名'.repeat(300)}.csv`) ?? '')]).toHaveLength(255)
    expect(rejectsFileName({ id: 'imp_1', file_name: '会员.csv' })).toBe('会员-rejects.csv')
    expect(rejectsFileName({ id: 'imp_1', file_name: null })).toBe('imp_1-rejects.csv')
    expect(rejectsFileName({ id: 'imp_1', file_name: '.csv' })).toBe('imp_1-rejects.csv')
  })
})
