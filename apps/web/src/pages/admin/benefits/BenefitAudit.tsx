import { DownloadOutlined } from '@ant-design/icons'
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Row,
  Select,
  Statistic,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import {
  auditBenefit,
  exportUnusedMembers,
  listBenefits,
  listUnusedMembers,
} from '../../../api/benefits'
import type { Member } from '../../../api/members'
import { getTierLadder } from '../../../api/tiers'
import { useQuery } from '../../../api/use-query'
import { useErrorToast } from '../../../components/ApiProblem'
import { auditPeriods, deliveryRate } from '../../../components/benefits/benefit-text'
import { useBenefitText } from '../../../components/benefits/use-benefit-text'
import { CursorPager } from '../../../components/CursorPager'
import { BenefitDeliveryChart } from '../../../components/charts/BenefitDeliveryChart'
import { type CursorStack, currentCursor } from '../../../components/cursor-stack'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { saveBlob } from '../../../components/save-blob'
import { TierTag } from '../../../components/tiers/TierTag'
import { resolveTier } from '../../../components/tiers/tier-helpers'
import { useAdminSession } from '../../../session/AdminSession'

const PAGE_SIZE = 20
const PERIODS = 12
const CHART_PERIODS = 6

/**
 * The delivery audit (权益落实): for a benefit and one of its quota periods (a month without
 * quota), who was entitled, who used it, how often, and who did not — with the last periods as
 * a chart and the members who did not as a list to export.
 */
export function BenefitAudit() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const toastError = useErrorToast()
  const { api, program } = useAdminSession()
  const timeZone = program?.timezone ?? 'Asia/Shanghai'
  const text = useBenefitText(program?.currency ?? 'CNY', timeZone)
  const { format } = text
  const benefits = useQuery('benefits:audit', (signal) => listBenefits(api, signal))
  const ladder = useQuery('tiers', (signal) => getTierLadder(api, signal))
  const [picked, setPicked] = useState<string | null>(null)
  const [periodIndex, setPeriodIndex] = useState(0)
  const [stack, setStack] = useState<CursorStack>([])
  const [exporting, setExporting] = useState(false)

  const list = benefits.data?.data ?? []
  const benefit = list.find((b) => b.key === picked) ?? list[0]
  const quotaPeriod = benefit?.quota?.period ?? 'month'
  // The periods are fixed when the benefit's period kind is: "now" is when the tab opened.
  const [now] = useState(() => new Date())
  const periods = useMemo(
    () => auditPeriods(quotaPeriod, now, PERIODS, text.ctx),
    [quotaPeriod, now, text.ctx],
  )
  const period = periods[periodIndex] ?? periods[0]
  const periodStart = period?.start

  const auditKey = benefit ? JSON.stringify(['benefit-audit', benefit.key, periodStart]) : null
  const audit = useQuery(auditKey, (signal) =>
    auditBenefit(api, benefit?.key ?? '', periodStart, signal),
  )
  const chartKey = benefit
    ? JSON.stringify(['benefit-audit-chart', benefit.key, quotaPeriod, now.getTime()])
    : null
  const chart = useQuery(chartKey, (signal) =>
    Promise.all(
      periods
        .slice(0, CHART_PERIODS)
        .map((p) => auditBenefit(api, benefit?.key ?? '', p.start, signal)),
    ),
  )
  const cursor = currentCursor(stack)
  const unusedKey = benefit
    ? JSON.stringify(['benefit-unused', benefit.key, periodStart, cursor ?? null])
    : null
  const unused = useQuery(unusedKey, (signal) =>
    listUnusedMembers(
      api,
      benefit?.key ?? '',
      { period_start: periodStart, limit: PAGE_SIZE, cursor },
      signal,
    ),
  )
  const page = unused.error ? undefined : unused.data

  const chartPeriods = useMemo(
    () =>
      (chart.data ?? [])
        .map((result, i) => ({
          label: periods[i]?.label ?? '',
          used: result.used,
          unused: result.unused.count,
        }))
        .reverse(),
    [chart.data, periods],
  )
  const chartNames = useMemo(
    () => ({ used: t('benefits.audit.series.used'), unused: t('benefits.audit.series.unused') }),
    [t],
  )

  const exportCsv = async () => {
    if (!benefit) return
    setExporting(true)
    try {
      const blob = await exportUnusedMembers(api, benefit.key, periodStart)
      const name = `${benefit.key}-unused-${(periodStart ?? '').slice(0, 10)}.csv`
      saveBlob(blob, name)
      void message.success(t('benefits.audit.exported', { file: name }))
    } catch (error) {
      toastError(error)
    } finally {
      setExporting(false)
    }
  }

  if (benefits.error) return <ErrorAlert error={benefits.error} onRetry={benefits.reload} />
  if (benefits.data && list.length === 0)
    return (
      <Card>
        <Empty description={t('benefits.audit.pickBenefit')} />
      </Card>
    )

  const result = audit.error ? undefined : audit.data
  const rate = result ? deliveryRate(result, format.locale) : null
  const columns: TableColumnsType<Member> = [
    {
      title: t('benefits.audit.member'),
      key: 'name',
      render: (_, member) => (
        <Link to={`/admin/members/${member.id}`} data-testid="unused-member">
          {member.name ?? member.external_id}
        </Link>
      ),
    },
    {
      title: t('benefits.audit.externalId'),
      key: 'external_id',
      render: (_, member) => member.external_id,
    },
    {
      title: t('benefits.audit.phone'),
      key: 'phone',
      render: (_, member) => member.phone ?? t('common.empty'),
    },
    {
      title: t('benefits.audit.tier'),
      key: 'tier',
      render: (_, member) => (
        <TierTag tier={resolveTier(ladder.data?.tiers, member.tier.key, member.tier.name)} />
      ),
    },
  ]

  const stat = (key: string, title: string, value: number | undefined, suffix?: string) => (
    <Col xs={12} md={8} lg={4} key={key}>
      <Card size="small">
        <Statistic
          title={title}
          value={value ?? '—'}
          loading={audit.loading && !result}
          formatter={(v) => (typeof v === 'number' ? format.number(v) : v)}
          suffix={suffix}
          data-testid={`audit-${key}`}
        />
      </Card>
    </Col>
  )

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t('benefits.audit.help')}</Typography.Text>
          <Flex gap={16} wrap align="center">
            <Flex gap={8} align="center">
              <Typography.Text>{t('benefits.audit.benefit')}</Typography.Text>
              <Select
                style={{ minWidth: 220 }}
                value={benefit?.key}
                loading={benefits.loading}
                onChange={(key) => {
                  setPicked(key)
                  setPeriodIndex(0)
                  setStack([])
                }}
                options={list.map((b) => ({
                  value: b.key,
                  label: <span data-testid={`audit-benefit-${b.key}`}>{b.name}</span>,
                }))}
                data-testid="audit-benefit-select"
              />
            </Flex>
            <Flex gap={8} align="center">
              <Typography.Text>{t('benefits.audit.period')}</Typography.Text>
              <Select
                style={{ minWidth: 200 }}
                value={periodIndex}
                onChange={(index) => {
                  setPeriodIndex(index)
                  setStack([])
                }}
                options={periods.map((p, index) => ({ value: index, label: p.label }))}
                data-testid="audit-period-select"
              />
            </Flex>
            {result ? (
              <Typography.Text type="secondary" data-testid="audit-range">
                {t('benefits.audit.range', {
                  start: format.date(result.period.start),
                  end: format.expiryDate(result.period.end),
                })}
              </Typography.Text>
            ) : null}
          </Flex>
          {audit.error ? <ErrorAlert error={audit.error} onRetry={audit.reload} /> : null}
          <Row gutter={[12, 12]}>
            {stat('entitled', t('benefits.audit.entitled'), result?.entitled)}
            {stat('used', t('benefits.audit.used'), result?.used)}
            {stat('uses', t('benefits.audit.uses'), result?.uses)}
            {stat('returned', t('benefits.audit.returned'), result?.returned)}
            {stat('unused', t('benefits.audit.unused'), result?.unused.count)}
            <Col xs={12} md={8} lg={4}>
              <Card size="small">
                <Statistic
                  title={t('benefits.audit.rate')}
                  value={rate ?? '—'}
                  loading={audit.loading && !result}
                  data-testid="audit-rate"
                />
              </Card>
            </Col>
          </Row>
        </Flex>
      </Card>
      <Card title={t('benefits.audit.chartTitle')}>
        {chart.error ? <ErrorAlert error={chart.error} onRetry={chart.reload} /> : null}
        <BenefitDeliveryChart periods={chartPeriods} names={chartNames} loading={chart.loading} />
      </Card>
      <Card
        title={t('benefits.audit.unusedTitle')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={exportCsv}
            disabled={!benefit}
            data-testid="export-unused-button"
          >
            {t('benefits.audit.export')}
          </Button>
        }
      >
        {unused.error ? <ErrorAlert error={unused.error} onRetry={unused.reload} /> : null}
        <div style={{ overflowX: 'auto' }} data-testid="unused-members-table">
          <Table<Member>
            rowKey="id"
            columns={columns}
            dataSource={page?.data ?? []}
            loading={unused.loading}
            pagination={false}
            style={{ minWidth: 640 }}
            locale={{ emptyText: t('benefits.audit.emptyUnused') }}
          />
        </div>
        <CursorPager
          stack={stack}
          nextCursor={page?.next_cursor ?? null}
          loading={unused.loading}
          onChange={setStack}
          testIdPrefix="unused"
        />
      </Card>
    </Flex>
  )
}
