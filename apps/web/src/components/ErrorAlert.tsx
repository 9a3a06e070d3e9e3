import { Alert, Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { useErrorMessage } from '../i18n/use-error-message'

export interface ErrorAlertProps {
  error: unknown
  onRetry?: () => void
}

/** Shows an API problem's `detail` (or title) to the user, with an optional retry. */
export function ErrorAlert({ error, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation()
  const describe = useErrorMessage()
  return (
    <Alert
      type="error"
      showIcon
      title={t('errors.loadFailed')}
      description={describe(error)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
      role="alert"
    />
  )
}
