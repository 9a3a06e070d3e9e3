import { DownloadOutlined } from '@ant-design/icons'
import { App, Button, Flex, Table, type TableColumnsType, Tooltip, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  exportImportRejects,
  type Import,
  type ImportReject,
  listImportRejects,
} from '../../../api/imports'
import { useQuery } from '../../../api/use-query'
import { useErrorToast } from '../../../components/ApiProblem'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { saveBlob } from '../../../components/save-blob'
import { localiseRejectReason } from '../../../i18n/import-errors'
import { useTranslate } from '../../../i18n/use-error-message'
import { useAdminSession } from '../../../session/AdminSession'
import { rejectsFileName } from './import-files'

/** The most rejects the API lists; the rest are in the download. */
const SHOWN = 100

/**
 * The records an import refused: the first ones with their line, the reason in the reader's
 * language (the server's words on hover) and the record as it was in the file; every one of them
 * as a CSV download.
 */
export function ImportRejects({ item }: { item: Import }) {
  const { t } = useTranslation()
  const translate = useTranslate()
  const { message } = App.useApp()
  const toastError = useErrorToast()
  const { api } = useAdminSession()
  const [downloading, setDownloading] = useState(false)
  // Read again as the count grows and once more when the import ends.
  const key = JSON.stringify(['import-rejects', item.id, item.status, item.rejected])
  const rejects = useQuery(key, (signal) => listImportRejects(api, item.id, SHOWN, signal))
  const rows = rejects.error ? [] : (rejects.data?.data ?? [])
  const total = rejects.data?.total ?? item.rejected

  const download = async () => {
    setDownloading(true)
    try {
      const name = rejectsFileName(item)
      saveBlob(await exportImportRejects(api, item.id), name)
      void message.success(t('imports.rejects.downloaded', { file: name }))
    } catch (error) {
      toastError(error)
    } finally {
      setDownloading(false)
    }
  }

  const columns: TableColumnsType<ImportReject> = [
    {
      title: t('imports.rejects.line'),
      key: 'line',
      width: 80,
      align: 'right',
      render: (_, row) => <span data-testid="import-reject-line">{row.line}</span>,
    },
    {
      title: t('imports.rejects.reason'),
      key: 'reason',
      render: (_, row) => {
        const reason = localiseRejectReason(row.error, translate)
        const text = (
          <Typography.Text type="danger" data-testid="import-reject-reason">
            {reason.text}
          </Typography.Text>
        )
        return reason.translated ? <Tooltip title={reason.raw}>{text}</Tooltip> : text
      },
    },
    {
      title: t('imports.rejects.record'),
      key: 'record',
      render: (_, row) => (
        <Typography.Text
          code
          ellipsis={{ tooltip: row.record }}
          style={{ maxWidth: 360 }}
          data-testid="import-reject-record"
        >
          {row.record}
        </Typography.Text>
      ),
    },
  ]

  return (
    <Flex vertical gap={8} data-testid="import-rejects">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('imports.rejects.title')}
        </Typography.Title>
        <Button
          icon={<DownloadOutlined />}
          loading={downloading}
          onClick={download}
          data-testid="import-rejects-download"
        >
          {t('imports.rejects.download')}
        </Button>
      </Flex>
      {rejects.error ? <ErrorAlert error={rejects.error} onRetry={rejects.reload} /> : null}
      <div style={{ overflowX: 'auto' }}>
        <Table<ImportReject>
          rowKey={(row) => `${row.line}:${row.error}`}
          size="small"
          columns={columns}
          dataSource={rows}
          loading={rejects.loading && rejects.data === undefined}
          pagination={false}
          style={{ minWidth: 720 }}
          locale={{ emptyText: t('imports.rejects.empty') }}
          onRow={(row) =>
            ({
              'data-testid': 'import-reject-row',
              'data-line': row.line,
            }) as React.HTMLAttributes<HTMLElement>
          }
        />
      </div>
      {total > rows.length && rows.length > 0 ? (
        <Typography.Text type="secondary" data-testid="import-rejects-more">
          {t('imports.rejects.shown', { total, shown: rows.length })}
        </Typography.Text>
      ) : null}
    </Flex>
  )
}
