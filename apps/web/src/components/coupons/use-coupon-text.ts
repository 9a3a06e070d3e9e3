import { useMemo } from 'react'
import type { CouponValidity } from '../../api/coupons'
import { useTranslate } from '../../i18n/use-error-message'
import { useFormat } from '../../i18n/use-format'
import {
  type CouponTerms,
  type CouponTextContext,
  describeDiscount,
  describeScope,
  describeValidity,
} from './coupon-text'

/** A coupon's terms in words, in the UI's language, money in `currency`. */
export function useCouponText(currency: string, timeZone?: string) {
  const t = useTranslate()
  const format = useFormat(timeZone)
  return useMemo(() => {
    const ctx: CouponTextContext = { t, locale: format.locale, currency, timeZone }
    return {
      format,
      discount: (terms: CouponTerms) => describeDiscount(terms, ctx),
      scope: (terms: Pick<CouponTerms, 'applies_to'>) => describeScope(terms, t),
      validity: (validity: CouponValidity) => describeValidity(validity, ctx),
    }
  }, [t, format, currency, timeZone])
}
