import './portal-tier.css'
import { CrownOutlined, SafetyCertificateOutlined } from '@ant-design/icons'
import type { CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import type { PortalTierStatus } from '../../api/portal'
import { progressPercent } from '../../components/tiers/tier-helpers'
import { useTierText } from '../../components/tiers/use-tier-text'

export interface PortalTierProps {
  status: PortalTierStatus
  currency: string
  timeZone?: string
}

/** Under the card: how far to the next tier ("再消费 ¥3,800 升级金卡") and what keeps this one. */
export function PortalTier({ status, currency, timeZone }: PortalTierProps) {
  const { t } = useTranslation()
  const text = useTierText({ currency, timeZone, ladder: status.ladder })
  const type = status.metric.type
  const current = text.tier(status.tier.key, status.tier.name)
  const next = status.next ? text.tier(status.next.key, status.next.name) : null
  const percent = status.next ? progressPercent(status.metric.value, status.next.threshold) : 100
  const fill = next?.color ?? current.color
  const barStyle = {
    width: `${percent}%`,
    ...(fill ? { background: fill } : {}),
  } satisfies CSSProperties

  return (
    <section className="lb-portal-panel lb-portal-tier" data-testid="portal-tier">
      <h2 className="lb-portal-panel-title">{t('portalTier.title')}</h2>
      <div className="lb-tier-figures">
        <span className="lb-portal-muted">{text.metricName(type)}</span>
        <strong className="lb-portal-figure" data-testid="portal-tier-metric">
          {text.value(type, status.metric.value)}
        </strong>
      </div>
      <div
        className="lb-tier-track"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={text.next(type, status.next)}
      >
        <div className="lb-tier-fill" style={barStyle} />
      </div>
      <div className="lb-tier-ends">
        <span>{text.name(current.key, current.name)}</span>
        {next ? <span>{text.name(next.key, next.name)}</span> : null}
      </div>
      <div className="lb-portal-row">
        <CrownOutlined className="lb-portal-icon" />
        <div className="lb-portal-row-text lb-tier-next" data-testid="portal-tier-next">
          {text.next(type, status.next)}
        </div>
      </div>
      {status.retain || status.override ? (
        <div className="lb-portal-row">
          <SafetyCertificateOutlined className="lb-portal-icon" />
          <div className="lb-portal-row-text" data-testid="portal-tier-retain">
            {status.retain
              ? text.retain(type, status.retain, status.tier.key)
              : status.override?.until
                ? t('portalTier.overrideUntil', { date: text.date(status.override.until) })
                : t('portalTier.overrideForever')}
          </div>
        </div>
      ) : null}
    </section>
  )
}
