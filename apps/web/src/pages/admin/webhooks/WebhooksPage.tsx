import { PlusOutlined } from '@ant-design/icons'
import { App, Button, Card, Empty, Flex, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from '../../../api/use-query'
import {
  deleteWebhook,
  listWebhookSummaries,
  rollWebhookSecret,
  type Webhook,
  type WebhookWithSecret,
} from '../../../api/webhooks'
import { useErrorToast } from '../../../components/ApiProblem'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useAdminSession } from '../../../session/AdminSession'
import { DeliveryLog } from './DeliveryLog'
import { ReceivingHelp } from './ReceivingHelp'
import { SecretModal } from './SecretModal'
import { WebhookFormModal } from './WebhookFormModal'
import { WebhookTable } from './WebhookTable'

/**
 * Webhook 推送 (docs/webhooks.md): the program's endpoints with their deliveries counted, created
 * and edited in a modal, the signing secret shown once (on creation and when rolled), and the
 * delivery log of the endpoint chosen, with each delivery's payload, attempts and a resend.
 */
export function WebhooksPage() {
  const { t } = useTranslation()
  const { api } = useAdminSession()
  const { message } = App.useApp()
  const toastError = useErrorToast()
  const [editing, setEditing] = useState<Webhook | 'new' | null>(null)
  const [secret, setSecret] = useState<{ webhook: WebhookWithSecret; rolled: boolean } | null>(null)
  const [selected, setSelected] = useState<string | null>(null)
  const list = useQuery('webhooks', (signal) => listWebhookSummaries(api, signal))
  const webhooks = list.error ? [] : (list.data ?? [])
  const shown = webhooks.find((webhook) => webhook.id === selected)

  const rollSecret = async (webhook: Webhook) => {
    try {
      setSecret({ webhook: await rollWebhookSecret(api, webhook.id), rolled: true })
    } catch (error) {
      toastError(error)
    }
  }

  const remove = async (webhook: Webhook) => {
    try {
      await deleteWebhook(api, webhook.id)
      void message.success(t('webhooks.deleted'))
      if (selected === webhook.id) setSelected(null)
      list.reload()
    } catch (error) {
      toastError(error)
    }
  }

  const saved = (webhook: Webhook | WebhookWithSecret) => {
    setEditing(null)
    // A new webhook's answer is the only one with its secret: shown now, or never.
    if ('secret' in webhook) setSecret({ webhook, rolled: false })
    void message.success(t('secret' in webhook ? 'webhooks.created' : 'webhooks.saved'))
    list.reload()
  }

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="flex-start" gap={16}>
        <Flex vertical gap={4}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('webhooks.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('webhooks.subtitle')}</Typography.Text>
        </Flex>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing('new')}
          data-testid="webhook-create"
        >
          {t('webhooks.create')}
        </Button>
      </Flex>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Card>
        <WebhookTable
          webhooks={webhooks}
          // Counts refreshed in the background keep the table on screen.
          loading={list.loading && list.data === undefined}
          selected={shown ? shown.id : null}
          onShowLog={(webhook) => setSelected(webhook.id)}
          onEdit={setEditing}
          onRollSecret={rollSecret}
          onDelete={remove}
        />
      </Card>
      {shown ? (
        <DeliveryLog key={shown.id} webhook={shown} onChanged={list.reload} />
      ) : webhooks.length > 0 ? (
        <Card>
          <Empty description={t('webhooks.deliveries.choose')} />
        </Card>
      ) : null}
      <ReceivingHelp />
      {editing ? (
        <WebhookFormModal
          webhook={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={saved}
        />
      ) : null}
      <SecretModal shown={secret} onClose={() => setSecret(null)} />
    </Flex>
  )
}
