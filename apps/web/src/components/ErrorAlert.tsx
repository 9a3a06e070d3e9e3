import { Alert, Button } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocaliseError } from '../i18n/use-error-message'
import { ProblemDetails, ProblemList } from './ApiProblem'

export interface ErrorAlertProps {
  error: unknown
  onRetry?: () => void
  /** Defaults to "could not load". */
  title?: ReactNode
  'data-testid'?: string
}

/**
 * Shows what a call threw in the reader's language: the error's sentence, the fields a 400
 * named, and the server's own words under "details", with an optional retry.
 */
export function ErrorAlert({ error, onRetry, title, 'data-testid': testId }: ErrorAlertProps) {
  const { t } = useTranslation()
  const localised = useLocaliseError()(error)
  return (
    <Alert
      type="error"
      showIcon
      title={title ?? t('errors.loadFailed')}
      description={
        <>
          <div>{localised.message}</div>
          {localised.fields.length > 0 ? <ProblemList problems={localised.fields} /> : null}
          <ProblemDetails raw={localised.raw} />
        </>
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
      role="alert"
      data-testid={testId}
    />
  )
}
