export interface Column<T> {
  header: string
  value(row: T): string
  /** Numbers read best right-aligned. */
  align?: 'left' | 'right'
}

/** Lays rows out as a plain-text table: a header, a rule, then one line per row. */
export function formatTable<T>(columns: Column<T>[], rows: T[]): string {
  const cells = rows.map((row) => columns.map((column) => column.value(row)))
  const widths = columns.map((column, i) =>
    Math.max(column.header.length, ...cells.map((line) => (line[i] ?? '').length)),
  )
  const render = (line: string[]) =>
    line
      .map((cell, i) => {
        const width = widths[i] ?? 0
        return columns[i]?.align === 'right' ? cell.padStart(width) : cell.padEnd(width)
      })
      .join('  ')
      .trimEnd()
  const lines = [
    render(columns.map((column) => column.header)),
    render(widths.map((width) => '-'.repeat(width))),
    ...cells.map(render),
  ]
  return `${lines.join('\n')}\n`
}
