import {
  Descriptions,
  type DescriptionsProps,
  Drawer,
  Empty,
  Flex,
  Skeleton,
  Tag,
  Timeline,
  Typography,
} from 'antd'
import { useTranslation } from 'react-i18next'
import { useQuery } from '../../../api/use-query'
import {
  type DeliveryAttempt,
  getWebhookDelivery,
  type WebhookDelivery,
  type WebhookDeliveryDetail,
} from '../../../api/webhooks'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useFormat } from '../../../i18n/use-format'
import { useAdminSession } from '../../../session/AdminSession'
import { DeliveryStatusTag } from './DeliveryStatusTag'
import { useEventTypeName } from './use-event-type-name'

const answered = (code: number | null) => code !== null && code >= 200 && code < 300

/**
 * One delivery: what it posts (the event as JSON) and every attempt, newest last. It is read
 * again whenever the log shows the delivery changed (another attempt, another status).
 */
export function DeliveryDrawer({
  webhookId,
  delivery,
  onClose,
}: {
  webhookId: string
  delivery: WebhookDelivery | null
  onClose(): void
}) {
  const { t } = useTranslation()
  const { api } = useAdminSession()
  const detail = useQuery(
    delivery
      ? JSON.stringify([
          'webhook-delivery',
          webhookId,
          delivery.id,
          delivery.status,
          delivery.attempts,
          delivery.last_attempt_at,
        ])
      : null,
    (signal) => getWebhookDelivery(api, webhookId, delivery?.id ?? '', signal),
  )
  return (
    <Drawer
      open={delivery !== null}
      onClose={onClose}
      title={t('webhooks.drawer.title')}
      size="large"
    >
      <div data-testid="delivery-drawer">
        {detail.error ? <ErrorAlert error={detail.error} onRetry={detail.reload} /> : null}
        {/* While another delivery loads, the last one read stays only if it is this one. */}
        {detail.data && detail.data.id === delivery?.id ? (
          <DeliveryDetail detail={detail.data} />
        ) : detail.loading ? (
          <Skeleton active />
        ) : null}
      </div>
    </Drawer>
  )
}

function DeliveryDetail({ detail }: { detail: WebhookDeliveryDetail }) {
  const { t } = useTranslation()
  const { program } = useAdminSession()
  const format = useFormat(program?.timezone)
  const eventName = useEventTypeName()
  const when = (iso: string | null) => (iso ? format.dateTime(iso) : t('common.empty'))
  const items: DescriptionsProps['items'] = [
    { key: 'id', label: t('webhooks.drawer.delivery'), children: <code>{detail.id}</code> },
    {
      key: 'status',
      label: t('webhooks.drawer.status'),
      children: <DeliveryStatusTag status={detail.status} />,
    },
    {
      key: 'event',
      label: t('webhooks.drawer.event'),
      children: `${eventName(detail.event.type)} · ${detail.event.type}`,
    },
    {
      key: 'event_id',
      label: t('webhooks.drawer.eventId'),
      children: (
        <Typography.Text code copyable data-testid="delivery-event-id">
          {detail.event.id}
        </Typography.Text>
      ),
    },
    { key: 'created', label: t('webhooks.drawer.createdAt'), children: when(detail.created_at) },
    {
      key: 'delivered',
      label: t('webhooks.drawer.deliveredAt'),
      children: when(detail.delivered_at),
    },
    {
      key: 'next',
      label: t('webhooks.drawer.nextAttempt'),
      children: when(detail.next_attempt_at),
    },
  ]
  return (
    <Flex vertical gap={16}>
      <Descriptions bordered size="small" column={1} items={items} />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('webhooks.drawer.payload')}
      </Typography.Title>
      <pre className="lb-json" data-testid="delivery-payload">
        {JSON.stringify(detail.payload, null, 2)}
      </pre>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('webhooks.drawer.attempts')}
      </Typography.Title>
      {detail.attempt_log.length === 0 ? (
        <Empty description={t('webhooks.drawer.noAttempts')} />
      ) : (
        <div data-testid="delivery-attempts">
          <Timeline
            items={detail.attempt_log.map((attempt) => ({
              key: attempt.attempt,
              color: answered(attempt.response_code) ? 'green' : 'red',
              content: <AttemptItem attempt={attempt} />,
            }))}
          />
        </div>
      )}
    </Flex>
  )
}

function AttemptItem({ attempt }: { attempt: DeliveryAttempt }) {
  const { t } = useTranslation()
  const { program } = useAdminSession()
  const format = useFormat(program?.timezone)
  return (
    <Flex vertical gap={4} data-testid="delivery-attempt">
      <Flex gap={8} wrap align="center">
        <Typography.Text strong>
          {t('webhooks.drawer.attempt', { n: attempt.attempt })}
        </Typography.Text>
        <Typography.Text type="secondary">{format.dateTime(attempt.started_at)}</Typography.Text>
        <Typography.Text type="secondary">
          {t('webhooks.drawer.duration', { ms: format.number(attempt.duration_ms) })}
        </Typography.Text>
        <Tag
          color={answered(attempt.response_code) ? 'green' : 'red'}
          data-testid="delivery-attempt-code"
        >
          {attempt.response_code === null
            ? t('webhooks.drawer.noResponse')
            : t('webhooks.drawer.responseCode', { code: attempt.response_code })}
        </Tag>
      </Flex>
      {attempt.error ? <Typography.Text type="danger">{attempt.error}</Typography.Text> : null}
      {attempt.response_body ? (
        <>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('webhooks.drawer.responseBody')}
          </Typography.Text>
          <pre className="lb-json">{attempt.response_body}</pre>
        </>
      ) : null}
    </Flex>
  )
}
