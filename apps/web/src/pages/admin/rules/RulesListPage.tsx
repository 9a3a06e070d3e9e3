import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import {
  App,
  Button,
  Card,
  Flex,
  Popconfirm,
  Progress,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import {
  deleteEarningRule,
  type EarningRule,
  listEarningRules,
  ORDER_TRIGGER,
  updateEarningRule,
} from '../../../api/earning-rules'
import { getTierLadder } from '../../../api/tiers'
import { useQuery } from '../../../api/use-query'
import { forgetRuleName } from '../../../api/use-rule-names'
import { useErrorToast } from '../../../components/ApiProblem'
import { CursorPager } from '../../../components/CursorPager'
import { type CursorStack, currentCursor } from '../../../components/cursor-stack'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useAdminSession } from '../../../session/AdminSession'
import { useRuleSummary } from './use-rule-summary'

const PAGE_SIZE = 20

/** Every earning rule: what triggers it, what it pays, its limits and budget; pause, delete. */
export function RulesListPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const toastError = useErrorToast()
  const navigate = useNavigate()
  const { api, program } = useAdminSession()
  const summary = useRuleSummary()
  const [stack, setStack] = useState<CursorStack>([])
  const [version, setVersion] = useState(0)
  // Switches flipped but not answered yet, by rule id (the row shows the wanted state).
  const [toggling, setToggling] = useState<Record<string, boolean>>({})
  // Rows as the server answered a PATCH, newer than the page they were listed on.
  const [patched, setPatched] = useState<Record<string, EarningRule>>({})
  const cursor = currentCursor(stack)
  const list = useQuery(JSON.stringify(['rules', cursor ?? null, version]), (signal) =>
    listEarningRules(api, { limit: PAGE_SIZE, cursor }, signal),
  )
  const ladder = useQuery('tiers', (signal) => getTierLadder(api, signal))
  const tierNames = new Map(ladder.data?.tiers.map((tier) => [tier.key, tier.name]))
  const tierName = (key: string) => tierNames.get(key) ?? key
  const page = list.error ? undefined : list.data
  const nextCursor = page?.next_cursor ?? null

  const setActive = async (rule: EarningRule, active: boolean) => {
    setToggling((previous) => ({ ...previous, [rule.id]: active }))
    try {
      const updated = await updateEarningRule(api, rule.id, { active })
      setPatched((previous) => ({ ...previous, [rule.id]: updated }))
      void message.success(t(active ? 'rules.activated' : 'rules.paused', { name: rule.name }))
    } catch (error) {
      toastError(error)
    } finally {
      setToggling(({ [rule.id]: _, ...rest }) => rest)
    }
  }

  const remove = async (rule: EarningRule) => {
    try {
      await deleteEarningRule(api, rule.id)
      forgetRuleName(program?.id ?? '', rule.id)
      void message.success(t('rules.deleted'))
      // The page may now be empty: start again from the first.
      setStack([])
      setPatched({})
      setVersion((n) => n + 1)
    } catch (error) {
      toastError(error)
    }
  }

  const columns: TableColumnsType<EarningRule> = [
    {
      title: t('rules.name'),
      key: 'name',
      render: (_, rule) => (
        <Flex vertical>
          <Link to={`/admin/rules/${rule.id}`} data-testid="rule-name-link">
            {rule.name}
          </Link>
          {rule.condition ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('rules.summary.conditional')}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('rules.trigger'),
      key: 'trigger',
      render: (_, rule) => (
        <Tag color={rule.trigger === ORDER_TRIGGER ? 'geekblue' : 'purple'}>
          {summary.trigger(rule.trigger)}
        </Tag>
      ),
    },
    {
      title: t('rules.reward'),
      key: 'reward',
      render: (_, rule) => (
        <Flex vertical>
          <span style={{ whiteSpace: 'nowrap' }}>{summary.reward(rule.reward, 'points')}</span>
          {rule.growth ? (
            <Typography.Text type="secondary">
              {summary.reward(rule.growth, 'growth')}
            </Typography.Text>
          ) : null}
          {summary.multipliers(rule, tierName).map((text) => (
            <Typography.Text key={text} type="secondary" style={{ fontSize: 12 }}>
              {text}
            </Typography.Text>
          ))}
        </Flex>
      ),
    },
    {
      title: t('rules.limits'),
      key: 'limits',
      render: (_, rule) => (
        <Flex vertical>
          {summary.limits(rule).map((text) => (
            <span key={text} style={{ whiteSpace: 'nowrap' }}>
              {text}
            </span>
          ))}
        </Flex>
      ),
    },
    {
      title: t('rules.budget'),
      key: 'budget',
      width: 180,
      render: (_, rule) => {
        const used = summary.format.number(rule.budget_used)
        // Only a budget is counted against; without one there is nothing to show.
        if (!rule.limits.total_budget) return t('common.empty')
        const total = rule.limits.total_budget
        return (
          <Flex vertical>
            <Progress
              percent={Math.min(100, Math.round((rule.budget_used / total) * 100))}
              size="small"
              status={rule.budget_used >= total ? 'exception' : 'normal'}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {used} / {summary.format.number(total)}
            </Typography.Text>
          </Flex>
        )
      },
    },
    {
      title: t('rules.period'),
      key: 'period',
      render: (_, rule) => {
        const timing = summary.timing(rule)
        return (
          <Flex vertical align="flex-start">
            <span>{summary.period(rule)}</span>
            {timing ? <Tag>{t(`rules.summary.${timing}`)}</Tag> : null}
          </Flex>
        )
      },
    },
    {
      title: t('rules.active'),
      key: 'active',
      render: (_, rule) => (
        <Switch
          checked={toggling[rule.id] ?? rule.active}
          loading={rule.id in toggling}
          onChange={(checked) => setActive(rule, checked)}
          aria-label={t('rules.active')}
          data-testid="rule-active-switch"
        />
      ),
    },
    {
      title: t('rules.actions'),
      key: 'actions',
      render: (_, rule) => (
        <Flex gap={4}>
          <Button
            type="text"
            icon={<EditOutlined />}
            onClick={() => navigate(`/admin/rules/${rule.id}`)}
            aria-label={t('rules.edit')}
            title={t('rules.edit')}
          />
          <Popconfirm
            title={t('rules.deleteConfirm', { name: rule.name })}
            description={t('rules.deleteHint')}
            okText={t('rules.delete')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove(rule)}
          >
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('rules.delete')}
              title={t('rules.delete')}
              data-testid="rule-delete"
            />
          </Popconfirm>
        </Flex>
      ),
    },
  ]

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <Flex vertical gap={4}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('rules.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('rules.subtitle')}</Typography.Text>
        </Flex>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => navigate('/admin/rules/new')}
          data-testid="rule-create"
        >
          {t('rules.create')}
        </Button>
      </Flex>
      <Card>
        {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <div style={{ overflowX: 'auto' }} data-testid="rules-table">
          <Table<EarningRule>
            rowKey="id"
            columns={columns}
            dataSource={(page?.data ?? []).map((rule) => patched[rule.id] ?? rule)}
            loading={list.loading}
            pagination={false}
            style={{ minWidth: 1040 }}
            locale={{ emptyText: t('rules.empty') }}
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
