import { InfoCircleOutlined } from '@ant-design/icons'
import { App, Tooltip } from 'antd'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type FieldProblem,
  type LocalisedError,
  type RawProblem,
  rawProblemText,
} from '../i18n/api-errors'
import { useLocaliseError, useTranslate } from '../i18n/use-error-message'

/**
 * What the server said, untranslated, folded away under "详情 / Details": for operators, and
 * for a bug report (code, detail, field messages, request id).
 */
export function ProblemDetails({ raw }: { raw: RawProblem | null }) {
  const t = useTranslate()
  if (!raw) return null
  return (
    <details className="lb-problem-details" data-testid="problem-details">
      <summary title={t('errors.detailsLabel')}>{t('errors.details')}</summary>
      <pre>{rawProblemText(raw, t)}</pre>
    </details>
  )
}

/** The fields a 400 named, each with its problem in the reader's language. */
export function ProblemList({
  problems,
  testId,
}: {
  problems: readonly FieldProblem[]
  testId?: string
}) {
  const { t } = useTranslation()
  return (
    <ul className="lb-problems" data-testid={testId}>
      {problems.map((problem) => (
        <li key={`${problem.path}:${problem.raw}`} title={`${problem.path}: ${problem.raw}`}>
          {problem.field
            ? t('errors.fieldSentence', { field: problem.field, message: problem.message })
            : problem.message}
        </li>
      ))}
    </ul>
  )
}

/** One line for a toast: the summary, with the server's words in a tooltip. */
export function ApiErrorText({ error }: { error: LocalisedError }) {
  const t = useTranslate()
  return (
    <span data-testid="api-error-text">
      {error.summary}
      {error.raw ? (
        <Tooltip
          title={<pre className="lb-problem-raw">{rawProblemText(error.raw, t)}</pre>}
          placement="bottom"
        >
          <InfoCircleOutlined
            className="lb-problem-info"
            aria-label={t('errors.details')}
            tabIndex={0}
          />
        </Tooltip>
      ) : null}
    </span>
  )
}

/** Shows what a call threw as an error toast, in the reader's language. */
export function useErrorToast(): (error: unknown) => void {
  const { message } = App.useApp()
  const localise = useLocaliseError()
  return useCallback(
    (error: unknown) => {
      void message.error({
        content: <ApiErrorText error={localise(error)} />,
        duration: 5,
        pauseOnHover: true,
      })
    },
    [message, localise],
  )
}
