import { Skeleton } from 'antd'
import type { ApiClient } from '../../api/client'
import { getPortalPoints } from '../../api/portal'
import { useQuery } from '../../api/use-query'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PortalPointsHistory } from './PortalPointsHistory'
import { PortalPointsSummary } from './PortalPointsSummary'

/** Everything under the card: pending and expiring points, then the history. */
export function PortalPoints({ api, timeZone }: { api: ApiClient; timeZone?: string }) {
  const balance = useQuery('portal:points', (signal) => getPortalPoints(api, signal))
  return (
    <>
      {balance.error ? <ErrorAlert error={balance.error} onRetry={balance.reload} /> : null}
      {balance.data ? (
        <PortalPointsSummary balance={balance.data} timeZone={timeZone} />
      ) : balance.loading ? (
        <Skeleton active paragraph={{ rows: 2 }} title={false} />
      ) : null}
      <PortalPointsHistory api={api} timeZone={timeZone} />
    </>
  )
}
