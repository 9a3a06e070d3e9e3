import { PlusOutlined } from '@ant-design/icons'
import {
  Button,
  Card,
  Flex,
  Progress,
  Switch,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import { type Campaign, listCampaigns, updateCampaign } from '../../../api/campaigns'
import { useQuery } from '../../../api/use-query'
import { CursorPager } from '../../../components/CursorPager'
import { CampaignStatusTag } from '../../../components/campaigns/CampaignStatusTag'
import { useCampaignText } from '../../../components/campaigns/use-campaign-text'
import { type CursorStack, currentCursor } from '../../../components/cursor-stack'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useActiveToggle } from '../../../components/use-active-toggle'
import { useAdminSession } from '../../../session/AdminSession'
import { useCampaignNames } from './use-campaign-names'

const PAGE_SIZE = 20

/** Every campaign: its trigger and reward in words, the budget used, holdout; switch it. */
export function CampaignsPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { api, program } = useAdminSession()
  const [stack, setStack] = useState<CursorStack>([])
  const { toggling, patched, setActive } = useActiveToggle(
    (id: string, active: boolean) => updateCampaign(api, id, { active }),
    (active, name) => t(active ? 'campaigns.activated' : 'campaigns.deactivated', { name }),
  )
  const cursor = currentCursor(stack)
  const list = useQuery(JSON.stringify(['campaigns', cursor ?? null]), (signal) =>
    listCampaigns(api, { limit: PAGE_SIZE, cursor }, signal),
  )
  const page = list.error ? undefined : list.data
  const nextCursor = page?.next_cursor ?? null
  const campaigns = (page?.data ?? []).map((campaign) => patched[campaign.id] ?? campaign)
  const names = useCampaignNames(api, campaigns)
  const text = useCampaignText(program?.currency ?? 'CNY', program?.timezone, names)
  const now = new Date()

  const columns: TableColumnsType<Campaign> = [
    {
      title: t('campaigns.columns.name'),
      key: 'name',
      render: (_, campaign) => (
        <Flex vertical gap={4} align="flex-start">
          <Link to={`/admin/campaigns/${campaign.id}`} data-testid="campaign-link">
            {campaign.name}
          </Link>
          <CampaignStatusTag status={text.status(campaign, now)} />
        </Flex>
      ),
    },
    {
      title: t('campaigns.columns.trigger'),
      key: 'trigger',
      render: (_, campaign) => (
        <span data-testid="campaign-trigger">{text.trigger(campaign.trigger)}</span>
      ),
    },
    {
      title: t('campaigns.columns.reward'),
      key: 'reward',
      render: (_, campaign) => (
        <span data-testid="campaign-reward">{text.reward(campaign.reward)}</span>
      ),
    },
    {
      title: t('campaigns.columns.budget'),
      key: 'budget',
      width: 200,
      render: (_, campaign) => {
        const percent = text.budgetPercent(campaign)
        return (
          <Flex vertical data-testid="campaign-budget">
            {percent === null ? null : (
              <Progress
                percent={percent}
                size="small"
                status={percent >= 100 ? 'exception' : 'normal'}
              />
            )}
            {text.budget(campaign).map((line) => (
              <Typography.Text key={line} type="secondary" style={{ fontSize: 12 }}>
                {line}
              </Typography.Text>
            ))}
            {percent === null ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('campaigns.budget.unlimited')}
              </Typography.Text>
            ) : null}
          </Flex>
        )
      },
    },
    {
      title: t('campaigns.columns.holdout'),
      key: 'holdout',
      align: 'right',
      render: (_, campaign) => (
        <span data-testid="campaign-holdout">{text.holdout(campaign.holdout_percent)}</span>
      ),
    },
    {
      title: t('campaigns.columns.active'),
      key: 'active',
      render: (_, campaign) => (
        <Switch
          checked={toggling[campaign.id] ?? campaign.active}
          loading={campaign.id in toggling}
          onChange={(checked) => setActive(campaign, checked)}
          aria-label={t('campaigns.columns.active')}
          data-testid="campaign-active"
        />
      ),
    },
  ]

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <Flex vertical gap={4} style={{ maxWidth: 760 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('campaigns.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('campaigns.subtitle')}</Typography.Text>
        </Flex>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => navigate('/admin/campaigns/new')}
          data-testid="campaign-create"
        >
          {t('campaigns.create')}
        </Button>
      </Flex>
      <Card>
        {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <div style={{ overflowX: 'auto' }} data-testid="campaigns-table">
          <Table<Campaign>
            rowKey="id"
            columns={columns}
            dataSource={campaigns}
            loading={list.loading}
            pagination={false}
            style={{ minWidth: 960 }}
            locale={{ emptyText: t('campaigns.empty') }}
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
