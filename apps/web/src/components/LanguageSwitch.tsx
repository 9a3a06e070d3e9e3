import { GlobalOutlined } from '@ant-design/icons'
import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { currentLocale, setLocale } from '../i18n'

/** Toggles between the two UI languages; the label names the language switched to. */
export function LanguageSwitch({ type = 'text' }: { type?: 'text' | 'default' }) {
  const { t } = useTranslation()
  const next = currentLocale() === 'zh-CN' ? 'en' : 'zh-CN'
  return (
    <Button
      type={type}
      icon={<GlobalOutlined />}
      aria-label={t('language.switchLabel')}
      title={t('language.switchLabel')}
      onClick={() => setLocale(next)}
      data-testid="lang-switch"
    >
      {t('language.switchTo')}
    </Button>
  )
}
