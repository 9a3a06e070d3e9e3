import type { Campaign, CampaignReward, CampaignTrigger } from '../../api/campaigns'
import type { Translate } from '../../i18n/api-errors'
import { formatDateTime, formatMoney, formatMoneyShort, formatNumber } from '../../i18n/format'

export interface CampaignTextContext {
  t: Translate
  locale: string
  currency: string
  timeZone?: string
  /** A segment's name by id, when known. */
  segmentName?: (id: string) => string | undefined
  /** A tier's name by key (in the reader's language), when known. */
  tierName?: (key: string) => string | undefined
  /** A coupon template's name by id, when known. */
  templateName?: (id: string) => string | undefined
}

/** "会员生日前 3 天", "连续 90 天未下单", "2027年1月1日 10:00 向人群「金卡」发放", … */
export function describeTrigger(trigger: CampaignTrigger, ctx: CampaignTextContext): string {
  const { t } = ctx
  switch (trigger.type) {
    case 'member_joined':
      return t('campaigns.trigger.member_joined')
    case 'birthday':
      return trigger.days_before
        ? t('campaigns.trigger.birthdayBefore', {
            days: formatNumber(trigger.days_before, ctx.locale),
          })
        : t('campaigns.trigger.birthday')
    case 'tier_upgraded':
      return trigger.tier
        ? t('campaigns.trigger.tierUpgradedTo', {
            tier: ctx.tierName?.(trigger.tier) ?? trigger.tier,
          })
        : t('campaigns.trigger.tier_upgraded')
    case 'inactive':
      return t('campaigns.trigger.inactive', { days: formatNumber(trigger.days, ctx.locale) })
    case 'scheduled':
      return t('campaigns.trigger.scheduled', {
        at: formatDateTime(trigger.at, ctx.locale, ctx.timeZone),
        segment: ctx.segmentName?.(trigger.segment) ?? t('campaigns.trigger.unknownSegment'),
      })
  }
}

/** "送 200 积分", "发券「满 300 减 50」". */
export function describeReward(reward: CampaignReward, ctx: CampaignTextContext): string {
  if (reward.type === 'points') {
    return ctx.t('campaigns.reward.points', { points: formatNumber(reward.points, ctx.locale) })
  }
  const name = ctx.templateName?.(reward.template)
  return name
    ? ctx.t('campaigns.reward.coupon', { name })
    : ctx.t('campaigns.reward.couponUnknown', { id: reward.template })
}

/** Where a campaign stands: switched off, not started, ended, or running. */
export type CampaignStatus = 'running' | 'scheduled' | 'ended' | 'off'

export function campaignStatus(
  campaign: Pick<Campaign, 'active' | 'starts_at' | 'ends_at'>,
  now: Date,
): CampaignStatus {
  if (!campaign.active) return 'off'
  if (Date.parse(campaign.starts_at) > now.getTime()) return 'scheduled'
  if (campaign.ends_at && Date.parse(campaign.ends_at) <= now.getTime()) return 'ended'
  return 'running'
}

/** The share of the budget used, 0–100, by whichever limit is nearer; null without limits. */
export function budgetPercent(campaign: Pick<Campaign, 'budget' | 'used'>): number | null {
  const shares: number[] = []
  if (campaign.budget.max_rewards) {
    shares.push(campaign.used.rewards / campaign.budget.max_rewards)
  }
  if (campaign.budget.max_cost) shares.push(campaign.used.cost / campaign.budget.max_cost)
  if (shares.length === 0) return null
  return Math.min(100, Math.floor(Math.max(...shares) * 100))
}

/** The budget's lines in words: "12 / 1,000 份", "¥24 / ¥5,000", or what was used without limits. */
export function describeBudget(
  campaign: Pick<Campaign, 'budget' | 'used'>,
  ctx: Pick<CampaignTextContext, 't' | 'locale' | 'currency'>,
): string[] {
  const { t, locale, currency } = ctx
  const number = (value: number) => formatNumber(value, locale)
  const money = (minor: number) => formatMoneyShort(minor, currency, locale)
  const lines: string[] = []
  if (campaign.budget.max_rewards) {
    lines.push(
      t('campaigns.budget.rewards', {
        used: number(campaign.used.rewards),
        max: number(campaign.budget.max_rewards),
      }),
    )
  } else {
    lines.push(t('campaigns.budget.usedRewards', { used: number(campaign.used.rewards) }))
  }
  if (campaign.budget.max_cost) {
    lines.push(
      t('campaigns.budget.cost', {
        used: money(campaign.used.cost),
        max: money(campaign.budget.max_cost),
      }),
    )
  } else {
    lines.push(t('campaigns.budget.usedCost', { used: money(campaign.used.cost) }))
  }
  return lines
}

/** `+¥31.20`, `−¥6.40`, `¥0.00`: an uplift in money (as `Money` shows it), with its direction. */
export function formatSignedMoney(minor: number, currency: string, locale: string): string {
  const amount = formatMoney(Math.abs(minor), currency, locale)
  if (minor > 0) return `+${amount}`
  if (minor < 0) return `−${amount}`
  return amount
}
