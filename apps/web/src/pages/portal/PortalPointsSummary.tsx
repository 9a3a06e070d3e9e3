import { ClockCircleOutlined, HourglassOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { PointsBalance } from '../../api/points'
import { nextExpiry } from '../../components/points/points-helpers'
import { useFormat } from '../../i18n/use-format'

export interface PortalPointsSummaryProps {
  balance: PointsBalance
  timeZone?: string
}

/** Under the card: points on their way, and the next points to expire, in plain words. */
export function PortalPointsSummary({ balance, timeZone }: PortalPointsSummaryProps) {
  const { t } = useTranslation()
  const format = useFormat(timeZone)
  const expiry = nextExpiry(balance.expiring)

  return (
    <section className="lb-portal-panel lb-portal-summary" data-testid="portal-points-summary">
      <div className="lb-portal-row">
        <HourglassOutlined className="lb-portal-icon" />
        <div className="lb-portal-row-text">
          <div>{t('portalPoints.pending')}</div>
          <div className="lb-portal-muted">{t('portalPoints.pendingHint')}</div>
        </div>
        <strong className="lb-portal-figure" data-testid="portal-pending">
          {format.number(balance.pending)}
        </strong>
      </div>
      <div
        className={`lb-portal-row ${expiry ? 'lb-portal-expiring' : ''}`}
        data-testid="portal-expiring"
      >
        <ClockCircleOutlined className="lb-portal-icon" />
        <div className="lb-portal-row-text">
          {expiry ? (
            <>
              <div className="lb-portal-expiring-line">
                {t('portalPoints.expiringLine', {
                  points: format.number(expiry.next.points),
                  date: format.expiryDate(expiry.next.expires_at),
                })}
              </div>
              {expiry.later > 0 ? (
                <div className="lb-portal-muted">
                  {t('portalPoints.moreExpiring', { count: expiry.later })}
                </div>
              ) : null}
            </>
          ) : (
            <div className="lb-portal-muted">{t('portalPoints.noExpiring')}</div>
          )}
        </div>
      </div>
    </section>
  )
}
