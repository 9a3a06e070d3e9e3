import type { ProgramContext } from '../programs/index.js'
import type { DemoCalendar } from './demo-calendar.js'
import type { DemoDeps } from './demo-deps.js'
import {
  DEMO_BENEFITS,
  DEMO_COUPONS,
  DEMO_LADDER,
  DEMO_POINTS_POLICY,
  DEMO_PROGRAM_NAME,
  DEMO_REWARDS,
  DEMO_RULES,
  DEMO_SLOTS,
  type DemoCouponKey,
  type DemoReward,
  type DemoRewardKey,
} from './demo-program.js'

/** The ids the demo's configuration got, by the keys the plan names it with. */
export interface DemoSetup {
  program: ProgramContext
  adminKey: string
  coupons: Record<DemoCouponKey, string>
  rewards: Record<DemoRewardKey, string>
  /** In DEMO_SLOTS' order. */
  slots: { id: string; tiers: string[] | null }[]
}

const idOf = (stored: { body: string }) => (JSON.parse(stored.body) as { id: string }).id

/**
 * The program as an operator sets it up before the first member: the program and its admin
 * key, the points policy and the ladder, earning rules, benefits, coupon templates, the
 * rewards catalog and the coming appointment slots.
 */
export async function setUpDemoProgram(deps: DemoDeps, calendar: DemoCalendar): Promise<DemoSetup> {
  const programId = idOf(await deps.programs.create({ name: DEMO_PROGRAM_NAME }))
  const key = await deps.apiKeys.create(programId, { name: 'demo admin', role: 'admin' })
  const adminKey = (JSON.parse(key.body) as { key: string }).key
  await deps.programs.update(await deps.programs.get(programId), {
    points_policy: DEMO_POINTS_POLICY,
  })
  // The ladder's re-evaluation runs in the background: over no members yet, but waited for.
  await deps.tiers.setLadder(await deps.programs.get(programId), DEMO_LADDER)
  await deps.jobs.settle()
  let program = await deps.programs.get(programId)
  for (const rule of DEMO_RULES) await deps.rules.create(program, rule)
  for (const benefit of DEMO_BENEFITS) await deps.benefits.create(program, benefit)
  program = await deps.programs.get(programId)

  const coupons = {} as Record<DemoCouponKey, string>
  for (const [name, template] of Object.entries(DEMO_COUPONS)) {
    coupons[name as DemoCouponKey] = idOf(await deps.coupons.createTemplate(program, template))
  }
  const rewards = {} as Record<DemoRewardKey, string>
  for (const [name, { coupon, ...reward }] of Object.entries(DEMO_REWARDS) as [
    DemoRewardKey,
    DemoReward,
  ][]) {
    const input = coupon ? { ...reward, coupon_template: coupons[coupon] } : reward
    rewards[name] = idOf(await deps.rewards.create(program, input))
  }
  const slots: DemoSetup['slots'] = []
  for (const slot of DEMO_SLOTS) {
    const starts = calendar.ahead(slot.day, slot.start)
    const created = await deps.appointments.createSlot(program, {
      service: slot.service,
      starts_at: starts.toISOString(),
      ends_at: new Date(starts.getTime() + slot.minutes * 60_000).toISOString(),
      capacity: slot.capacity,
      ...(slot.tiers && { tiers: slot.tiers }),
    })
    slots.push({ id: idOf(created), tiers: slot.tiers ?? null })
  }
  return { program, adminKey, coupons, rewards, slots }
}
