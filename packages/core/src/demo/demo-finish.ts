import { AppError } from '../shared/app-error.js'
import { DEMO_SEED } from './demo.js'
import type { DemoCalendar } from './demo-calendar.js'
import type { DemoDeps } from './demo-deps.js'
import {
  DEMO_ADVISORS,
  DEMO_CAMPAIGNS,
  DEMO_EXCLUSIVE_EVENT,
  DEMO_RELEASE,
  DEMO_REWARDS,
  DEMO_SEGMENTS,
  type DemoReward,
} from './demo-program.js'
import { DemoRandom } from './demo-random.js'
import type { DemoMemberState, DemoSharedStep } from './demo-seed.js'
import type { DemoSetup } from './demo-setup.js'

/*
 * What happens once every member's history is in: redemptions in the rewards catalog and
 * bookings of appointment slots (one member at a time, as stock and places are shared), the
 * advisors of the top tier, an exclusive event with its answers, an upcoming release with early
 * access, saved segments, and the campaigns with their first run.
 */

const idOf = (stored: { body: string }) => (JSON.parse(stored.body) as { id: string }).id

/** A refusal the shared steps expect now and then (a full slot, a full event). */
function refusedAs(error: unknown, code: string): boolean {
  return error instanceof AppError && error.code === code
}

export async function finishDemoProgram(
  deps: DemoDeps,
  setup: DemoSetup,
  calendar: DemoCalendar,
  members: Map<string, DemoMemberState>,
  shared: readonly DemoSharedStep[],
): Promise<void> {
  const program = setup.program
  const random = new DemoRandom(DEMO_SEED + 1)

  // Redemptions and bookings, in the plan's order: who gets the last place is the same each time.
  const redemptions: { id: string; type: string }[] = []
  for (const step of shared) {
    const member = members.get(step.member)
    if (!member) continue
    if (step.kind === 'redeem') {
      const reward: DemoReward = DEMO_REWARDS[step.reward]
      if (reward.tiers && !reward.tiers.includes(member.tier)) continue
      const { points } = await deps.members.get(program, member.id)
      if (points.available < reward.points_cost) continue
      const redeemed = await deps.rewards.redeem(
        program,
        member.id,
        { reward: setup.rewards[step.reward] },
        `portal:${member.id}`,
      )
      redemptions.push({ id: idOf(redeemed), type: reward.type })
    } else {
      const slot = setup.slots[step.slot]
      if (!slot || (slot.tiers && !slot.tiers.includes(member.tier))) continue
      const by = random.chance(0.25) ? 'staff' : 'member'
      await deps.appointments.book(program, member.id, slot.id, by).catch((error: unknown) => {
        if (!refusedAs(error, 'slot_full')) throw error
      })
    }
  }
  // The shop's queue: most goods shipped, a few still to send, now and then one given back.
  for (const [i, redemption] of redemptions.entries()) {
    if (redemption.type === 'coupon') continue
    if (i % 9 === 4) await deps.rewards.cancel(program, redemption.id, '会员取消兑换，积分已退回')
    else if (i % 4 !== 3) await deps.rewards.fulfill(program, redemption.id, '已发货')
  }

  // The top tier's advisors: every black-card member gets one, balanced by load.
  for (const advisor of DEMO_ADVISORS) await deps.advisors.create(program, advisor)

  const { day, start, ...event } = DEMO_EXCLUSIVE_EVENT
  const eventId = idOf(
    await deps.exclusiveEvents.create(program, {
      ...event,
      starts_at: calendar.ahead(day, start).toISOString(),
    }),
  )
  const invited: { member: string; external: string }[] = []
  for (let cursor: string | undefined; ; ) {
    const page = await deps.exclusiveEvents.invitations(program, eventId, {
      limit: 100,
      ...(cursor && { cursor }),
    })
    invited.push(...page.data.map((i) => ({ member: i.member, external: i.member_external_id })))
    if (!page.next_cursor) break
    cursor = page.next_cursor
  }
  invited.sort((a, b) => a.external.localeCompare(b.external))
  for (const { member } of invited) {
    const roll = random.float()
    if (roll >= 0.6) continue
    await deps.exclusiveEvents.rsvp(program, member, eventId, roll < 0.5).catch((error) => {
      if (!refusedAs(error, 'slot_full')) throw error
    })
  }

  const { days, start: opens, ...release } = DEMO_RELEASE
  await deps.releases.create(program, {
    ...release,
    public_at: calendar.ahead(days, opens).toISOString(),
  })
  for (const segment of DEMO_SEGMENTS) await deps.segments.create(program, segment)

  // The campaigns, then their first run: today's birthdays and the members gone quiet.
  for (const { reward, ...campaign } of DEMO_CAMPAIGNS) {
    await deps.campaigns.create(program, {
      ...campaign,
      reward:
        reward.type === 'coupon'
          ? { type: 'coupon', template: setup.coupons[reward.coupon] }
          : reward,
    })
  }
  await deps.jobs.runNow(program.id, 'campaigns')
}
