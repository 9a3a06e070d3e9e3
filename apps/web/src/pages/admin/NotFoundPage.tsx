import { Button, Result } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'

export function NotFoundPage() {
  const { t } = useTranslation()
  return (
    <Result
      status="404"
      title={t('admin.notFound.title')}
      subTitle={t('admin.notFound.subtitle')}
      extra={
        <Link to="/admin/members">
          <Button type="primary">{t('admin.notFound.back')}</Button>
        </Link>
      }
    />
  )
}
