import { ClockCircleOutlined, MobileOutlined } from '@ant-design/icons'
import { Result } from 'antd'
import { useTranslation } from 'react-i18next'

export type PortalMessageKind = 'no-session' | 'expired'

/** Shown instead of the card when there is no usable session. */
export function PortalMessage({ kind }: { kind: PortalMessageKind }) {
  const { t } = useTranslation()
  if (kind === 'expired') {
    return (
      <Result
        icon={<ClockCircleOutlined style={{ color: '#f59e0b' }} />}
        title={t('portal.expired.title')}
        subTitle={t('portal.expired.subtitle')}
        data-testid="portal-expired"
      />
    )
  }
  return (
    <Result
      icon={<MobileOutlined />}
      title={t('portal.noSession.title')}
      subTitle={t('portal.noSession.subtitle')}
      data-testid="portal-no-session"
    />
  )
}
