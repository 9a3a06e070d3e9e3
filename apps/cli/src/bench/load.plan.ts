import type autocannon from 'autocannon'

/**
 * What one timed HTTP load sends, in a form that crosses the process boundary to the load
 * generator (load.worker.ts): a kind and its parameters. The worker turns it into autocannon
 * requests with the builders below, so the bodies are built in the load generator's process,
 * never in the server's.
 */
export type LoadPlan =
  /** `POST /v1/members`, each with a new `external_id`: `<prefix><n>`. */
  | { kind: 'member-creations'; prefix: string }
  /** `GET /v1/members/{id}` round-robin over `memberIds`. */
  | { kind: 'member-reads'; memberIds: string[] }
  /**
   * `POST /v1/orders`, order `n` with id `<prefix><n>` for member `members[n % length]`,
   * numbered from `first` (a stream loaded in several rounds continues its numbering).
   */
  | {
      kind: 'orders'
      members: string[]
      prefix: string
      first: number
      /** A shipping fee on every order (minor units); none when absent. */
      shippingFee?: number
      /** Report when each 2xx answer arrived (`OrdersOutcome.answeredAt`). */
      timed?: boolean
    }
  /**
   * `POST /v1/orders` paying with a coupon and points: the orders plan's order `n`, naming the
   * code `codes[n]` and redeeming points (`redeemOrder`). Codes are used once: an order past
   * the last code names `NO_CODE_LEFT`, which is refused.
   */
  | ({ kind: 'redeem-orders'; members: string[]; prefix: string; first: number } & RedeemTerms)
  /**
   * `POST /v1/members/{member}/reward-redemptions`, redemption `n` by member
   * `members[n % length]` of reward `rewards[n % length]` (rewards.scenario.ts: one hot reward,
   * or many).
   */
  | { kind: 'reward-redemptions'; members: string[]; rewards: string[] }
  /**
   * `POST /v1/checkout/quote`, quote `n` for member `members[n % length]`, naming some of the
   * coupons it holds (`benchQuote`).
   */
  | { kind: 'quotes'; members: QuoteMember[] }
  /**
   * `POST /bare-orders` on the bare route (ceiling.scenario.ts): order `n` with id
   * `<prefix><n>` for member number `1 + n % members`, the orders load's body otherwise.
   */
  | { kind: 'bare-orders'; prefix: string; members: number }

/** The bare route's one path (bare-route.server.ts). */
export const BARE_ROUTE_PATH = '/bare-orders'

/** What an orders load reports back, by order number `n` (the id is `<prefix><n>`). */
export interface OrdersOutcome {
  /** Requests built: numbers `first` … `first + sent - 1`. */
  sent: number
  answered2xx: number[]
  answeredOther: number[]
  /**
   * With a `timed` plan: when each answer of `answered2xx` arrived, in the same order, in
   * milliseconds since the epoch (`Date.now()`, the clock the server and the webhook receiver read).
   */
  answeredAt?: number[]
}

export function memberBody(externalId: string) {
  return { external_id: externalId, name: `Bench member ${externalId}`, phone: '13800000000' }
}

const CATEGORIES = ['shoes', 'apparel', 'beauty', 'grocery', 'electronics']

/**
 * The `n`th order of a load: 1–3 items, amounts spread from a few yuan to several hundred,
 * the member chosen round-robin so that row locks do not queue on one member.
 */
export function benchOrder(id: string, member: string, n: number) {
  const count = 1 + (n % 3)
  const items = Array.from({ length: count }, (_, i) => ({
    sku: `SKU-${(n * 31 + i * 7) % 500}`,
    category: CATEGORIES[(n + i) % CATEGORIES.length] as string,
    quantity: 1 + ((n * 13 + i) % 3),
    unit_price: 500 + ((n * 7_919 + i * 104_729) % 30_000),
  }))
  const amount = items.reduce((sum, item) => sum + item.quantity * item.unit_price, 0)
  return { id, member, amount, channel: n % 4 === 0 ? 'store' : 'online', items }
}

/** What every order of a `redeem-orders` plan pays with, beside its own code. */
export interface RedeemTerms {
  /** One code per order, order `n` naming `codes[n]`: unassigned bulk codes, each usable once. */
  codes: string[]
  /** The coupons' `amount_off` (minor units), taken off the basket. */
  couponOff: number
  /** `points_to_redeem`, the same for every order. */
  points: number
  /** What `points` are worth at checkout (minor units), by the program's `redeem_rate`. */
  pointsValue: number
}

/** The code an order names once the plan's codes have run out: unknown, so the order is refused. */
export const NO_CODE_LEFT = 'NO-CODE-LEFT'

/**
 * The `n`th order of a `redeem-orders` load: `benchOrder`'s basket with the code `codes[n]` and
 * `points` points to redeem; its `amount` is what is left to pay in cash (the quote's `total`):
 * the basket less the coupon's discount and the points' value.
 */
export function redeemOrder(id: string, member: string, n: number, terms: RedeemTerms) {
  const order = benchOrder(id, member, n)
  const discount = Math.min(terms.couponOff, order.amount)
  return {
    ...order,
    amount: Math.max(0, order.amount - discount - terms.pointsValue),
    coupon_codes: [terms.codes[n] ?? NO_CODE_LEFT],
    points_to_redeem: terms.points,
  }
}

/** A member of a quotes load, and the codes of the coupons it holds, in the order they were issued. */
export interface QuoteMember {
  id: string
  codes: string[]
}

/**
 * The coupons quote `n` names, by their place in the member's codes: none; the first alone; the
 * second and third together; the first and second together (so that a coupon that does not
 * stack is refused, as a shop's basket sometimes is).
 */
const QUOTE_CODE_CHOICES = [[], [0], [1, 2], [0, 1]] as const

/**
 * Quotes come in 16 kinds, `n % 16`: its two low bits choose the coupons (`QUOTE_CODE_CHOICES`),
 * the next bit a shipping fee, the next points to pay with; so quotes 0 … 15 are one of each.
 */
export const QUOTE_KINDS = 16

/**
 * The `n`th quote of a load: the `n`th order's basket, with some of the member's coupons, a
 * shipping fee on half of the quotes and points to pay with on half of them, in every mix.
 * Every quote also prices each coupon the member holds (`applicable_coupons`).
 */
export function benchQuote(member: QuoteMember, n: number) {
  const { items } = benchOrder('', member.id, n)
  const kind = n % QUOTE_KINDS
  const choice = QUOTE_CODE_CHOICES[kind % QUOTE_CODE_CHOICES.length] ?? []
  const codes = choice.flatMap((i) => member.codes[i] ?? [])
  return {
    member: member.id,
    items,
    shipping_fee: kind & 4 ? 1_000 : 0,
    ...(codes.length > 0 ? { coupon_codes: codes } : {}),
    ...(kind & 8 ? { points_to_redeem: 1_000 * (1 + (n % 5)) } : {}),
  }
}

/**
 * The `n`th order of a bare-route load: the same body as `benchOrder`'s, with `member` the
 * number of one of `members` balance rows, round-robin from 1.
 */
export function bareOrder(id: string, members: number, n: number) {
  return { ...benchOrder(id, '', n), member: 1 + (n % members) }
}

interface OrderContext {
  n?: number
}

/**
 * `POST /v1/orders` numbered from `first`, the body of order `n` built by `body`; `orders()`
 * reports which numbers were sent and how each was answered (and, `timed`, when each 2xx came).
 */
function orderRequests(first: number, body: (n: number) => unknown, timed = false) {
  let sent = 0
  const answered2xx: number[] = []
  const answeredOther: number[] = []
  const answeredAt: number[] = []
  const request: autocannon.Request = {
    method: 'POST',
    path: '/v1/orders',
    headers: { 'content-type': 'application/json' },
    setupRequest: (request, context) => {
      const n = first + sent++
      ;(context as OrderContext).n = n
      return { ...request, body: JSON.stringify(body(n)) }
    },
    onResponse: (status, _body, context) => {
      const n = (context as OrderContext).n
      if (n === undefined) return
      if (status >= 200 && status <= 299) {
        answered2xx.push(n)
        if (timed) answeredAt.push(Date.now())
      } else answeredOther.push(n)
    },
  }
  return {
    requests: [request],
    orders: (): OrdersOutcome => ({
      sent,
      answered2xx,
      answeredOther,
      ...(timed ? { answeredAt } : {}),
    }),
  }
}

/**
 * autocannon's requests for a plan, with the state their callbacks share (every connection
 * cycles through the same request objects). `orders()` is what an orders load (plain or
 * paying with a coupon and points) reports.
 */
export function plannedRequests(plan: LoadPlan): {
  requests: autocannon.Request[]
  orders(): OrdersOutcome | undefined
} {
  switch (plan.kind) {
    case 'member-creations': {
      let counter = 0
      return {
        requests: [
          {
            method: 'POST',
            path: '/v1/members',
            headers: { 'content-type': 'application/json' },
            setupRequest: (request) => {
              counter++
              const body = memberBody(`${plan.prefix}${counter}`)
              return { ...request, body: JSON.stringify(body) }
            },
          },
        ],
        orders: () => undefined,
      }
    }
    case 'member-reads': {
      const ids = plan.memberIds
      let next = 0
      return {
        requests: [
          {
            method: 'GET',
            setupRequest: (request) => ({
              ...request,
              path: `/v1/members/${ids[next++ % ids.length]}`,
            }),
          },
        ],
        orders: () => undefined,
      }
    }
    case 'orders': {
      const { members, prefix, first, shippingFee, timed } = plan
      return orderRequests(
        first,
        (n) => ({
          ...benchOrder(`${prefix}${n}`, members[n % members.length] as string, n),
          ...(shippingFee ? { shipping_fee: shippingFee } : {}),
        }),
        timed,
      )
    }
    case 'redeem-orders': {
      const { members, prefix, first } = plan
      return orderRequests(first, (n) =>
        redeemOrder(`${prefix}${n}`, members[n % members.length] as string, n, plan),
      )
    }
    case 'reward-redemptions': {
      const { members, rewards } = plan
      const bodies = rewards.map((reward) => JSON.stringify({ reward }))
      let counter = 0
      return {
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            setupRequest: (request) => {
              const n = counter++
              const member = members[n % members.length] as string
              const body = bodies[n % bodies.length] as string
              return { ...request, path: `/v1/members/${member}/reward-redemptions`, body }
            },
          },
        ],
        orders: () => undefined,
      }
    }
    case 'quotes': {
      const { members } = plan
      let counter = 0
      return {
        requests: [
          {
            method: 'POST',
            path: '/v1/checkout/quote',
            headers: { 'content-type': 'application/json' },
            setupRequest: (request) => {
              const n = counter++
              const member = members[n % members.length] as QuoteMember
              return { ...request, body: JSON.stringify(benchQuote(member, n)) }
            },
          },
        ],
        orders: () => undefined,
      }
    }
    case 'bare-orders': {
      const { prefix, members } = plan
      let counter = 0
      return {
        requests: [
          {
            method: 'POST',
            path: BARE_ROUTE_PATH,
            headers: { 'content-type': 'application/json' },
            setupRequest: (request) => {
              const n = counter++
              return { ...request, body: JSON.stringify(bareOrder(`${prefix}${n}`, members, n)) }
            },
          },
        ],
        orders: () => undefined,
      }
    }
  }
}
