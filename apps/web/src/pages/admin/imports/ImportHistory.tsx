import { ReloadOutlined } from '@ant-design/icons'
import {
  Button,
  Card,
  Flex,
  Progress,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd'
import { useTranslation } from 'react-i18next'
import type { Import } from '../../../api/imports'
import type { Page } from '../../../api/schema'
import { CursorPager } from '../../../components/CursorPager'
import type { CursorStack } from '../../../components/cursor-stack'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useFormat } from '../../../i18n/use-format'
import { useAdminSession } from '../../../session/AdminSession'
import { ImportStatusTag } from './ImportStatusTag'
import { importPercent } from './import-files'

/** Past imports, newest first, a page at a time; a row opens its result and rejects. */
export function ImportHistory({
  page,
  loading,
  error,
  stack,
  selected,
  onPage,
  onOpen,
  onReload,
}: {
  page: Page<Import> | undefined
  loading: boolean
  error: unknown
  stack: CursorStack
  selected: string | null
  onPage(stack: CursorStack): void
  onOpen(item: Import): void
  onReload(): void
}) {
  const { t } = useTranslation()
  const { program } = useAdminSession()
  const format = useFormat(program?.timezone)

  const columns: TableColumnsType<Import> = [
    {
      title: t('imports.history.time'),
      key: 'created_at',
      render: (_, row) => format.dateTime(row.created_at),
    },
    {
      title: t('imports.history.kind'),
      key: 'kind',
      render: (_, row) => <Tag>{t(`imports.kinds.${row.kind}`)}</Tag>,
    },
    {
      title: t('imports.history.file'),
      key: 'file_name',
      render: (_, row) => (
        <Typography.Text
          ellipsis={{ tooltip: row.file_name }}
          style={{ maxWidth: 240 }}
          data-testid="import-row-file"
        >
          {row.file_name ?? t('imports.history.noFileName')}
        </Typography.Text>
      ),
    },
    {
      title: t('imports.history.status'),
      key: 'status',
      render: (_, row) => (
        <Flex vertical align="flex-start" gap={2} style={{ minWidth: 120 }}>
          <ImportStatusTag status={row.status} />
          {row.status === 'running' ? (
            <Progress
              percent={importPercent(row)}
              size="small"
              status="active"
              style={{ width: 140 }}
            />
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('imports.history.records'),
      key: 'records',
      align: 'right',
      render: (_, row) => format.number(row.records),
    },
    {
      title: t('imports.history.counts'),
      key: 'counts',
      render: (_, row) => (
        <span data-testid="import-row-counts">
          {format.number(row.imported)} / {format.number(row.unchanged)} /{' '}
          <Typography.Text type={row.rejected > 0 ? 'danger' : undefined}>
            {format.number(row.rejected)}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('imports.history.actions'),
      key: 'actions',
      render: (_, row) => (
        <Button
          size="small"
          type={row.id === selected ? 'primary' : 'link'}
          onClick={(event) => {
            event.stopPropagation()
            onOpen(row)
          }}
          data-testid="import-row-open"
        >
          {row.id === selected ? t('imports.history.opened') : t('imports.history.open')}
        </Button>
      ),
    },
  ]

  return (
    <Card
      title={t('imports.history.title')}
      extra={
        <Tooltip title={t('imports.history.refresh')}>
          <Button
            icon={<ReloadOutlined />}
            onClick={onReload}
            aria-label={t('imports.history.refresh')}
            data-testid="imports-refresh"
          />
        </Tooltip>
      }
    >
      {error ? <ErrorAlert error={error} onRetry={onReload} /> : null}
      <div style={{ overflowX: 'auto' }} data-testid="imports-table">
        <Table<Import>
          rowKey="id"
          columns={columns}
          dataSource={page?.data ?? []}
          loading={loading}
          pagination={false}
          style={{ minWidth: 880 }}
          locale={{ emptyText: t('imports.history.empty') }}
          rowClassName={(row) => (row.id === selected ? 'ant-table-row-selected' : '')}
          onRow={(row) =>
            ({
              onClick: () => onOpen(row),
              style: { cursor: 'pointer' },
              'data-testid': 'import-row',
              'data-id': row.id,
              'data-status': row.status,
            }) as React.HTMLAttributes<HTMLElement>
          }
        />
      </div>
      <CursorPager
        stack={stack}
        nextCursor={page?.next_cursor ?? null}
        loading={loading}
        onChange={onPage}
        testIdPrefix="imports"
      />
    </Card>
  )
}
