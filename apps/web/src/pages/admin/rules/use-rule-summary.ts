import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import {
  BUILT_IN_EVENT_TYPES,
  type EarningRule,
  ORDER_TRIGGER,
  type RuleReward,
} from '../../../api/earning-rules'
import { useFormat } from '../../../i18n/use-format'
import { useAdminSession } from '../../../session/AdminSession'

type KnownTrigger = typeof ORDER_TRIGGER | (typeof BUILT_IN_EVENT_TYPES)[number]
type TriggerLabelKey =
  | 'order_completed'
  | 'review_posted'
  | 'content_shared'
  | 'member_checked_in'
  | 'profile_completed'
  | 'referral_converted'

const TRIGGER_KEYS: Record<KnownTrigger, TriggerLabelKey> = {
  'order.completed': 'order_completed',
  'review.posted': 'review_posted',
  'content.shared': 'content_shared',
  'member.checked_in': 'member_checked_in',
  'profile.completed': 'profile_completed',
  'referral.converted': 'referral_converted',
}

function labelKey(trigger: string): TriggerLabelKey | undefined {
  return (TRIGGER_KEYS as Record<string, TriggerLabelKey | undefined>)[trigger]
}

/** Words for a rule's trigger, reward, limits and dates, in the UI language. */
export function useRuleSummary() {
  const { t } = useTranslation()
  const { program } = useAdminSession()
  const format = useFormat(program?.timezone)
  const currency = program?.currency ?? 'CNY'

  return useMemo(() => {
    const trigger = (value: string) => {
      const key = labelKey(value)
      return key ? t(`rules.triggers.${key}`) : value
    }
    const reward = (value: RuleReward, kind: 'points' | 'growth') => {
      const points = format.number(value.points)
      if (value.type === 'per_amount') {
        const per = format.money(value.per, currency)
        return kind === 'points'
          ? t('rules.summary.perAmount', { points, per })
          : t('rules.summary.growthPerAmount', { points, per })
      }
      return kind === 'points'
        ? t('rules.summary.fixed', { points })
        : t('rules.summary.growthFixed', { points })
    }
    const limits = (rule: EarningRule) => {
      const l = rule.limits
      const parts: string[] = []
      const value = (n: number) => format.number(n)
      if (l.per_member_per_day)
        parts.push(t('rules.summary.perMemberPerDay', { value: value(l.per_member_per_day) }))
      if (l.per_member_per_month)
        parts.push(t('rules.summary.perMemberPerMonth', { value: value(l.per_member_per_month) }))
      if (l.per_member_total)
        parts.push(t('rules.summary.perMemberTotal', { value: value(l.per_member_total) }))
      if (l.total_budget)
        parts.push(t('rules.summary.totalBudget', { value: value(l.total_budget) }))
      return parts.length > 0 ? parts : [t('rules.summary.noLimits')]
    }
    const multipliers = (rule: EarningRule, tierName: (key: string) => string) =>
      Object.entries(rule.tier_multipliers).map(([tier, value]) =>
        t('rules.summary.multiplier', { tier: tierName(tier), value }),
      )
    const period = (rule: EarningRule) => {
      if (rule.starts_at && rule.ends_at)
        return `${format.date(rule.starts_at)} – ${format.date(rule.ends_at)}`
      if (rule.starts_at) return t('rules.summary.from', { date: format.date(rule.starts_at) })
      if (rule.ends_at) return t('rules.summary.until', { date: format.date(rule.ends_at) })
      return t('rules.summary.always')
    }
    /** 'ended' / 'notStarted' when the dates keep an active rule from paying now. */
    const timing = (rule: EarningRule, now = Date.now()) => {
      if (rule.ends_at && Date.parse(rule.ends_at) <= now) return 'ended' as const
      if (rule.starts_at && Date.parse(rule.starts_at) > now) return 'notStarted' as const
      return null
    }
    return { trigger, reward, limits, multipliers, period, timing, format, currency }
  }, [t, format, currency])
}

export const KNOWN_TRIGGERS: readonly KnownTrigger[] = [ORDER_TRIGGER, ...BUILT_IN_EVENT_TYPES]
