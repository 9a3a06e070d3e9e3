import { ReloadOutlined } from '@ant-design/icons'
import {
  App,
  Button,
  Card,
  Flex,
  Select,
  Table,
  type TableColumnsType,
  Tooltip,
  Typography,
} from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from '../../../api/use-query'
import {
  ALL_EVENTS,
  DELIVERY_STATUSES,
  type DeliveryStatus,
  listWebhookDeliveries,
  redeliverWebhookDelivery,
  WEBHOOK_EVENT_TYPES,
  type Webhook,
  type WebhookDelivery,
} from '../../../api/webhooks'
import { useErrorToast } from '../../../components/ApiProblem'
import { CursorPager } from '../../../components/CursorPager'
import { type CursorStack, currentCursor } from '../../../components/cursor-stack'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useFormat } from '../../../i18n/use-format'
import { useAdminSession } from '../../../session/AdminSession'
import { DeliveryDrawer } from './DeliveryDrawer'
import { DeliveryStatusTag } from './DeliveryStatusTag'
import { useEventTypeName } from './use-event-type-name'

const PAGE_SIZE = 20
/** While a delivery on screen is about to be tried, the log is read again this often. */
const REFRESH_MS = 2_000
/** A retry further away than this is not waited for (the refresh button reads it then). */
const FOLLOW_MS = 60_000

/** Whether a delivery is pending with an attempt due soon: one worth following on screen. */
function dueSoon(delivery: WebhookDelivery, now: number): boolean {
  if (delivery.status !== 'pending') return false
  return delivery.next_attempt_at === null || Date.parse(delivery.next_attempt_at) - now < FOLLOW_MS
}

/**
 * One webhook's deliveries, newest first: filtered by status and event type, a page at a time;
 * each can be resent (the same event id) or opened for its payload and attempts.
 */
export function DeliveryLog({ webhook, onChanged }: { webhook: Webhook; onChanged(): void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const toastError = useErrorToast()
  const { api, program } = useAdminSession()
  const format = useFormat(program?.timezone)
  const eventName = useEventTypeName()
  const [status, setStatus] = useState<DeliveryStatus | undefined>()
  const [eventType, setEventType] = useState<string | undefined>()
  const [stack, setStack] = useState<CursorStack>([])
  const [opened, setOpened] = useState<WebhookDelivery | null>(null)
  const [resending, setResending] = useState<Record<string, true>>({})
  const cursor = currentCursor(stack)
  const key = JSON.stringify(['webhook-deliveries', webhook.id, status, eventType, cursor])
  const log = useQuery(key, (signal) =>
    listWebhookDeliveries(
      api,
      webhook.id,
      { status, event_type: eventType, limit: PAGE_SIZE, cursor },
      signal,
    ),
  )
  const page = log.error ? undefined : log.data
  const rows = page?.data ?? []
  const { reload } = log

  // Pending deliveries are being sent: follow them until they settle (the counts too).
  const waiting = rows.some((row) => dueSoon(row, Date.now()))
  useEffect(() => {
    if (!waiting || log.loading) return
    const timer = window.setTimeout(() => {
      reload()
      onChanged()
    }, REFRESH_MS)
    return () => window.clearTimeout(timer)
  }, [waiting, log.loading, reload, onChanged])

  const filter = (change: () => void) => {
    change()
    setStack([])
  }

  const resend = async (delivery: WebhookDelivery) => {
    setResending((previous) => ({ ...previous, [delivery.id]: true }))
    try {
      await redeliverWebhookDelivery(api, webhook.id, delivery.id)
      void message.success(t('webhooks.deliveries.resent'))
      reload()
      onChanged()
    } catch (error) {
      toastError(error)
    } finally {
      setResending(({ [delivery.id]: _, ...rest }) => rest)
    }
  }

  const when = (iso: string | null) => (iso ? format.dateTime(iso) : t('common.empty'))
  const columns: TableColumnsType<WebhookDelivery> = [
    {
      title: t('webhooks.deliveries.createdAt'),
      key: 'created_at',
      render: (_, row) => when(row.created_at),
    },
    {
      title: t('webhooks.deliveries.event'),
      key: 'event',
      render: (_, row) => (
        <Flex vertical>
          <span data-testid="delivery-event">{eventName(row.event.type)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.event.type} · {row.event.id}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('webhooks.deliveries.status'),
      key: 'status',
      render: (_, row) => <DeliveryStatusTag status={row.status} />,
    },
    {
      title: t('webhooks.deliveries.attempts'),
      key: 'attempts',
      align: 'right',
      render: (_, row) => <span data-testid="delivery-attempts-count">{row.attempts}</span>,
    },
    {
      title: t('webhooks.deliveries.responseCode'),
      key: 'response_code',
      align: 'right',
      render: (_, row) => (
        <span data-testid="delivery-response-code">{row.response_code ?? t('common.empty')}</span>
      ),
    },
    {
      title: t('webhooks.deliveries.error'),
      key: 'error',
      render: (_, row) =>
        row.error ? (
          <Typography.Text
            type="danger"
            ellipsis={{ tooltip: row.error }}
            style={{ maxWidth: 220 }}
          >
            {row.error}
          </Typography.Text>
        ) : (
          t('common.empty')
        ),
    },
    {
      title: t('webhooks.deliveries.nextAttempt'),
      key: 'next_attempt_at',
      render: (_, row) => when(row.next_attempt_at),
    },
    {
      title: t('webhooks.deliveries.actions'),
      key: 'actions',
      render: (_, row) => (
        <Flex gap={4}>
          <Button size="small" onClick={() => setOpened(row)} data-testid="delivery-open">
            {t('webhooks.deliveries.details')}
          </Button>
          <Button
            size="small"
            loading={row.id in resending}
            onClick={() => resend(row)}
            data-testid="delivery-resend"
          >
            {t('webhooks.deliveries.resend')}
          </Button>
        </Flex>
      ),
    },
  ]

  const types = webhook.events.includes(ALL_EVENTS)
    ? WEBHOOK_EVENT_TYPES
    : WEBHOOK_EVENT_TYPES.filter((type) => webhook.events.includes(type))

  return (
    <Card
      title={
        <Flex gap={8} align="baseline">
          <span>{t('webhooks.deliveries.title')}</span>
          <Typography.Text type="secondary" ellipsis style={{ fontWeight: 'normal' }}>
            {webhook.url}
          </Typography.Text>
        </Flex>
      }
      extra={
        <Tooltip title={t('webhooks.deliveries.refresh')}>
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              reload()
              onChanged()
            }}
            aria-label={t('webhooks.deliveries.refresh')}
            data-testid="deliveries-refresh"
          />
        </Tooltip>
      }
      data-testid="delivery-log"
    >
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Select<DeliveryStatus>
          allowClear
          placeholder={t('webhooks.deliveries.allStatuses')}
          value={status}
          onChange={(value) => filter(() => setStatus(value))}
          options={DELIVERY_STATUSES.map((value) => ({
            value,
            label: t(`webhooks.statuses.${value}`),
          }))}
          style={{ width: 160 }}
          data-testid="deliveries-status"
        />
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: ['label', 'value'] }}
          placeholder={t('webhooks.deliveries.allTypes')}
          value={eventType}
          onChange={(value) => filter(() => setEventType(value))}
          options={types.map((value) => ({ value, label: eventName(value) }))}
          style={{ width: 220 }}
          data-testid="deliveries-type"
        />
      </Flex>
      {log.error ? <ErrorAlert error={log.error} onRetry={reload} /> : null}
      <div style={{ overflowX: 'auto' }} data-testid="deliveries-table">
        <Table<WebhookDelivery>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          // A refresh of the same page keeps its rows on screen; a new filter or page loads.
          loading={log.loading && log.dataKey !== key}
          pagination={false}
          style={{ minWidth: 940 }}
          locale={{ emptyText: t('webhooks.deliveries.empty') }}
          onRow={(row) =>
            ({
              'data-testid': 'delivery-row',
              'data-status': row.status,
            }) as React.HTMLAttributes<HTMLElement>
          }
        />
      </div>
      <CursorPager
        stack={stack}
        nextCursor={page?.next_cursor ?? null}
        loading={log.loading}
        onChange={setStack}
        testIdPrefix="deliveries"
      />
      <DeliveryDrawer
        webhookId={webhook.id}
        // The row as the log shows it now, so the drawer follows its attempts.
        delivery={opened ? (rows.find((row) => row.id === opened.id) ?? opened) : null}
        onClose={() => setOpened(null)}
      />
    </Card>
  )
}
