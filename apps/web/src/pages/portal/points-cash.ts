import { currencyFractionDigits } from '../../i18n/format'

/**
 * What points pay at checkout, in whole minor units (docs/checkout.md): `P` points are worth
 * ⌊P × minor units per major unit ÷ redeem_rate⌋.
 */
export function pointsCashValue(points: number, redeemRate: number, currency: string): number {
  if (points <= 0 || redeemRate <= 0) return 0
  return Math.floor((points * 10 ** currencyFractionDigits(currency)) / redeemRate)
}
