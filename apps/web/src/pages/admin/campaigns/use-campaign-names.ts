import { useTranslation } from 'react-i18next'
import type { Campaign } from '../../../api/campaigns'
import type { ApiClient } from '../../../api/client'
import { getCouponTemplate } from '../../../api/coupons'
import { listSegments } from '../../../api/segments'
import { getTierLadder } from '../../../api/tiers'
import { useQuery } from '../../../api/use-query'
import type { CampaignNames } from '../../../components/campaigns/use-campaign-text'
import { resolveTier, tierLabel } from '../../../components/tiers/tier-helpers'
import { useFormat } from '../../../i18n/use-format'

/**
 * The names campaigns refer to by id: their coupon templates, their segments (the first 100)
 * and the ladder's tiers, each fetched only when one of the campaigns needs it.
 */
export function useCampaignNames(api: ApiClient, campaigns: readonly Campaign[]): CampaignNames {
  const { t } = useTranslation()
  const { locale } = useFormat()
  const templateIds = campaigns.flatMap((c) =>
    c.reward.type === 'coupon' ? [c.reward.template] : [],
  )
  const uniqueTemplates = [...new Set(templateIds)].sort()
  const templates = useQuery(
    uniqueTemplates.length > 0 ? `coupon-templates:${uniqueTemplates.join(',')}` : null,
    (signal) => Promise.all(uniqueTemplates.map((id) => getCouponTemplate(api, id, signal))),
  )
  const templateNames = new Map((templates.data ?? []).map((item) => [item.id, item.name]))
  const needsSegments = campaigns.some((c) => c.trigger.type === 'scheduled')
  const needsTiers = campaigns.some((c) => c.trigger.type === 'tier_upgraded')
  const segments = useQuery(needsSegments ? 'segments:names' : null, (signal) =>
    listSegments(api, { limit: 100 }, signal),
  )
  const ladder = useQuery(needsTiers ? 'tiers' : null, (signal) => getTierLadder(api, signal))

  const segmentNames = new Map((segments.data?.data ?? []).map((s) => [s.id, s.name]))
  const tiers = ladder.data?.tiers
  // Plain functions: the text they feed is cheap to make again on each render.
  return {
    templateName: (id) =>
      templateNames.get(id) ?? (templates.loading ? t('common.loading') : undefined),
    segmentName: (id) =>
      segmentNames.get(id) ?? (segments.loading ? t('common.loading') : undefined),
    tierName: (key) => (tiers ? tierLabel(resolveTier(tiers, key), locale) : undefined),
  }
}
