import type { CouponDiscount, CouponTemplate, CouponValidity } from '../../api/coupons'
import type { Translate } from '../../i18n/api-errors'
import { formatDate, formatExpiryDate, formatMoneyShort, formatNumber } from '../../i18n/format'

/** What a coupon takes off and on what: the template's terms (the portal gets them too). */
export interface CouponTerms {
  discount: CouponDiscount
  min_spend: number | null
  applies_to: CouponTemplate['applies_to']
}

export interface CouponTextContext {
  t: Translate
  locale: string
  currency: string
  timeZone?: string
}

/**
 * `20` % off → `8` 折 (`15` → `8.5`, `12.5` → `8.75`): Chinese names a discount by what is paid,
 * in tenths.
 */
export function zheRate(percentOff: number): string {
  return String(Number(((100 - percentOff) / 10).toFixed(5)))
}

/** "满 ¥300 减 ¥50", "9 折，最多减 ¥50", "免运费" / "¥50 off orders over ¥300", … */
export function describeDiscount(terms: CouponTerms, { t, locale, currency }: CouponTextContext) {
  const money = (minor: number) => formatMoneyShort(minor, currency, locale)
  const min = terms.min_spend ? money(terms.min_spend) : null
  const { discount } = terms
  switch (discount.type) {
    case 'amount':
      return t(min ? 'coupons.discount.amountMin' : 'coupons.discount.amount', {
        amount: money(discount.amount_off),
        min,
      })
    case 'percent': {
      const cap = discount.max_amount ? money(discount.max_amount) : null
      const key = min
        ? cap
          ? 'coupons.discount.percentMinCap'
          : 'coupons.discount.percentMin'
        : cap
          ? 'coupons.discount.percentCap'
          : 'coupons.discount.percent'
      return t(key, {
        rate: zheRate(discount.percent_off),
        percent: formatNumber(discount.percent_off, locale),
        max: cap,
        min,
      })
    }
    case 'free_shipping':
      return t(min ? 'coupons.discount.freeShippingMin' : 'coupons.discount.freeShipping', { min })
  }
}

/** "全场通用" / "适用于 分类：鞋、商品：SKU-1". */
export function describeScope(terms: Pick<CouponTerms, 'applies_to'>, t: Translate): string {
  const categories = terms.applies_to?.categories ?? []
  const skus = terms.applies_to?.skus ?? []
  if (categories.length === 0 && skus.length === 0) return t('coupons.scope.all')
  const parts = [
    ...(categories.length > 0
      ? [t('coupons.scope.categories', { list: categories.join(', ') })]
      : []),
    ...(skus.length > 0 ? [t('coupons.scope.skus', { list: skus.join(', ') })] : []),
  ]
  return t('coupons.scope.some', { list: parts.join('; ') })
}

/** "发放后 30 天内有效", or the window's first and last day in the program's time zone. */
export function describeValidity(validity: CouponValidity, ctx: CouponTextContext): string {
  if ('days' in validity) return ctx.t('coupons.validity.days', { days: validity.days })
  return ctx.t('coupons.validity.window', {
    start: formatDate(validity.starts_at, ctx.locale, ctx.timeZone),
    // `ends_at` is exclusive: the last day is the one just before it.
    end: formatExpiryDate(validity.ends_at, ctx.locale, ctx.timeZone),
  })
}
