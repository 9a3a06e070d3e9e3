import { InfoCircleOutlined } from '@ant-design/icons'
import {
  Alert,
  Card,
  Col,
  Empty,
  Flex,
  Row,
  Segmented,
  Skeleton,
  Statistic,
  Tag,
  Tooltip,
  Typography,
} from 'antd'
import { lazy, type ReactNode, Suspense, useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type CampaignReport,
  type CampaignReward,
  type CampaignVerdict,
  getCampaignReport,
} from '../../../api/campaigns'
import { useQuery } from '../../../api/use-query'
import { formatSignedMoney } from '../../../components/campaigns/campaign-text'
import { UpliftIntervalBar } from '../../../components/campaigns/UpliftIntervalBar'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { currencyFractionDigits } from '../../../i18n/format'
import { useFormat } from '../../../i18n/use-format'
import { useAdminSession } from '../../../session/AdminSession'

// ECharts is large: it loads when the chart is first drawn.
const CampaignTimelineChart = lazy(() =>
  import('../../../components/charts/CampaignTimelineChart').then((module) => ({
    default: module.CampaignTimelineChart,
  })),
)

/** The windows an operator can pick (the server takes 1–365 days). */
export const REPORT_WINDOWS = [7, 14, 30, 60, 90] as const
type ReportWindow = (typeof REPORT_WINDOWS)[number]

const VERDICT_COLORS: Record<CampaignVerdict, string> = {
  effective: 'success',
  no_significant_difference: 'default',
  negative: 'error',
  too_few_members: 'warning',
}

const VERDICT_ALERTS: Record<CampaignVerdict, 'success' | 'info' | 'error' | 'warning'> = {
  effective: 'success',
  no_significant_difference: 'info',
  negative: 'error',
  too_few_members: 'warning',
}

export interface CampaignReportCardProps {
  campaignId: string
  reward: CampaignReward
  currency: string
  /** Changes when the report should be fetched again (after a run). */
  version: number
}

function Kpi({
  title,
  value,
  help,
  footer,
  testId,
  color,
}: {
  title: string
  value: string
  help?: string
  footer?: ReactNode
  testId: string
  color?: string
}) {
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={testId}>
      <Statistic
        title={
          help ? (
            <span>
              {title}{' '}
              <Tooltip title={help}>
                <InfoCircleOutlined aria-label={help} />
              </Tooltip>
            </span>
          ) : (
            title
          )
        }
        value={value}
        styles={color ? { content: { color } } : undefined}
      />
      {footer}
    </Card>
  )
}

/**
 * What a campaign gave, cost and earned: KPI cards, the verdict in plain words, the uplift's
 * interval against zero and the treated and holdout groups' revenue per member by day.
 */
export function CampaignReportCard({
  campaignId,
  reward,
  currency,
  version,
}: CampaignReportCardProps) {
  const { t } = useTranslation()
  const format = useFormat()
  const { api } = useAdminSession()
  const [windowDays, setWindowDays] = useState<ReportWindow>(30)
  const report = useQuery(
    JSON.stringify(['campaign-report', campaignId, windowDays, version]),
    (signal) => getCampaignReport(api, campaignId, windowDays, signal),
  )
  const data: CampaignReport | undefined = report.error ? undefined : report.data

  const money = useCallback((minor: number) => format.money(minor, currency), [format, currency])
  const moneyShort = useCallback(
    (minor: number) => format.moneyShort(minor, currency),
    [format, currency],
  )
  const signed = useCallback(
    (minor: number) => formatSignedMoney(minor, currency, format.locale),
    [currency, format.locale],
  )
  const labels = useMemo(
    () => ({
      treated: t('campaigns.report.treatedSeries'),
      holdout: t('campaigns.report.holdoutSeries'),
    }),
    [t],
  )

  const windowSelector = (
    <Flex gap={8} align="center">
      <Typography.Text type="secondary">{t('campaigns.report.window')}</Typography.Text>
      <Segmented<ReportWindow>
        value={windowDays}
        onChange={setWindowDays}
        options={REPORT_WINDOWS.map((days) => ({
          value: days,
          label: (
            <span data-testid={`report-window-${days}`}>
              {t('campaigns.report.windowDays', { days })}
            </span>
          ),
        }))}
        data-testid="report-window"
      />
    </Flex>
  )

  return (
    <Card title={t('campaigns.report.title')} extra={windowSelector} data-testid="campaign-report">
      {report.error ? <ErrorAlert error={report.error} onRetry={report.reload} /> : null}
      {!data && report.loading ? <Skeleton active /> : null}
      {data ? (
        <Flex vertical gap={16} style={{ opacity: report.loading ? 0.6 : 1 }}>
          <Typography.Text type="secondary">
            {t('campaigns.report.windowHelp', { days: data.window_days })}
          </Typography.Text>
          <Row gutter={[12, 12]}>
            <Col xs={12} md={6}>
              <Kpi
                title={t('campaigns.report.rewardsIssued')}
                value={format.number(data.rewards_issued)}
                testId="kpi-rewards-issued"
              />
            </Col>
            <Col xs={12} md={6}>
              <Kpi title={t('campaigns.report.cost')} value={money(data.cost)} testId="kpi-cost" />
            </Col>
            <Col xs={12} md={6}>
              <Kpi
                title={t('campaigns.report.redeemed')}
                value={format.number(data.redeemed)}
                help={t(
                  reward.type === 'points'
                    ? 'campaigns.report.redeemedPointsHelp'
                    : 'campaigns.report.redeemedCouponHelp',
                )}
                testId="kpi-redeemed"
              />
            </Col>
            <Col xs={12} md={6}>
              <Kpi
                title={t('campaigns.report.treated')}
                value={format.number(data.treated)}
                testId="kpi-treated"
              />
            </Col>
            <Col xs={12} md={6}>
              <Kpi
                title={t('campaigns.report.holdout')}
                value={format.number(data.holdout)}
                testId="kpi-holdout"
              />
            </Col>
            <Col xs={12} md={6}>
              <Kpi
                title={t('campaigns.report.revenuePerTreated')}
                value={money(data.revenue_per_treated)}
                testId="kpi-revenue-treated"
              />
            </Col>
            <Col xs={12} md={6}>
              <Kpi
                title={t('campaigns.report.revenuePerHoldout')}
                value={money(data.revenue_per_holdout)}
                testId="kpi-revenue-holdout"
              />
            </Col>
            <Col xs={12} md={6}>
              <Kpi
                title={t('campaigns.report.uplift')}
                value={signed(data.uplift)}
                color={data.uplift > 0 ? '#059669' : data.uplift < 0 ? '#dc2626' : undefined}
                testId="kpi-uplift"
                footer={
                  <Typography.Text
                    type="secondary"
                    style={{ fontSize: 12 }}
                    data-testid="kpi-uplift-interval"
                  >
                    {data.uplift_interval
                      ? t('campaigns.report.interval', {
                          low: signed(data.uplift_interval[0] ?? 0),
                          high: signed(data.uplift_interval[1] ?? 0),
                        })
                      : t('campaigns.report.noInterval')}
                  </Typography.Text>
                }
              />
            </Col>
          </Row>
          <Alert
            type={VERDICT_ALERTS[data.verdict]}
            showIcon
            title={
              <Flex gap={8} align="center" wrap>
                <span>{t('campaigns.report.verdict')}</span>
                <Tag
                  color={VERDICT_COLORS[data.verdict]}
                  data-testid="campaign-verdict"
                  data-verdict={data.verdict}
                >
                  {t(`campaigns.report.verdicts.${data.verdict}`)}
                </Tag>
              </Flex>
            }
            description={
              <Flex vertical gap={12}>
                <span data-testid="campaign-verdict-help">
                  {t(`campaigns.report.verdictHelp.${data.verdict}`)}
                </span>
                {data.uplift_interval ? (
                  <UpliftIntervalBar
                    low={data.uplift_interval[0] ?? 0}
                    high={data.uplift_interval[1] ?? 0}
                    uplift={data.uplift}
                    format={signed}
                  />
                ) : null}
              </Flex>
            }
          />
          <Typography.Text
            type="secondary"
            style={{ fontSize: 12 }}
            data-testid="campaign-pipeline"
          >
            {t('campaigns.report.pipeline', {
              pending: format.number(data.pending),
              overBudget: format.number(data.over_budget),
              refused: format.number(data.refused),
            })}
          </Typography.Text>
          <Flex vertical gap={4}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('campaigns.report.timeline')}
            </Typography.Title>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('campaigns.report.timelineHelp')}
            </Typography.Text>
          </Flex>
          {data.timeline.length > 0 ? (
            <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 300 }} />}>
              <CampaignTimelineChart
                timeline={data.timeline}
                labels={labels}
                formatMoney={moneyShort}
                minorPerMajor={10 ** currencyFractionDigits(currency)}
              />
            </Suspense>
          ) : (
            <Empty description={t('campaigns.report.emptyTimeline')} />
          )}
        </Flex>
      ) : null}
    </Card>
  )
}
