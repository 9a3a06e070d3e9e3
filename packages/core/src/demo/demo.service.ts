import type { DB } from '@loyalbase/db'
import type { Kysely } from 'kysely'
import type { ApiKeysService } from '../api-keys/index.js'
import type { BenefitInput, BenefitsService } from '../benefits/index.js'
import type { EventsService } from '../events/index.js'
import type { MembersService } from '../members/index.js'
import type { OrdersService } from '../orders/index.js'
import type { ProgramsService } from '../programs/index.js'
import type { RuleInput, RulesService } from '../rules/index.js'
import type { Clock } from '../shared/clock.js'
import { demoActivity, demoMembers } from './demo.js'

export const DEMO_MEMBER_COUNT = 60

const DEMO_RULES: RuleInput[] = [
  {
    name: '消费积分：每1元得1积分',
    trigger: 'order.completed',
    reward: { type: 'per_amount', points: 1, per: 100 },
    growth: { type: 'per_amount', points: 1, per: 100 },
  },
  {
    name: '鞋类加赠：每10元再得1积分',
    trigger: 'order.completed',
    condition: { in: ['shoes', { var: 'order.categories' }] },
    reward: { type: 'per_amount', points: 1, per: 1000 },
  },
  {
    name: '晒单评价送20积分',
    trigger: 'review.posted',
    reward: { type: 'fixed', points: 20 },
    growth: { type: 'fixed', points: 5 },
    limits: { per_member_per_day: 40 },
  },
  {
    name: '每日签到',
    trigger: 'member.checked_in',
    reward: { type: 'fixed', points: 5 },
    limits: { per_member_per_day: 5 },
  },
  {
    name: '推荐好友首单奖励',
    trigger: 'referral.converted',
    reward: { type: 'fixed', points: 500 },
  },
]

/** The benefits of the demo's one tier (`member`, the default ladder's). */
const DEMO_BENEFITS: BenefitInput[] = [
  {
    key: 'free-shipping',
    name: '每月两次包邮',
    type: 'free_shipping',
    tiers: ['member'],
    quota: { count: 2, period: 'month' },
  },
  {
    key: 'birthday-gift',
    name: '生日礼遇',
    type: 'custom',
    tiers: ['member'],
    quota: { count: 1, period: 'year' },
  },
  {
    key: 'fitting-service',
    name: '到店试衣预约',
    type: 'appointment',
    tiers: ['member'],
    quota: { count: 4, period: 'month' },
  },
]

export interface DemoProgram {
  programId: string
  adminKey: string
}

/** Creates the demo program on an empty database; undefined when programs already exist. */
export function createDemoService(
  db: Kysely<DB>,
  clock: Clock,
  deps: {
    programs: ProgramsService
    apiKeys: ApiKeysService
    members: MembersService
    rules: RulesService
    benefits: BenefitsService
    orders: OrdersService
    events: EventsService
  },
) {
  return {
    async seedIfEmpty(): Promise<DemoProgram | undefined> {
      const existing = await db.selectFrom('programs').select('id').limit(1).executeTakeFirst()
      if (existing) return undefined
      const created = await deps.programs.create({ name: '悦享会 Demo Store' })
      const programId = (JSON.parse(created.body) as { id: string }).id
      const key = await deps.apiKeys.create(programId, { name: 'demo admin', role: 'admin' })
      const adminKey = (JSON.parse(key.body) as { key: string }).key
      const program = await deps.programs.get(programId)
      const members = demoMembers(DEMO_MEMBER_COUNT, clock.now())
      for (const member of members) await deps.members.create(program, member)
      await deps.programs.update(program, {
        points_policy: { expiry: { type: 'rolling', months: 24 }, pending_days: 7 },
      })
      const configured = await deps.programs.get(programId)
      for (const rule of DEMO_RULES) await deps.rules.create(configured, rule)
      for (const benefit of DEMO_BENEFITS) await deps.benefits.create(configured, benefit)
      const activity = demoActivity(members, clock.now())
      for (const order of activity.orders) await deps.orders.create(configured, order)
      for (const review of activity.reviews) await deps.events.record(configured, review)
      for (const refund of activity.refunds) {
        await deps.orders.refund(configured, refund.order, { id: refund.id, amount: refund.amount })
      }
      return { programId, adminKey }
    },
  }
}
