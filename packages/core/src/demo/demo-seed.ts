import type { ProgramContext } from '../programs/index.js'
import type { DemoCheckout, DemoPlan, DemoStep } from './demo.js'
import type { DemoDeps } from './demo-deps.js'
import type { DemoSetup } from './demo-setup.js'

/*
 * Writing the plan through the use cases. Members join one after another, in the order they
 * joined. Then their timelines, many members at once (concurrent orders are written together:
 * see statement.batcher.ts), each member's steps in its own order: first every member's
 * back-dated orders, then its events, then — once every member's history is in, referral
 * bonuses included, so that balances read today are the same on every start — what it does
 * today. Steps that share stock or places are left for one member at a time (demo-finish.ts).
 */

/** Members whose steps run at once. */
const CONCURRENCY = 48

type Body = { id: string; referral_code?: string }
const bodyOf = <T = Body>(stored: { body: string }) => JSON.parse(stored.body) as T

/** A member's id and tier, as the writes left them. */
export interface DemoMemberState {
  id: string
  tier: string
}

/** Runs `work` over `items` with at most `concurrency` at a time. */
export async function eachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T)
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
}

export async function createDemoMembers(
  deps: DemoDeps,
  program: ProgramContext,
  plan: DemoPlan,
): Promise<Map<string, DemoMemberState>> {
  const members = new Map<string, DemoMemberState>()
  const referralCodes = new Map<string, string>()
  const entry = program.tier_ladder.tiers[0]?.key ?? 'member'
  // In the order they joined: the console lists the newest first, and a referrer joined first.
  for (const { referrer, ...member } of plan.members) {
    const referred_by = referrer ? referralCodes.get(referrer) : undefined
    if (referrer && !referred_by) throw new Error(`demo referrer ${referrer} joins later`)
    const created = bodyOf(
      await deps.members.create(program, { ...member, ...(referred_by && { referred_by }) }),
    )
    members.set(member.external_id, { id: created.id, tier: entry })
    if (created.referral_code) referralCodes.set(member.external_id, created.referral_code)
  }
  return members
}

/** Steps whose outcome depends on other members (stock, places): run one member at a time. */
export type DemoSharedStep = Extract<DemoStep, { kind: 'redeem' | 'book' }> & { member: string }

/** Every member's own steps; returns the shared ones, in the plan's order, to run after. */
export async function runDemoTimelines(
  deps: DemoDeps,
  setup: DemoSetup,
  plan: DemoPlan,
  members: Map<string, DemoMemberState>,
): Promise<DemoSharedStep[]> {
  const program = setup.program
  const stateOf = (external: string) => {
    const state = members.get(external)
    if (!state) throw new Error(`demo member ${external} was not created`)
    return state
  }
  const tierAfter = (state: DemoMemberState, stored: { body: string }) => {
    const change = bodyOf<{ effects: { tier_change: { to: string } | null } }>(stored).effects
      .tier_change
    if (change) state.tier = change.to
  }
  // Orders before events: an event locks the member, which makes the member's next order's
  // kept snapshot stale (a refused write, read again); and nothing an order computes depends
  // on the points an event paid.
  for (const kind of ['order', 'event'] as const) {
    await eachConcurrently(plan.timelines, CONCURRENCY, async ({ member, steps }) => {
      const state = stateOf(member)
      for (const step of steps) {
        if (step.kind !== kind) continue
        if (step.kind === 'order') {
          tierAfter(state, await deps.orders.create(program, { ...step.order, member: state.id }))
        } else if (step.kind === 'event') {
          tierAfter(state, await deps.events.record(program, { ...step.event, member: state.id }))
        }
      }
    })
  }
  // Today, once every member's history is in (a referral bonus too): balances read the same.
  const shared: DemoSharedStep[] = []
  await eachConcurrently(plan.timelines, CONCURRENCY, async ({ member, steps }) => {
    const state = stateOf(member)
    for (const step of steps) {
      if (step.kind === 'benefit') {
        await deps.benefits.use(program, state.id, step.benefit, { reference: step.reference })
      } else if (step.kind === 'refund') {
        await deps.orders.refund(program, step.order, step.refund)
      } else if (step.kind === 'coupon') {
        await deps.coupons.issue(program, state.id, { template: setup.coupons[step.coupon] })
      } else if (step.kind === 'checkout') {
        tierAfter(state, await checkout(deps, setup, state, step.checkout))
      }
    }
  })
  for (const { member, steps } of plan.timelines) {
    for (const step of steps) {
      if (step.kind === 'redeem' || step.kind === 'book') shared.push({ ...step, member })
    }
  }
  return shared
}

/**
 * Today's order with a coupon issued for it: the member's points (as much of the wish as its
 * balance allows) and the coupon priced by the checkout's quote, the order placed for what the
 * quote says is left to pay — as a shop's checkout does.
 */
async function checkout(
  deps: DemoDeps,
  setup: DemoSetup,
  state: DemoMemberState,
  order: DemoCheckout,
): Promise<{ body: string }> {
  const program = setup.program
  const issued = await deps.coupons.issue(program, state.id, {
    template: setup.coupons[order.coupon],
  })
  const code = bodyOf<{ code: string }>(issued).code
  const balance = (await deps.members.get(program, state.id)).points.available
  const points = Math.min(order.points, Math.max(balance, 0))
  const basket = {
    member: state.id,
    items: order.items,
    ...(order.shipping_fee !== undefined && { shipping_fee: order.shipping_fee }),
    coupon_codes: [code],
  }
  const quote = await deps.checkout.quote(program, {
    ...basket,
    ...(points > 0 && { points_to_redeem: points }),
  })
  if (quote.coupons_refused.length > 0) throw new Error(`demo coupon refused on ${order.id}`)
  return deps.orders.create(program, {
    ...basket,
    id: order.id,
    channel: order.channel,
    amount: quote.total,
    ...(quote.points_redeemed > 0 && { points_to_redeem: quote.points_redeemed }),
  })
}
