import { ArrowLeftOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons'
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Segmented,
  Skeleton,
  Switch,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'
import {
  type BulkCodesStarted,
  CODE_STATUSES,
  type CodeStatus,
  type Coupon,
  type CouponTemplate,
  exportCouponCodes,
  getCouponTemplate,
  listCouponCodes,
  updateCouponTemplate,
} from '../../../api/coupons'
import { useQuery } from '../../../api/use-query'
import { useErrorToast } from '../../../components/ApiProblem'
import { CursorPager } from '../../../components/CursorPager'
import { CouponStatusTag } from '../../../components/coupons/CouponStatusTag'
import { useCouponText } from '../../../components/coupons/use-coupon-text'
import { type CursorStack, currentCursor } from '../../../components/cursor-stack'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { saveBlob } from '../../../components/save-blob'
import { useAdminSession } from '../../../session/AdminSession'
import { CodesProgress } from './CodesProgress'
import { GenerateCodesModal } from './GenerateCodesModal'
import { TemplateLimits } from './TemplateLimits'

const PAGE_SIZE = 20
type StatusFilter = CodeStatus | 'all'

/** One template: its terms, its switch, its coupons and codes; generate and export codes. */
export function TemplateDetailPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const toastError = useErrorToast()
  const { api, program } = useAdminSession()
  const { id = '' } = useParams()
  const currency = program?.currency ?? 'CNY'
  const text = useCouponText(currency, program?.timezone)
  const format = text.format
  const [version, setVersion] = useState(0)
  const [patched, setPatched] = useState<CouponTemplate | null>(null)
  const [toggling, setToggling] = useState(false)
  const [status, setStatus] = useState<StatusFilter>('all')
  const [stack, setStack] = useState<CursorStack>([])
  const [generating, setGenerating] = useState(false)
  const [run, setRun] = useState<BulkCodesStarted | null>(null)
  const [exporting, setExporting] = useState(false)

  const templateKey = JSON.stringify(['coupon-template', id, version])
  const loaded = useQuery(templateKey, (signal) => getCouponTemplate(api, id, signal))
  const template = patched ?? loaded.data
  const cursor = currentCursor(stack)
  const codes = useQuery(
    JSON.stringify(['coupon-codes', id, status, cursor ?? null, version]),
    (signal) =>
      listCouponCodes(
        api,
        id,
        { limit: PAGE_SIZE, cursor, ...(status === 'all' ? {} : { status }) },
        signal,
      ),
  )
  const page = codes.error ? undefined : codes.data
  const nextCursor = page?.next_cursor ?? null

  const setActive = async (active: boolean) => {
    if (!template) return
    setToggling(true)
    try {
      const updated = await updateCouponTemplate(api, id, { active })
      setPatched(updated)
      void message.success(
        t(active ? 'coupons.activated' : 'coupons.deactivated', { name: updated.name }),
      )
    } catch (error) {
      toastError(error)
    } finally {
      setToggling(false)
    }
  }

  const exportCsv = async () => {
    setExporting(true)
    try {
      const blob = await exportCouponCodes(api, id, status === 'all' ? undefined : status)
      const name = `${id}-${status === 'all' ? 'codes' : status}.csv`
      saveBlob(blob, name)
      void message.success(t('coupons.detail.exported', { file: name }))
    } catch (error) {
      toastError(error)
    } finally {
      setExporting(false)
    }
  }

  const refresh = () => {
    setPatched(null)
    setStack([])
    setVersion((n) => n + 1)
  }

  const columns: TableColumnsType<Coupon> = [
    {
      title: t('coupons.detail.code'),
      key: 'code',
      render: (_, coupon) => (
        <Typography.Text code copyable data-testid="code-cell">
          {coupon.code}
        </Typography.Text>
      ),
    },
    {
      title: t('coupons.detail.status'),
      key: 'status',
      render: (_, coupon) => <CouponStatusTag status={coupon.status} />,
    },
    {
      title: t('coupons.detail.member'),
      key: 'member',
      render: (_, coupon) =>
        coupon.member ? (
          <Link to={`/admin/members/${coupon.member}`}>{coupon.member}</Link>
        ) : (
          t('common.empty')
        ),
    },
    {
      title: t('coupons.detail.issuedAt'),
      key: 'issued',
      render: (_, coupon) =>
        coupon.issued_at ? format.dateTime(coupon.issued_at) : t('common.empty'),
    },
    {
      title: t('coupons.detail.expiresAt'),
      key: 'expires',
      render: (_, coupon) =>
        coupon.expires_at ? format.expiryDate(coupon.expires_at) : t('common.empty'),
    },
    {
      title: t('coupons.detail.redeemedAt'),
      key: 'redeemed',
      render: (_, coupon) =>
        coupon.redeemed_at ? format.dateTime(coupon.redeemed_at) : t('common.empty'),
    },
  ]

  return (
    <Flex vertical gap={16}>
      <Link to="/admin/coupons">
        <ArrowLeftOutlined /> {t('coupons.detail.back')}
      </Link>
      {loaded.error ? <ErrorAlert error={loaded.error} onRetry={loaded.reload} /> : null}
      {!template && loaded.loading ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : null}
      {template ? (
        <Card
          data-testid="coupon-template-detail"
          title={
            <Typography.Title
              level={3}
              style={{ margin: 0, paddingBlock: 12 }}
              data-testid="coupon-template-name"
            >
              {template.name}
            </Typography.Title>
          }
          extra={
            <Flex gap={8} align="center" wrap>
              <Switch
                checked={template.active}
                loading={toggling}
                onChange={setActive}
                aria-label={t('coupons.detail.active')}
                data-testid="coupon-template-active"
              />
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setGenerating(true)}
                data-testid="generate-codes-button"
              >
                {t('coupons.detail.generate')}
              </Button>
              <Button
                icon={<DownloadOutlined />}
                loading={exporting}
                onClick={exportCsv}
                data-testid="export-codes-button"
              >
                {t('coupons.detail.export')}
              </Button>
            </Flex>
          }
        >
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('coupons.detail.discount')}>
              <span data-testid="coupon-template-discount">{text.discount(template)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('coupons.detail.scope')}>
              {text.scope(template)}
            </Descriptions.Item>
            <Descriptions.Item label={t('coupons.detail.validity')}>
              {text.validity(template.validity)}
            </Descriptions.Item>
            <Descriptions.Item label={t('coupons.columns.limits')}>
              <TemplateLimits template={template} />
            </Descriptions.Item>
            <Descriptions.Item label={t('coupons.detail.issued')}>
              <span data-testid="coupon-template-issued">
                {format.number(template.issued)}
                {template.total_limit ? ` / ${format.number(template.total_limit)}` : ''}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('coupons.detail.createdAt')}>
              {format.dateTime(template.created_at)}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      ) : null}
      {run ? (
        <CodesProgress
          key={run.run_id}
          api={api}
          runId={run.run_id}
          count={run.count}
          onFinished={refresh}
        />
      ) : null}
      <Card
        title={t('coupons.detail.codes')}
        extra={
          <Segmented<StatusFilter>
            value={status}
            onChange={(value) => {
              setStatus(value)
              setStack([])
            }}
            options={(['all', ...CODE_STATUSES] as const).map((value) => ({
              value,
              label: (
                <span data-testid={`codes-filter-${value}`}>{t(`coupons.status.${value}`)}</span>
              ),
            }))}
          />
        }
      >
        {codes.error ? <ErrorAlert error={codes.error} onRetry={codes.reload} /> : null}
        <div style={{ overflowX: 'auto' }} data-testid="codes-table">
          <Table<Coupon>
            rowKey="id"
            columns={columns}
            dataSource={page?.data ?? []}
            loading={codes.loading}
            pagination={false}
            style={{ minWidth: 860 }}
            locale={{ emptyText: t('coupons.detail.emptyCodes') }}
          />
        </div>
        <CursorPager
          stack={stack}
          nextCursor={nextCursor}
          loading={codes.loading}
          onChange={setStack}
          testIdPrefix="codes"
        />
      </Card>
      <GenerateCodesModal
        api={api}
        template={id}
        open={generating}
        onClose={() => setGenerating(false)}
        onStarted={(started) => {
          setGenerating(false)
          setRun(started)
          refresh()
        }}
      />
    </Flex>
  )
}
