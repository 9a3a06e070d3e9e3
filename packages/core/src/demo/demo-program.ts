import type { BenefitInput } from '../benefits/index.js'
import type { CampaignInput } from '../campaigns/index.js'
import type { TierLadder } from '../ladder/index.js'
import type { RewardInput } from '../rewards/index.js'
import type { RuleInput } from '../rules/index.js'
import type { DemoCategory } from './demo-catalog.js'

/*
 * The demo program's configuration: a tea and lifestyle shop's four-tier ladder, its earning
 * rules, benefits, coupons, rewards and campaigns — what an operator would have set up in the
 * console. Everything here goes through the same use cases as the API.
 */

export const DEMO_PROGRAM_NAME = '悦享茶舍 Demo Store'

/** Points expire twelve months after they are earned; order points wait out 7 days of returns. */
export const DEMO_POINTS_POLICY = {
  expiry: { type: 'rolling' as const, months: 12 },
  pending_days: 7,
}

/** Spend over the last twelve months, reviewed monthly with a month's grace. */
export const DEMO_LADDER: TierLadder = {
  metric: 'spend',
  window: { type: 'rolling', months: 12 },
  downgrade: { type: 'period_end', grace_days: 30 },
  tiers: [
    { key: 'member', name: '普通会员', name_en: 'Member', threshold: 0 },
    { key: 'silver', name: '银卡', name_en: 'Silver', threshold: 200_000, color: '#9ca3af' },
    { key: 'gold', name: '金卡', name_en: 'Gold', threshold: 500_000, color: '#d4a017' },
    { key: 'black', name: '黑金', name_en: 'Black Gold', threshold: 1_200_000, color: '#262626' },
  ],
}

export const DEMO_RULES: RuleInput[] = [
  {
    name: '消费积分：每1元得1积分',
    trigger: 'order.completed',
    reward: { type: 'per_amount', points: 1, per: 100 },
    growth: { type: 'per_amount', points: 1, per: 100 },
    tier_multipliers: { silver: 1.2, gold: 1.5, black: 2 },
  },
  {
    name: '茶具加赠：每10元再得1积分',
    trigger: 'order.completed',
    condition: { in: ['茶具', { var: 'order.categories' }] },
    reward: { type: 'per_amount', points: 1, per: 1000 },
  },
  {
    name: '单笔满¥1,000加赠200积分',
    trigger: 'order.completed',
    condition: { '>=': [{ var: 'order.amount' }, 100_000] },
    reward: { type: 'fixed', points: 200 },
  },
  {
    name: '晒单评价送20积分',
    trigger: 'review.posted',
    reward: { type: 'fixed', points: 20 },
    growth: { type: 'fixed', points: 5 },
    limits: { per_member_per_day: 40 },
  },
  {
    name: '带图评价再送30积分',
    trigger: 'review.posted',
    condition: { '==': [{ var: 'event.properties.has_photo' }, true] },
    reward: { type: 'fixed', points: 30 },
    limits: { per_member_per_day: 30 },
  },
  {
    name: '每日签到',
    trigger: 'member.checked_in',
    reward: { type: 'fixed', points: 5 },
    limits: { per_member_per_day: 5 },
  },
  {
    name: '连续签到7天奖励',
    trigger: 'member.checked_in',
    condition: { '==': [{ var: 'event.properties.streak' }, 7] },
    reward: { type: 'fixed', points: 50 },
  },
  {
    name: '完善资料送100积分',
    trigger: 'profile.completed',
    reward: { type: 'fixed', points: 100 },
    limits: { per_member_total: 100 },
  },
  {
    name: '推荐好友首单奖励',
    trigger: 'referral.converted',
    reward: { type: 'fixed', points: 500 },
  },
]

const ALL_TIERS = DEMO_LADDER.tiers.map((t) => t.key)

export const DEMO_BENEFITS: BenefitInput[] = [
  {
    key: 'free-shipping',
    name: '每月两次包邮',
    type: 'free_shipping',
    tiers: ALL_TIERS,
    quota: { count: 2, period: 'month' },
  },
  {
    key: 'birthday-gift',
    name: '生日礼遇',
    type: 'custom',
    tiers: ALL_TIERS,
    quota: { count: 1, period: 'year' },
  },
  {
    key: 'tea-tasting',
    name: '门店品鉴预约',
    type: 'appointment',
    tiers: ['silver', 'gold', 'black'],
    quota: { count: 2, period: 'month' },
  },
  { key: 'early-access', name: '新茶优先购', type: 'early_access', tiers: ['gold', 'black'] },
  { key: 'vip-events', name: '会员私享会邀请', type: 'event_invitation', tiers: ['gold', 'black'] },
  { key: 'tea-advisor', name: '专属茶艺顾问', type: 'dedicated_service', tiers: ['black'] },
]

/** The coupon templates, by the key the plan names them with. */
export const DEMO_COUPONS = {
  welcome: {
    name: '新人礼 满99减10',
    discount: { type: 'amount' as const, amount_off: 1_000 },
    min_spend: 9_900,
    validity: { days: 30 },
    per_member_limit: 1,
  },
  spend300: {
    name: '满300减50',
    discount: { type: 'amount' as const, amount_off: 5_000 },
    min_spend: 30_000,
    validity: { days: 14 },
    total_limit: 1_000,
  },
  teaware: {
    name: '茶具9折券',
    discount: { type: 'percent' as const, percent_off: 10, max_amount: 10_000 },
    applies_to: { categories: ['茶具'] },
    validity: { days: 30 },
  },
  birthday: {
    name: '生日专享 满200减40',
    discount: { type: 'amount' as const, amount_off: 4_000 },
    min_spend: 20_000,
    validity: { days: 30 },
  },
  winback: {
    name: '好久不见 满199减30',
    discount: { type: 'amount' as const, amount_off: 3_000 },
    min_spend: 19_900,
    validity: { days: 21 },
  },
  voucher20: {
    name: '积分兑换 ¥20无门槛券',
    discount: { type: 'amount' as const, amount_off: 2_000 },
    validity: { days: 30 },
  },
}

export type DemoCouponKey = keyof typeof DEMO_COUPONS

/** What a basket needs for the coupon to apply: its minimum spend, or an item of a category. */
export const COUPON_NEEDS: Record<
  'welcome' | 'spend300' | 'teaware',
  { minimum?: number; needs?: DemoCategory }
> = {
  welcome: { minimum: 9_900 },
  spend300: { minimum: 30_000 },
  teaware: { needs: '茶具' },
}

/** A reward of the catalog; `coupon` names the template a coupon reward issues. */
export type DemoReward = Omit<RewardInput, 'coupon_template'> & { coupon?: DemoCouponKey }

/** The rewards catalog (积分商城). */
export const DEMO_REWARDS = {
  'jasmine-50g': {
    name: '茉莉花茶小罐 50g',
    type: 'product',
    points_cost: 800,
    stock: 120,
    description: '银毫茉莉，窨制五次',
  },
  'canvas-bag': {
    name: '品牌帆布茶袋',
    type: 'product',
    points_cost: 1_500,
    stock: 200,
    per_member_limit: 2,
  },
  'voucher-20': {
    name: '¥20 无门槛券',
    type: 'coupon',
    points_cost: 2_000,
    coupon: 'voucher20',
  },
  'celadon-cup': {
    name: '青瓷小品杯（积分+现金）',
    type: 'product',
    points_cost: 3_000,
    cash_cost: 2_900,
    stock: 30,
  },
  'tasting-seat': {
    name: '春茶品鉴会席位',
    type: 'service',
    points_cost: 5_000,
    stock: 20,
    tiers: ['gold', 'black'],
    per_member_limit: 1,
  },
} satisfies Record<string, DemoReward>

export type DemoRewardKey = keyof typeof DEMO_REWARDS

export const DEMO_ADVISORS = [
  { name: '林晓雯 · 茶艺顾问', contact: '400-820-1688 转 801', capacity: 15 },
  { name: '陈子墨 · 茶艺顾问', contact: '400-820-1688 转 802', capacity: 15 },
]

/** Appointment slots in the coming days: day offset, local start, minutes, service, places. */
export const DEMO_SLOTS: {
  day: number
  start: string
  minutes: number
  service: string
  capacity: number
  tiers?: string[]
}[] = [
  { day: 1, start: '14:00', minutes: 90, service: '龙井品鉴 · 湖滨店', capacity: 6 },
  { day: 2, start: '19:00', minutes: 90, service: '普洱品鉴 · 静安店', capacity: 6 },
  {
    day: 3,
    start: '10:30',
    minutes: 60,
    service: '私人茶席定制',
    capacity: 2,
    tiers: ['gold', 'black'],
  },
  { day: 4, start: '14:00', minutes: 90, service: '白茶品鉴 · 湖滨店', capacity: 6 },
  {
    day: 6,
    start: '15:00',
    minutes: 120,
    service: '紫砂壶养护课',
    capacity: 8,
    tiers: ['silver', 'gold', 'black'],
  },
  { day: 8, start: '19:00', minutes: 90, service: '岩茶品鉴 · 静安店', capacity: 6 },
  {
    day: 10,
    start: '10:30',
    minutes: 60,
    service: '私人茶席定制',
    capacity: 2,
    tiers: ['gold', 'black'],
  },
  { day: 12, start: '14:00', minutes: 90, service: '花茶调饮体验', capacity: 10 },
]

export const DEMO_EXCLUSIVE_EVENT = {
  day: 9,
  start: '19:00',
  title: '春茶品鉴私享会',
  capacity: 40,
  tiers: ['gold', 'black'],
  description: '明前龙井与易武生茶对饮，茶艺师现场讲解',
  location: '杭州 · 湖滨店二楼茶室',
}

export const DEMO_RELEASE = {
  sku: 'TEA-SF-MQ-PRE',
  name: '狮峰龙井 · 头采预售',
  days: 14,
  start: '10:00',
  early_access: [
    { tier: 'black', hours_before: 72 },
    { tier: 'gold', hours_before: 24 },
  ],
}

export const DEMO_SEGMENTS = [
  {
    name: '高价值会员（累计消费满¥5,000）',
    condition: { '>=': [{ var: 'lifetime_spend' }, 500_000] },
  },
  { name: '沉睡会员（90天未下单）', condition: { '>=': [{ var: 'days_since_last_order' }, 90] } },
  {
    name: '杭州 · 订阅资讯',
    condition: {
      and: [
        { '==': [{ var: 'attributes.city' }, '杭州'] },
        { '==': [{ var: 'attributes.newsletter' }, true] },
      ],
    },
  },
]

/** The campaigns; `coupon` names the template of a coupon reward. */
export const DEMO_CAMPAIGNS: (Omit<CampaignInput, 'reward'> & {
  reward: { type: 'coupon'; coupon: DemoCouponKey } | { type: 'points'; points: number }
})[] = [
  {
    name: '生日礼遇 · 生日券',
    trigger: { type: 'birthday', days_before: 0 },
    reward: { type: 'coupon', coupon: 'birthday' },
    holdout_percent: 10,
  },
  {
    name: '沉睡会员唤醒（120天未下单）',
    trigger: { type: 'inactive', days: 120 },
    reward: { type: 'coupon', coupon: 'winback' },
    holdout_percent: 20,
    budget: { max_rewards: 80, max_cost: 240_000 },
  },
]
