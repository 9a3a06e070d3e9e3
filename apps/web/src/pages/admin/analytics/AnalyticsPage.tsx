import { Card } from 'antd'
import { useTranslation } from 'react-i18next'
import { getTierDistribution, getTierLadder } from '../../../api/tiers'
import { useQuery } from '../../../api/use-query'
import { ComingSoon } from '../../../components/ComingSoon'
import { TierDistributionChart } from '../../../components/charts/TierDistributionChart'
import { resolveTier, tierLabel } from '../../../components/tiers/tier-helpers'
import { useFormat } from '../../../i18n/use-format'
import { useAdminSession } from '../../../session/AdminSession'

/**
 * Placeholder until the analytics section is built (the server has no analytics endpoints yet).
 * Until then it draws what the server already answers: members per tier.
 */
export default function AnalyticsPage() {
  const { t } = useTranslation()
  const { locale } = useFormat()
  const { api } = useAdminSession()
  const distribution = useQuery('tiers:distribution', (signal) => getTierDistribution(api, signal))
  const ladder = useQuery('tiers', (signal) => getTierLadder(api, signal))

  // The distribution lists the ladder's tiers lowest first; names and colours come from the ladder.
  const tiers = (distribution.data?.tiers ?? []).map((entry) => {
    const tier = resolveTier(ladder.data?.tiers, entry.key, entry.name)
    return { name: tierLabel(tier, locale), count: entry.count, color: tier.color }
  })

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
