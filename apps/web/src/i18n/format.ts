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

/**
 * Like `formatMoney` but without the minor units when there are none: `¥3,800`, `¥12.50`.
 * For amounts in sentences ("再消费 ¥3,800 升级金卡"), so the narrow symbol (¥, not CN¥).
 */
export function formatMoneyShort(minorUnits: number, currency: string, locale: string): string {
  const digits = currencyFractionDigits(currency)
  const major = minorUnits / 10 ** digits
  const shown = Number.isInteger(major) ? 0 : digits
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: shown,
      maximumFractionDigits: shown,
    }).format(major)
  } catch {
    return `${major.toFixed(shown)} ${currency}`
  }
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value)
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const

/** A file's size, `12.3 MB`: in the largest unit (of 1024) that leaves at least 1. */
export function formatBytes(bytes: number, locale: string): string {
  let value = Math.max(bytes, 0)
  let unit = 0
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024
    unit++
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: BYTE_UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value)
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

/** `+120`, `-59`, `0`: points that moved, with their direction. */
export function formatSignedNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' }).format(value)
}

/** `toMinorUnits(129, 'CNY')` → `12900`: what a person types (yuan) to what the API takes. */
export function toMinorUnits(major: number, currency: string): number {
  return Math.round(major * 10 ** currencyFractionDigits(currency))
}

export function toMajorUnits(minorUnits: number, currency: string): number {
  return minorUnits / 10 ** currencyFractionDigits(currency)
}

/**
 * The last day points can be used. The engine stores the instant they lapse, e.g. the
 * start of 1 January for "expires at the end of the year"; people read "valid until 31
 * December", so the date shown is that of the moment just before.
 */
export function formatExpiryDate(iso: string, locale: string, timeZone?: string): string {
  const instant = Date.parse(iso)
  if (Number.isNaN(instant)) return iso
  return formatDate(new Date(instant - 1).toISOString(), locale, timeZone)
}
