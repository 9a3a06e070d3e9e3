import { App as AntApp, ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { matchLocale } from '../i18n'

const BRAND = '#4f46e5'

/** antd's own texts (pagination, empty states, date pickers) follow the UI language. */
export function AppProviders({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation()
  const locale = matchLocale(i18n.resolvedLanguage ?? i18n.language) === 'en' ? enUS : zhCN
  return (
    <ConfigProvider locale={locale} theme={{ token: { colorPrimary: BRAND, borderRadius: 8 } }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  )
}
