import { CopyOutlined } from '@ant-design/icons'
import { Alert, App, Button, Flex, Modal, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { WebhookWithSecret } from '../../../api/webhooks'

/**
 * The signing secret, shown once: when a webhook is created and when its secret is rolled. The
 * server never answers with it again, so the modal says so and offers to copy it.
 */
export function SecretModal({
  shown,
  onClose,
}: {
  shown: { webhook: WebhookWithSecret; rolled: boolean } | null
  onClose(): void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const secret = shown?.webhook.secret ?? ''

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret)
      void message.success(t('webhooks.secret.copied'))
    } catch {
      // No clipboard (plain http on a LAN address): the secret stays on screen to copy by hand.
    }
  }

  return (
    <Modal
      open={shown !== null}
      title={t(shown?.rolled ? 'webhooks.secret.rolledTitle' : 'webhooks.secret.createdTitle')}
      onCancel={onClose}
      // Closing is a decision: not by a stray click beside the modal.
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="webhook-secret-done">
          {t('webhooks.secret.done')}
        </Button>
      }
      destroyOnHidden
    >
      <Flex vertical gap={12} data-testid="webhook-secret-modal">
        <Alert type="warning" showIcon title={t('webhooks.secret.warning')} />
        <Typography.Text type="secondary">{shown?.webhook.url}</Typography.Text>
        <Flex vertical gap={4}>
          <Typography.Text strong>{t('webhooks.secret.label')}</Typography.Text>
          <Flex gap={8} align="center">
            <Typography.Text code style={{ wordBreak: 'break-all' }} data-testid="webhook-secret">
              {secret}
            </Typography.Text>
            <Button icon={<CopyOutlined />} onClick={copy} data-testid="webhook-secret-copy">
              {t('webhooks.secret.copy')}
            </Button>
          </Flex>
          <Typography.Text type="secondary">{t('webhooks.secret.usage')}</Typography.Text>
        </Flex>
      </Flex>
    </Modal>
  )
}
