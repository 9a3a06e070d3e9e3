import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import {
  App,
  Button,
  Card,
  Flex,
  Popconfirm,
  Table,
  type TableColumnsType,
  Tooltip,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import { deleteSegment, listSegments, type Segment } from '../../../api/segments'
import { useQuery } from '../../../api/use-query'
import { useErrorToast } from '../../../components/ApiProblem'
import { CursorPager } from '../../../components/CursorPager'
import { type CursorStack, currentCursor } from '../../../components/cursor-stack'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useFormat } from '../../../i18n/use-format'
import { useAdminSession } from '../../../session/AdminSession'
import { formatCondition } from '../rules/condition'

const PAGE_SIZE = 20

/** Every segment with the count of its members now; create, edit, delete. */
export function SegmentsPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const toastError = useErrorToast()
  const navigate = useNavigate()
  const { api, program } = useAdminSession()
  const format = useFormat(program?.timezone)
  const [stack, setStack] = useState<CursorStack>([])
  const [version, setVersion] = useState(0)
  const [deleting, setDeleting] = useState<string | null>(null)
  const cursor = currentCursor(stack)
  const list = useQuery(JSON.stringify(['segments', cursor ?? null, version]), (signal) =>
    listSegments(api, { limit: PAGE_SIZE, cursor, with_counts: true }, signal),
  )
  const page = list.error ? undefined : list.data
  const nextCursor = page?.next_cursor ?? null

  const remove = async (segment: Segment) => {
    setDeleting(segment.id)
    try {
      await deleteSegment(api, segment.id)
      void message.success(t('segments.deleted', { name: segment.name }))
      setVersion((n) => n + 1)
    } catch (error) {
      toastError(error)
    } finally {
      setDeleting(null)
    }
  }

  const columns: TableColumnsType<Segment> = [
    {
      title: t('segments.columns.name'),
      key: 'name',
      render: (_, segment) => (
        <Link to={`/admin/segments/${segment.id}`} data-testid="segment-link">
          {segment.name}
        </Link>
      ),
    },
    {
      title: t('segments.columns.condition'),
      key: 'condition',
      render: (_, segment) => {
        const text = formatCondition(segment.condition)
        return (
          <Tooltip title={<pre className="lb-problem-raw">{text}</pre>}>
            <Typography.Text code ellipsis style={{ maxWidth: 380 }}>
              {JSON.stringify(segment.condition)}
            </Typography.Text>
          </Tooltip>
        )
      },
    },
    {
      title: t('segments.columns.count'),
      key: 'count',
      align: 'right',
      render: (_, segment) => (
        <span data-testid="segment-count">
          {segment.count === undefined
            ? t('common.empty')
            : t('segments.count', {
                count: segment.count,
                formatted: format.number(segment.count),
              })}
        </span>
      ),
    },
    {
      title: t('segments.columns.updatedAt'),
      key: 'updated',
      render: (_, segment) => format.dateTime(segment.updated_at),
    },
    {
      title: t('segments.columns.actions'),
      key: 'actions',
      render: (_, segment) => (
        <Flex gap={4}>
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            onClick={() => navigate(`/admin/segments/${segment.id}/edit`)}
            data-testid="segment-edit"
          >
            {t('segments.edit')}
          </Button>
          <Popconfirm
            title={t('segments.deleteConfirm', { name: segment.name })}
            description={t('segments.deleteHelp')}
            okText={t('segments.delete')}
            cancelText={t('segments.form.cancel')}
            okButtonProps={{ danger: true, 'data-testid': 'segment-delete-confirm' }}
            onConfirm={() => remove(segment)}
          >
            <Button
              type="link"
              size="small"
              danger
              icon={<DeleteOutlined />}
              loading={deleting === segment.id}
              data-testid="segment-delete"
            >
              {t('segments.delete')}
            </Button>
          </Popconfirm>
        </Flex>
      ),
    },
  ]

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <Flex vertical gap={4} style={{ maxWidth: 760 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('segments.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('segments.subtitle')}</Typography.Text>
        </Flex>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => navigate('/admin/segments/new')}
          data-testid="segment-create"
        >
          {t('segments.create')}
        </Button>
      </Flex>
      <Card>
        {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <div style={{ overflowX: 'auto' }} data-testid="segments-table">
          <Table<Segment>
            rowKey="id"
            columns={columns}
            dataSource={page?.data ?? []}
            loading={list.loading}
            pagination={false}
            style={{ minWidth: 860 }}
            locale={{ emptyText: t('segments.empty') }}
          />
        </div>
        <CursorPager
          stack={stack}
          nextCursor={nextCursor}
          loading={list.loading}
          onChange={setStack}
        />
      </Card>
    </Flex>
  )
}
