import { nextPeriodStart, periodStart } from '@loyalbase/core/calendar'
import type { Benefit, BenefitQuota, MemberBenefitQuota, QuotaPeriod } from '../../api/benefits'
import type { Translate } from '../../i18n/api-errors'
import { formatDate, formatNumber } from '../../i18n/format'
import { describeDiscount } from '../coupons/coupon-text'

/*
 * Benefits in words, pure (the console and the portal share them): a quota ("2 次 / 月"), a
 * benefit's terms ("9.5 折，最多减 ¥50", "×2 积分"), what is left ("本月剩余 1 / 2 次"), and
 * the audit's periods in the program's time zone.
 */

export interface BenefitTextContext {
  t: Translate
  locale: string
  currency: string
  timeZone?: string
}

/** "2 次 / 月" / "2 per month"; "不限次数" without a quota. */
export function describeQuota(quota: BenefitQuota | null, t: Translate): string {
  if (!quota) return t('benefits.quota.unlimited')
  return t('benefits.quota.perPeriod', {
    count: quota.count,
    period: t(`benefits.periods.${quota.period}`),
  })
}

/** What a discount or a multiplier gives ("9.5 折，最多减 ¥50", "×2 积分"); null for the rest. */
export function describeBenefitConfig(
  benefit: Pick<Benefit, 'type' | 'config'>,
  ctx: BenefitTextContext,
): string | null {
  const config = benefit.config as {
    percent_off?: unknown
    max_amount?: unknown
    multiplier?: unknown
  }
  if (benefit.type === 'discount' && typeof config.percent_off === 'number') {
    return describeDiscount(
      {
        discount: {
          type: 'percent',
          percent_off: config.percent_off,
          ...(typeof config.max_amount === 'number' ? { max_amount: config.max_amount } : {}),
        },
        min_spend: null,
        applies_to: null,
      },
      ctx,
    )
  }
  if (benefit.type === 'points_multiplier' && typeof config.multiplier === 'number') {
    return ctx.t('benefits.config.multiplier', {
      multiplier: formatNumber(config.multiplier, ctx.locale),
    })
  }
  return null
}

/** "本月剩余 1 / 2 次" / "1 of 2 left this month" ("本期" when the period is not known). */
export function describeRemaining(
  quota: Pick<MemberBenefitQuota, 'count' | 'remaining'> & { period?: QuotaPeriod },
  t: Translate,
): string {
  return t(`benefits.remaining.${quota.period ?? 'period'}`, {
    remaining: quota.remaining,
    count: quota.count,
  })
}

/** "2026年4月1日 重置": the day the quota starts afresh, in the program's time zone. */
export function describeResets(resetsAt: string, ctx: Omit<BenefitTextContext, 'currency'>) {
  return ctx.t('benefits.remaining.resets', {
    date: formatDate(resetsAt, ctx.locale, ctx.timeZone),
  })
}

export interface AuditPeriod {
  /** The period's first instant (ISO), sent as the audit's `period_start`. */
  start: string
  /** Its first instant after it. */
  end: string
  label: string
}

/**
 * The `count` quota periods up to the one holding `now`, newest first, with their names in the
 * reader's language: "2026年3月", "2026", "3月2日 起的一周".
 */
export function auditPeriods(
  period: QuotaPeriod,
  now: Date,
  count: number,
  ctx: Omit<BenefitTextContext, 'currency'>,
): AuditPeriod[] {
  const timeZone = ctx.timeZone ?? 'UTC'
  const periods: AuditPeriod[] = []
  let start = periodStart(period, now, timeZone)
  for (let i = 0; i < count; i++) {
    const end = nextPeriodStart(period, start, timeZone)
    periods.push({
      start: start.toISOString(),
      end: end.toISOString(),
      label: periodLabel(period, start, ctx.t, ctx.locale, timeZone),
    })
    start = periodStart(period, new Date(start.getTime() - 1), timeZone)
  }
  return periods
}

function periodLabel(
  period: QuotaPeriod,
  start: Date,
  t: Translate,
  locale: string,
  timeZone: string,
): string {
  const format = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(start)
  if (period === 'year') return format({ year: 'numeric' })
  if (period === 'month') return format({ year: 'numeric', month: 'long' })
  return t('benefits.audit.weekOf', { date: format({ month: 'short', day: 'numeric' }) })
}

/** The share of the entitled who used it, as "62.5%" (null when nobody was entitled). */
export function deliveryRate(audit: { entitled: number; used: number }, locale: string) {
  if (audit.entitled === 0) return null
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
    audit.used / audit.entitled,
  )
}
