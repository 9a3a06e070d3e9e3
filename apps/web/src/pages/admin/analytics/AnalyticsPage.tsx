import { Card } from 'antd'
import { useTranslation } from 'react-i18next'
import { getAnalyticsOverview } from '../../../api/analytics'
import { getTierLadder } from '../../../api/tiers'
import { useQuery } from '../../../api/use-query'
import { ComingSoon } from '../../../components/ComingSoon'
import { TierDistributionChart } from '../../../components/charts/TierDistributionChart'
import { useAdminSession } from '../../../session/AdminSession'

/**
 * Placeholder until the analytics section is built. If the server already answers the
 * overview, the tier distribution is drawn; otherwise (404 for now) only the notice shows.
 */
export default function AnalyticsPage() {
  const { t } = useTranslation()
  const { api } = useAdminSession()
  const overview = useQuery('analytics:overview', (signal) => getAnalyticsOverview(api, {}, signal))
  const ladder = useQuery('tiers', (signal) => getTierLadder(api, signal))

  const names = new Map(ladder.data?.tiers.map((tier) => [tier.key, tier.name]))
  const order = ladder.data?.tiers.map((tier) => tier.key) ?? []
  const tiers = [...(overview.data?.tiers ?? [])]
    .sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key))
    .map((tier) => ({ name: names.get(tier.key) ?? tier.key, count: tier.count }))

  return (
    <ComingSoon section={t('admin.nav.analytics')}>
      {tiers.length > 0 ? (
        <Card title={t('analytics.tierDistribution')} style={{ maxWidth: 720, margin: '0 auto' }}>
          <TierDistributionChart tiers={tiers} seriesName={t('analytics.membersSeries')} />
        </Card>
      ) : null}
    </ComingSoon>
  )
}
