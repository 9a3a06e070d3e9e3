import './portal.css'
import { Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from '../../components/LanguageSwitch'
import { useDocumentTitle } from '../../components/use-document-title'

/** The phone-width frame of every portal screen, centred on wider screens. */
export function PortalShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  useDocumentTitle(t('portal.title'))
  return (
    <div className="lb-portal">
      <div className="lb-portal-column">
        <header className="lb-portal-header">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('portal.title')}
          </Typography.Title>
          <LanguageSwitch />
        </header>
        <main className="lb-portal-main">{children}</main>
      </div>
    </div>
  )
}
