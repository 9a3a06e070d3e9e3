import { EditOutlined, PlusOutlined } from '@ant-design/icons'
import {
  Button,
  Card,
  Flex,
  Progress,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { listRewards, type Reward, updateReward } from '../../../api/rewards'
import { getTierLadder } from '../../../api/tiers'
import { useQuery } from '../../../api/use-query'
import { CursorPager } from '../../../components/CursorPager'
import { type CursorStack, currentCursor } from '../../../components/cursor-stack'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useActiveToggle } from '../../../components/use-active-toggle'
import { useFormat } from '../../../i18n/use-format'
import { useAdminSession } from '../../../session/AdminSession'
import { RewardFormModal } from './RewardFormModal'

const PAGE_SIZE = 20

/** The catalog: each reward's price, stock and what is left of it, its switch; create and edit. */
export function RewardCatalog() {
  const { t } = useTranslation()
  const { api, program } = useAdminSession()
  const currency = program?.currency ?? 'CNY'
  const format = useFormat(program?.timezone)
  const [stack, setStack] = useState<CursorStack>([])
  const [editing, setEditing] = useState<Reward | 'new' | null>(null)
  const { toggling, patched, setActive } = useActiveToggle(
    (id: string, active: boolean) => updateReward(api, id, { active }),
    (active, name) => t(active ? 'rewards.activated' : 'rewards.deactivated', { name }),
  )
  const cursor = currentCursor(stack)
  const list = useQuery(JSON.stringify(['rewards', cursor ?? null]), (signal) =>
    listRewards(api, { limit: PAGE_SIZE, cursor }, signal),
  )
  const page = list.error ? undefined : list.data
  const ladder = useQuery('tier-ladder', (signal) => getTierLadder(api, signal))
  const tiers = (ladder.data?.tiers ?? []).map((tier) => ({ key: tier.key, name: tier.name }))
  const tierName = (key: string) => tiers.find((tier) => tier.key === key)?.name ?? key

  const columns: TableColumnsType<Reward> = [
    {
      title: t('rewards.columns.name'),
      key: 'name',
      render: (_, reward) => (
        <Flex vertical>
          <span data-testid="reward-name">{reward.name}</span>
          {reward.description ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {reward.description}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('rewards.columns.type'),
      key: 'type',
      render: (_, reward) => <Tag>{t(`rewards.types.${reward.type}`)}</Tag>,
    },
    {
      title: t('rewards.columns.cost'),
      key: 'cost',
      render: (_, reward) =>
        reward.cash_cost > 0
          ? t('rewards.costWithCash', {
              points: format.number(reward.points_cost),
              cash: format.money(reward.cash_cost, currency),
            })
          : t('rewards.cost', { points: format.number(reward.points_cost) }),
    },
    {
      title: t('rewards.columns.stock'),
      key: 'stock',
      width: 170,
      render: (_, reward) => {
        if (reward.stock === null || reward.stock_remaining === null)
          return <span data-testid="reward-stock">{t('rewards.unlimited')}</span>
        const left = reward.stock_remaining
        return (
          <Flex vertical>
            <Progress
              percent={reward.stock > 0 ? Math.round((left / reward.stock) * 100) : 0}
              size="small"
              status={left === 0 ? 'exception' : 'normal'}
              showInfo={false}
            />
            <span data-testid="reward-stock">
              {format.number(left)} / {format.number(reward.stock)}
            </span>
          </Flex>
        )
      },
    },
    {
      title: t('rewards.columns.redeemed'),
      key: 'redeemed',
      align: 'right',
      render: (_, reward) => format.number(reward.redeemed),
    },
    {
      title: t('rewards.columns.tiers'),
      key: 'tiers',
      render: (_, reward) =>
        reward.tiers.length === 0
          ? t('rewards.allTiers')
          : reward.tiers.map((tier) => <Tag key={tier}>{tierName(tier)}</Tag>),
    },
    {
      title: t('rewards.columns.limit'),
      key: 'limit',
      render: (_, reward) =>
        reward.per_member_limit === null
          ? t('rewards.unlimited')
          : format.number(reward.per_member_limit),
    },
    {
      title: t('rewards.columns.active'),
      key: 'active',
      render: (_, reward) => (
        <Switch
          checked={toggling[reward.id] ?? reward.active}
          loading={reward.id in toggling}
          onChange={(checked) => setActive(reward, checked)}
          aria-label={t('rewards.columns.active')}
          data-testid="reward-active"
        />
      ),
    },
    {
      title: t('rewards.columns.actions'),
      key: 'actions',
      render: (_, reward) => (
        <Button
          icon={<EditOutlined />}
          onClick={() => setEditing(patched[reward.id] ?? reward)}
          data-testid="reward-edit"
        >
          {t('rewards.edit')}
        </Button>
      ),
    },
  ]

  return (
    <Card>
      <Flex justify="flex-end" style={{ marginBottom: 16 }}>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing('new')}
          data-testid="reward-create"
        >
          {t('rewards.create')}
        </Button>
      </Flex>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <div style={{ overflowX: 'auto' }} data-testid="rewards-table">
        <Table<Reward>
          rowKey="id"
          columns={columns}
          dataSource={(page?.data ?? []).map((reward) => patched[reward.id] ?? reward)}
          loading={list.loading}
          pagination={false}
          style={{ minWidth: 960 }}
          locale={{ emptyText: t('rewards.empty') }}
          onRow={() => ({ 'data-testid': 'reward-row' }) as React.HTMLAttributes<HTMLElement>}
        />
      </div>
      <CursorPager
        stack={stack}
        nextCursor={page?.next_cursor ?? null}
        loading={list.loading}
        onChange={setStack}
      />
      {editing ? (
        <RewardFormModal
          reward={editing === 'new' ? undefined : editing}
          tiers={tiers}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null)
            list.reload()
          }}
        />
      ) : null}
    </Card>
  )
}
