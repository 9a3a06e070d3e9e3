import {
  Button,
  Flex,
  Popconfirm,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd'
import { useTranslation } from 'react-i18next'
import {
  ALL_EVENTS,
  DELIVERY_STATUSES,
  updateWebhook,
  type Webhook,
  type WebhookSummary,
} from '../../../api/webhooks'
import { useActiveToggle } from '../../../components/use-active-toggle'
import { useAdminSession } from '../../../session/AdminSession'
import { DELIVERY_STATUS_COLORS } from './DeliveryStatusTag'
import { useEventTypeName } from './use-event-type-name'

/** The endpoints: URL, events, the on/off switch, deliveries by status, and what to do. */
export function WebhookTable({
  webhooks,
  loading,
  selected,
  onShowLog,
  onEdit,
  onRollSecret,
  onDelete,
}: {
  webhooks: readonly WebhookSummary[]
  loading: boolean
  selected: string | null
  onShowLog(webhook: WebhookSummary): void
  onEdit(webhook: Webhook): void
  onRollSecret(webhook: Webhook): Promise<void>
  onDelete(webhook: Webhook): Promise<void>
}) {
  const { t } = useTranslation()
  const { api } = useAdminSession()
  const eventName = useEventTypeName()
  // The toggle's messages name a webhook by its URL.
  const { toggling, patched, setActive } = useActiveToggle(
    async (id: string, active: boolean) => {
      const saved = await updateWebhook(api, id, { active })
      return { id: saved.id, name: saved.url, active: saved.active }
    },
    (active, url) => t(active ? 'webhooks.activated' : 'webhooks.deactivated', { url }),
  )
  const current = (webhook: WebhookSummary): WebhookSummary => ({
    ...webhook,
    active: patched[webhook.id]?.active ?? webhook.active,
  })

  const columns: TableColumnsType<WebhookSummary> = [
    {
      title: t('webhooks.columns.url'),
      key: 'url',
      render: (_, webhook) => (
        <Flex vertical style={{ maxWidth: 360 }}>
          <Typography.Text ellipsis={{ tooltip: webhook.url }} data-testid="webhook-url-cell">
            {webhook.url}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {webhook.description || t('webhooks.noDescription')}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('webhooks.columns.events'),
      key: 'events',
      render: (_, webhook) => (
        <Flex wrap gap={4} style={{ maxWidth: 320 }}>
          {webhook.events.map((type) => (
            <Tag key={type} color={type === ALL_EVENTS ? 'blue' : undefined} title={type}>
              {eventName(type)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('webhooks.columns.active'),
      key: 'active',
      render: (_, webhook) => (
        <Switch
          checked={toggling[webhook.id] ?? webhook.active}
          loading={webhook.id in toggling}
          onChange={(checked) =>
            setActive({ id: webhook.id, name: webhook.url, active: webhook.active }, checked)
          }
          aria-label={t('webhooks.columns.active')}
          data-testid="webhook-active"
        />
      ),
    },
    {
      title: t('webhooks.columns.deliveries'),
      key: 'deliveries',
      render: (_, webhook) => (
        <Flex wrap gap={4}>
          {DELIVERY_STATUSES.map((status) => (
            <Tag
              key={status}
              color={webhook.deliveries[status] > 0 ? DELIVERY_STATUS_COLORS[status] : undefined}
              data-testid={`webhook-count-${status}`}
              data-count={webhook.deliveries[status]}
            >
              {t(`webhooks.counts.${status}`, { n: webhook.deliveries[status] })}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('webhooks.columns.actions'),
      key: 'actions',
      render: (_, webhook) => (
        <Flex gap={4} wrap>
          <Button
            size="small"
            type={selected === webhook.id ? 'primary' : 'link'}
            onClick={() => onShowLog(webhook)}
            data-testid="webhook-log-open"
          >
            {t('webhooks.log')}
          </Button>
          <Button
            size="small"
            type="link"
            onClick={() => onEdit(webhook)}
            data-testid="webhook-edit"
          >
            {t('webhooks.edit')}
          </Button>
          <Popconfirm
            title={t('webhooks.rollConfirm')}
            okText={t('webhooks.rollOk')}
            cancelText={t('webhooks.keep')}
            okButtonProps={{ 'data-testid': 'webhook-roll-confirm' }}
            onConfirm={() => onRollSecret(webhook)}
          >
            <Button size="small" type="link" data-testid="webhook-roll">
              {t('webhooks.rollSecret')}
            </Button>
          </Popconfirm>
          <Popconfirm
            title={t('webhooks.deleteConfirm')}
            okText={t('webhooks.deleteOk')}
            cancelText={t('webhooks.keep')}
            okButtonProps={{ danger: true, 'data-testid': 'webhook-delete-confirm' }}
            onConfirm={() => onDelete(webhook)}
          >
            <Button size="small" type="link" danger data-testid="webhook-delete">
              {t('webhooks.delete')}
            </Button>
          </Popconfirm>
        </Flex>
      ),
    },
  ]

  return (
    <div style={{ overflowX: 'auto' }} data-testid="webhooks-table">
      <Table<WebhookSummary>
        rowKey="id"
        columns={columns}
        dataSource={webhooks.map(current)}
        loading={loading}
        pagination={false}
        style={{ minWidth: 960 }}
        locale={{ emptyText: t('webhooks.empty') }}
        rowClassName={(webhook) => (webhook.id === selected ? 'ant-table-row-selected' : '')}
        onRow={() => ({ 'data-testid': 'webhook-row' }) as React.HTMLAttributes<HTMLElement>}
      />
    </div>
  )
}
