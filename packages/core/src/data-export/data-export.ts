import { stringify } from 'csv-stringify/sync'

/*
 * What `loyalbase export` writes (api.md, "Command line"): members, orders and the ledger as CSV.
 * The first columns of members and orders are exactly what `loyalbase import` reads
 * (`external_id,name,phone,email,birthday,joined_at` and
 * `id,member,amount,occurred_at,channel,sku,category,quantity`), so an export imports into
 * another program as it is; the columns after them tell what the program made of the rows.
 * An empty cell is an absent value. Money in minor units, times in ISO 8601 (UTC).
 */

export const EXPORT_KINDS = ['members', 'orders', 'ledger'] as const
export type ExportKind = (typeof EXPORT_KINDS)[number]

export const EXPORT_COLUMNS: Record<ExportKind, readonly string[]> = {
  members: [
    'external_id',
    'name',
    'phone',
    'email',
    'birthday',
    'joined_at',
    'id',
    'tier',
    'points',
    'points_pending',
    'growth',
    'lifetime_spend',
    'orders_count',
    'referral_code',
    'attributes',
  ],
  // One line per item of the order (or one line when it has none): lines of one `id` are one
  // order, and repeat its amount.
  orders: [
    'id',
    'member',
    'amount',
    'occurred_at',
    'channel',
    'sku',
    'category',
    'quantity',
    'unit_price',
    'member_id',
    'shipping_fee',
    'points_earned',
    'points_redeemed',
    'refunded_amount',
    'points_reversed',
  ],
  ledger: [
    'id',
    'member',
    'member_id',
    'type',
    'points',
    'available_delta',
    'pending_delta',
    'balance_after',
    'pending_after',
    'source_kind',
    'source_id',
    'rule_id',
    'expires_at',
    'note',
    'created_at',
  ],
}

export type Cell = string | number | boolean | Date | null | undefined

/** CSV text of some records, by the columns of `kind` (RFC 4180 quoting). */
export function csvRecords(rows: readonly Cell[][]): string {
  if (rows.length === 0) return ''
  return stringify(rows as Cell[][], {
    cast: {
      date: (value) => value.toISOString(),
      boolean: (value) => (value ? 'true' : 'false'),
    },
  })
}

export function csvHeader(kind: ExportKind): string {
  return csvRecords([[...EXPORT_COLUMNS[kind]]])
}

interface OrderItemCell {
  sku?: string
  category?: string
  quantity?: number
  unit_price?: number
}

/** An order's lines: one per item, or one with empty item cells when it has none. */
export function orderLines(order: {
  id: string
  external_id: string
  member_id: string
  amount: number
  occurred_at: Date
  channel: string | null
  items: unknown
  shipping_fee: number
  points_earned: number
  points_redeemed: number
  refunded_amount: number
  points_reversed: number
}): Cell[][] {
  const items = (Array.isArray(order.items) ? order.items : []) as OrderItemCell[]
  const line = (item: OrderItemCell | undefined): Cell[] => [
    order.id,
    order.external_id,
    order.amount,
    order.occurred_at,
    order.channel,
    item?.sku,
    item?.category,
    item?.quantity,
    item?.unit_price,
    order.member_id,
    order.shipping_fee,
    order.points_earned,
    order.points_redeemed,
    order.refunded_amount,
    order.points_reversed,
  ]
  return items.length > 0 ? items.map(line) : [line(undefined)]
}
