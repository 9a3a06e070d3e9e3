import { describe, expect, it } from 'vitest'
import { type Column, formatTable } from './text-table.js'

interface Row {
  name: string
  count: number
}

const columns: Column<Row>[] = [
  { header: 'name', value: (row) => row.name },
  { header: 'count', value: (row) => String(row.count), align: 'right' },
]

describe('formatTable', () => {
  it('pads every column to its widest cell, numbers to the right', () => {
    const table = formatTable(columns, [
      { name: 'member creations/s', count: 7 },
      { name: 'reads', count: 12345 },
    ])
    expect(table).toBe(
      [
        'name                count',
        '------------------  -----',
        'member creations/s      7',
        'reads               12345',
        '',
      ].join('\n'),
    )
  })

  it('prints only the header when there are no rows', () => {
    expect(formatTable(columns, [])).toBe('name  count\n----  -----\n')
  })
})
