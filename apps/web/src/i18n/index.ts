import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en'
import { type Messages, zhCN } from './zh-CN'

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'zh-CN'

const STORAGE_KEY = 'lb.locale'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: Messages }
  }
}

/** Maps any tag ('en-US', 'zh', 'zh-Hans-CN') to one of ours, or null if we have none. */
export function matchLocale(tag: string | null | undefined): Locale | null {
  if (!tag) return null
  const lower = tag.toLowerCase()
  if (lower.startsWith('zh')) return 'zh-CN'
  if (lower.startsWith('en')) return 'en'
  return null
}

function readStoredLocale(): Locale | null {
  try {
    return matchLocale(window.localStorage.getItem(STORAGE_KEY))
  } catch {
    return null
  }
}

/** Switches the UI language and remembers the choice for the next visit. */
export function setLocale(locale: Locale) {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Storage disabled: the choice lasts for this page only.
  }
  void i18n.changeLanguage(locale)
}

/** Applies a locale from a link (e.g. the portal's `#locale=en`) unless the user chose one. */
export function applySuggestedLocale(tag: string | null) {
  const locale = matchLocale(tag)
  if (locale && readStoredLocale() === null) void i18n.changeLanguage(locale)
}

export function currentLocale(): Locale {
  return matchLocale(i18n.resolvedLanguage ?? i18n.language) ?? DEFAULT_LOCALE
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = matchLocale(lng) ?? DEFAULT_LOCALE
})

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: zhCN },
    en: { translation: en },
  },
  lng: readStoredLocale() ?? DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  // Resources are bundled: initialise synchronously so the first render need not suspend.
  initAsync: false,
  // React escapes rendered text already.
  interpolation: { escapeValue: false },
})

export { i18n }
