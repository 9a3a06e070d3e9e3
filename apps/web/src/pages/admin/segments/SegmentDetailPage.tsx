import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons'
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Popconfirm,
  Skeleton,
  Statistic,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router-dom'
import { deleteSegment, getSegment, listSegmentMembers } from '../../../api/segments'
import { getTierLadder } from '../../../api/tiers'
import { useQuery } from '../../../api/use-query'
import { useErrorToast } from '../../../components/ApiProblem'
import { CursorPager } from '../../../components/CursorPager'
import { type CursorStack, currentCursor } from '../../../components/cursor-stack'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useFormat } from '../../../i18n/use-format'
import { useAdminSession } from '../../../session/AdminSession'
import { formatCondition } from '../rules/condition'
import { SegmentMembersTable } from './SegmentMembersTable'

const PAGE_SIZE = 20

/** One segment: its condition, how many match now, and who, page by page. */
export function SegmentDetailPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const toastError = useErrorToast()
  const navigate = useNavigate()
  const { api, program } = useAdminSession()
  const format = useFormat(program?.timezone)
  const { id = '' } = useParams()
  const [stack, setStack] = useState<CursorStack>([])
  const [deleting, setDeleting] = useState(false)
  const segment = useQuery(JSON.stringify(['segment', id]), (signal) => getSegment(api, id, signal))
  const ladder = useQuery('tiers', (signal) => getTierLadder(api, signal))
  const cursor = currentCursor(stack)
  const members = useQuery(JSON.stringify(['segment-members', id, cursor ?? null]), (signal) =>
    listSegmentMembers(api, id, { limit: PAGE_SIZE, cursor }, signal),
  )
  const page = members.error ? undefined : members.data
  const nextCursor = page?.next_cursor ?? null
  const data = segment.data

  const remove = async () => {
    if (!data) return
    setDeleting(true)
    try {
      await deleteSegment(api, id)
      void message.success(t('segments.deleted', { name: data.name }))
      navigate('/admin/segments')
    } catch (error) {
      toastError(error)
      setDeleting(false)
    }
  }

  // The count of the members' pages (one snapshot with them), else the segment's.
  const count = page?.count ?? data?.count
  return (
    <Flex vertical gap={16}>
      <Link to="/admin/segments">
        <ArrowLeftOutlined /> {t('segments.detail.back')}
      </Link>
      {segment.error ? <ErrorAlert error={segment.error} onRetry={segment.reload} /> : null}
      {!data && segment.loading ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : null}
      {data ? (
        <Card
          data-testid="segment-detail"
          title={
            <Typography.Title
              level={3}
              style={{ margin: 0, paddingBlock: 12 }}
              data-testid="segment-name"
            >
              {data.name}
            </Typography.Title>
          }
          extra={
            <Flex gap={8}>
              <Button
                icon={<EditOutlined />}
                onClick={() => navigate(`/admin/segments/${id}/edit`)}
                data-testid="segment-edit"
              >
                {t('segments.edit')}
              </Button>
              <Popconfirm
                title={t('segments.deleteConfirm', { name: data.name })}
                description={t('segments.deleteHelp')}
                okText={t('segments.delete')}
                cancelText={t('segments.form.cancel')}
                okButtonProps={{ danger: true, 'data-testid': 'segment-delete-confirm' }}
                onConfirm={remove}
              >
                <Button
                  danger
                  icon={<DeleteOutlined />}
                  loading={deleting}
                  data-testid="segment-delete"
                >
                  {t('segments.delete')}
                </Button>
              </Popconfirm>
            </Flex>
          }
        >
          <Flex gap={32} wrap align="flex-start">
            <Statistic
              title={t('segments.detail.count')}
              value={
                count === undefined
                  ? t('common.empty')
                  : t('segments.count', { count, formatted: format.number(count) })
              }
              data-testid="segment-detail-count"
            />
            <Descriptions column={1} size="small" style={{ flex: 1, minWidth: 320 }}>
              <Descriptions.Item label={t('segments.detail.condition')}>
                <pre className="lb-json lb-code" data-testid="segment-detail-condition">
                  {formatCondition(data.condition)}
                </pre>
              </Descriptions.Item>
              <Descriptions.Item label={t('segments.detail.createdAt')}>
                {format.dateTime(data.created_at)}
              </Descriptions.Item>
              <Descriptions.Item label={t('segments.detail.updatedAt')}>
                {format.dateTime(data.updated_at)}
              </Descriptions.Item>
            </Descriptions>
          </Flex>
        </Card>
      ) : null}
      <Card title={t('segments.detail.members')}>
        {members.error ? <ErrorAlert error={members.error} onRetry={members.reload} /> : null}
        <SegmentMembersTable
          members={page?.data ?? []}
          ladder={ladder.data?.tiers}
          loading={members.loading}
          emptyText={t('segments.detail.emptyMembers')}
          data-testid="segment-members-table"
        />
        <CursorPager
          stack={stack}
          nextCursor={nextCursor}
          loading={members.loading}
          onChange={setStack}
          testIdPrefix="segment-members"
        />
      </Card>
    </Flex>
  )
}
