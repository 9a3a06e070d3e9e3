import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import {
  formatBytes,
  formatDate,
  formatDateTime,
  formatExpiryDate,
  formatMoney,
  formatMoneyShort,
  formatNumber,
  formatSignedNumber,
} from './format'
import { DEFAULT_LOCALE, matchLocale } from './index'

/** The formatters bound to the current UI language (re-rendered when it changes). */
export function useFormat(timeZone?: string) {
  const { i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? i18n.language
  return useMemo(() => {
    const locale = matchLocale(language) ?? DEFAULT_LOCALE
    return {
      locale,
      money: (minorUnits: number, currency: string) => formatMoney(minorUnits, currency, locale),
      moneyShort: (minorUnits: number, currency: string) =>
        formatMoneyShort(minorUnits, currency, locale),
      number: (value: number) => formatNumber(value, locale),
      bytes: (value: number) => formatBytes(value, locale),
      signed: (value: number) => formatSignedNumber(value, locale),
      dateTime: (iso: string) => formatDateTime(iso, locale, timeZone),
      date: (iso: string) => formatDate(iso, locale, timeZone),
      expiryDate: (iso: string) => formatExpiryDate(iso, locale, timeZone),
    }
  }, [language, timeZone])
}
