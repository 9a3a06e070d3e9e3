import { ClockCircleOutlined, ShoppingOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { ApiClient } from '../../api/client'
import { listPortalReleases } from '../../api/releases'
import { useQuery } from '../../api/use-query'
import { useFormat } from '../../i18n/use-format'

/** "新品优先购": upcoming releases and when each opens to this member; nothing when none. */
export function PortalReleases({
  api,
  token,
  timeZone,
}: {
  api: ApiClient
  token: string
  timeZone?: string
}) {
  const { t } = useTranslation()
  const format = useFormat(timeZone)
  const found = useQuery(`portal:releases:${token}`, (signal) => listPortalReleases(api, signal))
  const releases = found.data?.data ?? []
  if (releases.length === 0) return null
  return (
    <section className="lb-portal-panel" data-testid="portal-releases">
      <h2 className="lb-portal-panel-title">{t('portalReleases.title')}</h2>
      {releases.map((release) => {
        const early = release.opens_at !== release.public_at
        return (
          <div className="lb-portal-row" key={release.sku} data-testid="portal-release">
            {release.allowed ? (
              <ShoppingOutlined className="lb-portal-icon" />
            ) : (
              <ClockCircleOutlined className="lb-portal-icon" />
            )}
            <div className="lb-portal-row-text">
              <div>{release.name}</div>
              <div className="lb-portal-muted">
                {release.allowed
                  ? t('portalReleases.openNow')
                  : t(early ? 'portalReleases.opensEarly' : 'portalReleases.opens', {
                      at: format.dateTime(release.opens_at),
                    })}
                {early
                  ? ` · ${t('portalReleases.publicAt', { at: format.dateTime(release.public_at) })}`
                  : ''}
              </div>
            </div>
          </div>
        )
      })}
    </section>
  )
}
