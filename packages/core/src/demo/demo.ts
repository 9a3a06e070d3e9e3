import { type DemoHistory, type DemoHistoryOrder, demoHistory } from './demo-activity.js'
import { DemoCalendar, daysBefore } from './demo-calendar.js'
import {
  type DemoItem,
  demoBasket,
  demoSubtotal,
  FREE_SHIPPING_FROM,
  SHIPPING_FEE,
} from './demo-catalog.js'
import { type DemoPerson, demoBirthday, demoPeople } from './demo-people.js'
import { COUPON_NEEDS, DEMO_SLOTS, type DemoCouponKey, type DemoRewardKey } from './demo-program.js'
import { DemoRandom } from './demo-random.js'

/*
 * The demo program's data, planned before anything is written: members, and for each one its
 * steps in the order it lived them — orders and events back-dated over the last twelve months,
 * then what happens today (coupons, a checkout with one, refunds, rewards, bookings). Pure and
 * deterministic: the same seed gives the same plan on every start, apart from instants, which
 * are relative to `now`.
 */

export { seededRandom } from './demo-random.js'

export const DEMO_SEED = 20261126
export const DEMO_MEMBER_COUNT = 560
export const DEMO_TIME_ZONE = 'Asia/Shanghai'

export interface DemoMember {
  external_id: string
  name: string
  phone: string
  email?: string
  birthday?: string
  joined_at: string
  attributes: Record<string, unknown>
  /** The external id of the member whose referral code this one joined with. */
  referrer?: string
}

export interface DemoOrder {
  id: string
  member: string
  amount: number
  occurred_at: string
  channel: string
  shipping_fee?: number
  items: DemoItem[]
}

/** Today's order with a coupon issued for it (and perhaps points): priced by the quote. */
export interface DemoCheckout {
  id: string
  member: string
  channel: string
  shipping_fee?: number
  items: DemoItem[]
  coupon: 'welcome' | 'spend300' | 'teaware'
  /** Points the member would like to pay with, as far as its balance and the policy allow. */
  points: number
}

export interface DemoEvent {
  id: string
  type: string
  member: string
  occurred_at: string
  properties: Record<string, unknown>
}

export type DemoStep =
  | { kind: 'order'; order: DemoOrder }
  | { kind: 'event'; event: DemoEvent }
  | { kind: 'benefit'; benefit: string; reference: string }
  | {
      kind: 'refund'
      order: string
      refund: { id: string; amount: number; items?: { sku: string; quantity: number }[] }
    }
  | { kind: 'coupon'; coupon: DemoCouponKey }
  | { kind: 'checkout'; checkout: DemoCheckout }
  | { kind: 'redeem'; reward: DemoRewardKey }
  | { kind: 'book'; slot: number }

export interface DemoTimeline {
  member: string
  steps: DemoStep[]
}

export interface DemoPlan {
  /** In the order they joined. */
  members: DemoMember[]
  timelines: DemoTimeline[]
}

const SOURCES = { mini_program: '微信小程序', store: '门店', app: 'App' } as const

export function demoPlan(now: Date, seed = DEMO_SEED, count = DEMO_MEMBER_COUNT): DemoPlan {
  const random = new DemoRandom(seed)
  const calendar = new DemoCalendar(now, DEMO_TIME_ZONE)
  const people = demoPeople(random, count)
  // One in twenty has a birthday in the coming month, a quarter of those today: the birthday
  // campaign has someone to celebrate on the first day. Another one in twenty had it in the last
  // three weeks, and some came by for the birthday gift.
  let upcoming = 0
  const birthdays = people.map((_, i) => {
    if (!random.chance(0.82)) return undefined
    if (i % 20 === 6) {
      const days = upcoming % 4 === 0 ? 0 : (upcoming * 11) % 30
      upcoming++
      return demoBirthday(random, calendar.today, calendar.date(-days))
    }
    if (i % 20 === 16) return demoBirthday(random, calendar.today, calendar.date(random.int(1, 20)))
    return demoBirthday(random, calendar.today)
  })
  const histories = people.map((person, i) => demoHistory(random, calendar, person, birthdays[i]))
  const referrers = referrals(random, histories)

  // Order numbers follow time, as a shop's do.
  const numbered = histories.flatMap((h, i) => h.orders.map((order) => ({ order, i })))
  numbered.sort((a, b) => a.order.minute - b.order.minute || a.i - b.i)
  let sequence = 0
  const nextId = () => `DEMO-${String(++sequence).padStart(5, '0')}`
  for (const { order } of numbered) order.id = nextId()

  const members: DemoMember[] = people.map((person, i) => {
    const history = histories[i] as DemoHistory
    const birthday = birthdays[i]
    const referrer = referrers.get(i)
    return {
      external_id: person.external_id,
      name: person.name,
      phone: person.phone,
      ...(person.email && { email: person.email }),
      ...(birthday && { birthday }),
      joined_at: history.joined_at.toISOString(),
      attributes: {
        city: person.city,
        gender: person.gender,
        newsletter: person.newsletter,
        favourite_tea: person.tea,
        source: referrer !== undefined ? '好友推荐' : SOURCES[person.channel],
      },
      ...(referrer !== undefined && { referrer: (people[referrer] as DemoPerson).external_id }),
    }
  })
  const timelines = people.map((person, i) => ({
    member: person.external_id,
    steps: [
      ...pastSteps(person, histories[i] as DemoHistory),
      ...todaySteps(random, person, histories[i] as DemoHistory, {
        giftDue: i % 20 === 16 && birthdays[i] !== undefined,
        nextId,
      }),
    ],
  }))
  const joined = (i: number) => (histories[i] as DemoHistory).joinedMinute
  const joinOrder = members
    .map((member, i) => ({ member, i }))
    .sort((a, b) => joined(a.i) - joined(b.i) || a.i - b.i)
    .map(({ member }) => member)
  return { members: joinOrder, timelines }
}

/** About one member in fourteen joined with a regular's referral code. */
function referrals(random: DemoRandom, histories: DemoHistory[]): Map<number, number> {
  const referrers = new Map<number, number>()
  const regulars = histories.flatMap((h, i) => (h.orders.length >= 2 ? [i] : []))
  histories.forEach((history, i) => {
    if (history.orders.length === 0 || !random.chance(0.07)) return
    const earlier = regulars.filter(
      (j) => (histories[j] as DemoHistory).joinedMinute < history.joinedMinute,
    )
    if (earlier.length > 0) referrers.set(i, random.pick(earlier))
  })
  return referrers
}

/** The member's orders and events, back-dated, in time order. */
function pastSteps(person: DemoPerson, history: DemoHistory): DemoStep[] {
  const member = person.external_id
  const timed: { at: number; step: DemoStep }[] = [
    ...history.orders.map((order) => ({
      at: order.minute,
      step: {
        kind: 'order' as const,
        order: {
          id: order.id,
          member,
          amount: order.amount,
          occurred_at: order.occurred_at.toISOString(),
          channel: order.channel,
          ...(order.shipping_fee !== undefined && { shipping_fee: order.shipping_fee }),
          items: order.items,
        },
      },
    })),
    ...history.events.map((event) => ({
      at: event.minute,
      step: {
        kind: 'event' as const,
        event: {
          id: event.order ? `REVIEW-${event.order.id}` : (event.id as string),
          type: event.type,
          member,
          occurred_at: event.occurred_at.toISOString(),
          properties: event.order
            ? { order: event.order.id, ...event.properties }
            : event.properties,
        },
      },
    })),
  ]
  // Stable: an order comes before an event stamped the same instant.
  return timed.sort((a, b) => a.at - b.at).map(({ step }) => step)
}

/** What the member does today: a birthday gift collected, refunds, coupons, rewards, bookings. */
function todaySteps(
  random: DemoRandom,
  person: DemoPerson,
  history: DemoHistory,
  options: { giftDue: boolean; nextId: () => string },
): DemoStep[] {
  const steps: DemoStep[] = []
  const orders = history.orders
  const last = orders.at(-1)
  const lastDays = last ? daysBefore(last.minute) : Number.POSITIVE_INFINITY
  if (options.giftDue && orders.length > 0 && random.chance(0.6))
    steps.push({ kind: 'benefit', benefit: 'birthday-gift', reference: '生日礼 · 门店领取' })
  for (const order of orders) {
    const days = daysBefore(order.minute)
    if (days >= 2 && days <= 60 && random.chance(0.07)) steps.push(refundOf(random, order))
  }
  const recent = history.joinedDays <= 30
  let checkout: DemoCheckout | undefined
  if (lastDays <= 60 && random.chance(0.3)) {
    const coupon = recent ? 'welcome' : person.shopper === 'collector' ? 'teaware' : 'spend300'
    const items = demoBasket(random, person.shopper, person.tea, COUPON_NEEDS[coupon])
    checkout = {
      id: options.nextId(),
      member: person.external_id,
      channel: person.channel,
      ...(demoSubtotal(items) < FREE_SHIPPING_FROM && { shipping_fee: SHIPPING_FEE }),
      items,
      coupon,
      points: random.chance(0.4) ? 1_000 * random.int(1, 5) : 0,
    }
  }
  if (recent && checkout?.coupon !== 'welcome') steps.push({ kind: 'coupon', coupon: 'welcome' })
  if (lastDays <= 90 && random.chance(0.12)) steps.push({ kind: 'coupon', coupon: 'spend300' })
  if (person.shopper === 'collector' && lastDays <= 120 && random.chance(0.3))
    steps.push({ kind: 'coupon', coupon: 'teaware' })
  if (checkout) steps.push({ kind: 'checkout', checkout })
  if (orders.length >= 4 && random.chance(0.3)) {
    steps.push({
      kind: 'redeem',
      reward: random.weighted([
        ['jasmine-50g', 30],
        ['canvas-bag', 25],
        ['voucher-20', 25],
        ['celadon-cup', 10],
        ['tasting-seat', 10],
      ] as const),
    })
  }
  if (lastDays <= 90 && orders.length >= 2 && random.chance(0.12))
    steps.push({ kind: 'book', slot: random.int(0, DEMO_SLOTS.length - 1) })
  return steps
}

/** A return: the whole order, or one unit of it (of a line of several, else the last line). */
function refundOf(random: DemoRandom, order: DemoHistoryOrder): DemoStep {
  const id = `REFUND-${order.id}`
  const several = order.items.length > 1 || order.items.some((item) => item.quantity > 1)
  if (!several || random.chance(0.55))
    return { kind: 'refund', order: order.id, refund: { id, amount: order.amount } }
  const item = order.items.find((i) => i.quantity > 1) ?? (order.items.at(-1) as DemoItem)
  return {
    kind: 'refund',
    order: order.id,
    refund: { id, amount: item.unit_price, items: [{ sku: item.sku, quantity: 1 }] },
  }
}
