import { Alert, Progress, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ApiClient } from '../../../api/client'
import type { JobRun } from '../../../api/jobs'
import { useJobRun } from '../../../api/use-job-run'
import { ApiErrorText } from '../../../components/ApiProblem'
import { useLocaliseError } from '../../../i18n/use-error-message'
import { useFormat } from '../../../i18n/use-format'

export interface ReevaluationProgressProps {
  api: ApiClient
  runId: string
  /** Members the program had before the run (for a percentage); unknown = no percentage. */
  total?: number
  /** Once, when the run has finished (well or not). */
  onFinished: (run: JobRun) => void
}

/** Follows a `tier-evaluation` run every second until it finishes, then shows the outcome. */
export function ReevaluationProgress({ api, runId, total, onFinished }: ReevaluationProgressProps) {
  const { t } = useTranslation()
  const localise = useLocaliseError()
  const format = useFormat()
  const { run, pollError } = useJobRun(api, runId, onFinished)

  const examined = run?.progress ?? 0
  const changed = run?.processed ?? 0
  if (run?.finished_at) {
    return run.error ? (
      <Alert
        type="error"
        showIcon
        title={t('tiers.reevaluation.failed')}
        description={run.error}
        data-testid="reevaluation-failed"
      />
    ) : (
      <Alert
        type="success"
        showIcon
        title={t('tiers.reevaluation.done')}
        description={t('tiers.reevaluation.doneDetail', {
          count: examined,
          formatted: format.number(examined),
          changed: format.number(changed),
        })}
        data-testid="reevaluation-done"
      />
    )
  }
  const percent = total ? Math.min(99, Math.floor((examined / total) * 100)) : undefined
  return (
    <Alert
      type="info"
      showIcon
      title={t('tiers.reevaluation.running')}
      data-testid="reevaluation-progress"
      description={
        <>
          <Progress
            percent={percent ?? 100}
            status="active"
            showInfo={percent !== undefined}
            style={{ marginBottom: 4 }}
          />
          <Typography.Text type="secondary" data-testid="reevaluation-processed">
            {t('tiers.reevaluation.processed', {
              count: examined,
              formatted: format.number(examined),
            })}
          </Typography.Text>
          {pollError ? (
            <Typography.Text type="danger" style={{ display: 'block' }}>
              {t('tiers.reevaluation.pollFailed')}: <ApiErrorText error={localise(pollError)} />
            </Typography.Text>
          ) : null}
        </>
      }
    />
  )
}
