import { Button, Skeleton } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiClient } from '../../api/client'
import type { PointTransaction } from '../../api/points'
import { listPortalPointTransactions } from '../../api/portal'
import { useQuery } from '../../api/use-query'
import { ErrorAlert } from '../../components/ErrorAlert'
import { SignedPoints } from '../../components/points/SignedPoints'
import { useFormat } from '../../i18n/use-format'

const PAGE_SIZE = 20

export interface PortalPointsHistoryProps {
  api: ApiClient
  timeZone?: string
}

/** The member's own points history, newest first; "load more" appends the next page. */
export function PortalPointsHistory({ api, timeZone }: PortalPointsHistoryProps) {
  const { t } = useTranslation()
  const format = useFormat(timeZone)
  // Pages loaded so far (earlier ones kept), and the cursor of the page being asked for.
  const [loaded, setLoaded] = useState<PointTransaction[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const key = `portal:points:transactions:${cursor ?? ''}`
  const page = useQuery(key, (signal) =>
    listPortalPointTransactions(api, { limit: PAGE_SIZE, cursor: cursor ?? undefined }, signal),
  )
  const current = page.dataKey === key ? page.data : undefined
  const rows = current ? [...loaded, ...current.data] : loaded
  const nextCursor = current?.next_cursor ?? null

  const loadMore = () => {
    if (!current || !nextCursor) return
    setLoaded(rows)
    setCursor(nextCursor)
  }

  return (
    <section className="lb-portal-panel" data-testid="portal-history">
      <h2 className="lb-portal-panel-title">{t('portalPoints.history')}</h2>
      {rows.length === 0 && current ? (
        <p className="lb-portal-muted lb-portal-empty">{t('portalPoints.empty')}</p>
      ) : null}
      <ul className="lb-history">
        {rows.map((row) => (
          <li key={row.id} className="lb-history-row" data-testid="portal-history-row">
            <div className="lb-history-main">
              <span className="lb-history-label">{t(`points.types.${row.type}`)}</span>
              {row.note ? <span className="lb-history-note">{row.note}</span> : null}
              <span className="lb-history-date">{format.date(row.created_at)}</span>
            </div>
            <span className="lb-history-points">
              <SignedPoints points={row.points} strong />
            </span>
          </li>
        ))}
      </ul>
      {page.error ? <ErrorAlert error={page.error} onRetry={page.reload} /> : null}
      {page.loading ? <Skeleton active paragraph={{ rows: 3 }} title={false} /> : null}
      {current && nextCursor ? (
        <Button block onClick={loadMore} data-testid="portal-history-more">
          {t('portalPoints.loadMore')}
        </Button>
      ) : null}
      {current && !nextCursor && rows.length > 0 ? (
        <p className="lb-portal-muted lb-portal-end">{t('portalPoints.noMore')}</p>
      ) : null}
    </section>
  )
}
