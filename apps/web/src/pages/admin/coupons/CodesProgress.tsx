import { Alert, Progress, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ApiClient } from '../../../api/client'
import type { JobRun } from '../../../api/jobs'
import { useJobRun } from '../../../api/use-job-run'
import { ApiErrorText } from '../../../components/ApiProblem'
import { useLocaliseError } from '../../../i18n/use-error-message'
import { useFormat } from '../../../i18n/use-format'

export interface CodesProgressProps {
  api: ApiClient
  runId: string
  /** Codes requested: the bar's 100 %. */
  count: number
  /** Once, when the run has finished (well or not). */
  onFinished: (run: JobRun) => void
}

/** Follows a `coupon-codes` run every second until it finishes, then shows the outcome. */
export function CodesProgress({ api, runId, count, onFinished }: CodesProgressProps) {
  const { t } = useTranslation()
  const localise = useLocaliseError()
  const format = useFormat()
  const { run, pollError } = useJobRun(api, runId, onFinished)

  if (run?.finished_at) {
    const made = run.processed ?? run.progress ?? 0
    return run.error ? (
      <Alert
        type="error"
        showIcon
        title={t('coupons.detail.failed')}
        description={run.error}
        data-testid="codes-failed"
      />
    ) : (
      <Alert
        type="success"
        showIcon
        title={t('coupons.detail.done')}
        description={
          <>
            <Progress percent={100} size="small" style={{ marginBottom: 4 }} />
            {t('coupons.detail.doneDetail', { n: format.number(made) })}
          </>
        }
        data-testid="codes-done"
      />
    )
  }
  const done = run?.progress ?? 0
  return (
    <Alert
      type="info"
      showIcon
      title={t('coupons.detail.running')}
      data-testid="codes-progress"
      description={
        <>
          <Progress
            percent={Math.min(99, Math.floor((done / Math.max(1, count)) * 100))}
            status="active"
            style={{ marginBottom: 4 }}
          />
          <Typography.Text type="secondary">
            {t('coupons.detail.progress', {
              done: format.number(done),
              n: format.number(count),
            })}
          </Typography.Text>
          {pollError ? (
            <Typography.Text type="danger" style={{ display: 'block' }}>
              {t('coupons.detail.pollFailed')}: <ApiErrorText error={localise(pollError)} />
            </Typography.Text>
          ) : null}
        </>
      }
    />
  )
}
