import {
  BIRTHDAY_PATTERN,
  isValidBirthday,
  type NewMemberInput,
  PHONE_PATTERN,
} from '../members/index.js'
import type { NewOrderInput, OrderItem } from '../orders/index.js'
import { MAX_AMOUNT, MAX_QUANTITY } from '../shared/limits.js'

/*
 * What `loyalbase import` reads (api.md, "Command line"), cell by cell: the columns of each kind,
 * and a CSV record turned into the API's input or the reason it cannot be. An empty cell is an
 * absent value. Columns beyond these (an export's extra columns) are ignored.
 */

export const IMPORT_KINDS = ['members', 'orders'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]

export const IMPORT_COLUMNS: Record<ImportKind, readonly string[]> = {
  members: ['external_id', 'name', 'phone', 'email', 'birthday', 'joined_at'],
  orders: ['id', 'member', 'amount', 'occurred_at', 'channel', 'sku', 'category', 'quantity'],
}

/** Optional columns read when the header has them. */
export const OPTIONAL_COLUMNS: Record<ImportKind, readonly string[]> = {
  members: [],
  orders: ['unit_price'],
}

export class RowError extends Error {}

/** Where each column is in the file, from its header; throws when a required one is missing. */
export function columnIndex(kind: ImportKind, header: readonly string[]): Map<string, number> {
  const names = header.map((h) => h.trim().toLowerCase())
  const index = new Map<string, number>()
  for (const column of [...IMPORT_COLUMNS[kind], ...OPTIONAL_COLUMNS[kind]]) {
    const at = names.indexOf(column)
    if (at >= 0) index.set(column, at)
  }
  const missing = IMPORT_COLUMNS[kind].filter((c) => !index.has(c))
  if (missing.length > 0)
    throw new RowError(
      `the header lacks ${missing.join(', ')}; expected ${IMPORT_COLUMNS[kind].join(',')}`,
    )
  return index
}

const PHONE = new RegExp(PHONE_PATTERN)
const BIRTHDAY = new RegExp(BIRTHDAY_PATTERN)
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
// ISO 8601 with a zone, or a date (taken as midnight in the program's time zone by the caller).
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/** A record's cells by column name: empty cells are absent. */
export function cellsOf(
  cells: readonly string[],
  index: Map<string, number>,
  width: number,
): Map<string, string> {
  if (cells.length !== width)
    throw new RowError(`expected ${width} columns as in the header, found ${cells.length}`)
  const out = new Map<string, string>()
  for (const [column, at] of index) {
    const value = (cells[at] ?? '').trim()
    if (value.includes('\uFFFD')) throw new RowError(`${column}: has bytes that are not UTF-8`)
    if (value.includes('\u0000')) throw new RowError(`${column}: contains U+0000`)
    if (value !== '') out.set(column, value)
  }
  return out
}

function text(cells: Map<string, string>, column: string, max: number): string | undefined {
  const value = cells.get(column)
  if (value !== undefined && [...value].length > max)
    throw new RowError(`${column}: longer than ${max} characters`)
  return value
}

function required(cells: Map<string, string>, column: string, max: number): string {
  const value = text(cells, column, max)
  if (value === undefined) throw new RowError(`${column}: is required`)
  return value
}

function integer(cells: Map<string, string>, column: string, min: number, max: number) {
  const value = cells.get(column)
  if (value === undefined) return undefined
  if (!/^-?\d+$/.test(value)) throw new RowError(`${column}: "${value}" is not a whole number`)
  const n = Number(value)
  if (n < min) throw new RowError(`${column}: must be at least ${min} (got ${value})`)
  if (n > max) throw new RowError(`${column}: must be at most ${max} (got ${value})`)
  return n
}

/**
 * A time cell as ISO 8601: with a zone as written, or a bare date as the start of that day in
 * `zoneOffset` (the caller's program time zone, resolved for that date).
 */
function time(
  cells: Map<string, string>,
  column: string,
  startOfDay: (date: string) => string,
): string | undefined {
  const value = cells.get(column)
  if (value === undefined) return undefined
  const iso = DATE_ONLY.test(value) ? startOfDay(value) : value
  if (!(DATE_ONLY.test(value) || DATE_TIME.test(value)) || Number.isNaN(Date.parse(iso)))
    throw new RowError(
      `${column}: "${value}" is not a date (YYYY-MM-DD) or a time with a zone (2026-03-01T10:00:00+08:00)`,
    )
  if (DATE_ONLY.test(value) && !isValidBirthday(value))
    throw new RowError(`${column}: "${value}" is not a real date`)
  return new Date(iso).toISOString()
}

export function memberInput(
  cells: Map<string, string>,
  startOfDay: (date: string) => string,
): NewMemberInput {
  const phone = text(cells, 'phone', 16)
  if (phone !== undefined && !PHONE.test(phone))
    throw new RowError(`phone: "${phone}" is not a mainland mobile number or E.164`)
  const email = text(cells, 'email', 254)
  if (email !== undefined && !EMAIL.test(email))
    throw new RowError(`email: "${email}" is not an email address`)
  const birthday = cells.get('birthday')
  if (birthday !== undefined && !BIRTHDAY.test(birthday))
    throw new RowError(`birthday: "${birthday}" is not YYYY-MM-DD or --MM-DD`)
  const name = text(cells, 'name', 200)
  const joined = time(cells, 'joined_at', startOfDay)
  return {
    external_id: required(cells, 'external_id', 128),
    ...(name !== undefined && { name }),
    ...(phone !== undefined && { phone }),
    ...(email !== undefined && { email }),
    ...(birthday !== undefined && { birthday }),
    ...(joined !== undefined && { joined_at: joined }),
  }
}

/** One line of an order: the order's own cells and its item, if the line names one. */
export interface OrderLine {
  line: number
  order: Omit<NewOrderInput, 'items'>
  item?: { sku: string; category?: string; quantity: number; unit_price?: number }
}

export function orderLine(
  line: number,
  cells: Map<string, string>,
  startOfDay: (date: string) => string,
): OrderLine {
  const amount = integer(cells, 'amount', 0, MAX_AMOUNT)
  if (amount === undefined) throw new RowError('amount: is required (minor units, e.g. 12900)')
  const occurred = time(cells, 'occurred_at', startOfDay)
  const channel = text(cells, 'channel', 64)
  const sku = text(cells, 'sku', 128)
  const category = text(cells, 'category', 128)
  const quantity = integer(cells, 'quantity', 1, MAX_QUANTITY)
  const unitPrice = integer(cells, 'unit_price', 0, MAX_AMOUNT)
  if (sku === undefined && (category !== undefined || quantity !== undefined))
    throw new RowError('sku: is required when category or quantity is given')
  return {
    line,
    order: {
      id: required(cells, 'id', 128),
      member: required(cells, 'member', 128),
      amount,
      ...(occurred !== undefined && { occurred_at: occurred }),
      ...(channel !== undefined && { channel }),
    },
    ...(sku !== undefined && {
      item: {
        sku,
        ...(category !== undefined && { category }),
        quantity: quantity ?? 1,
        ...(unitPrice !== undefined && { unit_price: unitPrice }),
      },
    }),
  }
}

/**
 * The order of consecutive lines with one id. They must agree on the order's cells; items
 * without a price share what the priced ones leave of the amount, unit by unit (rounded down),
 * so that the basket is what was paid.
 */
export function orderOf(lines: readonly OrderLine[]): NewOrderInput {
  const [first] = lines
  if (!first) throw new RowError('an order without lines')
  for (const other of lines.slice(1)) {
    for (const key of ['member', 'amount', 'occurred_at', 'channel'] as const)
      if (other.order[key] !== first.order[key])
        throw new RowError(
          `${key}: line ${other.line} says "${other.order[key] ?? ''}", line ${first.line} "${first.order[key] ?? ''}" for the same order`,
        )
  }
  const items = lines.flatMap((l) => (l.item ? [l.item] : []))
  if (items.length === 0) return { ...first.order }
  if (items.length !== lines.length) throw new RowError('sku: some lines of the order have none')
  const unpriced = items.filter((i) => i.unit_price === undefined)
  const priced = items.reduce((sum, i) => sum + (i.unit_price ?? 0) * i.quantity, 0)
  const units = unpriced.reduce((sum, i) => sum + i.quantity, 0)
  const left = Math.max(first.order.amount - priced, 0)
  const each = units > 0 ? Math.floor(left / units) : 0
  const full: OrderItem[] = items.map((i) => ({
    sku: i.sku,
    ...(i.category !== undefined && { category: i.category }),
    quantity: i.quantity,
    unit_price: i.unit_price ?? each,
  }))
  return { ...first.order, items: full }
}
