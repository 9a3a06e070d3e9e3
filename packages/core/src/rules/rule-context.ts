import type { MemberRow } from '@loyalbase/db'
import { daysBetween, isBirthday, type LocalTime, localTime } from '../shared/calendar.js'

/**
 * The data a rule's condition reads: `{ order, member }` or `{ event, member }`. Derived fields
 * (categories, items_count, days_since_joined, birthday_today, …) are computed here, once per
 * order or event, so conditions stay short. Days and months are the program's time zone.
 */

export interface OrderItemInput {
  sku: string
  name?: string | null
  category?: string | null
  quantity: number
  unit_price: number
}

export interface OrderInput {
  id?: string
  amount: number
  channel?: string | null
  shipping_fee?: number | null
  items?: OrderItemInput[]
  occurred_at?: Date | string
}

export interface EventInput {
  id?: string
  type: string
  properties?: Record<string, unknown>
  occurred_at?: Date | string
}

/** What conditions may know of the member, as it stood before this order or event. */
export interface MemberFacts {
  id: string
  tier: string
  joined_at: Date
  birthday: string | null
  orders_count: number
  lifetime_spend: number
  growth: number
  points: number
  attributes: Record<string, unknown>
}

export interface MemberContext {
  id: string
  tier: string
  days_since_joined: number
  orders_count: number
  lifetime_spend: number
  growth: number
  points: number
  attributes: Record<string, unknown>
  birthday_today: boolean
  birthday_this_month: boolean
}

export interface OrderContext {
  order: {
    id: string | null
    amount: number
    subtotal: number
    channel: string | null
    shipping_fee: number
    items: OrderItemInput[]
    categories: string[]
    skus: string[]
    items_count: number
    occurred_at: string
    local_date: string
    weekday: number
    hour: number
  }
  member: MemberContext
}

export interface EventContext {
  event: {
    id: string | null
    type: string
    properties: Record<string, unknown>
    occurred_at: string
    local_date: string
    weekday: number
    hour: number
  }
  member: MemberContext
}

export type RuleContext = OrderContext | EventContext

function memberContext(member: MemberFacts, local: LocalTime, timeZone: string): MemberContext {
  const joined = localTime(member.joined_at, timeZone).date
  return {
    id: member.id,
    tier: member.tier,
    days_since_joined: daysBetween(joined, local.date),
    orders_count: member.orders_count,
    lifetime_spend: member.lifetime_spend,
    growth: member.growth,
    points: member.points,
    attributes: member.attributes,
    birthday_today: isBirthday(member.birthday, local.date),
    birthday_this_month: member.birthday?.slice(-5, -3) === local.month.slice(5),
  }
}

function unique(values: (string | null | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))]
}

/** `{ order, member }` for an order that occurred at `occurred_at` (else `now`). */
export function buildOrderContext(
  order: OrderInput,
  member: MemberFacts,
  now: Date,
  timeZone: string,
): OrderContext {
  const at = order.occurred_at ? new Date(order.occurred_at) : now
  const local = localTime(at, timeZone)
  const items = order.items ?? []
  return {
    order: {
      id: order.id ?? null,
      amount: order.amount,
      subtotal: items.reduce((sum, item) => sum + item.quantity * item.unit_price, 0),
      channel: order.channel ?? null,
      shipping_fee: order.shipping_fee ?? 0,
      items,
      categories: unique(items.map((item) => item.category)),
      skus: unique(items.map((item) => item.sku)),
      items_count: items.reduce((sum, item) => sum + item.quantity, 0),
      occurred_at: at.toISOString(),
      local_date: local.date,
      weekday: local.weekday,
      hour: local.hour,
    },
    member: memberContext(member, local, timeZone),
  }
}

/** `{ event, member }` for an event that occurred at `occurred_at` (else `now`). */
export function buildEventContext(
  event: EventInput,
  member: MemberFacts,
  now: Date,
  timeZone: string,
): EventContext {
  const at = event.occurred_at ? new Date(event.occurred_at) : now
  const local = localTime(at, timeZone)
  return {
    event: {
      id: event.id ?? null,
      type: event.type,
      properties: event.properties ?? {},
      occurred_at: at.toISOString(),
      local_date: local.date,
      weekday: local.weekday,
      hour: local.hour,
    },
    member: memberContext(member, local, timeZone),
  }
}

/** The facts a condition sees of a stored member. */
export function memberFactsOf(row: MemberRow): MemberFacts {
  return {
    id: row.id,
    tier: row.tier_key,
    joined_at: row.joined_at,
    birthday: row.birthday,
    orders_count: row.orders_count,
    lifetime_spend: row.lifetime_spend,
    growth: row.growth,
    points: row.points_available,
    attributes: row.attributes,
  }
}
