import { Card, Col, Flex, Progress, Result, Row, Statistic, Tag, Tooltip, Typography } from 'antd'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { getImport, type Import } from '../../../api/imports'
import { useQuery } from '../../../api/use-query'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { localiseImportFailure } from '../../../i18n/import-errors'
import { useTranslate } from '../../../i18n/use-error-message'
import { useFormat } from '../../../i18n/use-format'
import { useAdminSession } from '../../../session/AdminSession'
import { ImportRejects } from './ImportRejects'
import { ImportStatusTag } from './ImportStatusTag'
import { importOutcome, importPercent } from './import-files'

/** While an import runs, it is read again this often. */
const POLL_MS = 1_000

const COUNTS = ['records', 'imported', 'unchanged', 'rejected'] as const

/**
 * One import: while it runs, its progress and counts, read every second; once it has ended, the
 * result (all in, some records refused, or why it stopped), the counts and the rejected records.
 */
export function ImportResult({ shown, onEnded }: { shown: Import; onEnded(): void }) {
  const { t } = useTranslation()
  const translate = useTranslate()
  const { api, program } = useAdminSession()
  const format = useFormat(program?.timezone)
  const query = useQuery(JSON.stringify(['import', shown.id]), (signal) =>
    getImport(api, shown.id, signal),
  )
  const item = query.data ?? shown
  const running = item.status === 'running'
  const { reload } = query

  useEffect(() => {
    if (!running || query.loading || query.error) return
    const timer = window.setTimeout(reload, POLL_MS)
    return () => window.clearTimeout(timer)
  }, [running, query.loading, query.error, reload])

  // Seen running, then ended: the history shows the new status.
  const wasRunning = useRef(false)
  useEffect(() => {
    if (running) wasRunning.current = true
    else if (wasRunning.current) {
      wasRunning.current = false
      onEnded()
    }
  }, [running, onEnded])

  const outcome = importOutcome(item)
  const counts = {
    records: format.number(item.records),
    imported: format.number(item.imported),
    unchanged: format.number(item.unchanged),
    rejected: format.number(item.rejected),
  }
  const failure = item.error ? localiseImportFailure(item.error, translate) : null

  return (
    <Card
      title={
        <Flex gap={8} align="center" wrap>
          <span>{t('imports.result.title')}</span>
          <Typography.Text style={{ fontWeight: 'normal' }} data-testid="import-file-name">
            {item.file_name ?? t('imports.history.noFileName')}
          </Typography.Text>
          <Tag>{t(`imports.kinds.${item.kind}`)}</Tag>
          <ImportStatusTag status={item.status} />
        </Flex>
      }
      extra={
        <Typography.Text type="secondary">
          {item.finished_at
            ? t('imports.result.finishedAt', { time: format.dateTime(item.finished_at) })
            : t('imports.result.startedAt', { time: format.dateTime(item.created_at) })}
        </Typography.Text>
      }
      data-testid="import-result"
      data-status={item.status}
    >
      <Flex vertical gap={16}>
        {query.error ? <ErrorAlert error={query.error} onRetry={reload} /> : null}
        {running ? (
          <Flex vertical gap={4}>
            <Typography.Text>{t('imports.result.running')}</Typography.Text>
            <Progress
              percent={importPercent(item)}
              status="active"
              data-testid="import-progress"
              data-percent={importPercent(item)}
            />
            <Typography.Text type="secondary">
              {t('imports.result.bytes', {
                read: format.bytes(item.bytes_read),
                total: format.bytes(item.bytes_total),
              })}
            </Typography.Text>
          </Flex>
        ) : (
          <Result
            status={outcome === 'running' ? 'info' : outcome}
            title={
              <span data-testid="import-outcome" data-outcome={outcome}>
                {outcome === 'error'
                  ? t('imports.result.failed')
                  : outcome === 'warning'
                    ? t('imports.result.doneWithRejects', { count: item.rejected })
                    : t('imports.result.done')}
              </span>
            }
            subTitle={
              failure ? (
                <Tooltip title={failure.translated ? failure.raw : undefined}>
                  <span data-testid="import-failure">{failure.text}</span>
                </Tooltip>
              ) : (
                t('imports.result.summary', counts)
              )
            }
            style={{ padding: '8px 0' }}
          />
        )}
        <Row gutter={[16, 16]}>
          {COUNTS.map((count) => (
            <Col xs={12} md={6} key={count}>
              <Statistic
                title={t(`imports.counts.${count}`)}
                value={counts[count]}
                styles={
                  count === 'rejected' && item.rejected > 0
                    ? { content: { color: 'var(--ant-color-error)' } }
                    : undefined
                }
                data-testid={`import-count-${count}`}
                data-count={item[count]}
              />
            </Col>
          ))}
        </Row>
        {item.rejected > 0 ? <ImportRejects item={item} /> : null}
      </Flex>
    </Card>
  )
}
