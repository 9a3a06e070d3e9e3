import { type DemoCalendar, daysBefore } from './demo-calendar.js'
import {
  type DemoItem,
  demoBasket,
  demoSubtotal,
  FREE_SHIPPING_FROM,
  SHIPPING_FEE,
} from './demo-catalog.js'
import type { DemoPerson } from './demo-people.js'
import type { DemoRandom } from './demo-random.js'

/*
 * One member's year with the shop, as a buy-till-you-die process (BG/NBD): while "alive" a
 * member buys at a rate of its own, drawn from a gamma distribution (most rarely, a few
 * weekly), and after each purchase drops out for good with a probability of its own, drawn
 * from a beta distribution — so the base has many one-off buyers, some loyal regulars and
 * many who lapsed. Reviews follow some orders, app users check in, some complete a profile.
 */

/** A member's purchases a day while alive: gamma, this shape, one per MEAN_GAP_DAYS on average. */
const RATE_SHAPE = 0.8
const MEAN_GAP_DAYS = 24
/** Dropout after each purchase: Beta(a, b), mean 1/6. */
const DROPOUT = [0.5, 2.5] as const
/** History goes back this many days: inside the last twelve months, before any point expires. */
const HISTORY_DAYS = 358
/** The program's launch: the first four weeks of its history, when a fifth of members joined. */
const LAUNCH_DAYS = 28
const MAX_ORDERS = 60
/** Free shipping (the `free-shipping` benefit) covers this many orders a month. */
const FREE_SHIPPING_PER_MONTH = 2
/** Longer than any month, in minutes: small orders this far apart never share one. */
const FREE_SHIPPING_SPACING = 32 * 24 * 60
const DAY_MINUTES = 24 * 60

export interface DemoHistoryOrder {
  /** Given once every member's orders are numbered in time order. */
  id: string
  /** The plan's minute (see DemoCalendar): what orders are sorted and numbered by. */
  minute: number
  occurred_at: Date
  channel: string
  shipping_fee?: number
  amount: number
  items: DemoItem[]
}

export interface DemoHistoryEvent {
  type: 'review.posted' | 'member.checked_in' | 'profile.completed'
  minute: number
  occurred_at: Date
  /** The order a review is about (its id is known once orders are numbered). */
  order?: DemoHistoryOrder
  /** Without `order`: the event's own id. */
  id?: string
  properties: Record<string, unknown>
}

export interface DemoHistory {
  joined_at: Date
  /** When the member joined, in the plan's minutes: what join order and referrals go by. */
  joinedMinute: number
  joinedDays: number
  orders: DemoHistoryOrder[]
  events: DemoHistoryEvent[]
}

/** How the member buys: whether at all, from when, how often, and how likely to stop. */
function purchaseDays(random: DemoRandom, joinedDays: number): number[] {
  if (!random.chance(0.91)) return []
  // Most join at the counter or the checkout of their first order; others browse a while first.
  let days = joinedDays - (random.chance(0.6) ? 0 : Math.min(random.exponential(10), joinedDays))
  // Even the most regular come about once a week.
  const rate = Math.min(random.gamma(RATE_SHAPE, 1 / MEAN_GAP_DAYS / RATE_SHAPE), 1 / 8)
  const dropout = random.beta(DROPOUT[0], DROPOUT[1])
  const purchases: number[] = []
  while (days >= 0 && purchases.length < MAX_ORDERS) {
    purchases.push(days)
    if (random.chance(dropout)) break
    days -= random.exponential(1 / rate)
  }
  return purchases
}

export function demoHistory(
  random: DemoRandom,
  calendar: DemoCalendar,
  person: DemoPerson,
  birthday: string | undefined,
): DemoHistory {
  // A launch wave eleven months ago, then a steady stream of sign-ups.
  const steady = HISTORY_DAYS - LAUNCH_DAYS
  const joinedDays = random.chance(0.22)
    ? steady + random.float() * LAUNCH_DAYS
    : random.float() * steady
  const joined = calendar.shoppingMinute(random, Math.floor(joinedDays))

  const orders: DemoHistoryOrder[] = []
  const events: DemoHistoryEvent[] = []
  const smallOrders: number[] = []
  let previous = joined
  for (const days of purchaseDays(random, joinedDays)) {
    const day = Math.floor(days)
    const minute = Math.max(calendar.shoppingMinute(random, day), previous + random.int(5, 40))
    previous = minute
    // 满99包邮; below that the member's free shipping (two a month) takes the fee. A third small
    // order within a month is topped up to ¥99 instead (凑单), so the fee is always waived,
    // whatever day of the month the demo starts on.
    let items = demoBasket(random, person.shopper, person.tea)
    let shipping_fee: number | undefined
    if (demoSubtotal(items) < FREE_SHIPPING_FROM) {
      const lately = smallOrders.filter((m) => minute - m < FREE_SHIPPING_SPACING)
      if (lately.length < FREE_SHIPPING_PER_MONTH) {
        shipping_fee = SHIPPING_FEE
        smallOrders.push(minute)
      } else {
        items = demoBasket(random, person.shopper, person.tea, { minimum: FREE_SHIPPING_FROM })
      }
    }
    const channel = random.chance(0.75)
      ? person.channel
      : random.pick(['mini_program', 'store', 'app'])
    const order: DemoHistoryOrder = {
      id: '',
      minute,
      occurred_at: calendar.instant(minute),
      channel,
      ...(shipping_fee !== undefined && { shipping_fee }),
      amount: demoSubtotal(items),
      items,
    }
    orders.push(order)
    // Reviews a few days after delivery; collectors write more of them.
    if (random.chance(person.shopper === 'collector' ? 0.18 : 0.1)) {
      const after = day - random.int(1, 6)
      if (after >= 0) {
        const reviewed = Math.max(calendar.shoppingMinute(random, after), minute + 60)
        events.push({
          type: 'review.posted',
          minute: reviewed,
          occurred_at: calendar.instant(reviewed),
          order,
          properties: {
            rating: random.weighted([
              [5, 60],
              [4, 28],
              [3, 8],
              [2, 3],
              [1, 1],
            ] as const),
            has_photo: random.chance(0.4),
          },
        })
      }
    }
  }

  const last = orders.at(-1)
  const appUser = last ? daysBefore(last.minute) <= 120 && random.chance(0.12) : random.chance(0.05)
  if (appUser) events.push(...checkIns(random, calendar, person, joined))

  // Within three days of joining.
  if (person.email && birthday && random.chance(0.35)) {
    const minute = joined + random.int(10, 3 * DAY_MINUTES)
    events.push({
      type: 'profile.completed',
      minute,
      occurred_at: calendar.instant(minute),
      id: `PROFILE-${person.external_id}`,
      properties: { fields: ['phone', 'email', 'birthday', 'city'] },
    })
  }
  events.sort((a, b) => a.minute - b.minute)
  return { joined_at: calendar.instant(joined), joinedMinute: joined, joinedDays, orders, events }
}

/** A streak of daily check-ins in the app, in the morning or late evening, until yesterday. */
function checkIns(
  random: DemoRandom,
  calendar: DemoCalendar,
  person: DemoPerson,
  joined: number,
): DemoHistoryEvent[] {
  const start = random.int(3, 40)
  const length = random.int(2, Math.min(7, start))
  const morning = random.chance(0.6)
  const events: DemoHistoryEvent[] = []
  let streak = 0
  for (let day = start; day > start - length && day >= 1; day--) {
    const minute =
      -day * DAY_MINUTES + (morning ? 7 * 60 + random.int(0, 150) : 21 * 60 + random.int(0, 119))
    if (minute <= joined) continue
    streak++
    events.push({
      type: 'member.checked_in',
      minute,
      occurred_at: calendar.instant(minute),
      id: `CHECKIN-${person.external_id}-${calendar.date(day)}`,
      properties: { streak },
    })
  }
  return events
}
