import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { MemberTierStatus, Tier, TierMetric } from '../../api/tiers'
import { useFormat } from '../../i18n/use-format'
import { isMoneyMetric, isTierMetric, resolveTier, tierLabel } from './tier-helpers'

const REASONS = ['upgrade', 'downgrade', 'override', 'override_expired', 'ladder_change'] as const

export interface TierTextOptions {
  /** The program's currency, for spend. */
  currency?: string
  /** The program's time zone, for dates. */
  timeZone?: string
  /** The ladder, for English names and colours. */
  ladder?: readonly Tier[]
}

/**
 * The sentences the console's tier card and the portal share, worded per metric:
 * "再消费 ¥3,800 升级金卡", "保级：到 2027年1月30日 前需达到 ¥1,000", a reason in words.
 */
export function useTierText({ currency = 'CNY', timeZone, ladder }: TierTextOptions) {
  const { t } = useTranslation()
  const format = useFormat(timeZone)
  return useMemo(() => {
    const metricOf = (type: string): TierMetric => (isTierMetric(type) ? type : 'points_earned')
    const tier = (key: string, name?: string) => resolveTier(ladder, key, name)
    const name = (key: string, fallback?: string) => tierLabel(tier(key, fallback), format.locale)
    const value = (type: string, amount: number) =>
      isMoneyMetric(type) ? format.moneyShort(amount, currency) : format.number(amount)
    const amount = (type: string, figure: number) =>
      t(`tiers.amounts.${metricOf(type)}`, { value: value(type, figure), count: figure })
    return {
      tier,
      name,
      /** The metric's value as a figure: `¥4,601`, `1,250`. */
      value,
      /** The metric's name: 消费金额, 成长值. */
      metricName: (type: string) => t(`tiers.metrics.${metricOf(type)}`),
      /** What is left to reach the next tier, or that this is the top. */
      next: (type: string, next: MemberTierStatus['next']) =>
        next
          ? t(`tiers.progress.${metricOf(type)}`, {
              amount: value(type, next.remaining),
              count: next.remaining,
              tier: name(next.key, next.name),
            })
          : t('tiers.progress.top'),
      /** What keeps the current tier, and by when. */
      retain: (type: string, retain: NonNullable<MemberTierStatus['retain']>, key: string) =>
        t('tiers.retain', {
          tier: name(key),
          amount: amount(type, retain.threshold),
          date: format.expiryDate(retain.by),
        }),
      reason: (reason: string) =>
        (REASONS as readonly string[]).includes(reason)
          ? t(`tiers.reasons.${reason as (typeof REASONS)[number]}`)
          : reason,
      date: format.date,
      dateTime: format.dateTime,
    }
  }, [t, format, currency, ladder])
}
