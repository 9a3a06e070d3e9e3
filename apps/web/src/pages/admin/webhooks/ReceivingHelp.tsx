import { Card, Typography } from 'antd'
import { useTranslation } from 'react-i18next'

// The wire format, the same in every language (docs/webhooks.md).
const SIGNATURE_HEADER =
  'Loyalbase-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, t + "." + body)>'

/** What a receiver must do: check the signature, answer quickly, de-duplicate by event id. */
export function ReceivingHelp() {
  const { t } = useTranslation()
  return (
    <Card size="small" title={t('webhooks.help.title')} data-testid="webhooks-help">
      <Typography.Paragraph>
        <Typography.Text code>{SIGNATURE_HEADER}</Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('webhooks.help.signature')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('webhooks.help.retries')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('webhooks.help.dedupe')}
      </Typography.Paragraph>
    </Card>
  )
}
