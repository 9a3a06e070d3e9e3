import { useMemo } from 'react'
import type { Benefit, BenefitQuota, MemberBenefitQuota, QuotaPeriod } from '../../api/benefits'
import { useTranslate } from '../../i18n/use-error-message'
import { useFormat } from '../../i18n/use-format'
import {
  type BenefitTextContext,
  describeBenefitConfig,
  describeQuota,
  describeRemaining,
  describeResets,
} from './benefit-text'

/** Benefits in words in the UI's language, money in `currency`, dates in `timeZone`. */
export function useBenefitText(currency: string, timeZone?: string) {
  const t = useTranslate()
  const format = useFormat(timeZone)
  return useMemo(() => {
    const ctx: BenefitTextContext = { t, locale: format.locale, currency, timeZone }
    return {
      t,
      format,
      ctx,
      type: (type: Benefit['type']) => t(`benefits.types.${type}`),
      quota: (quota: BenefitQuota | null) => describeQuota(quota, t),
      config: (benefit: Pick<Benefit, 'type' | 'config'>) => describeBenefitConfig(benefit, ctx),
      remaining: (quota: MemberBenefitQuota & { period?: QuotaPeriod }) =>
        describeRemaining(quota, t),
      resets: (resetsAt: string) => describeResets(resetsAt, ctx),
    }
  }, [t, format, currency, timeZone])
}
