/** Locale-aware formatting of the API's numbers, money and times. Pure functions. */

const fractionDigitsCache = new Map<string, number>()

/** How many minor units a currency has (CNY 2, JPY 0, KWD 3), as Intl knows it. */
export function currencyFractionDigits(currency: string): number {
  const cached = fractionDigitsCache.get(currency)
  if (cached !== undefined) return cached
  let digits = 2
  try {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
  } catch {
    // Unknown currency code: assume cents, the common case.
  }
  fractionDigitsCache.set(currency, digits)
  return digits
}

/** `formatMoney(12900, 'CNY', 'zh-CN')` → `¥129.00`. The API sends integer minor units. */
export function formatMoney(minorUnits: number, currency: string, locale: string): string {
  const digits = currencyFractionDigits(currency)
  const major = minorUnits / 10 ** digits
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(major)
  } catch {
    return `${major.toFixed(digits)} ${currency}`
  }
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value)
}

/**
 * Times are shown in the program's time zone when it is known, since that is the zone in
 * which the engine counts days, months and birthdays.
 */
export function formatDateTime(iso: string, locale: string, timeZone?: string): string {
  return formatInstant(iso, locale, { dateStyle: 'medium', timeStyle: 'short', timeZone })
}

export function formatDate(iso: string, locale: string, timeZone?: string): string {
  return formatInstant(iso, locale, { dateStyle: 'medium', timeZone })
}

function formatInstant(iso: string, locale: string, options: Intl.DateTimeFormatOptions) {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  try {
    return new Intl.DateTimeFormat(locale, options).format(date)
  } catch {
    // An unknown time zone name: fall back to the browser's zone rather than failing.
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: undefined }).format(date)
  }
}
