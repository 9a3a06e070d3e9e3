import { TeamOutlined } from '@ant-design/icons'
import { Flex, Spin, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ProblemList } from '../../../components/ApiProblem'
import { useLocaliseError } from '../../../i18n/use-error-message'
import { useFormat } from '../../../i18n/use-format'
import type { AudienceState } from './use-audience-preview'

/** "预计覆盖 1,234 人 · 未来 30 天内将符合条件的会员": the builder's live audience. */
export function AudiencePanel({ audience }: { audience: AudienceState }) {
  const { t } = useTranslation()
  const format = useFormat()
  const localise = useLocaliseError()
  const { preview, loading, error, waiting } = audience

  let body: ReactNode
  if (waiting) {
    body = <Typography.Text type="secondary">{t('campaigns.form.audienceWaiting')}</Typography.Text>
  } else if (error && !loading) {
    const localised = localise(error)
    body = (
      <Flex vertical>
        <Typography.Text type="danger">{t('campaigns.form.audienceFailed')}</Typography.Text>
        {localised.fields.length > 0 ? <ProblemList problems={localised.fields} /> : null}
      </Flex>
    )
  } else if (preview) {
    body = (
      <Flex vertical gap={2} style={{ opacity: loading ? 0.5 : 1 }}>
        <Typography.Text
          strong
          style={{ fontSize: 24, lineHeight: 1.2 }}
          data-testid="campaign-audience-count"
          data-loading={loading ? 'true' : 'false'}
        >
          {t('campaigns.form.audienceCount', {
            count: preview.count,
            formatted: format.number(preview.count),
          })}
        </Typography.Text>
        <Typography.Text type="secondary" data-testid="campaign-audience-basis">
          {t(`campaigns.basis.${preview.basis}`)}
        </Typography.Text>
      </Flex>
    )
  } else {
    body = <Spin size="small" />
  }

  return (
    <Flex
      gap={12}
      align="center"
      className="lb-audience"
      data-testid="campaign-audience"
      aria-live="polite"
    >
      <TeamOutlined style={{ fontSize: 24, color: '#4f46e5' }} />
      <Flex vertical gap={2} style={{ flex: 1 }}>
        <Flex gap={8} align="center">
          <Typography.Text type="secondary">{t('campaigns.form.audience')}</Typography.Text>
          {loading && preview ? <Spin size="small" /> : null}
        </Flex>
        {body}
      </Flex>
    </Flex>
  )
}
