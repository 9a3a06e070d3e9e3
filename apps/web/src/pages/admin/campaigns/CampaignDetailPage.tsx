import { ArrowLeftOutlined, EditOutlined, ThunderboltOutlined } from '@ant-design/icons'
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Progress,
  Skeleton,
  Switch,
  Tooltip,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'
import { CAMPAIGNS_JOB, type Campaign, getCampaign, updateCampaign } from '../../../api/campaigns'
import { runJobNow } from '../../../api/jobs'
import { getSegment } from '../../../api/segments'
import { useQuery } from '../../../api/use-query'
import { useErrorToast } from '../../../components/ApiProblem'
import { CampaignStatusTag } from '../../../components/campaigns/CampaignStatusTag'
import { useCampaignText } from '../../../components/campaigns/use-campaign-text'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useAdminSession } from '../../../session/AdminSession'
import { CampaignEditModal } from './CampaignEditModal'
import { CampaignReportCard } from './CampaignReportCard'
import { useCampaignNames } from './use-campaign-names'

/** One campaign: its terms and budget, a switch, run the job now, and its report. */
export function CampaignDetailPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const toastError = useErrorToast()
  const { api, program } = useAdminSession()
  const { id = '' } = useParams()
  const currency = program?.currency ?? 'CNY'
  const timeZone = program?.timezone ?? 'Asia/Shanghai'
  const [version, setVersion] = useState(0)
  const [patched, setPatched] = useState<Campaign | null>(null)
  const [toggling, setToggling] = useState(false)
  const [running, setRunning] = useState(false)
  const [editing, setEditing] = useState(false)

  const loaded = useQuery(JSON.stringify(['campaign', id, version]), (signal) =>
    getCampaign(api, id, signal),
  )
  const campaign = patched ?? loaded.data
  const names = useCampaignNames(api, campaign ? [campaign] : [])
  const segmentId = campaign?.trigger.type === 'scheduled' ? campaign.trigger.segment : null
  const segment = useQuery(
    segmentId ? JSON.stringify(['segment', segmentId, version]) : null,
    (signal) => getSegment(api, segmentId ?? '', signal),
  )
  // The trigger's segment by its own answer (the names list holds only the first 100).
  const text = useCampaignText(currency, timeZone, {
    ...names,
    segmentName: (sid) => (segment.data?.id === sid ? segment.data.name : names.segmentName?.(sid)),
  })
  const format = text.format

  const setActive = async (active: boolean) => {
    if (!campaign) return
    setToggling(true)
    try {
      const updated = await updateCampaign(api, id, { active })
      setPatched(updated)
      void message.success(
        t(active ? 'campaigns.activated' : 'campaigns.deactivated', { name: updated.name }),
      )
    } catch (error) {
      toastError(error)
    } finally {
      setToggling(false)
    }
  }

  const runNow = async () => {
    setRunning(true)
    try {
      const { processed } = await runJobNow(api, CAMPAIGNS_JOB)
      void message.success(
        t('campaigns.detail.ran', { count: processed, formatted: format.number(processed) }),
      )
      setPatched(null)
      setVersion((n) => n + 1)
    } catch (error) {
      toastError(error)
    } finally {
      setRunning(false)
    }
  }

  const percent = campaign ? text.budgetPercent(campaign) : null
  return (
    <Flex vertical gap={16}>
      <Link to="/admin/campaigns">
        <ArrowLeftOutlined /> {t('campaigns.detail.back')}
      </Link>
      {loaded.error ? <ErrorAlert error={loaded.error} onRetry={loaded.reload} /> : null}
      {!campaign && loaded.loading ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : null}
      {campaign ? (
        <Card
          data-testid="campaign-detail"
          title={
            <Flex gap={12} align="center" wrap style={{ paddingBlock: 12 }}>
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="campaign-name">
                {campaign.name}
              </Typography.Title>
              <CampaignStatusTag status={text.status(campaign, new Date())} />
            </Flex>
          }
          extra={
            <Flex gap={8} align="center" wrap>
              <Switch
                checked={campaign.active}
                loading={toggling}
                onChange={setActive}
                aria-label={t('campaigns.detail.active')}
                data-testid="campaign-active"
              />
              <Button
                icon={<EditOutlined />}
                onClick={() => setEditing(true)}
                data-testid="campaign-edit"
              >
                {t('campaigns.detail.edit')}
              </Button>
              <Tooltip title={t('campaigns.detail.runNowHelp')}>
                <Button
                  type="primary"
                  icon={<ThunderboltOutlined />}
                  loading={running}
                  onClick={runNow}
                  data-testid="campaign-run-now"
                >
                  {t('campaigns.detail.runNow')}
                </Button>
              </Tooltip>
            </Flex>
          }
        >
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('campaigns.detail.trigger')}>
              <Flex vertical>
                <span data-testid="campaign-trigger">{text.trigger(campaign.trigger)}</span>
                {segment.data && segmentId ? (
                  <Link to={`/admin/segments/${segmentId}`}>
                    {t('campaigns.detail.segmentNow', {
                      count: segment.data.count ?? 0,
                      formatted: format.number(segment.data.count ?? 0),
                    })}
                  </Link>
                ) : null}
              </Flex>
            </Descriptions.Item>
            <Descriptions.Item label={t('campaigns.detail.reward')}>
              <span data-testid="campaign-reward">{text.reward(campaign.reward)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('campaigns.detail.holdout')}>
              <span data-testid="campaign-holdout">{text.holdout(campaign.holdout_percent)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('campaigns.detail.budget')}>
              <Flex vertical style={{ minWidth: 200 }} data-testid="campaign-budget">
                {percent === null ? null : (
                  <Progress
                    percent={percent}
                    size="small"
                    status={percent >= 100 ? 'exception' : 'normal'}
                  />
                )}
                <span>{text.budget(campaign).join(' · ')}</span>
                {percent === null ? (
                  <Typography.Text type="secondary">
                    {t('campaigns.budget.unlimited')}
                  </Typography.Text>
                ) : null}
              </Flex>
            </Descriptions.Item>
            <Descriptions.Item label={t('campaigns.detail.startsAt')}>
              {format.dateTime(campaign.starts_at)}
            </Descriptions.Item>
            <Descriptions.Item label={t('campaigns.detail.endsAt')}>
              {campaign.ends_at ? format.dateTime(campaign.ends_at) : t('campaigns.detail.noEnd')}
            </Descriptions.Item>
            <Descriptions.Item label={t('campaigns.detail.createdAt')}>
              {format.dateTime(campaign.created_at)}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      ) : null}
      {campaign ? (
        <CampaignReportCard
          campaignId={campaign.id}
          reward={campaign.reward}
          currency={currency}
          version={version}
        />
      ) : null}
      {campaign ? (
        <CampaignEditModal
          api={api}
          campaign={campaign}
          currency={currency}
          timeZone={timeZone}
          open={editing}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false)
            setPatched(saved)
            void message.success(t('campaigns.detail.saved', { name: saved.name }))
          }}
        />
      ) : null}
    </Flex>
  )
}
